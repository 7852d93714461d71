import { render, type ComponentChild } from 'preact';
import browser from 'webextension-polyfill';
import { applyLanguage, t, uiLanguage } from '../../ui/i18n';
import { loadSettings } from '../../ui/settings-store';

/** Where the saved-notes page lives (built by its own entry). */
export const NOTES_PAGE = 'src/pages/notes/index.html';
export const OPTIONS_PAGE = 'src/pages/options/index.html';

/** Opens an extension page in a new tab (a popup's own links would open inside the popup). */
export function openExtensionPage(path: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(path) });
}

/** Sets the document's `lang` and title for the language the UI speaks now. */
export function localizeDocument(titleKey?: string): void {
  document.documentElement.lang = uiLanguage();
  if (titleKey) document.title = t(titleKey, undefined, 'Bronwijzer');
}

/** Renders an extension page in the language chosen in the options. */
export async function mountPage(app: () => ComponentChild, titleKey?: string): Promise<void> {
  await applyLanguage((await loadSettings()).language);
  localizeDocument(titleKey);
  render(app(), document.getElementById('app')!);
}
