/**
 * Benchmark for saved notes at 10,000 notes: store open + list, search per keystroke, export,
 * import, and text anchoring on a 1.5 MB page.
 *
 *   npx tsx scripts/bench-annotations.ts [--notes 10000]
 *
 * The store runs on fake-indexeddb in Node: a proxy for the browser's IndexedDB (which keeps data
 * on disk with structured cloning in native code), so its timings indicate scale, not the
 * browser's figure. Everything else is the same code the extension runs.
 */
import 'fake-indexeddb/auto';
import { AnnotationStore } from '../src/background/annotation-store';
import { anchor, describeRange } from '../src/core/annotations/anchor';
import { exportCsv, exportJsonLd, exportMarkdown } from '../src/core/annotations/export';
import { importJsonLd } from '../src/core/annotations/import';
import { AnnotationSearchIndex } from '../src/core/annotations/search';
import { generateNotes, pageText } from './lib/generated-notes';
import { markdownTable } from './lib/markdown-table';

const COUNT = Number(process.argv[process.argv.indexOf('--notes') + 1]) || 10_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time<T>(f: () => T | Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await f();
  return [value, performance.now() - t0];
}

async function repeat(runs: number, f: () => unknown): Promise<{ median: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(f))[1]);
  return { median: median(times), max: Math.max(...times) };
}

const rows: [string, string, string, string][] = [];
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
function row(
  what: string,
  result: { median: number; max: number } | number,
  target: string,
  note = '',
): void {
  const value = typeof result === 'number' ? ms(result) : `${ms(result.median)} (max ${ms(result.max)})`;
  rows.push([what, value, target, note]);
}

async function main(): Promise<void> {
  const [notes, generate] = await time(() => generateNotes(COUNT));
  console.log(`Generated ${notes.length} notes in ${ms(generate)}.\n`);

  // Store: import once, then time a cold open + listAll with a new connection each run.
  const name = `bench-annotations-${Date.now()}`;
  const seed = await AnnotationStore.open(name);
  const [, putMany] = await time(() => seed.putMany(notes));
  seed.close();
  row(`store putMany ${COUNT} (one transaction)`, putMany, '-', 'fake-indexeddb');
  let listed = 0;
  row(
    `store open + listAll ${COUNT}`,
    await repeat(5, async () => {
      const store = await AnnotationStore.open(name);
      listed = (await store.listAll()).length;
      store.close();
    }),
    '< 300 ms',
    'fake-indexeddb (proxy)',
  );
  if (listed !== COUNT) throw new Error(`listAll returned ${listed} notes`);
  const store = await AnnotationStore.open(name);
  row(
    'store listByCitation (unsc-1325)',
    await repeat(5, () => store.listByCitation('unsc-1325')),
    '-',
    'fake-indexeddb',
  );
  store.close();

  // Search.
  const [index, build] = await time(() => new AnnotationSearchIndex(notes));
  row(`search index build ${COUNT}`, build, '-', 'once per list view');
  row('search first keystroke (cold JIT)', (await time(() => index.search({ text: 'v' })))[1], '-');
  const keystrokes: number[] = [];
  for (const query of [
    'financiele vrede',
    'resolutie 1325',
    '"internationale samenwerking" opvolgen',
    'stikstof 4242',
  ]) {
    for (let n = 1; n <= query.length; n++)
      keystrokes.push((await time(() => index.search({ text: query.slice(0, n) })))[1]);
  }
  row(
    'search per keystroke',
    { median: median(keystrokes), max: Math.max(...keystrokes) },
    '< 16 ms',
    `${keystrokes.length} keystrokes`,
  );
  row(
    'search + tag/kind filter',
    await repeat(20, () => index.search({ text: 'vrede', tags: ['VN'], kind: 'unsc' })),
    '< 16 ms',
  );

  // Export and import.
  let jsonld = '';
  row(
    'export JSON-LD',
    await repeat(5, () => (jsonld = exportJsonLd(notes))),
    '< 2000 ms',
    `${(jsonld.length / 1e6).toFixed(1)} MB`,
  );
  let md = '';
  row(
    'export Markdown',
    await repeat(5, () => (md = exportMarkdown(notes))),
    '< 2000 ms',
    `${(md.length / 1e6).toFixed(1)} MB`,
  );
  let csv = '';
  row(
    'export CSV',
    await repeat(5, () => (csv = exportCsv(notes))),
    '< 2000 ms',
    `${(csv.length / 1e6).toFixed(1)} MB`,
  );
  row(
    'import JSON-LD (parse + validate)',
    await repeat(3, () => {
      const result = importJsonLd(jsonld);
      if (!result.ok || result.annotations.length !== COUNT) throw new Error('import failed');
    }),
    '-',
  );

  // Anchoring on a 1.5 MB page.
  const page = pageText(1_500_000);
  const start = 900_000;
  for (const length of [30, 200]) {
    const selectors = describeRange(page, start, start + length);
    const shifted = `Nieuwe inleiding. ${page}`;
    const edited = `${page.slice(0, start + 10)}XYZ${page.slice(start + 12)}`;
    const removed = page.slice(0, start - 50) + page.slice(start + length + 50);
    row(
      `anchor ${length}-char quote: position`,
      await repeat(5, () => anchor(page, selectors)),
      '-',
      '1.5 MB page',
    );
    row(
      `anchor ${length}-char quote: moved`,
      await repeat(5, () => anchor(shifted, selectors)),
      '-',
      'exact quote',
    );
    row(
      `anchor ${length}-char quote: edited`,
      await repeat(5, () => anchor(edited, selectors)),
      '-',
      'fuzzy',
    );
    row(
      `anchor ${length}-char quote: removed`,
      await repeat(5, () => anchor(removed, selectors)),
      '-',
      'orphan, full scan',
    );
  }

  console.log(markdownTable([['what', 'median', 'target', 'note'], ...rows], [false, false, false, false]));
  console.log(
    '\nStore timings use fake-indexeddb in Node, only a proxy for IndexedDB in the browser;' +
      '\nmeasure the list in the extension itself (browser tests) for the real figure.',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
