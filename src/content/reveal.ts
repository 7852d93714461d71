import type { CitationLayer, PlacedCitation } from './citation-layer';
import type { TooltipController } from './tooltip/controller';

/** How the active highlight blinks after the popup asked for a citation: on/off steps in ms. */
const FLASH_STEPS_MS = [180, 180, 180, 180];

/**
 * The popup's "show me": scrolls the first occurrence of `id` into the middle of the view, opens its
 * tooltip and blinks its highlight a few times so the eye finds it. Returns what it revealed.
 */
export function revealCitation(
  layer: CitationLayer,
  tooltips: TooltipController,
  id: string,
): PlacedCitation | undefined {
  const item = layer.first((placed) => placed.citation.id === id);
  if (!item) return undefined;
  const view = item.range.startContainer.ownerDocument?.defaultView;
  if (view) {
    const rect = item.range.getBoundingClientRect();
    view.scrollBy({ top: rect.top - view.innerHeight / 3, behavior: 'instant' });
  }
  tooltips.open(item);
  let on = true;
  let delay = 0;
  for (const step of FLASH_STEPS_MS) {
    delay += step;
    const show = (on = !on);
    setTimeout(() => {
      // Only while this citation is still the open one: a later hover owns the highlight.
      if (tooltips.openCitation === item) layer.setActive(show ? item : undefined);
    }, delay);
  }
  return item;
}
