/**
 * Writes the text `scan`'s speed is measured on: the lines of our own fixture texts (the body text of the fixture
 * pages in tests/fixtures/sites and tests/fixtures/documents, the scan fixtures, the benchmark's sample sentences)
 * in paragraphs of one to four, drawn with a fixed seed (the same file on every machine), to the size asked.
 * The fixtures are dense with citations; lines with citations are drawn as often as gives the density of the dev
 * corpus (about one citation per 1,000 bytes: 15,885 in 16.2 MB), the others are ordinary prose.
 *
 *   npm run --silent scan:sample -- FILE [--mb 16]
 *   npm run --silent scan -- --stats FILE > /dev/null
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectCitations } from '../src/core/detect/index';
import { htmlToText } from './lib/html-text';
import { rng } from './lib/rng';
import { SAMPLE } from './lib/sample-text';

const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Bytes per citation in the dev corpus. */
const BYTES_PER_CITATION = 1_000;

/** The lines of our fixture texts, blank ones left out. */
function fixtureLines(): string[] {
  const texts = [
    ...filesUnder(join(FIXTURES, 'sites'))
      .concat(filesUnder(join(FIXTURES, 'documents')))
      .filter((f) => f.endsWith('.html'))
      .map((f) => htmlToText(readFileSync(f, 'utf8'))),
    ...filesUnder(join(FIXTURES, 'scan'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(f, 'utf8')),
    SAMPLE,
  ];
  return texts.flatMap((t) => t.split('\n').map((line) => line.trim())).filter((line) => line.length > 0);
}

function main(): void {
  const args = process.argv.slice(2);
  const mbAt = args.indexOf('--mb');
  const mb = mbAt >= 0 ? Number(args[mbAt + 1]) : 16;
  const out = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--mb');
  if (!out || !(mb > 0)) {
    console.error('usage: npm run --silent scan:sample -- FILE [--mb 16]');
    process.exit(2);
  }
  const lines = fixtureLines();
  const cited = lines.filter((l) => detectCitations(l).length > 0);
  const prose = lines.filter((l) => detectCitations(l).length === 0);
  const mean = (ls: string[], f: (l: string) => number): number =>
    ls.reduce((n, l) => n + f(l), 0) / ls.length;
  const perCited = mean(cited, (l) => detectCitations(l).length);
  const citedBytes = mean(cited, (l) => Buffer.byteLength(l) + 1);
  const proseBytes = mean(prose, (l) => Buffer.byteLength(l) + 1);
  // The share q of cited lines for one citation per BYTES_PER_CITATION: q·perCited / (q·citedBytes + (1−q)·proseBytes).
  const q = proseBytes / (BYTES_PER_CITATION * perCited - citedBytes + proseBytes);
  const next = rng(12);
  const pick = (ls: string[]): string => ls[Math.floor(next() * ls.length)]!;
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < mb * 1e6) {
    // Paragraphs of one to four lines, a blank line between them, as in a document's text.
    const count = 1 + Math.floor(next() * 4);
    const paragraph = Array.from({ length: count }, () => pick(next() < q ? cited : prose))
      .join('\n')
      .concat('\n\n');
    parts.push(paragraph);
    bytes += Buffer.byteLength(paragraph);
  }
  writeFileSync(out, parts.join(''));
  console.error(`${out}: ${(bytes / 1e6).toFixed(1)} MB from ${lines.length} lines of tests/fixtures`);
}

main();
