import { kindEnabled } from '../../core/settings';
import { CitationLayer } from '../../content/citation-layer';
import { LookupCache } from '../../content/lookup-cache';
import { TooltipController, type TooltipActions } from '../../content/tooltip/controller';
import { askBackground } from '../../messaging/client';
import { loadSettings, onSettingsChanged } from '../../ui/settings-store';

/**
 * The reader's citation machinery: the content script's own layer (CSS highlights, hit-testing, lazy painting),
 * its tooltip and its batched lookups, working on the reader's document instead of a web page.
 */
export interface Annotator {
  layer: CitationLayer;
  lookups: LookupCache;
  tooltips: TooltipController;
  /** The tooltip's extra actions ("Save note"), set by the reader's notes. */
  actions: TooltipActions;
}

export async function createAnnotator(doc: Document): Promise<Annotator> {
  const layer = new CitationLayer(doc, (texts) => askBackground('detect', { texts }));
  const lookups = new LookupCache();
  const actions: TooltipActions = {};
  const tooltips = new TooltipController(doc, layer, lookups, actions);
  let settings = await loadSettings();
  layer.setFilter((citation) => kindEnabled(settings, citation.kind));
  tooltips.openDelayMs = settings.tooltipDelayMs;
  onSettingsChanged((next) => {
    settings = next;
    tooltips.openDelayMs = next.tooltipDelayMs;
  });
  return { layer, lookups, tooltips, actions };
}
