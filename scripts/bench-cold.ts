/**
 * Cold-start cost of detectCitations: in the extension every page load runs the detector in a fresh
 * content-script context, mostly before the JIT has optimized anything. Each measurement here is a fresh
 * Node process (`node --import tsx`) that imports the detector and times
 *   - the import itself (module evaluation, data parsing),
 *   - the first tiny call (lazy initialization),
 *   - ONE detectCitations call on a 1.5 MB text ("one call"), or the same text in 20 000-character chunks as
 *     the content script feeds it ("chunks"),
 *   - the same work once more in the same process (second pass, partly warmed up).
 * The table shows the median over the processes.
 *
 *   npx tsx scripts/bench-cold.ts [CORPUS_DIR] [--runs N] [--mb N] [--page | --text FILE] [--flags "--no-opt"]
 *
 * The text is the dev corpus (default ../shared/corpus/dev) repeated to 1.5 MB; with --page it is the generated
 * Handelingen-style page of scripts/bench-page.ts, tags stripped; with --text, the first 1.5 MB of FILE.
 * --flags passes V8 flags to the child processes (for example "--no-opt" to see the code run unoptimized
 * throughout).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusDocuments } from './lib/corpus';
import { markdownTable } from './lib/markdown-table';

const CHUNK_CHARS = 20_000;
const SELF = fileURLToPath(import.meta.url);
const DETECTOR = pathToFileURL(resolve(SELF, '../../src/core/detect/index.ts')).href;

interface ChildResult {
  importMs: number;
  firstTinyMs: number;
  coldMs: number;
  secondMs: number;
  citations: number;
}

type Detect = (text: string) => unknown[];

function runOnce(detect: Detect, text: string, mode: string): { ms: number; count: number } {
  const start = performance.now();
  let count = 0;
  if (mode === 'chunks') {
    for (let i = 0; i < text.length; i += CHUNK_CHARS) count += detect(text.slice(i, i + CHUNK_CHARS)).length;
  } else {
    count = detect(text).length;
  }
  return { ms: performance.now() - start, count };
}

async function child(file: string, mode: string): Promise<void> {
  const text = readFileSync(file, 'utf8');
  // Flatten the string before timing: the detector should not pay for the read.
  text.charCodeAt(text.length >> 1);
  let start = performance.now();
  const mod = (await import(DETECTOR)) as { detectCitations: Detect };
  const importMs = performance.now() - start;
  start = performance.now();
  mod.detectCitations('Kamerstukken II 2024/25, 36 600 V, nr. 46; EVRM.');
  const firstTinyMs = performance.now() - start;
  const cold = runOnce(mod.detectCitations, text, mode);
  const second = runOnce(mod.detectCitations, text, mode);
  const result: ChildResult = {
    importMs,
    firstTinyMs,
    coldMs: cold.ms,
    secondMs: second.ms,
    citations: cold.count,
  };
  process.stdout.write(JSON.stringify(result));
}

function corpusText(dir: string, bytes: number): { text: string; note: string } {
  const documents = corpusDocuments(dir);
  if (!documents) throw new Error(`corpus not found at ${dir} (pass CORPUS_DIR or --page)`);
  const unit = documents.join('\n\n') + '\n\n';
  const text = unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
  return { text, note: `${documents.length} dev-corpus documents repeated` };
}

async function pageText(bytes: number): Promise<{ text: string; note: string }> {
  const { buildHandelingenPage } = (await import('./bench-page')) as {
    buildHandelingenPage: (target: number) => string;
  };
  const html = buildHandelingenPage(bytes * 1.1);
  const text = html
    .replace(/<\/p>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .slice(0, bytes);
  return { text, note: 'generated Handelingen-style page (scripts/bench-page.ts), tags stripped' };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1]!, args[2]!);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const runs = Number(opt('--runs') ?? 7);
  const bytes = Math.round(Number(opt('--mb') ?? 1.5) * 1e6);
  const flags = (opt('--flags') ?? '').split(/\s+/).filter(Boolean);
  const valued = new Set(['--runs', '--mb', '--flags', '--text']);
  const dir =
    args.find((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? '')) ?? '../shared/corpus/dev';
  const textFile = opt('--text');
  const { text, note } = textFile
    ? { text: readFileSync(textFile, 'utf8').slice(0, bytes), note: textFile }
    : args.includes('--page')
      ? await pageText(bytes)
      : corpusText(resolve(dir), bytes);

  const tmp = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  const file = join(tmp, 'text.txt');
  writeFileSync(file, text);
  console.log(
    `cold bench: ${(text.length / 1e6).toFixed(2)} M chars (${note}), node ${process.version}, ` +
      `${runs} fresh processes per row${flags.length ? `, V8 flags: ${flags.join(' ')}` : ''}`,
  );
  const rows: string[][] = [
    ['mode', 'import ms', 'first tiny call ms', 'cold pass ms', 'second pass ms', 'citations'],
  ];
  try {
    for (const mode of ['one call', 'chunks']) {
      const results: ChildResult[] = [];
      for (let r = 0; r < runs; r++) {
        const p = spawnSync(
          process.execPath,
          [...flags, '--import', 'tsx', SELF, '--child', file, mode === 'chunks' ? 'chunks' : 'one'],
          { encoding: 'utf8', maxBuffer: 1 << 20 },
        );
        if (p.status !== 0) throw new Error(`child process failed:\n${p.stderr}`);
        results.push(JSON.parse(p.stdout) as ChildResult);
      }
      const med = (f: (r: ChildResult) => number): string => median(results.map(f)).toFixed(1);
      rows.push([
        mode === 'chunks' ? `${CHUNK_CHARS / 1000}k-char chunks` : 'one call',
        med((r) => r.importMs),
        med((r) => r.firstTinyMs),
        med((r) => r.coldMs),
        med((r) => r.secondMs),
        String(results[0]!.citations),
      ]);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(markdownTable(rows));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
