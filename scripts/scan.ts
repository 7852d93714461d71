/**
 * Lists the citations in text and HTML files.
 *
 *   npm run --silent scan -- [--format jsonl|table] [--stats] PATH...
 *
 * A PATH is a file (`-`: stdin) or a directory, whose .txt, .html and .htm files are scanned (recursively).
 * jsonl (default): one object per citation: {"file","kind","id","text","start","end", …extras}; offsets are UTF-16
 * indices into the file's text (for .html/.htm: the body text as the content script sees it).
 * The detector runs as the extension ships it (an esbuild bundle of src/core/detect). Several files are scanned on
 * all cores (worker threads), output in the order of the files; a scan that runs longer than a second shows its
 * progress on stderr (SCAN_PROGRESS_AFTER_MS sets after how long). --stats prints the files, megabytes, time and MB/s on stderr at the end.
 * No citations → no output, exit 0. A file that cannot be read or scanned → a message on stderr and exit 1 (other
 * files are still scanned). Bad usage → exit 2.
 */
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { bundleModules } from './lib/bundle';
import type { FileResult, Format } from './lib/scan-core';
import type { ScanAnswer, ScanJob } from './lib/scan-worker';

interface Options {
  format: Format;
  stats: boolean;
  paths: string[];
}

function usage(msg?: string): never {
  if (msg) console.error(`scan: ${msg}`);
  console.error('usage: npm run --silent scan -- [--format jsonl|table] [--stats] FILE|DIRECTORY...');
  process.exit(2);
}

function parseFormat(v: string | undefined): Format {
  if (v !== 'jsonl' && v !== 'table') usage(`unknown format ${v ?? '(missing)'}`);
  return v;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { format: 'jsonl', stats: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format' || a === '-f') options.format = parseFormat(argv[++i]);
    else if (a.startsWith('--format=')) options.format = parseFormat(a.slice('--format='.length));
    else if (a === '--stats') options.stats = true;
    else if (a === '--help' || a === '-h') usage();
    else if (a === '--') {
      options.paths.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') usage(`unknown option ${a}`);
    else options.paths.push(a);
  }
  if (!options.paths.length) usage('no files given');
  return options;
}

const SCANNED = /\.(?:txt|x?html?)$/i;

/** The files a path stands for: itself, or a directory's .txt/.html files, sorted, recursively. */
function filesOf(path: string): string[] {
  let isDirectory = false;
  try {
    isDirectory = path !== '-' && statSync(path).isDirectory();
  } catch {
    return [path]; // reported when it is read
  }
  if (!isDirectory) return [path];
  const out: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...filesOf(full));
    else if (SCANNED.test(entry.name)) out.push(full);
  }
  return out;
}

/** When progress starts to show: a second, or SCAN_PROGRESS_AFTER_MS (the tests show it at once). */
const PROGRESS_AFTER_MS = Number(process.env.SCAN_PROGRESS_AFTER_MS ?? 1000);

/** Progress on stderr once the scan has run a second, at most a few times a second. */
class Progress {
  private readonly started = performance.now();
  private shownAt = 0;
  private shown = false;
  constructor(private readonly total: number) {}

  update(done: number, bytes: number, force = false): void {
    const now = performance.now();
    if (now - this.started < PROGRESS_AFTER_MS || (!force && now - this.shownAt < 250)) return;
    this.shownAt = now;
    this.shown = true;
    const line = `scan: ${done}/${this.total} files, ${(bytes / 1e6).toFixed(1)} MB`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`);
    else process.stderr.write(`${line}\n`);
  }

  end(): void {
    if (this.shown && process.stderr.isTTY) process.stderr.write('\n');
  }
}

/** Scans `files` on worker threads, handing each result to `take` in the order of the files. */
async function scanOnWorkers(
  files: string[],
  format: Format,
  workerPath: string,
  take: (index: number, answer: ScanAnswer) => void,
): Promise<void> {
  const count = Math.min(files.length, availableParallelism());
  let next = 0;
  const workers = Array.from({ length: count }, () => new Worker(workerPath, { workerData: { format } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= files.length) return resolve();
              const job: ScanJob = { index: next, file: files[next]! };
              next++;
              worker.postMessage(job);
            };
            worker.on('message', (answer: ScanAnswer) => {
              take(answer.index, answer);
              send();
            });
            worker.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

async function main(): Promise<void> {
  const { format, stats, paths } = parseArgs(process.argv.slice(2));
  const files = paths.flatMap(filesOf);
  const bundles = await bundleModules({
    'scan-core': 'scripts/lib/scan-core.ts',
    'scan-worker': 'scripts/lib/scan-worker.ts',
  });
  const core = (await import(bundles.paths['scan-core'])) as typeof import('./lib/scan-core');
  if (files.length === 1) core.warmUp(); // the workers warm up on their own, meanwhile
  // Timed from here: reading, detecting and writing; not the start of the process, the bundling and the warm-up.
  const started = performance.now();
  let failed = false;
  let bytes = 0;
  let done = 0;
  let citations = 0;
  const rows: string[][] = [];
  const progress = new Progress(files.length);
  // Results are written in the order of the files: those that finish early wait for the ones before them.
  const pending = new Map<number, ScanAnswer>();
  let written = 0;
  const write = (answer: ScanAnswer): void => {
    if ('error' in answer) {
      console.error(`scan: cannot scan ${files[answer.index]}: ${answer.error}`);
      failed = true;
      return;
    }
    const result: FileResult = answer.result;
    bytes += result.bytes;
    citations += result.citations;
    if (format === 'jsonl') {
      if (result.jsonl) process.stdout.write(result.jsonl);
    } else rows.push(...result.rows);
  };
  const take = (index: number, answer: ScanAnswer): void => {
    pending.set(index, answer);
    while (pending.has(written)) {
      write(pending.get(written)!);
      pending.delete(written++);
    }
    done++;
    progress.update(done, bytes);
  };
  try {
    if (files.length === 1) {
      try {
        take(0, { index: 0, result: await core.scanFile(files[0]!, format) });
      } catch (e) {
        take(0, { index: 0, error: core.failure(e) });
      }
    } else if (files.length > 1) {
      await scanOnWorkers(files, format, bundles.paths['scan-worker'], take);
    }
  } finally {
    bundles.dispose();
  }
  progress.end();
  if (format === 'table' && rows.length) {
    const head = ['file', 'span', 'kind', 'id', 'text'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]): string =>
      r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
    process.stdout.write([line(head), ...rows.map(line)].join('\n') + '\n');
  }
  if (stats) {
    const seconds = (performance.now() - started) / 1000;
    console.error(
      `scan: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${citations} citations in ` +
        `${(seconds * 1000).toFixed(0)} ms: ${(bytes / 1e6 / seconds).toFixed(0)} MB/s`,
    );
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
