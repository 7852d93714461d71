import browser, { type Tabs } from 'webextension-polyfill';

/**
 * The tab the popup describes: the active tab of its window. `?tab=ID` names one instead, so the
 * popup page can be opened in a tab of its own (browser tests cannot open a real action popup).
 */
export async function targetTab(search = location.search): Promise<Tabs.Tab | undefined> {
  const named = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(named) && named > 0) return browser.tabs.get(named).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}
