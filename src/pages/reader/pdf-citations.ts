import type { Citation } from '../../core/citation';
import { buildDocumentText, pageAt, piecesOfPage, type DocumentText } from '../../core/document-text';
import type { CitationLayer, DetectInWorker } from '../../content/citation-layer';
import { decodeDetections } from '../../messaging/detections';
import type { PdfView } from './pdf-view';
import { readTextItems } from './pdf-view';
import { textMapOfPage } from './text-layer-map';

/** Pages go to the worker in batches of about this many characters. */
const BATCH_CHARS = 200_000;

/** One page's citations and the document text their offsets refer to. */
interface PageCitations {
  text: DocumentText;
  citations: Citation[];
}

/** What finding a document's citations cost (the PDF benchmark reads it). */
export interface PdfCitationStats {
  /** From the start until the first page's citations were known. */
  firstPageDetectedMs: number;
  /** From the start until every page's citations were known. */
  allDetectedMs: number;
  /** The longest piece of our own work on the page's main thread (building text, decoding, placing a page). */
  longestOwnMs: number;
  /** Time placing citations on text layers, in total. */
  placeMs: number;
}

/**
 * A PDF's citations: detected once on the whole document's text (in reading order, hyphenation joined, running
 * headers left out), then placed page by page whenever PDF.js draws a page's text layer, and forgotten with it:
 * only drawn pages hold ranges, so memory stays bounded however long the document.
 */
export class PdfCitations {
  readonly stats: PdfCitationStats = {
    firstPageDetectedMs: 0,
    allDetectedMs: 0,
    longestOwnMs: 0,
    placeMs: 0,
  };
  private text: DocumentText | undefined;
  private readonly byPage: (PageCitations | undefined)[] = [];
  private readonly drawn = new Set<number>();
  private readonly observers = new Map<number, MutationObserver>();
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly view: PdfView,
    private readonly layer: CitationLayer,
    private readonly detect: DetectInWorker,
  ) {
    view.eventBus.on('textlayerrendered', ({ pageNumber }: { pageNumber: number }) => {
      this.drawn.add(pageNumber - 1);
      this.placePage(pageNumber - 1);
    });
  }

  /** Called whenever more of the document's citations are known. */
  onUpdate(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The whole document's text, once read. */
  get documentText(): DocumentText | undefined {
    return this.text;
  }

  /** Every citation of the document known so far, in reading order (offsets in `documentText`). */
  get all(): Citation[] {
    // A citation across a page break is listed on both pages: once here.
    return [
      ...new Set(this.byPage.flatMap((page) => (page && page.text === this.text ? page.citations : []))),
    ];
  }

  /** The page (0-based) a citation of `all` is on. */
  pageOf(citation: Citation): number {
    return this.byPage.findIndex((page) => page?.citations.includes(citation));
  }

  /**
   * Reads the document's text and detects its citations. The first page goes first, on its own text, so its
   * underlines need not wait for a long document's other pages; once every page is read, the whole document's
   * text (running headers left out) is detected in batches and replaces it.
   */
  async detectAll(): Promise<void> {
    const started = performance.now();
    const allItems = await readTextItems(this.view.document, async (firstPage) => {
      await this.detectPages(
        0,
        1,
        this.timed(() => buildDocumentText([firstPage])),
      );
      this.stats.firstPageDetectedMs = performance.now() - started;
    });
    const text = this.timed(() => buildDocumentText(allItems));
    this.text = text;
    const pageCount = text.pageStarts.length - 1;
    // A batch ends only where a page's text ends a paragraph: a citation running on onto the next page stays whole.
    const endsParagraph = (page: number) => text.text[text.pageStarts[page + 1]! - 1] === '\n';
    let page = 0;
    while (page < pageCount) {
      const first = page;
      let chars = 0;
      while (page < pageCount && (page === first || chars < BATCH_CHARS || !endsParagraph(page - 1))) {
        chars += text.pageStarts[page + 1]! - text.pageStarts[page]!;
        page += 1;
      }
      await this.detectPages(first, page, text);
    }
    this.stats.allDetectedMs = performance.now() - started;
  }

  /** Detects pages `from`…`to` (exclusive) as one text; a citation is kept on every page it runs over. */
  private async detectPages(from: number, to: number, text: DocumentText): Promise<void> {
    const shift = text.pageStarts[from]!;
    const answer = await this.detect([text.text.slice(shift, text.pageStarts[to])]);
    this.timed(() => {
      const pages: PageCitations[] = [];
      for (let page = from; page < to; page++) pages.push((this.byPage[page] = { text, citations: [] }));
      for (const found of decodeDetections(answer.detections, 1)[0]!) {
        const citation = { ...found, start: found.start + shift, end: found.end + shift };
        for (let page = pageAt(text, citation.start); page <= pageAt(text, citation.end - 1); page++)
          pages[page - from]!.citations.push(citation);
      }
    });
    for (let page = from; page < to; page++) if (this.drawn.has(page)) this.placePage(page);
    for (const listener of this.listeners) listener();
  }

  /** (Re)places a drawn page's citations on its text layer as it is now. */
  private placePage(page: number): void {
    const element = this.view.pageElement(page);
    if (!element) return;
    const start = performance.now();
    this.layer.forget(element);
    this.watch(page, element);
    const known = this.byPage[page];
    if (known?.citations.length) {
      const map = textMapOfPage(piecesOfPage(known.text, page), (item) => {
        const textElement = this.view.textElement(page, item);
        return textElement && element.contains(textElement) ? textElement : undefined;
      });
      if (map.nodes.length > 0) this.layer.placeDetected(map, known.citations);
    }
    const took = performance.now() - start;
    this.stats.placeMs += took;
    this.stats.longestOwnMs = Math.max(this.stats.longestOwnMs, took);
  }

  private timed<T>(work: () => T): T {
    const start = performance.now();
    const result = work();
    this.stats.longestOwnMs = Math.max(this.stats.longestOwnMs, performance.now() - start);
    return result;
  }

  /**
   * The page's DOM changes under us: find splits text nodes to highlight its matches and joins them afterwards,
   * and PDF.js drops a page's layers when the page leaves its cache. Each time, the page's citations are placed
   * again on what is there (or forgotten with it).
   */
  private watch(page: number, element: HTMLElement): void {
    if (this.observers.has(page)) return;
    let pending = false;
    const observer = new MutationObserver(() => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        this.placePage(page);
      });
    });
    observer.observe(element, { childList: true, subtree: true });
    this.observers.set(page, observer);
  }
}
