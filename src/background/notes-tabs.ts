/**
 * The notes' tab plumbing in the service worker: "open" from the notes page, and the context-menu
 * entry "Bronwijzer: note on selection". Both forward to the content script through the contract.
 */
import browser from 'webextension-polyfill';
import type { Annotation } from '../core/annotations/model';
import { askTab } from '../messaging/client';
import { t } from '../ui/i18n';
import { readerUrlForNote } from '../ui/reader-links';

export const NOTE_MENU_ID = 'bronwijzer-note-on-selection';

/** How long "open" waits for the page's content script to answer. */
const SHOW_TIMEOUT_MS = 20_000;
const RETRY_MS = 150;

/**
 * Opens the note's page in a new tab, then asks the content script there to scroll to the note
 * once it has anchored the page's notes. The URL is left as it is (no fragment): a fragment could
 * make the page itself jump or re-route. Resolves with `shown: false` when the page never answered.
 */
export async function openNoteInTab(note: Annotation): Promise<{ tabId: number; shown: boolean }> {
  // A note on a PDF or Word document opens in the reader, which shows it itself.
  if (note.target.document) {
    const tab = await browser.tabs.create({ url: readerUrlForNote(note), active: true });
    if (tab.id === undefined) throw new Error('The reader could not be opened.');
    return { tabId: tab.id, shown: true };
  }
  const tab = await browser.tabs.create({ url: note.url, active: true });
  const tabId = tab.id;
  if (tabId === undefined) throw new Error('The page could not be opened.');
  const deadline = Date.now() + SHOW_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const { shown } = await askTab(tabId, 'showNote', { id: note.id }, { frameId: 0 });
      return { tabId, shown };
    } catch {
      // The content script is not there yet (the page is loading), or the tab was closed.
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  return { tabId, shown: false };
}

/** Creates the context-menu entry (on install and update; Chrome keeps it across worker restarts). */
export function createNoteMenu(): void {
  if (!browser.contextMenus) return;
  const patterns = (browser.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? []);
  browser.contextMenus.remove(NOTE_MENU_ID).catch(() => undefined);
  browser.contextMenus.create(
    {
      id: NOTE_MENU_ID,
      title: t('menu_note_selection', undefined, 'Bronwijzer: note on selection'),
      contexts: ['selection'],
      ...(patterns.length > 0 ? { documentUrlPatterns: patterns } : {}),
    },
    () => void browser.runtime.lastError,
  );
}

export function listenToNoteMenu(): void {
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== NOTE_MENU_ID || tab?.id === undefined) return;
    askTab(tab.id, 'noteOnSelection', {}, { frameId: info.frameId ?? 0 }).catch(() => undefined);
  });
}
