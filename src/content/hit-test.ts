/** Hit-testing painted ranges: highlights receive no pointer events, so we find them by position. */

export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** The caret API answers with the nearest text even beside a line's end, so check the painted boxes. */
export function containsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/**
 * Calls `onPointerAt` at most once per animation frame, with the latest pointer position, while the
 * pointer is not over our own UI. Every move is recorded: Firefox does not coalesce pointer moves.
 */
export function followPointer(
  doc: Document,
  ownUi: Element,
  onPointerAt: (x: number, y: number) => void,
): void {
  let frame = 0;
  let latest = { x: 0, y: 0, overUi: false };
  doc.addEventListener(
    'pointermove',
    (event) => {
      // A page script's synthetic pointer must not open a tooltip or a note.
      if (!event.isTrusted) return;
      latest = { x: event.clientX, y: event.clientY, overUi: event.composedPath().includes(ownUi) };
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!latest.overUi) onPointerAt(latest.x, latest.y);
      });
    },
    { passive: true },
  );
}

/** The last line box of a selection, so a button placed beside it sits at its end. */
export function lastLine(range: Range): { getBoundingClientRect(): DOMRect; getClientRects(): DOMRect[] } {
  const rects = range.getClientRects();
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  return { getBoundingClientRect: () => last, getClientRects: () => [last] };
}
