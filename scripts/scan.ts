/**
 * Lists the citations in text and HTML files.
 *
 *   npm run --silent scan -- [--format jsonl|table] [--stats] PATH...
 *
 * A PATH is a file (`-`: stdin) or a directory, whose .txt, .html and .htm files are scanned (recursively).
 * jsonl (default): one object per citation: {"file","kind","id","text","start","end", …extras}; offsets are UTF-16
 * indices into the file's text (for .html/.htm: the body text as the content script sees it).
 * The detector runs as the extension ships it (an esbuild bundle of src/core/detect). Several files, and the chunks
 * of a big .txt file (scripts/lib/scan-chunks.ts), are scanned on all cores (worker threads), output in the order of
 * the files; a scan that runs longer than a second shows its progress on stderr (SCAN_PROGRESS_AFTER_MS sets after
 * how long). --stats prints on stderr the files, megabytes, citations, time and MB/s from opening the first file to
 * the last byte written, and a table of the phases.
 * No citations → no output, exit 0. A file that cannot be read or scanned → a message on stderr and exit 1 (other
 * files are still scanned). Bad usage → exit 2.
 */
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { bundleModules } from './lib/bundle';
import { markdownTable } from './lib/markdown-table';
import {
  chunksAgree,
  MIN_CHUNK_BYTES,
  planChunks,
  type ChunkFacts,
  type ChunkJob,
  type ChunkPlan,
} from './lib/scan-chunks';
import type { FileResult, Format } from './lib/scan-core';
import type { ScanAnswer, ScanRequest } from './lib/scan-worker';

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

/** What `submit` hands to the first free worker (the pool gives it an id). */
type Request = { type: 'file'; file: string } | { type: 'chunk'; job: ChunkJob };
type Direct = Exclude<ScanRequest, { type: 'drop' }>;
type Answer = Exclude<ScanAnswer, { type: 'ready' }>;

interface Pending<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads that each answer one request at a time. `submit` hands a request to the first free worker (in
 * turn as they free up), `direct` to the worker that keeps a chunk. A worker that fails fails every request, so
 * the scan stops with its error instead of waiting for answers that never come.
 */
class WorkerPool {
  private readonly outstanding: number[];
  private readonly waiting = new Map<number, Pending<Answer>>();
  private readonly queue: { request: Request; pending: Pending<{ answer: Answer; worker: number }> }[] = [];
  private nextId = 0;
  private failure: Error | undefined;

  private constructor(private readonly workers: Worker[]) {
    this.outstanding = workers.map(() => 0);
  }

  /** Starts `count` workers and waits until each has warmed up. */
  static async start(count: number, path: string, format: Format): Promise<WorkerPool> {
    const workers = Array.from({ length: count }, () => new Worker(path, { workerData: { format } }));
    const pool = new WorkerPool(workers);
    await Promise.all(
      workers.map(
        (worker, w) =>
          new Promise<void>((ready, failed) => {
            const fail = (e: Error): void => {
              pool.fail(e);
              failed(e);
            };
            worker.on('error', fail);
            worker.on('exit', (code) => fail(new Error(`a scan worker stopped (exit code ${code})`)));
            worker.on('message', (answer: ScanAnswer) => {
              if ('type' in answer) return ready();
              pool.outstanding[w]!--;
              const pending = pool.waiting.get(answer.id);
              pool.waiting.delete(answer.id);
              pending?.resolve(answer);
              pool.pump();
            });
          }),
      ),
    );
    return pool;
  }

  get size(): number {
    return this.workers.length;
  }

  submit(request: Request): Promise<{ answer: Answer; worker: number }> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ request, pending: { resolve, reject } });
      this.pump();
    });
  }

  /** Sends to worker `w` (for what it keeps under `request.id`); resolves with its answer. */
  direct(w: number, request: Direct): Promise<Answer> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting.set(request.id, { resolve, reject });
      this.outstanding[w]!++;
      this.workers[w]!.postMessage(request);
    });
  }

  /** Tells worker `w` to forget the chunk it keeps under `id` (no answer). */
  drop(w: number, id: number): void {
    if (!this.failure) this.workers[w]!.postMessage({ type: 'drop', id } satisfies ScanRequest);
  }

  /** A new id for a request, or for a chunk that a worker keeps. */
  private send(w: number, request: Request): Promise<Answer> {
    return this.direct(w, { ...request, id: this.nextId++ });
  }

  private pump(): void {
    for (let w = 0; w < this.workers.length && this.queue.length; w++) {
      if (this.outstanding[w]! > 0) continue;
      const { request, pending } = this.queue.shift()!;
      this.send(w, request).then((answer) => pending.resolve({ answer, worker: w }), pending.reject);
    }
  }

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    for (const pending of this.waiting.values()) pending.reject(e);
    for (const { pending } of this.queue) pending.reject(e);
    this.waiting.clear();
    this.queue.length = 0;
  }

  close(): Promise<unknown> {
    this.failure ??= new Error('closed');
    return Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/**
 * A big file is cut into this many chunks per worker: a worker that is slowed (by other work on the machine) then
 * holds up the end by a smaller chunk; each chunk costs only its margins twice (scan-chunks.ts).
 */
const CHUNKS_PER_WORKER = 4;

/** A file's outcome: its results (one per chunk, in order), or why it could not be scanned. */
type Outcome = { results: FileResult[]; chunks: number; again?: boolean } | { error: string };

/** Work of the workers on the chunks of big files, summed over the chunks (ms). */
const work = { read: 0, decode: 0, detect: 0, format: 0 };

/** Scans one file on the pool: in chunks when it is big (scan-chunks.ts), else in one piece. */
async function scanOnPool(pool: WorkerPool, file: string): Promise<Outcome> {
  let plan: ChunkPlan | undefined;
  try {
    if (file !== '-' && /\.txt$/i.test(file))
      plan = planChunks(file, statSync(file).size, CHUNKS_PER_WORKER * pool.size);
  } catch {
    // unreadable: reported by the scan in one piece
  }
  if (plan) {
    const { cuts, house } = plan;
    const detected = cuts
      .slice(0, -1)
      .map((start, i) => pool.submit({ type: 'chunk', job: { file, start, end: cuts[i + 1]!, house } }));
    // Each chunk is formatted as soon as the chunks before it are detected (its offsets in the file are known
    // then), while the workers detect the later ones; its output counts only if all chunks agree.
    // Awaited in turn below; when the pool fails, the first await throws and the others are handled here.
    for (const chunk of detected) chunk.catch(() => undefined);
    const facts: ChunkFacts[] = [];
    const emitted: Promise<Answer>[] = [];
    let complete = true;
    let base = 0;
    for (const chunk of detected) {
      const { answer, worker } = await chunk;
      if (!complete || !('facts' in answer)) {
        // After a chunk that failed, the others are not formatted, only forgotten.
        if ('facts' in answer) pool.drop(worker, answer.id);
        complete = false;
        continue;
      }
      const f = answer.facts;
      facts.push(f);
      work.read += f.ms.read;
      work.decode += f.ms.decode;
      work.detect += f.ms.detect;
      const formatted = pool.direct(worker, { type: 'emit', id: answer.id, base });
      formatted.catch(() => undefined); // as the chunks above: a failing pool fails the scan once, at its await
      emitted.push(formatted);
      base += f.units;
    }
    const results = await Promise.all(emitted);
    if (complete && chunksAgree(facts) && results.every((r) => 'result' in r)) {
      return {
        chunks: results.length,
        results: results.map((r, i) => {
          if (r.ms) work.format += r.ms;
          return { ...r.result, bytes: cuts[i + 1]! - cuts[i]! };
        }),
      };
    }
  }
  const { answer } = await pool.submit({ type: 'file', file });
  if ('result' in answer) return { results: [answer.result], chunks: 1, again: plan !== undefined };
  return { error: 'error' in answer ? answer.error : 'no answer' };
}

/** Output in large writes; `end` resolves once the last byte has been written. */
class OutputBuffer {
  private parts: string[] = [];
  private size = 0;
  writeMs = 0;

  add(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 1 << 20) this.flush();
  }

  private flush(callback?: () => void): void {
    const started = performance.now();
    process.stdout.write(this.parts.join(''), callback);
    this.writeMs += performance.now() - started;
    this.parts = [];
    this.size = 0;
  }

  end(): Promise<void> {
    return new Promise((resolve) => this.flush(() => resolve()));
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
  const sizeOf = (file: string): number => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };
  // One file too small to cut: scanned here, without starting workers. Otherwise on all cores.
  const onMainThread =
    files.length === 1 &&
    (files[0] === '-' || sizeOf(files[0]!) < 2 * MIN_CHUNK_BYTES || !/\.txt$/i.test(files[0]!));
  let failed = false;
  let pool: WorkerPool | undefined;
  if (onMainThread) core.warmUp();
  else if (files.length) {
    const count = Math.min(availableParallelism(), Math.max(files.length, 2));
    pool = await WorkerPool.start(count, bundles.paths['scan-worker'], format);
  }
  // Timed from here, with the detector warmed up: from opening the first file to the last byte written.
  const started = performance.now();
  let bytes = 0;
  let done = 0;
  let citations = 0;
  let chunkedFiles = 0;
  let chunks = 0;
  let again = 0;
  const rows: string[][] = [];
  const progress = new Progress(files.length);
  const output = new OutputBuffer();
  // Results are written in the order of the files: those that finish early wait for the ones before them.
  const pending = new Map<number, Outcome>();
  let written = 0;
  const write = (index: number, outcome: Outcome): void => {
    if ('error' in outcome) {
      console.error(`scan: cannot scan ${files[index]}: ${outcome.error}`);
      failed = true;
      return;
    }
    if (outcome.chunks > 1) chunkedFiles++;
    chunks += outcome.chunks > 1 ? outcome.chunks : 0;
    if (outcome.again) again++;
    for (const result of outcome.results) {
      bytes += result.bytes;
      citations += result.citations;
      if (format === 'jsonl') output.add(result.jsonl);
      else rows.push(...result.rows);
    }
  };
  const take = (index: number, outcome: Outcome): void => {
    pending.set(index, outcome);
    while (pending.has(written)) {
      write(written, pending.get(written)!);
      pending.delete(written++);
    }
    done++;
    progress.update(done, bytes);
  };
  let ended = 0;
  try {
    if (onMainThread) {
      try {
        take(0, { results: [await core.scanFile(files[0]!, format)], chunks: 1 });
      } catch (e) {
        take(0, { error: core.failure(e) });
      }
    } else if (pool) {
      await Promise.all(files.map((file, i) => scanOnPool(pool!, file).then((outcome) => take(i, outcome))));
    }
    progress.end();
    if (format === 'table' && rows.length) {
      const head = ['file', 'span', 'kind', 'id', 'text'];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      const line = (r: string[]): string =>
        r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
      output.add([line(head), ...rows.map(line)].join('\n') + '\n');
    }
    await output.end();
    ended = performance.now();
  } finally {
    // After the last byte is written: stopping the workers takes a few tens of milliseconds.
    await pool?.close();
    bundles.dispose();
  }
  if (stats) {
    const now = performance.now();
    const ms = ended - started;
    const mb = bytes / 1e6;
    const rate = (t: number): string => (t > 0 ? (mb / (t / 1000)).toFixed(0) : '');
    const cut = chunkedFiles ? `; ${chunkedFiles} cut into ${chunks} chunks` : '';
    const whole = again ? `; ${again} scanned again in one piece` : '';
    console.error(
      `scan: ${files.length} files, ${mb.toFixed(1)} MB, ${citations} citations in ` +
        `${ms.toFixed(0)} ms: ${rate(ms)} MB/s${cut}${whole}`,
    );
    const table: string[][] = [['phase', 'ms', 'MB/s']];
    if (chunkedFiles) {
      const summed = `workers, summed over the ${chunks} chunks`;
      table.push(
        [`read (${summed})`, work.read.toFixed(0), ''],
        [`utf-8 decode (${summed})`, work.decode.toFixed(0), ''],
        [`detect (${summed})`, work.detect.toFixed(0), ''],
        [`format output (${summed})`, work.format.toFixed(0), ''],
      );
    }
    table.push(
      ['write to stdout (main thread)', output.writeMs.toFixed(0), ''],
      ['end to end: first file opened → last byte written', ms.toFixed(0), rate(ms)],
      [
        'whole process (+ start, bundling the detector, workers warming up)',
        // performance.now() counts from the start of the process; the workers have been stopped by now.
        now.toFixed(0),
        rate(now),
      ],
    );
    console.error(markdownTable(table));
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
