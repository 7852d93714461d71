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
 * - a page set in columns is read column by column: lines are clustered by x position around a gutter no line
 *   crosses (a line that does cross it, a title or a full-width paragraph, separates bands of columns), so a line
 *   of the right column is never merged with the left column's line on the same baseline, even where a PDF
 *   writes them side by side;
 * - footnotes (the smaller lines at a page's foot) are read after the page's body;
 * - a paragraph that runs on into the next column or onto the next page (its line there is set full width, or
 *   ends in a hyphen) is joined like a wrapped line, so "Kamerstukken II 2019/20, 35 300, ⏎[page] nr. 1" is one
 *   citation; after footnotes, or a line that ends a paragraph, the page break is a hard break.
 * Otherwise lines keep the content stream's order, which is reading order for most documents (Word, Chromium and
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
  /** Left and right edge of the line's text. */
  x0: number;
  x1: number;
}

/** Hyphen-like characters that end a line mid-word. */
const LINE_END_HYPHEN = /[-\u2010\u00ad]$/;
const SOFT_HYPHEN = '\u00ad';
/** A gap between baselines above this many line heights starts a new paragraph. */
const PARAGRAPH_GAP = 1.75;
/** A running header or footer repeats on at least this share of the pages (and on at least two). */
const RUNNING_SHARE = 0.5;
/** A horizontal gap wider than this many text heights between two runs on one baseline is a column gutter. */
const GUTTER_GAP = 2.5;
/** Footnote lines are set smaller than this share of the body's text height. */
const FOOTNOTE_SIZE = 0.85;
/** A line reaching this many text heights from its column's right edge is set full width (the text runs on). */
const FULL_WIDTH_SLACK = 3;

/** Groups a page's items into lines, in stream order. Items with only white space join the line they are on. */
export function linesOf(items: readonly TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  let endedLine = true;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.str === '' && !item.hasEOL) continue;
    const height = item.height || 1;
    const hasText = item.str.trim() !== '';
    const sameBaseline = current && Math.abs(item.y - current.y) <= Math.max(current.height, height) * 0.5;
    const acrossGutter =
      current &&
      current.x1 > current.x0 &&
      item.x - current.x1 > Math.max(current.height, height) * GUTTER_GAP;
    if (!current || (hasText && (endedLine || !sameBaseline || acrossGutter))) {
      current = { items: [], y: item.y, height, x0: item.x, x1: item.x };
      lines.push(current);
    }
    current.items.push(i);
    if (hasText) {
      current.height = Math.max(current.height, height);
      current.x0 = Math.min(current.x0, item.x);
      current.x1 = Math.max(current.x1, item.x + item.width);
    }
    endedLine = item.hasEOL;
  }
  return lines.filter((line) => line.items.some((i) => items[i]!.str.trim() !== ''));
}

/** A page's lines in reading order, each with the right edge of its column and its part of the page. */
interface ReadLine {
  line: Line;
  page: number;
  /** Lines of one column of one part share it: the next line in it continues below. */
  column: string;
  right: number;
  part: 'body' | 'notes';
}

/** The text height most of a page's characters are set in. */
function bodyHeight(items: readonly TextItem[], lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const chars = line.items.reduce((sum, i) => sum + items[i]!.str.trim().length, 0);
    const height = Math.round(line.height * 2) / 2;
    weight.set(height, (weight.get(height) ?? 0) + chars);
  }
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** Footnotes: the run of lines at the page's foot set smaller than its body (never the whole page). */
function footnotesOf(items: readonly TextItem[], lines: readonly Line[]): Set<Line> {
  const limit = bodyHeight(items, lines) * FOOTNOTE_SIZE;
  const notes = new Set<Line>();
  for (const line of [...lines].sort((a, b) => a.y - b.y)) {
    if (line.height >= limit) break;
    notes.add(line);
  }
  return notes.size < lines.length ? notes : new Set();
}

/**
 * A gutter between two columns: the widest stretch across the middle of the page that few lines cross, with
 * lines on both sides of it, side by side (most lines of the shorter column have a line of the other on their
 * baseline: a date set to the right above a letter's body is no column). Lines that cross it (titles,
 * full-width paragraphs) are fewer than either column's.
 */
export function gutterOf(lines: readonly Line[]): number | undefined {
  if (lines.length < 4) return undefined;
  const left = Math.min(...lines.map((line) => line.x0));
  const right = Math.max(...lines.map((line) => line.x1));
  const height = Math.min(...lines.map((line) => line.height));
  const from = left + (right - left) * 0.2;
  const to = left + (right - left) * 0.8;
  // How many lines cross each stretch between line edges (a sweep over the edges, not over every x).
  const edges = lines.flatMap((line) => [
    { x: line.x0, change: 1 },
    { x: line.x1, change: -1 },
  ]);
  edges.sort((a, b) => a.x - b.x);
  let best: { at: number; crossing: number; width: number } | undefined;
  let crossing = 0;
  let stretch: { from: number; crossing: number } | undefined;
  const close = (end: number) => {
    if (!stretch) return;
    const width = end - stretch.from;
    if (stretch.crossing < lines.length / 4 && width >= height)
      if (
        !best ||
        stretch.crossing < best.crossing ||
        (stretch.crossing === best.crossing && width > best.width)
      )
        best = { at: (stretch.from + end) / 2, crossing: stretch.crossing, width };
    stretch = undefined;
  };
  for (let i = 0; i < edges.length; i++) {
    crossing += edges[i]!.change;
    const start = Math.max(edges[i]!.x, from);
    const end = Math.min(edges[i + 1]?.x ?? to, to);
    if (end <= start) continue;
    if (stretch && stretch.crossing !== crossing) close(start);
    stretch ??= { from: start, crossing };
  }
  close(to);
  if (!best) return undefined;
  const at = best.at;
  const leftLines = lines.filter((line) => line.x1 <= at);
  const rightLines = lines.filter((line) => line.x0 >= at);
  const [shorter, longer] =
    leftLines.length <= rightLines.length ? [leftLines, rightLines] : [rightLines, leftLines];
  const sideBySide = shorter.filter((line) =>
    longer.some((other) => Math.abs(other.y - line.y) <= line.height * 0.5),
  ).length;
  const columns = shorter.length >= 2 && best.crossing < shorter.length;
  return columns && sideBySide >= Math.max(2, shorter.length / 2) ? at : undefined;
}

/** A page's lines in reading order: body (column by column where it has columns), then footnotes. */
function readingOrder(items: readonly TextItem[], lines: readonly Line[], page: number): ReadLine[] {
  const notes = footnotesOf(items, lines);
  const body = lines.filter((line) => !notes.has(line));
  const noteLines = lines.filter((line) => notes.has(line));
  const rightOf = (some: readonly Line[]) => Math.max(...some.map((line) => line.x1));
  const read: ReadLine[] = [];
  const gutter = gutterOf(body);
  if (gutter === undefined) {
    const right = rightOf(body);
    for (const line of body) read.push({ line, page, column: `${page}`, right, part: 'body' });
  } else {
    // Top to bottom in bands: a line across the gutter stands alone, the lines between are read by column.
    const sorted = [...body].sort((a, b) => b.y - a.y);
    const leftRight = rightOf(sorted.filter((line) => line.x1 <= gutter));
    const pageRight = rightOf(sorted);
    let band: Line[] = [];
    let bands = 0;
    const flush = () => {
      if (band.length === 0) return;
      const left = band.filter((line) => line.x1 <= gutter);
      const right = band.filter((line) => line.x1 > gutter);
      for (const line of left)
        read.push({ line, page, column: `${page}:${bands}:left`, right: leftRight, part: 'body' });
      for (const line of right)
        read.push({ line, page, column: `${page}:${bands}:right`, right: pageRight, part: 'body' });
      band = [];
      bands += 1;
    };
    for (const line of sorted) {
      if (line.x0 < gutter && line.x1 > gutter) {
        flush();
        read.push({ line, page, column: `${page}:${bands}:across`, right: pageRight, part: 'body' });
      } else band.push(line);
    }
    flush();
  }
  const notesRight = rightOf(noteLines);
  for (const line of noteLines)
    read.push({ line, page, column: `${page}:notes`, right: notesRight, part: 'notes' });
  return read;
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

/** Sentence-final punctuation: a line ending in it ends its paragraph as far as a column or page break goes. */
const PARAGRAPH_END = /[.!?:;]["'\u201d\u2019)]*$/;

/**
 * What separates a line from the next one read: nothing (a hyphenated word), a space (the same paragraph), or a
 * newline. Within a column the gap between baselines decides; into the next column or onto the next page the
 * body's text runs on only where the line is set full width and does not end a sentence.
 */
function separator(current: ReadLine, currentText: string, next: ReadLine | undefined, nextText: string) {
  if (!next) return { join: undefined, text: '\n' };
  const { line } = current;
  if (current.column === next.column) {
    const join = hyphenJoin(currentText, nextText);
    const gap = line.y - next.line.y;
    return { join, text: join ? '' : gap > line.height * PARAGRAPH_GAP || gap < -line.height ? '\n' : ' ' };
  }
  if (current.part !== 'body' || next.part !== 'body') return { join: undefined, text: '\n' };
  const join = hyphenJoin(currentText, nextText);
  if (join) return { join, text: '' };
  const fullWidth = line.x1 >= current.right - line.height * FULL_WIDTH_SLACK;
  return { join: undefined, text: fullWidth && !PARAGRAPH_END.test(currentText.trimEnd()) ? ' ' : '\n' };
}

/** Builds the document text of `pages` (each page's items in stream order). */
export function buildDocumentText(pages: readonly (readonly TextItem[])[]): DocumentText {
  const pageLines = pages.map((items) => linesOf(items));
  const running = runningLines(pages, pageLines);
  const read = pageLines.map((lines, page) =>
    readingOrder(
      pages[page]!,
      lines.filter((line) => !running.has(line)),
      page,
    ),
  );
  const parts: string[] = [];
  const pieces: TextPiece[] = [];
  const pageStarts: number[] = [];
  let length = 0;
  const push = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  /** The first line read after `page`'s (the next page with text). */
  const firstAfter = (page: number) => read.slice(page + 1).find((lines) => lines.length > 0)?.[0];

  pages.forEach((items, page) => {
    pageStarts.push(length);
    const lines = read[page]!;
    if (lines.length === 0) return push('\n');
    lines.forEach((current, index) => {
      const next = lines[index + 1] ?? firstAfter(page);
      const currentText = lineText(items, current.line);
      const nextText = next ? lineText(pages[next.page]!, next.line) : '';
      const { join, text } = separator(current, currentText, next, nextText);
      const { line } = current;
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
      push(text);
    });
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
