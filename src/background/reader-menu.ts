/** The context-menu entry "Bronwijzer: open in the reader" on links to PDF and Word files. */
import browser from 'webextension-polyfill';
import { t } from '../ui/i18n';
import { readerUrlFor } from '../ui/reader-links';

export const READER_MENU_ID = 'bronwijzer-open-in-reader';

/** Links whose address says PDF or Word, and the Tweede Kamer's download links (no extension in the address). */
export const DOCUMENT_LINK_PATTERNS = [
  '*://*/*.pdf',
  '*://*/*.pdf?*',
  '*://*/*.PDF',
  '*://*/*.docx',
  '*://*/*.docx?*',
  'https://www.tweedekamer.nl/downloads/document*',
];

export function createReaderMenu(): void {
  if (!browser.contextMenus) return;
  browser.contextMenus.remove(READER_MENU_ID).catch(() => undefined);
  browser.contextMenus.create(
    {
      id: READER_MENU_ID,
      title: t('reader_menu_link', undefined, 'Bronwijzer: open in the reader'),
      contexts: ['link'],
      targetUrlPatterns: DOCUMENT_LINK_PATTERNS,
    },
    () => void browser.runtime.lastError,
  );
}

export function listenToReaderMenu(): void {
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== READER_MENU_ID || !info.linkUrl) return;
    void browser.tabs.create({
      url: readerUrlFor(info.linkUrl),
      ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
    });
  });
}
