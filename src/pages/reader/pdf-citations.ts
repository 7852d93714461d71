import type { Citation } from '../../core/citation';
import { buildDocumentText, piecesOfPage, type DocumentText } from '../../core/document-text';
import type { CitationLayer, DetectInWorker } from '../../content/citation-layer';
import { decodeDetections } from '../../messaging/detections';
import type { PdfView } from './pdf-view';
import { readTextItems } from './pdf-view';
import { textMapOfPage } from './text-layer-map';

/** Pages go to the worker in batches of about this many characters (the first batch is the first page alone). */
const BATCH_CHARS = 200_000;

/**
 * A PDF's citations: detected once on the whole document's text (in reading order, hyphenation joined, running
 * headers left out), then placed page by page whenever PDF.js draws a page's text layer, and forgotten with it:
 * only drawn pages hold ranges, so memory stays bounded however long the document.
 */
export class PdfCitations {
  private text: DocumentText | undefined;
  /** Each page's citations, with offsets in the document text; undefined until its batch is detected. */
  private readonly byPage: (Citation[] | undefined)[] = [];
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

  /** The document text as detected (diagnostics and notes). */
  get documentText(): DocumentText | undefined {
    return this.text;
  }

  /** The page (0-based) a citation of `all` is on. */
  pageOf(citation: Citation): number {
    return this.byPage.findIndex((page) => page?.includes(citation));
  }

  /** Every citation of the document known so far, in reading order. */
  get all(): Citation[] {
    return this.byPage.flatMap((page) => page ?? []);
  }

  /** Reads the whole document's text and detects its citations, batch by batch. */
  async detectAll(): Promise<void> {
    const text = buildDocumentText(await readTextItems(this.view.document));
    this.text = text;
    const pageCount = text.pageStarts.length - 1;
    let page = 0;
    while (page < pageCount) {
      const first = page;
      let chars = 0;
      do {
        chars += text.pageStarts[page + 1]! - text.pageStarts[page]!;
        page += 1;
      } while (page < pageCount && first > 0 && chars < BATCH_CHARS);
      await this.detectPages(first, page);
    }
  }

  private async detectPages(from: number, to: number): Promise<void> {
    const text = this.text!;
    const texts: string[] = [];
    for (let page = from; page < to; page++)
      texts.push(text.text.slice(text.pageStarts[page], text.pageStarts[page + 1]));
    const answer = await this.detect(texts);
    decodeDetections(answer.detections, texts.length).forEach((found, index) => {
      const page = from + index;
      const shift = text.pageStarts[page]!;
      this.byPage[page] = found.map((citation) => ({
        ...citation,
        start: citation.start + shift,
        end: citation.end + shift,
      }));
      if (this.drawn.has(page)) this.placePage(page);
    });
    for (const listener of this.listeners) listener();
  }

  /** (Re)places a drawn page's citations on its text layer as it is now. */
  private placePage(page: number): void {
    const element = this.view.pageElement(page);
    if (!element) return;
    this.layer.forget(element);
    this.watch(page, element);
    const citations = this.byPage[page];
    if (!this.text || !citations?.length) return;
    const map = textMapOfPage(piecesOfPage(this.text, page), (item) => {
      const textElement = this.view.textElement(page, item);
      return textElement && element.contains(textElement) ? textElement : undefined;
    });
    if (map.nodes.length > 0) this.layer.placeDetected(map, citations);
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
