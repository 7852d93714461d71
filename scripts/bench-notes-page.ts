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
import { describeRange } from '../src/core/annotations/anchor';
import { exportJsonLd } from '../src/core/annotations/export';
import { COLOURS, createAnnotation, type Annotation } from '../src/core/annotations/model';
import { askBackground, launchExtension } from '../tests/browser/harness';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]) || fallback;
};
const COUNT = arg('notes', 10_000);
const RUNS = arg('runs', 5);

function rng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(2025);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const WORDS = (
  'de het een van en in op te dat voor met is niet aan door bij als ook zijn over naar Kamer minister ' +
  'regering kabinet resolutie Veiligheidsraad vrouwen vrede veiligheid motie Kamerstuk verdrag beleid ' +
  'uitvoering brief vragen antwoord wetsvoorstel begroting artikel commissie Buitenlandse Zaken Defensie ' +
  'financiële ondersteuning internationale samenwerking rapport onderzoek stikstof landbouw natuur ' +
  'woningbouw gemeenten provincies toezegging evaluatie Handelingen vergadering ratificatie mensenrechten'
).split(' ');
const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

function makeNotes(count: number): Annotation[] {
  const text = Array.from({ length: 4000 }, () => `${sentence(12)} ${Math.floor(random() * 1e5)}.`).join(' ');
  const sites = ['www.tweedekamer.nl', 'zoek.officielebekendmakingen.nl', 'www.rijksoverheid.nl'];
  const tags = ['opvolgen', 'begroting', 'VN', 'stikstof', 'WPS', 'toezegging', 'motie', 'later lezen'];
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const at = Math.floor(random() * (text.length - 200));
    const citation =
      random() < 0.4 ? { id: `unsc-${1300 + Math.floor(random() * 60)}`, kind: 'unsc' as const } : undefined;
    return createAnnotation(
      {
        url: `https://${pick(sites)}/document/${Math.floor(i / 5)}`,
        title: `Document ${Math.floor(i / 5)}: ${sentence(6)}`,
        selectors: describeRange(text, at, at + 40 + Math.floor(random() * 160)),
        ...(citation ? { citation } : {}),
        body: `${sentence(10 + Math.floor(random() * 40))} ${i}`,
        colour: pick(COLOURS),
        tags: random() < 0.7 ? [pick(tags), pick(tags)] : [],
      },
      { now: new Date(start + i * 60_000) },
    );
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms`;
const stats = (values: number[]) => `${ms(median(values))} (max ${ms(Math.max(...values))})`;

async function main(): Promise<void> {
  const notes = makeNotes(COUNT);
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
  const widths = [0, 1, 2, 3].map((i) => Math.max(...[head, ...rows].map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\nNotes page in Chromium with ${COUNT} notes\n`);
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
