/**
 * Settings for content scripts. storage.local (the settings) and storage.session (note frame tasks)
 * are closed to content scripts where the browser can do so (Chrome's setAccessLevel): a page's
 * process can neither read which sites the user added nor change a setting. A content script asks
 * the worker for what its own page needs, and is told when the settings change.
 */
import browser from 'webextension-polyfill';
import { onSettingsChanged, loadSettings } from '../ui/settings-store';
import { askTab } from '../messaging/client';
import type { ContentSettings } from '../messaging/contract';
import { pageOf, type Caller } from '../messaging/senders';
import { patternCoversHost } from '../core/sites';
import type { Settings } from '../core/settings';
import { isOfficialHost } from '../ui/sites';

interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

export function restrictStorage(): void {
  const api = (globalThis as { chrome?: { storage?: Record<string, AccessLevelArea> } }).chrome?.storage;
  for (const area of ['local', 'session']) {
    // Firefox has no setAccessLevel; its storage.session is closed to content scripts already.
    void api?.[area]
      ?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
      ?.catch((error: unknown) => console.warn(`Bronwijzer: could not restrict storage.${area}`, error));
  }
}

/**
 * Off when the user switched the site off, or removed it from the added sites (a script injected
 * into an open tab keeps running until the tab reloads, so it steps back by itself).
 */
const annotatingIn = (settings: Settings, host: string) =>
  !settings.disabledHosts.includes(host) &&
  (!host || isOfficialHost(host) || settings.extraSites.some((site) => patternCoversHost(site, host)));

/** The host of the sender's page; an about:blank frame belongs to the page that made it (its origin). */
function hostOfPage(pageUrl: string, origin: string | undefined): string {
  for (const candidate of [pageUrl, origin ?? '']) {
    try {
      const url = new URL(candidate);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.hostname;
    } catch {
      // not a URL: try the next
    }
  }
  return '';
}

export async function contentSettingsFor(caller: Caller): Promise<ContentSettings> {
  const { pageUrl, origin } = pageOf(caller, 'contentSettings');
  const settings = await loadSettings();
  return {
    enabledKinds: settings.enabledKinds,
    tooltipDelayMs: settings.tooltipDelayMs,
    language: settings.language,
    annotating: annotatingIn(settings, hostOfPage(pageUrl, origin)),
  };
}

/** Tells every tab's content scripts (all frames) that the settings changed; tabs without one ignore it. */
export function tellTabsSettingsChanged(): void {
  onSettingsChanged(() => {
    void browser.tabs.query({}).then((tabs) => {
      for (const tab of tabs) {
        if (tab.id === undefined) continue;
        // No frameId: every frame's content script hears it.
        void askTab(tab.id, 'settingsChanged', {}, { frameId: undefined }).catch(() => undefined);
      }
    });
  });
}
