import {
  computePosition,
  flip,
  inline,
  offset,
  shift,
  type Placement,
  type ReferenceElement,
} from '@floating-ui/dom';

/**
 * Places a fixed-position `element` beside `reference` (a range or its rectangles): the page tooltip, the note
 * frame and selection button on a page, and the reader's note overlays all float the same way — 6 px off the
 * text, flipped or shifted to stay 8 px inside the window, on the line the pointer is on (inline).
 */
export function floatBeside(reference: ReferenceElement, element: HTMLElement, placement: Placement): void {
  void computePosition(reference, element, {
    strategy: 'fixed',
    placement,
    middleware: [inline(), offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
  }).then(({ x, y }) => {
    element.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  });
}
