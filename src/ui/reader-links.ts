/** Where the reader lives and how to open a document in it (shared by the worker, the popup and the pages). */
import browser from 'webextension-polyfill';
import type { Annotation } from '../core/annotations/model';

export const READER_PAGE = 'src/pages/reader/index.html';

/** The reader on a document address (the popup and the context menu; an intercepted PDF arrives after `#`). */
export function readerUrlFor(address?: string): string {
  const page = browser.runtime.getURL(READER_PAGE);
  return address ? `${page}?file=${encodeURIComponent(address)}` : page;
}

/**
 * The reader at a saved note: on its document's address, or (a file from the user's computer, which
 * has none) empty, asking for the file. `note` names the note to show once the document is open.
 */
export function readerUrlForNote(note: Pick<Annotation, 'id' | 'url'>): string {
  const web = /^https?:/.test(note.url);
  const base = readerUrlFor(web ? note.url : undefined);
  return `${base}${web ? '&' : '?'}note=${encodeURIComponent(note.id)}`;
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
