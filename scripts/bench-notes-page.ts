/**
 * Notes benchmark in real Chromium: seeds 10,000 notes into the extension's IndexedDB (through the
 * import request, as a user's import would), then measures on the notes page itself
 *  - time to the first rendered list (navigation start → list in the DOM: page load, one
 *    `notesList` message carrying every note, search index build, first render),
 *  - search per keystroke while typing (input event → DOM updated),
 *  - export (click → file ready: the worker reads and formats all notes, the page makes the Blob).
 *
 *   npm run build && npx tsx scripts/bench-notes-page.ts [--notes 10000] [--runs 5]
 */
import { exportJsonLd } from '../src/core/annotations/export';
import { askBackground, launchExtension } from '../tests/browser/harness';
import { generateNotes } from './lib/generated-notes';
import { markdownTable } from './lib/markdown-table';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]) || fallback;
};
const COUNT = arg('notes', 10_000);
const RUNS = arg('runs', 5);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms`;
const stats = (values: number[]) => `${ms(median(values))} (max ${ms(Math.max(...values))})`;

async function main(): Promise<void> {
  const notes = generateNotes(COUNT);
  const file = exportJsonLd(notes);
  const session = await launchExtension();
  const rows: [string, string, string, string][] = [];
  const row = (what: string, value: string, target: string, pass: boolean | undefined, note = '') =>
    rows.push([what, value, target, `${pass === undefined ? '' : pass ? 'ok ' : 'SLOW '}${note}`]);
  try {
    const t0 = performance.now();
    const imported = await askBackground(session, 'notesImport', { text: file });
    if (!imported.ok || imported.added !== COUNT)
      throw new Error(`seeding failed: ${JSON.stringify(imported)}`);
    row(
      `import ${COUNT} notes (${(file.length / 1e6).toFixed(1)} MB JSON-LD)`,
      ms(performance.now() - t0),
      '-',
      undefined,
      'one transaction',
    );

    const page = await session.context.newPage();
    const url = `chrome-extension://${session.extensionId}/src/pages/notes/index.html`;
    const listed: number[] = [];
    const fetched: number[] = [];
    const complete: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName('bronwijzer-notes-complete').length > 0);
      const marks = await page.evaluate(() =>
        Object.fromEntries(
          ['bronwijzer-notes-fetched', 'bronwijzer-notes-listed', 'bronwijzer-notes-complete'].map((name) => [
            name,
            performance.getEntriesByName(name)[0]!.startTime,
          ]),
        ),
      );
      const count = await page.locator('[data-testid=notes-total]').textContent();
      if (count !== `(${COUNT})`) throw new Error(`the list shows ${count}`);
      fetched.push(marks['bronwijzer-notes-fetched']!);
      listed.push(marks['bronwijzer-notes-listed']!);
      complete.push(marks['bronwijzer-notes-complete']!);
    }
    row('notes page: navigation → newest notes received', stats(fetched), '-', undefined, `${RUNS} runs`);
    row(
      'notes page: navigation → first list rendered',
      stats(listed),
      '< 300 ms',
      median(listed) < 300,
      `${RUNS} runs, 100 notes drawn`,
    );
    row(
      'notes page: navigation → all notes searchable',
      stats(complete),
      '-',
      undefined,
      'loaded in pieces of 2,000',
    );

    // Typing at a brisk 12 characters a second; every keystroke must be handled before the next.
    const search = page.locator('input.search');
    const keystrokes: number[] = [];
    for (const query of ['resolutie vrede', 'stikstof 4242', 'financiele ondersteuning', 'vn']) {
      await page.evaluate(() => performance.clearMeasures('bronwijzer-notes-search'));
      await search.fill('');
      await search.pressSequentially(query, { delay: 80 });
      await page.waitForFunction(
        (n) => performance.getEntriesByName('bronwijzer-notes-search').length >= n,
        query.length,
      );
      keystrokes.push(
        ...(await page.evaluate(() =>
          performance.getEntriesByName('bronwijzer-notes-search').map((entry) => entry.duration),
        )),
      );
    }
    row(
      'search per keystroke (input → list updated)',
      stats(keystrokes),
      '< 80 ms (next key)',
      Math.max(...keystrokes) < 80,
      `${keystrokes.length} keystrokes`,
    );
    await search.fill('');

    for (const format of ['jsonld', 'markdown', 'csv'] as const) {
      const times: number[] = [];
      for (let run = 0; run < 3; run++) {
        await page.evaluate(() => performance.clearMeasures('bronwijzer-notes-export'));
        const downloading = page.waitForEvent('download');
        await page.locator(`button[data-export=${format}]`).click();
        await downloading;
        await page.waitForFunction(() => performance.getEntriesByName('bronwijzer-notes-export').length > 0);
        times.push(
          await page.evaluate(() => performance.getEntriesByName('bronwijzer-notes-export')[0]!.duration),
        );
      }
      row(
        `export ${format} (click → file ready)`,
        stats(times),
        '< 2000 ms',
        Math.max(...times) < 2000,
        '3 runs',
      );
    }
  } finally {
    await session.close();
  }

  const head: [string, string, string, string] = ['what', 'median', 'target', 'verdict'];
  console.log(`\nNotes page in Chromium with ${COUNT} notes\n`);
  console.log(markdownTable([head, ...rows], [false, false, false, false]));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
