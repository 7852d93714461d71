/**
 * Throughput of detectCitations on ≥ 10 MB of real text (the dev corpus repeated), beside a one-regex pass
 * (/\d+/g) over the same text in the same run, and the time on 1 MB adversarial inputs at growing sizes. The
 * regex pass and the detector are timed in turn, a run of each at a time, 30 pairs after warm-up: the detector's
 * "× regex" is the median of the pairs' ratios (a busy spell slows both runs of a pair), its ms and MB/s the
 * fastest run (steady state, least disturbed by other load on the machine).
 *
 * The detector is measured as it ships: src/core/detect bundled by esbuild into one ES module (the extension's
 * service worker runs the vite/rollup bundle, measured at the same speed). Importing the TypeScript through tsx
 * instead costs ~8% from its module interop, which is not the detector's cost.
 *
 *   npm run bench -- [CORPUS_DIR] [--mb N]          (default ../shared/corpus/dev, 10 MB)
 *
 * Without the corpus it falls back to built-in sample sentences and says so.
 */
import { resolve } from 'node:path';
import { bundleModules } from './lib/bundle';
import { corpusDocuments } from './lib/corpus';
import { markdownTable } from './lib/markdown-table';
import { SAMPLE } from './lib/sample-text';

type ScanCore = typeof import('./lib/scan-core');
type TriggerScans = typeof import('./lib/trigger-scans');

/**
 * The detector and scan's output from the esbuild bundle `scan` runs (scripts/lib/bundle.ts), and the trigger
 * scans from the same bundle.
 */
async function bundledDetector(): Promise<ScanCore & TriggerScans> {
  const bundles = await bundleModules({
    'scan-core': 'scripts/lib/scan-core.ts',
    'trigger-scans': 'scripts/lib/trigger-scans.ts',
  });
  try {
    const core = (await import(bundles.paths['scan-core'])) as ScanCore;
    const scans = (await import(bundles.paths['trigger-scans'])) as TriggerScans;
    return { ...core, ...scans };
  } finally {
    bundles.dispose();
  }
}

function corpusText(dir: string): { text: string; note: string } {
  const documents = corpusDocuments(dir);
  if (!documents)
    return { text: SAMPLE, note: `corpus not found at ${dir}: using built-in sample sentences` };
  return { text: documents.join('\n\n'), note: `${documents.length} documents from ${dir}` };
}

function repeatTo(unit: string, bytes: number): string {
  const unitBytes = Buffer.byteLength(unit);
  const n = Math.max(1, Math.ceil(bytes / unitBytes));
  // One flat string, as the page reader hands over: repeat() would build a rope, and flattening it by
  // split('').join('') leaves ten million strings for the garbage collector to sweep during the timed passes.
  return new Array<string>(n).fill(unit).join('');
}

/** Pairs of timed runs (regex, detector) for the detector's ratio to the regex. */
const PAIRS = 30;

/** Calls before timing: V8 needs a few passes over a 10 MB text before its JIT tiers settle (steady state). */
const WARM_UP_RUNS = 3;

/** The time of one call, in ms. */
function time(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/** The fastest of `runs` timed calls after the warm-up: throughput at steady state, minus GC pauses' luck. */
function best(runs: number, fn: () => unknown): number {
  for (let i = 0; i < WARM_UP_RUNS; i++) fn();
  let min = Infinity;
  for (let i = 0; i < runs; i++) min = Math.min(min, time(fn));
  return min;
}

async function main(): Promise<void> {
  const { detectCitations, jsonlOf, digitTriggerHits, treatyWordHitCount, capitalHits } =
    await bundledDetector();
  console.log('detector: esbuild bundle of src/core/detect, as built into the extension');
  const args = process.argv.slice(2);
  const mbIdx = args.indexOf('--mb');
  const targetMb = mbIdx >= 0 ? Number(args[mbIdx + 1]) : 10;
  const dirArg = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--mb') ?? '../shared/corpus/dev';
  const { text: unit, note } = corpusText(resolve(dirArg));
  const text = repeatTo(unit + '\n\n', targetMb * 1e6);
  const mb = Buffer.byteLength(text) / 1e6;
  console.log(`bench text: ${mb.toFixed(1)} MB (${note}), node ${process.version}`);

  // Timed runs of each pass: on a shared machine the fastest of fifteen is rarely slowed by another's load.
  const runs = 15;
  // One detector call first, so the set-up it does once (the treaty tables) and the start of the process are over
  // before anything is timed.
  detectCitations(text);
  let digitRuns = 0;
  // The regex pass, written out twice: each copy is compiled on its own, and on this machine one copy now and then
  // runs up to twice as slow for a whole process (wherever its code happens to land), which would flatter the
  // detector. The faster copy gives the regex's speed.
  const regexPasses = [
    (): void => {
      const re = /\d+/g;
      let n = 0;
      while (re.exec(text)) n++;
      digitRuns = n;
    },
    (): void => {
      const re = /\d+/g;
      let n = 0;
      while (re.exec(text)) n++;
      digitRuns = n;
    },
  ];
  let count = 0;
  const detectPass = (): void => {
    count = detectCitations(text).length;
  };
  // Regex and detector runs alternate, a pair at a time: a busy spell on the machine (from others) slows both runs
  // of a pair alike, where series of each in turn let it fall on one series and decide the ratio. Each pair gives
  // a ratio (the faster regex copy against the detector run); the median of those is the detector's "× regex".
  for (let i = 0; i < WARM_UP_RUNS; i++) {
    for (const pass of regexPasses) pass();
    detectPass();
  }
  const ratios: number[] = [];
  let tDigits = Infinity;
  let tDetect = Infinity;
  for (let i = 0; i < PAIRS; i++) {
    const r = Math.min(...regexPasses.map(time));
    const d = time(detectPass);
    ratios.push(d / r);
    tDigits = Math.min(tDigits, r);
    tDetect = Math.min(tDetect, d);
  }
  ratios.sort((a, b) => a - b);
  const quantile = (q: number): number => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))]!;
  const mbps = (ms: number): string => (mb / (ms / 1000)).toFixed(0);
  // The trigger scans alone: what detectCitations spends before any recognizer runs.
  const scans: [string, (t: string) => number][] = [
    ['  digit trigger scan', digitTriggerHits],
    ['  treaty-word scan', treatyWordHitCount],
    ['  capitals scan (acronyms, ECLI)', capitalHits],
  ];
  const scanRows = scans.map(([name, scan]) => {
    let hits = 0;
    const t = best(runs, () => (hits = scan(text)));
    return [name, t.toFixed(1), mbps(t), (t / tDigits).toFixed(2), `${hits} hits`];
  });
  let outBytes = 0;
  const tScan = best(3, () => {
    outBytes = jsonlOf('bench.txt', text, detectCitations(text)).length;
  });
  console.log(
    markdownTable([
      ['pass', 'ms', 'MB/s', '× regex', 'matches'],
      ['/\\d+/g (one regex)', tDigits.toFixed(1), mbps(tDigits), '1.00', String(digitRuns)],
      ['detectCitations', tDetect.toFixed(1), mbps(tDetect), quantile(0.5).toFixed(2), String(count)],
      ...scanRows,
      [
        'detect + jsonl output (scan)',
        tScan.toFixed(1),
        mbps(tScan),
        (tScan / tDigits).toFixed(2),
        `${(outBytes / 1e6).toFixed(1)} MB out`,
      ],
    ]),
  );

  console.log(
    `detectCitations × regex: median of ${PAIRS} pairs of runs in turn ${quantile(0.5).toFixed(2)} ` +
      `(quartiles ${quantile(0.25).toFixed(2)}–${quantile(0.75).toFixed(2)}); ` +
      `fastest run against fastest run ${(tDetect / tDigits).toFixed(2)}`,
  );
  console.log('\nadversarial inputs (time should grow linearly with size):');
  const cases: [string, string][] = [
    ['"nr. " repeated', 'nr. '],
    ['digit and space runs', '12 345 6 78 9 0 1234 56789 '],
    ['"Kamerstukken " repeated', 'Kamerstukken '],
    ['1 MB line without spaces', 'ab1-2/3.4,5(6)7:8;9nr.Kamerstuk'],
    ['"resoluties 1325, " repeated', 'resoluties 1325, '],
    ['"Verdrag inzake de " repeated', 'Verdrag inzake de '],
    ['"Trb. 2013, 1 en " repeated', 'Trb. 2013, 1 en '],
    ['"(12345-" repeated', '(12345-'],
    ['a chain of "; nr. 1"', '; nr. 1'],
    ['"nrs. 4–6, " repeated', 'nrs. 4–6, '],
    ['"van 12 mei 2003, Stb. 1 " repeated', 'van 12 mei 2003, Stb. 1 '],
    ['"was nr. 705 (21501-20) " repeated', 'was nr. 705 (21501-20) '],
  ];
  const rows: string[][] = [['input', '0.25 MB ms', '0.5 MB ms', '1 MB ms', '1 MB / 0.25 MB']];
  for (const [name, u] of cases) {
    const t = [0.25, 0.5, 1].map((size) => {
      const s = repeatTo(u, size * 1e6);
      return best(3, () => detectCitations(s));
    });
    rows.push([
      name,
      t[0]!.toFixed(1),
      t[1]!.toFixed(1),
      t[2]!.toFixed(1),
      (t[2]! / Math.max(t[0]!, 0.01)).toFixed(1),
    ]);
  }
  console.log(markdownTable(rows));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
