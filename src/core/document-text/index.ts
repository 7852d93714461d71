/**
 * A document's text as a reader sees it, built from the text items of a laid-out document (PDF.js's
 * `getTextContent`), with a map from every character back to the item it came from.
 *
 * The detector reads plain strings where "\n" is a hard break; a PDF is a list of positioned text runs. So:
 * - items are grouped into lines (a new line where PDF.js says one ended, or where the baseline jumps);
 * - running headers and footers (the same first or last line on many pages, page numbers included) are left out,
 *   so "Tweede Kamer, vergaderjaar 2024–2025, 36 600 V, nr. 46" on every page is not a citation per page;
 * - a line that wraps inside a paragraph is joined with a space, a paragraph break (a taller gap) with "\n";
 * - a word hyphenated at a line end is joined: "VN-⏎Vrouwenrechtenverdrag" reads "VN-Vrouwenrechtenverdrag" (a
 *   compound's hyphen is kept before a capital), "verdrag-⏎en" reads "verdragen" (a syllable break's hyphen is
 *   dropped), and a soft hyphen is always dropped.
 * Lines keep the content stream's order, which is reading order for the documents we read (Word, Chromium and
 * most typesetters write text in the order it is read, columns one after the other).
 *
 * Pure: no PDF.js and no DOM here, so it is tested in plain Node.
 */

/** One text run of a page, in content-stream order; its index is its text-layer element's index. */
export interface TextItem {
  str: string;
  /** Baseline origin and size in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** PDF.js: the run is the last of its line. */
  hasEOL: boolean;
}

/** Where one item's characters went in the document text. */
export interface TextPiece {
  page: number;
  /** Index of the item in its page's item list (= the text layer's element index). */
  item: number;
  /** Offset of the item's first contributed character in `DocumentText.text`. */
  start: number;
  /**
   * How many of the item's characters were contributed: always its first ones (a line's trailing spaces and a
   * dropped hyphen are left out, nothing else).
   */
  length: number;
}

export interface DocumentText {
  text: string;
  /** In ascending `start` order. */
  pieces: TextPiece[];
  /** `pageStarts[p]`: where page p's text begins; one more entry, the text's length. */
  pageStarts: number[];
}

interface Line {
  items: number[];
  y: number;
  height: number;
}

/** Hyphen-like characters that end a line mid-word. */
const LINE_END_HYPHEN = /[-\u2010\u00ad]$/;
const SOFT_HYPHEN = '\u00ad';
/** A gap between baselines above this many line heights starts a new paragraph. */
const PARAGRAPH_GAP = 1.75;
/** A running header or footer repeats on at least this share of the pages (and on at least two). */
const RUNNING_SHARE = 0.5;

/** Groups a page's items into lines, in stream order. Items with only white space join the line they are on. */
export function linesOf(items: readonly TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  let endedLine = true;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.str === '' && !item.hasEOL) continue;
    const height = item.height || 1;
    const sameBaseline = current && Math.abs(item.y - current.y) <= Math.max(current.height, height) * 0.5;
    if (!current || (endedLine && item.str.trim() !== '') || (!sameBaseline && item.str.trim() !== '')) {
      current = { items: [], y: item.y, height };
      lines.push(current);
    }
    current.items.push(i);
    if (item.str.trim() !== '') current.height = Math.max(current.height, height);
    endedLine = item.hasEOL;
  }
  return lines.filter((line) => line.items.some((i) => items[i]!.str.trim() !== ''));
}

function lineText(items: readonly TextItem[], line: Line): string {
  return line.items.map((i) => items[i]!.str).join('');
}

/** A line's text with its digits and spacing generalised: page 3's footer and page 4's are the same line. */
function runningKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The first and last lines (by height on the page) that repeat on many pages: running headers and footers. */
export function runningLines(pages: readonly (readonly TextItem[])[], lines: readonly Line[][]): Set<Line> {
  const running = new Set<Line>();
  if (pages.length < 2) return running;
  const edges = lines.map((pageLines) => {
    if (pageLines.length === 0) return [];
    const byHeight = [...pageLines].sort((a, b) => b.y - a.y);
    return [
      { line: byHeight[0]!, edge: 'top' },
      { line: byHeight[byHeight.length - 1]!, edge: 'bottom' },
    ];
  });
  const counts = new Map<string, number>();
  const keyOf = (page: number, line: Line, edge: string) =>
    `${edge}:${runningKey(lineText(pages[page]!, line))}`;
  edges.forEach((pageEdges, page) => {
    const seen = new Set(pageEdges.map(({ line, edge }) => keyOf(page, line, edge)));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const needed = Math.max(2, Math.ceil(pages.length * RUNNING_SHARE));
  edges.forEach((pageEdges, page) => {
    for (const { line, edge } of pageEdges) {
      if ((counts.get(keyOf(page, line, edge)) ?? 0) >= needed) running.add(line);
    }
  });
  return running;
}

/**
 * How a line end joins the next line: `drop` the hyphen and join, `keep` it and join, or not hyphenated.
 * "VN-" + "Vrouwenrechtenverdrag" keeps it (a compound's hyphen before a capital or a digit);
 * "verdrag-" + "en" drops it; a soft hyphen is always dropped.
 */
export function hyphenJoin(lineEnd: string, nextLine: string): 'drop' | 'keep' | undefined {
  const end = lineEnd.trimEnd();
  const next = nextLine.trimStart();
  if (!LINE_END_HYPHEN.test(end) || !/^[\p{L}\p{N}]/u.test(next)) return undefined;
  if (end.endsWith(SOFT_HYPHEN)) return 'drop';
  const before = end.charAt(end.length - 2);
  if (!/\p{L}/u.test(before)) return undefined; // "1325 -" or "- " is a dash, not a hyphen
  return /\p{Ll}/u.test(before) && /^\p{Ll}/u.test(next) ? 'drop' : 'keep';
}

/** Builds the document text of `pages` (each page's items in stream order). */
export function buildDocumentText(pages: readonly (readonly TextItem[])[]): DocumentText {
  const pageLines = pages.map((items) => linesOf(items));
  const running = runningLines(pages, pageLines);
  const parts: string[] = [];
  const pieces: TextPiece[] = [];
  const pageStarts: number[] = [];
  let length = 0;
  const push = (text: string) => {
    parts.push(text);
    length += text.length;
  };

  pages.forEach((items, page) => {
    pageStarts.push(length);
    const lines = pageLines[page]!.filter((line) => !running.has(line));
    lines.forEach((line, index) => {
      const next = lines[index + 1];
      const join = next ? hyphenJoin(lineText(items, line), lineText(items, next)) : undefined;
      // The line's last item with text: where a hyphen would be, and after which trailing spaces are left out.
      const last = line.items.findLast((i) => items[i]!.str.trim() !== '')!;
      for (const i of line.items) {
        const str = items[i]!.str;
        if (i > last || str === '') continue;
        let contributed = str;
        if (i === last) {
          contributed = str.trimEnd();
          if (join === 'drop') contributed = contributed.slice(0, -1);
        }
        if (contributed === '') continue;
        pieces.push({ page, item: i, start: length, length: contributed.length });
        push(contributed);
      }
      if (join) return;
      if (!next) return;
      const gap = line.y - next.y;
      push(gap > line.height * PARAGRAPH_GAP || gap < -line.height ? '\n' : ' ');
    });
    push('\n');
  });
  pageStarts.push(length);
  return { text: parts.join(''), pieces, pageStarts };
}

/** The page a document-text offset falls on. */
export function pageAt(doc: Pick<DocumentText, 'pageStarts'>, offset: number): number {
  const { pageStarts } = doc;
  let low = 0;
  let high = pageStarts.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (pageStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The pieces of one page, in reading order (a slice of `pieces`, found by binary search). */
export function piecesOfPage(doc: DocumentText, page: number): TextPiece[] {
  const from = firstPieceAtOrAfter(doc.pieces, doc.pageStarts[page]!);
  const to = firstPieceAtOrAfter(doc.pieces, doc.pageStarts[page + 1]!);
  return doc.pieces.slice(from, to);
}

function firstPieceAtOrAfter(pieces: readonly TextPiece[], offset: number): number {
  let low = 0;
  let high = pieces.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (pieces[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
