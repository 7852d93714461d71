import browser from 'webextension-polyfill';
import { normalizeSettings, type Settings } from '../core/settings';

/** Settings live in storage.local (not sync: nothing leaves the machine). */
const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return normalizeSettings(stored[KEY]);
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...change });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export function onSettingsChanged(listener: (settings: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEY in changes) listener(normalizeSettings(changes[KEY]?.newValue));
  });
}
