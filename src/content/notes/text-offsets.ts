import { contributedLength, type PageText } from '../page-text';

/**
 * The inverse of `rangeFor`: where a DOM Range (a selection, a citation's range) lies in the page
 * text, as UTF-16 offsets. The text is what `collectPageText` reads, the same text notes are
 * described on (`describeRange`) and anchored on again (`anchor`).
 */
export interface TextSpan {
  start: number;
  end: number;
}

/** Offset in the page text of a DOM boundary point. */
export function offsetAt(
  pageText: PageText,
  index: Map<Text, number>,
  container: Node,
  offset: number,
  edge: 'start' | 'end',
): number {
  const i = container.nodeType === Node.TEXT_NODE ? index.get(container as Text) : undefined;
  if (i !== undefined) return pageText.starts[i]! + localOffset(pageText, i, offset);
  // A point between nodes (an element boundary, a skipped text node): the nearest text after it
  // for a start, before it for an end.
  const doc = container.ownerDocument ?? (container as Document);
  const point = doc.createRange();
  point.setStart(container, offset);
  const { nodes, starts } = pageText;
  if (edge === 'start') {
    let low = 0;
    let high = nodes.length; // first node starting at or after the point
    while (low < high) {
      const mid = (low + high) >> 1;
      if (point.comparePoint(nodes[mid]!, 0) >= 0) high = mid;
      else low = mid + 1;
    }
    return low < nodes.length ? starts[low]! : pageText.text.length;
  }
  let low = -1;
  let high = nodes.length - 1; // last node ending at or before the point
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (point.comparePoint(nodes[mid]!, nodes[mid]!.data.length) <= 0) low = mid;
    else high = mid - 1;
  }
  return low >= 0 ? starts[low]! + contributedLength(pageText, low) : 0;
}

/** Offset within node `i`'s contributed text for an offset in its `data` (collapsed white space mapped). */
function localOffset(pageText: PageText, i: number, offset: number): number {
  const map = pageText.maps[i];
  if (!map) return Math.max(0, Math.min(offset, pageText.nodes[i]!.data.length));
  // The first contributed character at or after `offset`.
  let low = 0;
  let high = map.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (map[mid]! >= offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Indexes the page text's nodes for `offsetAt`. */
export function nodeIndex(pageText: PageText): Map<Text, number> {
  return new Map(pageText.nodes.map((node, i) => [node, i]));
}

/**
 * The span of page text a Range covers, without white space at its ends (a double-click selects
 * the space after a word); undefined when it covers no text.
 */
export function spanOfRange(
  pageText: PageText,
  range: Range,
  index = nodeIndex(pageText),
): TextSpan | undefined {
  let start = offsetAt(pageText, index, range.startContainer, range.startOffset, 'start');
  let end = offsetAt(pageText, index, range.endContainer, range.endOffset, 'end');
  const { text } = pageText;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}
