/** Where the reader lives and how to open a document in it (shared by the worker, the popup and the pages). */
import browser from 'webextension-polyfill';

export const READER_PAGE = 'src/pages/reader/index.html';

/** The reader on a document address (the popup and the context menu; an intercepted PDF arrives after `#`). */
export function readerUrlFor(address?: string): string {
  const page = browser.runtime.getURL(READER_PAGE);
  return address ? `${page}?file=${encodeURIComponent(address)}` : page;
}

/** A web document the reader opens: its address says PDF or Word. */
export function looksLikeDocument(address: string | undefined): boolean {
  if (!address) return false;
  try {
    const url = new URL(address);
    return /^https?:$/.test(url.protocol) && /\.(pdf|docx)$/i.test(url.pathname);
  } catch {
    return false;
  }
}
