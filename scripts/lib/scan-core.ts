/**
 * What `scan` does with one file, shared by its main thread and its worker threads (scripts/lib/scan-worker.ts);
 * both run it from one esbuild bundle, with the detector as the extension ships it.
 */
import { readFileSync } from 'node:fs';
import type { Citation } from '../../src/core/citation';
import { detectCitations } from '../../src/core/detect/index';

export { detectCitations };
import { EVERY_FORM } from './sample-text';

export type Format = 'jsonl' | 'table';

/** A file's result: its jsonl lines (one string) or its table rows; its size in bytes. */
export interface FileResult {
  jsonl: string;
  rows: string[][];
  bytes: number;
  citations: number;
}

async function readText(file: string): Promise<{ text: string; bytes: number }> {
  const raw = file === '-' ? readFileSync(0) : readFileSync(file);
  const source = raw.toString('utf8');
  if (!/\.x?html?$/i.test(file)) return { text: source, bytes: raw.length };
  // The HTML reader (happy-dom) loads only for HTML files: it takes longer to load than a text file takes to scan.
  const { htmlToText } = await import('./html-text');
  return { text: htmlToText(source), bytes: raw.length };
}

/**
 * One citation as a JSON line: {"file","kind","id","text","start","end", …extras}, written out field by field (the
 * file name quoted once per file): a tenth of a scan's time went into building and stringifying an object each.
 */
function jsonLine(fileJson: string, text: string, c: Citation, shift: number): string {
  const extras = c.extras ? `,${JSON.stringify(c.extras).slice(1, -1)}` : '';
  return (
    `{"file":${fileJson},"kind":"${c.kind}","id":${JSON.stringify(c.id)},` +
    `"text":${JSON.stringify(text.slice(c.start, c.end))},"start":${c.start + shift},"end":${c.end + shift}${extras}}`
  );
}

/**
 * The JSON lines of a file's citations, each ending in a line break; `shift` is added to their offsets (a chunk's
 * citations, found in its text, get their offsets in the file).
 */
export function jsonlOf(file: string, text: string, cs: readonly Citation[], shift = 0): string {
  const fileJson = JSON.stringify(file);
  let out = '';
  for (const c of cs) out += jsonLine(fileJson, text, c, shift) + '\n';
  return out;
}

function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * Runs the detector and the JSON output `passes` times on `bytes` of text with every form (EVERY_FORM): their code
 * and patterns are compiled, with type feedback from every recognizer, before the first file, which is then read at
 * full speed instead of partly in the interpreter (a recognizer first met in the file would throw optimized code
 * back). The default (~250 KB, three passes, under 0.1 s) is for one file on the main thread; a worker that is to
 * read megabytes warms up longer.
 */
export function warmUp(bytes = 250_000, passes = 3): void {
  const text = EVERY_FORM.repeat(Math.ceil(bytes / EVERY_FORM.length));
  for (let i = 0; i < passes; i++) jsonlOf('warm-up', text, detectCitations(text));
}

/** The output for citations `cs` found in `text` of `file` (`shift`: see jsonlOf). */
export function resultOf(
  file: string,
  text: string,
  cs: readonly Citation[],
  format: Format,
  bytes: number,
  shift = 0,
): FileResult {
  const result: FileResult = { jsonl: '', rows: [], bytes, citations: cs.length };
  if (format === 'jsonl') {
    result.jsonl = jsonlOf(file, text, cs, shift);
  } else {
    for (const c of cs) {
      const span = `${c.start + shift}-${c.end + shift}`;
      result.rows.push([file, span, c.kind, c.id, oneLine(text.slice(c.start, c.end), 60)]);
    }
  }
  return result;
}

/** Reads and scans one file (`-`: stdin) in one piece; throws when it cannot be read. */
export async function scanFile(file: string, format: Format): Promise<FileResult> {
  const { text, bytes } = await readText(file);
  return resultOf(file, text, detectCitations(text), format, bytes);
}

/** Why a file could not be read or scanned, in words. */
export function failure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return e instanceof Error ? e.message : String(e);
}
