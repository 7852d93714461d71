/**
 * What this machine gives the detector, apart from the detector: why `npm run scan` runs at the speed it does.
 *
 *   npm run --silent bench:machine [-- --mb 8]
 *
 * - A page fault: the cost of memory fresh from the system, per 4 KB page (a 64 MB buffer touched page by page).
 *   A process that grows its heap, or makes a string above V8's large-object size, pays it for every page.
 * - Two processes side by side against one alone: an integer loop (no memory) and the detector (the bundle the
 *   extension ships, on `--mb` MB of the text `npm run scan:sample` makes: a first pass in a fresh process, as a
 *   scan worker makes, and the best of three after it). Where two side by side take twice as long as one, the second core adds
 *   nothing to that work: scan's worker threads share it the same way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleModules } from './lib/bundle';
import { markdownTable } from './lib/markdown-table';

/** µs per page fault: a buffer from the system, touched once per page. */
function pageFaultMicros(): { micros: number; faults: number } {
  const before = process.resourceUsage().minorPageFault;
  const started = performance.now();
  const buffer = Buffer.allocUnsafeSlow(64 << 20);
  for (let i = 0; i < buffer.length; i += 4096) buffer[i] = 1;
  const ms = performance.now() - started;
  const faults = process.resourceUsage().minorPageFault - before;
  return { micros: (1000 * ms) / Math.max(1, faults), faults };
}

interface ChildTimes {
  loop?: number;
  first?: number;
  warm?: number;
}

/** Runs `script` (an ES module) in `count` node processes at once; their JSON answers. */
async function sideBySide(script: string, count: number): Promise<ChildTimes[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ChildTimes>((resolve, reject) => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
          let out = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.stderr.pipe(process.stderr);
          child.on('error', reject);
          child.on('exit', (code) =>
            code === 0 ? resolve(JSON.parse(out) as ChildTimes) : reject(new Error(`child exit ${code}`)),
          );
        }),
    ),
  );
}

const LOOP_SCRIPT = `
const started = performance.now();
let x = 0;
for (let i = 0; i < 3e8; i++) x = (x + i * 7) % 1000003;
console.log(JSON.stringify({ loop: performance.now() - started, x }));
`;

function detectorScript(bundle: string, file: string): string {
  return `
import { readFileSync } from 'node:fs';
const { detectCitations, warmUp } = await import(${JSON.stringify(bundle)});
warmUp();
const text = readFileSync(${JSON.stringify(file)}, 'utf8');
let started = performance.now();
detectCitations(text);
const first = performance.now() - started;
let warm = Infinity;
for (let i = 0; i < 3; i++) {
  started = performance.now();
  detectCitations(text);
  warm = Math.min(warm, performance.now() - started);
}
console.log(JSON.stringify({ first, warm }));
`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const mbAt = args.indexOf('--mb');
  const mb = mbAt >= 0 ? Number(args[mbAt + 1]) : 8;
  if (!(mb > 0)) throw new Error('--mb takes a number of megabytes');
  const dir = mkdtempSync(join(tmpdir(), 'bench-machine-'));
  const bundles = await bundleModules({ 'scan-core': 'scripts/lib/scan-core.ts' });
  try {
    const file = join(dir, 'text.txt');
    const made = spawnSync('npx', ['tsx', 'scripts/make-scan-sample.ts', file, '--mb', String(mb)], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (made.status !== 0) throw new Error('npm run scan:sample failed');
    const faults = pageFaultMicros();
    const detector = detectorScript(bundles.paths['scan-core'], file);
    const rows: string[][] = [
      ['work', 'one process alone (ms)', 'two side by side (ms, slower)', 'two vs one'],
    ];
    const row = (name: string, alone: number, pair: number): void => {
      rows.push([name, alone.toFixed(0), pair.toFixed(0), `${(pair / alone).toFixed(2)}×`]);
    };
    const loopAlone = (await sideBySide(LOOP_SCRIPT, 1))[0]!.loop!;
    const loopPair = Math.max(...(await sideBySide(LOOP_SCRIPT, 2)).map((t) => t.loop!));
    row('integer loop (no memory)', loopAlone, loopPair);
    const [alone] = await sideBySide(detector, 1);
    const pair = await sideBySide(detector, 2);
    row(
      `detector, first pass over ${mb} MB in a fresh process`,
      alone!.first!,
      Math.max(...pair.map((t) => t.first!)),
    );
    row(`detector, best of the next three passes`, alone!.warm!, Math.max(...pair.map((t) => t.warm!)));
    console.log(
      `node ${process.version}; a page fault: ${faults.micros.toFixed(1)} µs (${faults.faults} faults)`,
    );
    console.log(markdownTable(rows));
  } finally {
    bundles.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
