/**
 * The Firefox manifest is derived from the one manifest.json at build time (never a second file to
 * keep in step): `vite build --mode firefox` passes `toFirefoxManifest(manifest)` to crxjs with
 * `browser: 'firefox'`, which bundles `background.scripts[0]` and writes its loader there.
 */

/** The add-on id on addons.mozilla.org. Never change it once published: it is the add-on's identity. */
export const GECKO_ID = 'bronwijzer@bronwijzer.nl';

/**
 * Firefox 140 (an ESR) is the first with both `data_collection_permissions` (built-in data consent)
 * and the CSS Custom Highlight API the content script paints citations with.
 */
export const FIREFOX_MIN_VERSION = '140.0';

/** Firefox for Android understands `data_collection_permissions` from 142. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/**
 * Manifest keys only Chromium uses. Firefox ignores them (the linter flags some, e.g. `update_url`),
 * so they are left out rather than shipped as dead weight.
 */
export const CHROME_ONLY_KEYS = [
  'minimum_chrome_version',
  'key',
  'update_url',
  'side_panel',
  'offline_enabled',
  'externally_connectable',
  'storage',
  'export',
  'import',
  'oauth2',
  'file_browser_handlers',
  'file_system_provider_capabilities',
  'event_rules',
  'nacl_modules',
  'automation',
  'sandbox',
  'version_name',
] as const;

/** API permissions only Chromium knows (an unknown permission is a `MANIFEST_PERMISSIONS` lint warning). */
export const CHROME_ONLY_PERMISSIONS = [
  'sidePanel',
  'offscreen',
  'tabGroups',
  'favicon',
  'readingList',
  'fontSettings',
  'gcm',
  'power',
  'printing',
  'processes',
  'tabCapture',
  'ttsEngine',
] as const;

type ChromeOnlyKey = (typeof CHROME_ONLY_KEYS)[number];

export interface ChromeManifestInput {
  manifest_version: number;
  background?: { service_worker?: string; scripts?: string[]; type?: 'module' | 'classic' | string };
  permissions?: string[];
  optional_permissions?: string[];
  incognito?: string;
  browser_specific_settings?: { gecko?: Record<string, unknown>; [key: string]: unknown };
}

export interface GeckoSettings {
  id: string;
  strict_min_version: string;
  data_collection_permissions: { required: ['none'] };
}

export type FirefoxManifest<M extends ChromeManifestInput> = Omit<
  M,
  ChromeOnlyKey | 'background' | 'browser_specific_settings'
> & {
  background?: { scripts: string[]; type?: 'module' };
  browser_specific_settings: {
    gecko: GeckoSettings;
    gecko_android: { strict_min_version: string };
  };
};

/** Chrome manifest → Firefox manifest. Pure: the input is not changed. */
export function toFirefoxManifest<M extends ChromeManifestInput>(chrome: M): FirefoxManifest<M> {
  if (chrome.manifest_version !== 3) throw new Error('toFirefoxManifest expects a Manifest V3 manifest');
  const firefox = structuredClone(chrome) as unknown as Record<string, unknown>;
  for (const key of CHROME_ONLY_KEYS) delete firefox[key];

  // Firefox runs MV3 background code as an event page (background.scripts), not a service worker.
  const background = chrome.background;
  if (background) {
    const scripts = background.scripts ?? (background.service_worker ? [background.service_worker] : []);
    if (scripts.length === 0) throw new Error('manifest.background has neither service_worker nor scripts');
    firefox.background = background.type === 'module' ? { scripts, type: 'module' } : { scripts };
  }

  const dropUnknown = (list: string[] | undefined) =>
    list?.filter((permission) => !(CHROME_ONLY_PERMISSIONS as readonly string[]).includes(permission));
  if (chrome.permissions) firefox.permissions = dropUnknown(chrome.permissions);
  if (chrome.optional_permissions) firefox.optional_permissions = dropUnknown(chrome.optional_permissions);
  // Firefox has no "split" incognito mode (lint: INCOGNITO_SPLIT_UNSUPPORTED); "spanning" is its default.
  if (chrome.incognito === 'split') delete firefox.incognito;

  const existing = chrome.browser_specific_settings ?? {};
  firefox.browser_specific_settings = {
    ...existing,
    gecko: {
      ...existing.gecko,
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      // Bronwijzer collects nothing: no page text or usage leaves the browser.
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
  };
  return firefox as FirefoxManifest<M>;
}
