import type { Citation } from '../core/citation';
import type { BackgroundRequests, ResponseOf, ScanStats } from '../messaging/contract';
import { decodeDetections } from '../messaging/detections';
import {
  contributedLength,
  nodeIndexAt,
  pointAt,
  rangeBetween,
  readPageText,
  type PageText,
  type TextMap,
  type TextPoint,
  withCollapsedSpaces,
} from './page-text';
import { caretAt, containsPoint } from './hit-test';
import { ViewportPainter } from './viewport-painter';

/**
 * Highlighting: we use the CSS Custom Highlight API instead of wrapping citations in elements.
 * Wrappers split the page's text nodes, which breaks pages whose scripts own their DOM (React and
 * friends re-render and throw on nodes they did not create), changes `:first-child`-style selectors
 * and text-node offsets that the page's own code relies on. A highlight is a set of live Ranges that
 * the browser paints: zero DOM changes, zero layout shift. Hover and focus, which a highlight cannot
 * receive itself, are handled by hit-testing the pointer position against the ranges
 * (`citationAt`) and by our own keyboard navigation. Only citations near the viewport are painted
 * (viewport-painter.ts explains why).
 */
export const HIGHLIGHT_NAME = 'bronwijzer-citation';
export const ACTIVE_HIGHLIGHT_NAME = 'bronwijzer-citation-active';

/**
 * A citation found on the page. Placing one costs no DOM call: where it stands (text nodes and offsets) is
 * worked out on first use, and its live Range too (painting, hit-testing, the tooltip); thousands of live ranges
 * would also slow down every change the page makes to its own DOM.
 */
export class PlacedCitation {
  private located: { start: TextPoint; end: TextPoint; nodes: Text[] } | undefined;
  private live: Range | undefined;

  constructor(
    readonly citation: Citation,
    /** The chunk of page text the citation's offsets refer to. */
    private readonly map: TextMap,
  ) {}

  get start(): TextPoint {
    return this.locate().start;
  }

  get end(): TextPoint {
    return this.locate().end;
  }

  /** The text nodes the citation touches, for hit-testing. */
  get nodes(): Text[] {
    return this.locate().nodes;
  }

  /** The citation's surface text as the page shows it now (read on demand: no copy of the page is kept). */
  get text(): string {
    const { start, end, nodes } = this.locate();
    let text = '';
    for (const node of nodes) {
      text += node.data.slice(
        node === start.node ? start.offset : 0,
        node === end.node ? end.offset : undefined,
      );
    }
    return withCollapsedSpaces(text);
  }

  get range(): Range {
    return (this.live ??= rangeBetween(this.start, this.end));
  }

  /**
   * The page text around the citation, about `chars` characters each side, within its chunk (a block of the
   * page): the words that say which document a suffixless Kamerstuk number means. Read on demand.
   */
  surroundings(chars: number): string {
    const { nodes, starts } = this.map;
    const first = nodeIndexAt(this.map, Math.max(0, this.citation.start - chars));
    let text = '';
    for (let i = first; i < nodes.length && starts[i]! < this.citation.end + chars; i++)
      text += nodes[i]!.data;
    return withCollapsedSpaces(text);
  }

  private locate(): { start: TextPoint; end: TextPoint; nodes: Text[] } {
    // A citation is a non-empty span of its chunk's text, so both points exist.
    this.located ??= {
      start: pointAt(this.map, this.citation.start, 'start')!,
      end: pointAt(this.map, this.citation.end, 'end')!,
      nodes: nodesBetween(this.map, this.citation.start, this.citation.end),
    };
    return this.located;
  }
}

/** The citations of one chunk of page text: painted together (a PaintGroup), found by their text nodes. */
class ScannedChunk {
  readonly items = new Set<PlacedCitation>();
  readonly sentinels: Element[];

  constructor(readonly map: TextMap) {
    this.sentinels = sentinelsOf(map);
  }
}

/**
 * Sentinels this many characters of text apart (about 75 lines of prose): any line of a chunk is then at most
 * half that, well under the painter's margin of 1.5 screens, from one of its chunk's sentinels. Fewer sentinels
 * cost less: the browser checks every observed element in each frame that changes layout.
 */
const SENTINEL_EVERY_CHARS = 6_000;

/** The elements holding the chunk's text every SENTINEL_EVERY_CHARS characters, and its last one. */
function sentinelsOf(map: TextMap): Element[] {
  const sentinels = new Set<Element>();
  let next = 0;
  const last = map.nodes.length - 1;
  for (let i = 0; i <= last; i++) {
    if (map.starts[i]! < next && i < last) continue;
    const element = map.nodes[i]!.parentElement;
    if (element) sentinels.add(element);
    next = map.starts[i]! + SENTINEL_EVERY_CHARS;
  }
  return [...sentinels];
}

/** Reading order of two citations, from their start points (no Range needed). */
function compareStarts(a: PlacedCitation, b: PlacedCitation): number {
  if (a.start.node === b.start.node) return a.start.offset - b.start.offset;
  return a.start.node.compareDocumentPosition(b.start.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Text chunks end at a block break after this many characters. */
const CHUNK_CHARS = 8_000;
/**
 * Chunks go to the worker in batches of about this many characters: a handful of messages for a long page, and
 * the worker detects one batch while the page reads the next.
 */
const BATCH_CHARS = 200_000;
/** Yield to the page once a slice of work has taken this long, well under the 50 ms long-task line. */
const SLICE_BUDGET_MS = 10;
/** Placing checks the clock after this many citations. */
const PLACE_CHECK_EVERY = 64;

const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Detection runs in the background worker (the `detect` request), not here: the worker's detector stays warm
 * across pages, while a content script starts cold on every page load and would run it unoptimized on the page's
 * main thread.
 */
export type DetectInWorker = (texts: string[]) => Promise<ResponseOf<BackgroundRequests, 'detect'>>;

export class CitationLayer {
  /** What the scans cost on the page's main thread (read by the page benchmark). */
  readonly stats: Omit<ScanStats, 'citations'> = {
    slices: 0,
    totalMs: 0,
    longestSliceMs: 0,
    textChars: 0,
    readMs: 0,
    detectMs: 0,
    placeMs: 0,
    workerDetectMs: 0,
  };
  private readonly chunks = new Set<ScannedChunk>();
  /** The chunk each text node with citations was read in (hit-testing). */
  private readonly chunkByNode = new Map<Text, ScannedChunk>();
  private placedCount = 0;
  private readonly painter: ViewportPainter<PlacedCitation> | undefined;
  private readonly activeHighlight: Highlight | undefined;
  private active: PlacedCitation | undefined;
  /** Which citations are placed at all (the kinds chosen in the options); set before a scan. */
  accepts: (citation: Citation) => boolean = () => true;
  /** Start of the slice of work now running (every slice runs in a task of its own). */
  private sliceStart = 0;

  constructor(
    private readonly doc: Document,
    private readonly detect: DetectInWorker,
  ) {
    const registry = doc.defaultView?.CSS?.highlights;
    if (registry && typeof Highlight === 'function') {
      const highlight = new Highlight();
      this.painter = new ViewportPainter(highlight);
      this.activeHighlight = new Highlight();
      registry.set(HIGHLIGHT_NAME, highlight);
      registry.set(ACTIVE_HIGHLIGHT_NAME, this.activeHighlight);
    }
  }

  setFilter(accepts: (citation: Citation) => boolean): void {
    this.accepts = accepts;
  }

  get count(): number {
    return this.placedCount;
  }

  private *all(): Generator<PlacedCitation> {
    for (const chunk of this.chunks) yield* chunk.items;
  }

  /** The first citation in reading order that `accept`s, without sorting the whole page. */
  first(accept: (item: PlacedCitation) => boolean): PlacedCitation | undefined {
    let best: PlacedCitation | undefined;
    for (const item of this.all()) {
      if (!accept(item)) continue;
      if (!best || compareStarts(item, best) < 0) best = item;
    }
    return best;
  }

  get citations(): PlacedCitation[] {
    return [...this.all()].sort(compareStarts);
  }

  /**
   * Detects and highlights every citation under `root`, in slices that yield to the page: the text is read in
   * chunks and sent to the worker in batches; each batch's answer is placed as it arrives, in document order.
   * Returns what was newly placed.
   */
  async scan(root: Node): Promise<PlacedCitation[]> {
    const placed: PlacedCitation[] = [];
    let placing = Promise.resolve();
    let batch: PageText[] = [];
    let batchChars = 0;
    const send = () => {
      const texts = batch.map((chunk) => chunk.text);
      // Only the maps wait for the answer: the texts themselves need not outlive the message.
      const chunks: TextMap[] = batch.map(({ nodes, starts, maps }) => ({ nodes, starts, maps }));
      batch = [];
      batchChars = 0;
      const sent = performance.now();
      const answer = this.detect(texts);
      answer.catch(() => undefined); // rejected answers surface through `placing`, not as unhandled
      this.stats.detectMs += performance.now() - sent;

      placing = placing.then(async () => this.placeBatch(chunks, await answer, placed));
    };

    this.beginSlice();
    // The generator reads the DOM lazily, so reading counts towards the slice that asked for it.
    let readStart = performance.now();
    for (const chunk of readPageText(root, { chunkChars: CHUNK_CHARS })) {
      this.stats.readMs += performance.now() - readStart;
      this.stats.textChars += chunk.text.length;
      batch.push(chunk);
      batchChars += chunk.text.length;
      if (batchChars >= BATCH_CHARS) send();
      await this.yieldIfSpent();
      readStart = performance.now();
    }
    this.stats.readMs += performance.now() - readStart;
    if (batch.length > 0) send();
    this.endSlice();
    await placing;
    // Painting starts once the scan is placed: observing sentinels batch by batch made the browser recheck
    // all of them in every frame of a long page's scan.
    this.painter?.commit();
    return placed;
  }

  /**
   * Places citations detected elsewhere on text the caller mapped to text nodes (the reader's PDF text layers:
   * the document's text is detected once, each page's citations placed when its text layer is drawn).
   * The citations' offsets are in the same text as `map.starts`.
   */
  placeDetected(map: TextMap, citations: readonly Citation[]): PlacedCitation[] {
    const chunk = new ScannedChunk(map);
    for (const citation of citations)
      if (this.accepts(citation)) chunk.items.add(new PlacedCitation(citation, map));
    if (chunk.items.size === 0) return [];
    this.addChunk(chunk);
    this.painter?.commit();
    return [...chunk.items];
  }

  private async placeBatch(
    chunks: TextMap[],
    answer: ResponseOf<BackgroundRequests, 'detect'>,
    placed: PlacedCitation[],
  ): Promise<void> {
    this.beginSlice();
    const decodeStart = performance.now();
    const perChunk = decodeDetections(answer.detections, chunks.length);
    this.stats.workerDetectMs += answer.ms;
    let placeStart = performance.now();
    this.stats.detectMs += placeStart - decodeStart;
    for (let i = 0; i < chunks.length; i++) {
      const found = perChunk[i]!;
      let chunk: ScannedChunk | undefined;
      for (let k = 0; k < found.length; k++) {
        const citation = found[k]!;
        if (this.accepts(citation)) {
          chunk ??= new ScannedChunk(chunks[i]!);
          const item = new PlacedCitation(citation, chunk.map);
          chunk.items.add(item);
          placed.push(item);
        }
        if (k % PLACE_CHECK_EVERY === PLACE_CHECK_EVERY - 1) {
          this.stats.placeMs += performance.now() - placeStart;
          await this.yieldIfSpent();
          placeStart = performance.now();
        }
      }
      if (chunk) this.addChunk(chunk);
    }
    this.stats.placeMs += performance.now() - placeStart;
    this.endSlice();
  }

  private beginSlice(): void {
    this.sliceStart = performance.now();
  }

  private endSlice(): void {
    const took = performance.now() - this.sliceStart;
    this.stats.slices += 1;
    this.stats.totalMs += took;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, took);
  }

  /** Ends the slice once it has used its budget and continues in a fresh task. */
  private async yieldIfSpent(): Promise<void> {
    if (performance.now() - this.sliceStart <= SLICE_BUDGET_MS) return;
    this.endSlice();
    await yieldToPage();
    this.beginSlice();
  }

  private addChunk(chunk: ScannedChunk): void {
    this.chunks.add(chunk);
    this.placedCount += chunk.items.size;
    for (const node of chunk.map.nodes) this.chunkByNode.set(node, chunk);
    this.painter?.add(chunk);
  }

  /** Forgets every citation that starts inside `root` or whose text left the document. */
  forget(root: Node): void {
    for (const chunk of this.chunks) {
      for (const item of chunk.items) {
        const start = item.start.node;
        if (start.isConnected && !root.contains(start)) continue;
        chunk.items.delete(item);
        this.placedCount -= 1;
        this.painter?.removeItem(item);
        if (this.active === item) this.setActive(undefined);
      }
      if (chunk.items.size === 0) this.removeChunk(chunk);
    }
  }

  /** Removes every highlight (the user switched the site off). */
  clear(): void {
    this.setActive(undefined);
    for (const chunk of this.chunks) this.removeChunk(chunk);
    this.placedCount = 0;
  }

  private removeChunk(chunk: ScannedChunk): void {
    this.chunks.delete(chunk);
    this.painter?.removeGroup(chunk);
    for (const node of chunk.map.nodes)
      if (this.chunkByNode.get(node) === chunk) this.chunkByNode.delete(node);
  }

  /** The citation painted under the viewport point, if any. */
  citationAt(x: number, y: number): PlacedCitation | undefined {
    const point = caretAt(this.doc, x, y);
    if (!point || point.node.nodeType !== Node.TEXT_NODE) return undefined;
    const node = point.node as Text;
    for (const item of this.chunkByNode.get(node)?.items ?? []) {
      if (item.nodes.includes(node) && containsPoint(item.range, x, y)) return item;
    }
    return undefined;
  }

  setActive(item: PlacedCitation | undefined): void {
    this.active = item;
    this.activeHighlight?.clear();
    if (item) this.activeHighlight?.add(item.range);
  }
}

function nodesBetween(chunk: TextMap, start: number, end: number): Text[] {
  const nodes: Text[] = [];
  for (let i = nodeIndexAt(chunk, start); i < chunk.nodes.length && chunk.starts[i]! < end; i++) {
    if (chunk.starts[i]! + contributedLength(chunk, i) > start) nodes.push(chunk.nodes[i]!);
  }
  return nodes;
}
