/**
 * Notes on documents the reader shows (PDF, Word), anchored the way Hypothesis anchors them in PDFs:
 * the same W3C TextQuote and TextPosition selectors as on a web page, over the whole document's text
 * in reading order (`core/document-text` for a PDF, the article's text for a Word file), plus the
 * page the passage starts on (`PageSelector`) and the document's fingerprint. A note is placed on a
 * document only when the fingerprints agree: another file at the same address is another text.
 *
 * Pure: no DOM, no PDF.js.
 */
import { pageAt } from '../document-text';
import { anchor, describeRange, type AnchorResult } from './anchor';
import { documentUrn, pageSelectorOf, type Annotation, type DocumentRef, type Selector } from './model';

/** A document as the reader has read it. */
export interface ReaderDocument {
  ref: DocumentRef;
  /** The whole text the selectors' offsets refer to. */
  text: string;
  /** For a PDF: where each page's text begins in `text` (ascending; one more entry, the length). */
  pageStarts?: readonly number[];
  /** Its http(s) address; undefined for a file opened from the user's computer. */
  address?: string;
}

/** The page (0-based) holding offset `offset`, or undefined for a document without pages. */
export function pageOfOffset(doc: Pick<ReaderDocument, 'pageStarts'>, offset: number): number | undefined {
  const { pageStarts } = doc;
  return pageStarts && pageStarts.length >= 2 ? pageAt({ pageStarts: [...pageStarts] }, offset) : undefined;
}

/** The selectors of a passage of the document, and where the note belongs (`url`, `document`). */
export function describeDocumentRange(
  doc: ReaderDocument,
  start: number,
  end: number,
): { url: string; document: DocumentRef; selectors: Selector[] } {
  const selectors: Selector[] = describeRange(doc.text, start, end);
  const page = pageOfOffset(doc, start);
  if (page !== undefined) selectors.push({ type: 'PageSelector', index: page, label: String(page + 1) });
  return { url: doc.address ?? documentUrn(doc.ref), document: { ...doc.ref }, selectors };
}

/** Whether a note was made on this document (the same fingerprint), so the reader should place it. */
export function isNoteOf(note: Pick<Annotation, 'target'>, doc: Pick<ReaderDocument, 'ref'>): boolean {
  const ref = note.target.document;
  return ref !== undefined && ref.format === doc.ref.format && ref.fingerprint === doc.ref.fingerprint;
}

/**
 * Places a note on the document: undefined when it was made on another document (fingerprint
 * mismatch, refused) or its passage is no longer found. The result carries the page it starts on.
 */
export function anchorInDocument(
  doc: ReaderDocument,
  note: Pick<Annotation, 'target'>,
): (AnchorResult & { page: number | undefined }) | undefined {
  if (!isNoteOf(note, doc)) return undefined;
  const found = anchor(doc.text, note.target.selectors);
  if (!found) return undefined;
  return { ...found, page: pageOfOffset(doc, found.start) ?? pageSelectorOf(note)?.index };
}
