/**
 * PDF.js, set up for the reader: the library, its worker (bundled into the extension: no remote code), and its
 * viewer components (PDFViewer draws pages lazily, a few around the visible ones, each with a text layer;
 * PDFFindController finds and highlights; PDFLinkService follows the document's own links).
 */
import * as pdfjsLib from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import 'pdfjs-dist/web/pdf_viewer.css';
import type { TextItem } from '../../core/document-text';

pdfjsLib.GlobalWorkerOptions.workerSrc = workerUrl;
// The viewer components read the library from this global (they are built to sit beside it).
Object.assign(globalThis, { pdfjsLib });
const viewerComponents = import('pdfjs-dist/web/pdf_viewer.mjs');

type Components = Awaited<typeof viewerComponents>;
export type PdfViewer = InstanceType<Components['PDFViewer']>;
export type PdfEventBus = InstanceType<Components['EventBus']>;
export type PdfFindController = InstanceType<Components['PDFFindController']>;
export type PdfLinkService = InstanceType<Components['PDFLinkService']>;

export interface PdfView {
  document: PDFDocumentProxy;
  viewer: PdfViewer;
  eventBus: PdfEventBus;
  findController: PdfFindController;
  /** Follows the document's own links and outline entries. */
  linkService: PdfLinkService;
  /** The text-layer element PDF.js drew for item `item` of page `page` (0-based), while the page is drawn. */
  textElement(page: number, item: number): Element | undefined;
  /** The element a page is drawn in (0-based). */
  pageElement(page: number): HTMLElement | undefined;
}

export type PdfSource = { url: string } | { data: ArrayBuffer };

/**
 * The PDF's fingerprint as PDF.js computes it (from the file's ID or its first bytes), lower-case: what the
 * reader's notes and remembered positions know a document by, whatever address or file it came from.
 */
export function pdfFingerprint(view: PdfView): string {
  return (view.document.fingerprints[0] ?? '').toLowerCase();
}

/** Opens a PDF and shows it in `container` (an absolutely positioned, scrolling element). */
export async function openPdf(source: PdfSource, container: HTMLDivElement): Promise<PdfView> {
  const { EventBus, PDFFindController, PDFLinkService, PDFViewer, LinkTarget } = await viewerComponents;
  const eventBus = new EventBus();
  const linkService = new PDFLinkService({ eventBus, externalLinkTarget: LinkTarget.BLANK });
  const findController = new PDFFindController({ eventBus, linkService });
  const viewerElement = container.querySelector<HTMLDivElement>('.pdfViewer')!;
  const viewer = new PDFViewer({ container, viewer: viewerElement, eventBus, linkService, findController });
  linkService.setViewer(viewer);

  const document = await pdfjsLib.getDocument({
    ...('url' in source ? { url: source.url } : { data: source.data }),
    // Extension pages forbid eval: PDF.js then interprets fonts instead of compiling them.
    isEvalSupported: false,
  }).promise;
  viewer.setDocument(document);
  linkService.setDocument(document, null);

  return {
    document,
    viewer,
    eventBus,
    findController,
    linkService,
    textElement(page, item) {
      // The highlighter PDF.js gives each page view holds the page's text-layer elements in item order
      // (PDF.js's own autolinker reads it the same way).
      const view = viewer.getPageView(page) as
        { _textHighlighter?: { textDivs?: Element[] | null } } | undefined;
      return view?._textHighlighter?.textDivs?.[item];
    },
    pageElement(page) {
      return (viewer.getPageView(page) as { div?: HTMLElement } | undefined)?.div;
    },
  };
}

/** Text is asked for this many pages at a time, so PDF.js's worker can draw pages in between. */
const TEXT_PAGES_AT_ONCE = 8;

/**
 * Every page's text items, in content-stream order: the same items, in the same order, as the text layer's.
 * `onFirstPage` gets the first page's as soon as they are read.
 */
export async function readTextItems(
  document: PDFDocumentProxy,
  onFirstPage?: (items: TextItem[]) => Promise<void>,
): Promise<TextItem[][]> {
  const pages: TextItem[][] = [];
  for (let from = 1; from <= document.numPages; from += TEXT_PAGES_AT_ONCE) {
    const numbers = Array.from(
      { length: Math.min(TEXT_PAGES_AT_ONCE, document.numPages - from + 1) },
      (_, i) => from + i,
    );
    pages.push(...(await Promise.all(numbers.map((number) => readPage(document, number)))));
    if (from === 1 && onFirstPage) await onFirstPage(pages[0]!);
  }
  return pages;
}

async function readPage(document: PDFDocumentProxy, number: number): Promise<TextItem[]> {
  const { items } = await (await document.getPage(number)).getTextContent({ disableNormalization: true });
  return items.flatMap((item) =>
    'str' in item
      ? [
          {
            str: item.str,
            x: item.transform[4] as number,
            y: item.transform[5] as number,
            width: item.width,
            height: item.height || Math.hypot(item.transform[2], item.transform[3]),
            hasEOL: item.hasEOL,
          },
        ]
      : [],
  );
}
