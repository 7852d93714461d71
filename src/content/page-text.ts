/**
 * The page's readable text as one string, with a map back to DOM text nodes.
 *
 * Detection runs on plain strings; the page keeps its text in thousands of Text nodes split by
 * inline markup ("Kamerstukken <i>II</i> 2024/25"). We concatenate the text nodes in document
 * order, insert a newline where a block element starts or ends (so "…nr. 12</p><p>2024…" is not
 * read as one citation), collapse runs of HTML white space to one space as the browser renders
 * them ("1820\n        (2008)" in the source reads "1820 (2008)"; no-break and thin spaces are
 * kept), and remember where each node's text came from so a citation's offsets turn back into a
 * DOM Range.
 */

/** Elements whose text is not page prose, or belongs to a form control or an editor. */
const SKIPPED_ELEMENTS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'HEAD',
  'TITLE',
]);

/** Elements that break the text flow; inline ones (a, i, span, sup …) do not. */
const BLOCK_ELEMENTS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BR',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

export interface PageText {
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]`'s first character in `text`; ascending. */
  starts: number[];
  /**
   * For a node whose white space was collapsed, `maps[i][k]` is the offset in `nodes[i].data` of the
   * k-th character it contributed to `text`, plus one final entry for its end; undefined when unchanged.
   */
  maps: (Int32Array | undefined)[];
}

/** Where each text node's characters went in a PageText's string: enough to turn offsets into DOM points. */
export type TextMap = Pick<PageText, 'nodes' | 'starts' | 'maps'>;

export interface TextPoint {
  node: Text;
  offset: number;
}

/** Our own UI hosts carry this attribute; their content is never scanned. */
export const OWN_UI_ATTRIBUTE = 'data-bronwijzer-ui';

export function isSkippedElement(element: Element): boolean {
  return isSkippedTag(element.tagName.toUpperCase()) || hasSkippingAttribute(element);
}

function isSkippedTag(upperTagName: string): boolean {
  return SKIPPED_ELEMENTS.has(upperTagName);
}

function hasSkippingAttribute(element: Element): boolean {
  // Most elements of prose have no attributes at all: one call instead of four.
  if (!element.hasAttributes()) return false;
  return (
    element.hasAttribute(OWN_UI_ATTRIBUTE) ||
    element.hasAttribute('hidden') ||
    isEditable(element) ||
    element.getAttribute('aria-hidden') === 'true'
  );
}

/** Read from the attribute, not `isContentEditable`, which would force a style recalculation per element. */
function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/** True when `node` sits inside something we never annotate (an editor, a form control, our UI). */
export function isInsideSkipped(node: Node): boolean {
  for (let element = node.parentElement; element; element = element.parentElement) {
    if (isSkippedElement(element)) return true;
  }
  return false;
}

export interface ReadOptions {
  /** Skip text nodes the caller has already handled. */
  accept?: (node: Text) => boolean;
  /** Yield a chunk at the first block break after this many characters (long pages are chunked). */
  chunkChars?: number;
}

/**
 * Reads the text under `root` in document order, in chunks that end at block breaks, so a caller
 * can process a long page piece by piece and yield to the page in between. Iterative, so a deeply
 * nested page cannot overflow the stack.
 */
export function* readPageText(root: Node, options: ReadOptions = {}): Generator<PageText> {
  const accept = options.accept ?? (() => true);
  const chunkChars = options.chunkChars ?? Infinity;
  let parts: string[] = [];
  let nodes: Text[] = [];
  let starts: number[] = [];
  let maps: (Int32Array | undefined)[] = [];
  let length = 0;
  let endsWithBreak = true;
  let endsWithSpace = true;

  const finish = (): PageText => {
    const done = { text: parts.join(''), nodes, starts, maps };
    parts = [];
    nodes = [];
    starts = [];
    maps = [];
    length = 0;
    return done;
  };
  const pushBreak = () => {
    if (endsWithBreak) return;
    parts.push('\n');
    length += 1;
    endsWithBreak = true;
    endsWithSpace = true;
  };

  // Walks by firstChild / nextSibling / parentNode: one DOM call per step and no NodeList per element.
  let node: Node = root;
  /** For each element descended into, innermost last: whether it is a block (closed on the way up). */
  const blocks: boolean[] = [];
  walk: for (;;) {
    let entered = false;
    let block = false;
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      const textNode = node as Text;
      const data = textNode.data;
      if (data.length > 0 && accept(textNode)) {
        const { text, map } = collapseWhiteSpace(data, endsWithSpace);
        if (text.length > 0) {
          nodes.push(textNode);
          starts.push(length);
          maps.push(map);
          parts.push(text);
          length += text.length;
          endsWithBreak = false;
          endsWithSpace = text.endsWith(' ');
        }
      }
    } else if (type === ELEMENT_NODE) {
      const element = node as Element;
      const tag = element.tagName.toUpperCase();
      if (!isSkippedTag(tag) && !hasSkippingAttribute(element)) {
        entered = true;
        block = BLOCK_ELEMENTS.has(tag);
        if (block) pushBreak();
      }
    } else {
      entered = type === DOCUMENT_NODE || type === FRAGMENT_NODE;
    }
    if (entered) {
      const child = node.firstChild;
      if (child) {
        blocks.push(block);
        node = child;
        continue;
      }
      if (block) {
        pushBreak();
        if (length >= chunkChars) yield finish();
      }
    }
    // On to the next sibling, closing every block element left on the way up.
    for (;;) {
      if (node === root) break walk;
      const next = node.nextSibling;
      if (next) {
        node = next;
        continue walk;
      }
      const parent = node.parentNode;
      if (!parent) break walk; // removed from the page while we yielded
      node = parent;
      if (blocks.pop()) {
        pushBreak();
        if (length >= chunkChars) {
          yield finish();
          // The page may have moved this part elsewhere meanwhile: read no further than `root`.
          if (node !== root && !root.contains(node)) break walk;
        }
      }
    }
  }
  if (nodes.length > 0) yield finish();
}

/** The whole text under `root` as one piece. */
export function collectPageText(root: Node, accept?: (node: Text) => boolean): PageText {
  const [whole] = readPageText(root, { accept }); // unchunked: at most one piece
  return whole ?? { text: '', nodes: [], starts: [], maps: [] };
}

/** Runs of HTML white space (not no-break or thin spaces, which are part of citations like "26\u00a0150"). */
const SPACE_RUN = /[ \t\n\r\f]+/g;
/** `text` with each run of HTML white space read as one space, as the browser renders it. */
export function withCollapsedSpaces(text: string): string {
  return text.replace(SPACE_RUN, ' ');
}

/** Most text nodes of prose have nothing to collapse: test that with one search. */
const NEEDS_COLLAPSE = /[\t\n\r\f]| {2}/;

/**
 * Collapses each run of HTML white space to one space, and drops a leading one when the text
 * before already ended in white space. Returns the map back to `data` only when something changed.
 */
export function collapseWhiteSpace(data: string, afterSpace: boolean): { text: string; map?: Int32Array } {
  if (!NEEDS_COLLAPSE.test(data) && !(afterSpace && data.startsWith(' '))) return { text: data };
  let changed = false;
  let out = '';
  const map = new Int32Array(data.length + 1);
  let k = 0;
  let copied = 0;
  let inSpace = afterSpace;
  const copyUpTo = (end: number) => {
    if (end === copied) return;
    out += data.slice(copied, end);
    for (let i = copied; i < end; i++) map[k++] = i;
    inSpace = false;
  };
  SPACE_RUN.lastIndex = 0;
  for (let run = SPACE_RUN.exec(data); run; run = SPACE_RUN.exec(data)) {
    copyUpTo(run.index);
    if (inSpace || run[0] !== ' ') changed = true;
    if (!inSpace) {
      out += ' ';
      map[k++] = run.index;
      inSpace = true;
    }
    copied = run.index + run[0].length;
  }
  copyUpTo(data.length);
  map[k] = data.length;
  return changed ? { text: out, map: map.slice(0, k + 1) } : { text: data };
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;

/** Index of the node holding `offset`, or of the last node starting before it. */
/** Length of the text node `i` contributed to `text`. */
export function contributedLength(pageText: TextMap, i: number): number {
  const map = pageText.maps[i];
  return map ? map.length - 1 : pageText.nodes[i]!.data.length;
}

export function nodeIndexAt(pageText: TextMap, offset: number): number {
  const { starts } = pageText;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The DOM point for a start offset (`edge: 'start'`) or an end offset (`edge: 'end'`). */
export function pointAt(pageText: TextMap, offset: number, edge: 'start' | 'end'): TextPoint | undefined {
  if (pageText.nodes.length === 0) return undefined;
  // An end offset belongs to the character before it, so it never lands at the start of the next node.
  const index = nodeIndexAt(pageText, edge === 'end' ? offset - 1 : offset);
  const node = pageText.nodes[index]!;
  const map = pageText.maps[index];
  const local = offset - pageText.starts[index]!;
  if (!map) return { node, offset: Math.max(0, Math.min(local, node.data.length)) };
  const clamped = Math.max(0, Math.min(local, map.length - 1));
  // End offsets map just past their last character, so a collapsed run after it stays outside.
  return { node, offset: edge === 'end' && clamped > 0 ? map[clamped - 1]! + 1 : map[clamped]! };
}

export function rangeFor(pageText: TextMap, start: number, end: number): Range | undefined {
  const from = pointAt(pageText, start, 'start');
  const to = pointAt(pageText, end, 'end');
  return from && to ? rangeBetween(from, to) : undefined;
}

/** A live Range between two points, clamped to the nodes' lengths: the page may have shortened them since. */
export function rangeBetween(from: TextPoint, to: TextPoint): Range {
  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, Math.min(from.offset, from.node.length));
  range.setEnd(to.node, Math.min(to.offset, to.node.length));
  return range;
}
