import { kindEnabled } from '../core/settings';
import { askBackground } from '../messaging/client';
import type { ContentSettings } from '../messaging/contract';
import { applyLanguage } from '../ui/i18n';
import type { CitationLayer } from './citation-layer';
import type { TooltipController } from './tooltip/controller';

export interface Preferences {
  /** The site's host name, as the popup's switch and settings.disabledHosts name it. */
  readonly host: string;
  /** False while the user has switched this site off: nothing is highlighted. */
  readonly annotating: boolean;
}

/** The host a document belongs to; an about:blank frame belongs to the page that made it. */
export function hostOf(doc: Document): string {
  if (doc.location.hostname) return doc.location.hostname;
  try {
    return doc.defaultView?.parent?.location.hostname ?? '';
  } catch {
    return ''; // a cross-origin parent: no host we can name
  }
}

/**
 * Applies the user's settings to the content script, now and whenever they change: the site
 * switch (highlights cleared and restored live), the kinds, the tooltip delay and the language.
 * `rescan` must re-read the whole page with the current filter; it is skipped while switched off.
 */
export async function followSettings(
  doc: Document,
  layer: CitationLayer,
  tooltips: TooltipController,
  rescan: () => Promise<void>,
): Promise<Preferences & { changed: () => void }> {
  const host = hostOf(doc);
  // storage.local is closed to content scripts: the worker answers for this page.
  const load = () => askBackground('contentSettings', {});
  let settings: ContentSettings = await load();
  const state = { host, annotating: settings.annotating };
  const loadCatalog = async (language: 'nl' | 'en') =>
    (await askBackground('uiMessages', { language })).messages;

  layer.setFilter((citation) => kindEnabled(settings, citation.kind));
  tooltips.openDelayMs = settings.tooltipDelayMs;
  if (settings.language !== 'auto') await applyLanguage(settings.language, loadCatalog);

  const apply = (next: ContentSettings) => {
    const before = settings;
    settings = next;
    tooltips.openDelayMs = next.tooltipDelayMs;
    if (next.language !== before.language)
      void applyLanguage(next.language, loadCatalog).then(() => tooltips.refresh());

    const wasAnnotating = state.annotating;
    state.annotating = next.annotating;
    const kindsChanged = next.enabledKinds.join() !== before.enabledKinds.join();
    if (!state.annotating) {
      if (wasAnnotating) {
        tooltips.close();
        layer.clear();
      }
    } else if (!wasAnnotating || kindsChanged) {
      tooltips.close();
      void rescan();
    }
  };
  const changed = () => {
    load().then(apply, (error: unknown) => console.warn('Bronwijzer: settings unavailable', error));
  };
  return Object.assign(state, { changed });
}
