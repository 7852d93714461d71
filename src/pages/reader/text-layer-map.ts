import type { TextPiece } from '../../core/document-text';
import type { TextMap } from '../../content/page-text';

/**
 * The map from document-text offsets to a page's text-layer nodes, for `CitationLayer.placeDetected`.
 * `elementOf(item)` is the text-layer element PDF.js drew for the page's item. Usually it holds one text node;
 * while find highlights a match it holds several, so every text node is mapped. An item contributes its first
 * `piece.length` characters (a dropped hyphen or trailing space is left out), hence the maps of cut nodes.
 */
export function textMapOfPage(
  pieces: readonly TextPiece[],
  elementOf: (item: number) => Element | undefined,
) {
  const map: TextMap = { nodes: [], starts: [], maps: [] };
  for (const piece of pieces) {
    const element = elementOf(piece.item);
    if (!element) continue;
    let offset = 0;
    for (const node of textNodesOf(element)) {
      const take = Math.min(node.data.length, piece.length - offset);
      if (take <= 0) break;
      map.nodes.push(node);
      map.starts.push(piece.start + offset);
      map.maps.push(take < node.data.length ? prefixMap(take) : undefined);
      offset += node.data.length;
    }
  }
  return map;
}

function textNodesOf(element: Element): Text[] {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** The map of a node that contributed only its first `length` characters. */
function prefixMap(length: number): Int32Array {
  const map = new Int32Array(length + 1);
  for (let k = 0; k <= length; k++) map[k] = k;
  return map;
}
