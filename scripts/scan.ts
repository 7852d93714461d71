/**
 * Lists the citations in text and HTML files.
 *
 *   npm run --silent scan -- [--format jsonl|table] FILE...
 *
 * jsonl (default): one object per citation: {"file","kind","id","text","start","end", …extras}; offsets are UTF-16
 * indices into the file's text (for .html/.htm: the body text as the content script sees it).
 * No citations → no output, exit 0. An unreadable file → a message on stderr and exit 1 (other files are still
 * scanned). Bad usage → exit 2.
 */
import { readFileSync, statSync } from 'node:fs';
import { detectCitations } from '../src/core/detect/index';
import type { Citation } from '../src/core/citation';
import { htmlToText } from './lib/html-text';

type Format = 'jsonl' | 'table';

function usage(msg?: string): never {
  if (msg) console.error(`scan: ${msg}`);
  console.error('usage: npm run --silent scan -- [--format jsonl|table] FILE...');
  process.exit(2);
}

function parseArgs(argv: string[]): { format: Format; files: string[] } {
  let format: Format = 'jsonl';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format' || a === '-f') {
      const v = argv[++i];
      if (v !== 'jsonl' && v !== 'table') usage(`unknown format ${v ?? '(missing)'}`);
      format = v;
    } else if (a.startsWith('--format=')) {
      const v = a.slice('--format='.length);
      if (v !== 'jsonl' && v !== 'table') usage(`unknown format ${v}`);
      format = v;
    } else if (a === '--help' || a === '-h') {
      usage();
    } else if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') {
      usage(`unknown option ${a}`);
    } else {
      files.push(a);
    }
  }
  if (!files.length) usage('no files given');
  return { format, files };
}

function readText(file: string): string {
  const raw = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  return /\.x?html?$/i.test(file) ? htmlToText(raw) : raw;
}

function jsonLine(file: string, text: string, c: Citation): string {
  const o: Record<string, unknown> = {
    file,
    kind: c.kind,
    id: c.id,
    text: text.slice(c.start, c.end),
    start: c.start,
    end: c.end,
  };
  if (c.extras) Object.assign(o, c.extras);
  return JSON.stringify(o);
}

function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function main(): void {
  const { format, files } = parseArgs(process.argv.slice(2));
  let failed = false;
  const rows: string[][] = [];
  for (const file of files) {
    let text: string;
    try {
      if (file !== '-' && statSync(file).isDirectory()) throw new Error('is a directory');
      text = readText(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EACCES'
            ? 'permission denied'
            : e instanceof Error
              ? e.message
              : String(e);
      console.error(`scan: cannot read ${file}: ${reason}`);
      failed = true;
      continue;
    }
    const cs = detectCitations(text);
    if (!cs.length) continue;
    if (format === 'jsonl') {
      process.stdout.write(cs.map((c) => jsonLine(file, text, c)).join('\n') + '\n');
    } else {
      for (const c of cs)
        rows.push([file, `${c.start}-${c.end}`, c.kind, c.id, oneLine(text.slice(c.start, c.end), 60)]);
    }
  }
  if (format === 'table' && rows.length) {
    const head = ['file', 'span', 'kind', 'id', 'text'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]): string =>
      r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
    process.stdout.write([line(head), ...rows.map(line)].join('\n') + '\n');
  }
  process.exitCode = failed ? 1 : 0;
}

main();
