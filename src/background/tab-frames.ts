import browser from 'webextension-polyfill';

/**
 * The frames inside a tab (besides the top one) whose content script looked up citations: the popup lists those
 * frames' citations too. Kept in session storage (the worker may stop at any moment); cleared with the browser
 * session. At most this many frames are remembered per tab.
 */
const MAX_FRAMES = 50;

const keyOf = (tabId: number) => `frames:${tabId}`;

export async function framesOf(tabId: number): Promise<number[]> {
  const stored = (await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)];
  return Array.isArray(stored) ? stored.filter((id): id is number => Number.isInteger(id)) : [];
}

export async function rememberFrame({ tabId, frameId }: { tabId: number; frameId: number }): Promise<void> {
  if (frameId === 0) return;
  const frames = await framesOf(tabId);
  if (!frames.includes(frameId))
    await browser.storage.session.set({ [keyOf(tabId)]: [...frames, frameId].slice(-MAX_FRAMES) });
}
