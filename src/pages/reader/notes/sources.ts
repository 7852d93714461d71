/**
 * What the reader's notes need of an open document, for a PDF and for a Word file: its text and
 * fingerprint (`ReaderDocument`), the parts of it drawn now (regions: a PDF's drawn pages, the whole
 * Word article), a signal when that changes, and a way to bring a passage's page on screen.
 */
import type { ReaderDocument } from '../../../core/annotations/document-anchor';
import { piecesOfPage, type DocumentText } from '../../../core/document-text';
import { collectPageText, type PageText, type TextMap } from '../../../content/page-text';
import type { PdfCitations } from '../pdf-citations';
import { pdfFingerprint, type PdfView } from '../pdf-view';
import { textMapOfPage } from '../text-layer-map';

/** A drawn stretch of the document text, `from`..`to`, and the DOM text it maps to. */
export interface TextRegion {
  key: string;
  from: number;
  to: number;
  map: TextMap;
}

export interface NotesSource {
  document: ReaderDocument;
  title: string;
  regions(): TextRegion[];
  /**
   * Calls `listener` when what is drawn changed (a page's text layer came, went or was split by find), until
   * the function it returns is called.
   */
  onRedrawn(listener: () => void): () => void;
  /** Brings the page holding a passage on screen (a PDF draws it then); resolves once it may be painted. */
  bringIntoView(page: number | undefined): Promise<void>;
  /** Where in the document text the drawn DOM lies: to read a selection's offsets. */
  pageText(): PageText;
}

/** Lower-case hex SHA-256 of a file's bytes: a Word file's fingerprint. */
export async function contentHash(data: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function pdfSource(
  view: PdfView,
  text: DocumentText,
  meta: { title: string; address: string | undefined },
): NotesSource {
  const pages = () => {
    const drawn: number[] = [];
    for (let page = 0; page < text.pageStarts.length - 1; page++) {
      if (view.textElement(page, 0)?.isConnected) drawn.push(page);
    }
    return drawn;
  };
  const regions = () =>
    pages().map((page) => {
      const element = view.pageElement(page);
      const map = textMapOfPage(piecesOfPage(text, page), (item) => {
        const textElement = view.textElement(page, item);
        return textElement && element?.contains(textElement) ? textElement : undefined;
      });
      return { key: String(page), from: text.pageStarts[page]!, to: text.pageStarts[page + 1]!, map };
    });
  return {
    document: {
      ref: { format: 'pdf', fingerprint: pdfFingerprint(view) },
      text: text.text,
      pageStarts: text.pageStarts,
      ...(meta.address ? { address: meta.address } : {}),
    },
    title: meta.title,
    regions,
    onRedrawn(listener) {
      let pending = false;
      const soon = () => {
        if (pending) return;
        pending = true;
        queueMicrotask(() => {
          pending = false;
          listener();
        });
      };
      view.eventBus.on('textlayerrendered', soon);
      // Find splits and joins text nodes; PDF.js drops the layers of pages far from view.
      const observer = new MutationObserver(soon);
      observer.observe(view.viewer.container, { childList: true, subtree: true });
      return () => {
        view.eventBus.off('textlayerrendered', soon);
        observer.disconnect();
      };
    },
    async bringIntoView(page) {
      if (page === undefined) return;
      view.viewer.scrollPageIntoView({ pageNumber: page + 1 });
      for (let waited = 0; waited < 5_000 && !pages().includes(page); waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
    },
    pageText: () => joined(text.text, regions()),
  };
}

export function docxSource(
  article: HTMLElement,
  fingerprint: string,
  meta: { title: string; address: string | undefined },
): NotesSource {
  const pageText = collectPageText(article);
  const region: TextRegion = { key: 'docx', from: 0, to: pageText.text.length, map: pageText };
  return {
    document: {
      ref: { format: 'docx', fingerprint },
      text: pageText.text,
      ...(meta.address ? { address: meta.address } : {}),
    },
    title: meta.title,
    regions: () => [region],
    onRedrawn: () => () => undefined,
    bringIntoView: async () => undefined,
    pageText: () => pageText,
  };
}

/** The drawn regions as one PageText over the whole document's text (regions are in document order). */
function joined(text: string, regions: readonly TextRegion[]): PageText {
  const out: PageText = { text, nodes: [], starts: [], maps: [] };
  for (const { map } of regions) {
    out.nodes.push(...map.nodes);
    out.starts.push(...map.starts);
    out.maps.push(...map.maps);
  }
  return out;
}

/** The document's whole text, once `PdfCitations` has read every page. */
export function documentTextOf(citations: PdfCitations): Promise<DocumentText> {
  return new Promise((resolve) => {
    const check = () => citations.documentText && resolve(citations.documentText);
    citations.onUpdate(check);
    check();
  });
}
