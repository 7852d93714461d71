import { kindEnabled, type Settings } from '../core/settings';
import { patternCoversHost } from '../core/sites';
import { askBackground } from '../messaging/client';
import { applyLanguage } from '../ui/i18n';
import { loadSettings, onSettingsChanged } from '../ui/settings-store';
import { isOfficialHost } from '../ui/sites';
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
 * Off when the user switched the site off, or removed it from the added sites (a script injected
 * into an open tab keeps running until the tab reloads, so it steps back by itself).
 */
const annotatingIn = (settings: Settings, host: string) =>
  !settings.disabledHosts.includes(host) &&
  (!host || isOfficialHost(host) || settings.extraSites.some((site) => patternCoversHost(site, host)));

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
): Promise<Preferences> {
  const host = hostOf(doc);
  let settings = await loadSettings();
  const state = { host, annotating: annotatingIn(settings, host) };
  const loadCatalog = async (language: 'nl' | 'en') =>
    (await askBackground('uiMessages', { language })).messages;

  layer.setFilter((citation) => kindEnabled(settings, citation.kind));
  tooltips.openDelayMs = settings.tooltipDelayMs;
  if (settings.language !== 'auto') await applyLanguage(settings.language, loadCatalog);

  onSettingsChanged((next) => {
    const before = settings;
    settings = next;
    tooltips.openDelayMs = next.tooltipDelayMs;
    if (next.language !== before.language)
      void applyLanguage(next.language, loadCatalog).then(() => tooltips.refresh());

    const wasAnnotating = state.annotating;
    state.annotating = annotatingIn(next, host);
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
  });
  return state;
}
