import browser, { type Tabs } from 'webextension-polyfill';
import type { PageCitation } from '../../messaging/contract';
import { READER_PAGE } from '../../ui/reader-links';

/** What the popup asks of a document open in the reader (an extension page: no content script to message). */
export interface ReaderDocument {
  name: string;
  citations(): PageCitation[];
  reveal(id: string): Promise<boolean>;
}

/**
 * The document open in a reader tab, read directly from the reader page: it is one of the extension's own pages,
 * so the popup reaches its window through `extension.getViews` (no message, no content script).
 */
export function readerDocumentIn(tab: Tabs.Tab): ReaderDocument | undefined {
  if (tab.id === undefined || !tab.url?.startsWith(browser.runtime.getURL(READER_PAGE))) return undefined;
  const [view] = browser.extension.getViews({ type: 'tab', tabId: tab.id });
  const reader = (view as { bronwijzerReader?: { state: { document?: ReaderDocument } } } | undefined)
    ?.bronwijzerReader;
  return reader?.state.document;
}

/** Whether the tab shows a PDF in the browser's viewer (the popup's activeTab lets it ask the page). */
export async function showsPdf(tab: Tabs.Tab): Promise<boolean> {
  if (tab.id === undefined) return false;
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId: tab.id },
      func: () => document.contentType,
    });
    return result?.result === 'application/pdf';
  } catch {
    return false; // a page we may not script (another extension's, the browser's own)
  }
}
