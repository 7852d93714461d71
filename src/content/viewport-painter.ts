/**
 * Paints only the citations near the viewport.
 *
 * Chrome keeps a marker for every range of every registered highlight and rebuilds them all whenever any
 * highlight changes — also the one-range "active" highlight on every hover. Measured on a 1.6 MB page with
 * 5,600 citations painted, each hover cost ~90 ms of main-thread work (a long task), and painting them all
 * cost more than detecting them. So a citation is painted while its element is within one screen of the
 * viewport (an IntersectionObserver per element that holds citations) and unpainted when it leaves: the
 * browser's work is bounded by what the reader can see, however long the page.
 * Hit-testing and keyboard navigation do not depend on painting: they work on every placed citation.
 */

/** What the painter needs of a placed citation. */
export interface Paintable {
  /** The element whose visibility decides (the parent of the citation's first text node). */
  readonly anchor: Element | null;
  readonly range: AbstractRange;
}

/** Paint citations whose element comes within this distance of the viewport. */
const NEAR_VIEWPORT = '100% 0px';

export class ViewportPainter<T extends Paintable> {
  private readonly itemsByAnchor = new Map<Element, Set<T>>();
  private readonly visible = new Set<Element>();
  private readonly painted = new Set<T>();
  /** Elements to observe at the next `commit()`. */
  private pending: Element[] = [];
  private readonly observer: IntersectionObserver | undefined;

  constructor(private readonly highlight: Highlight) {
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => this.onIntersection(entries), { rootMargin: NEAR_VIEWPORT })
        : undefined;
  }

  add(item: T): void {
    const anchor = item.anchor;
    // Without an observer or an element to observe, paint at once: correct, only not lazy.
    if (!this.observer || !anchor) {
      this.paint(item);
      return;
    }
    const items = this.itemsByAnchor.get(anchor);
    if (items) {
      items.add(item);
      if (this.visible.has(anchor)) this.paint(item);
      return;
    }
    this.itemsByAnchor.set(anchor, new Set([item]));
    this.pending.push(anchor);
  }

  /**
   * Starts watching the elements added since the last commit. Called once per scan: the browser computes
   * every observed element's intersection in each frame that observes a new one, so observing a long page's
   * elements batch by batch while it is read would pay for all of them once per batch.
   */
  commit(): void {
    const pending = this.pending;
    this.pending = [];
    for (const anchor of pending) if (this.itemsByAnchor.has(anchor)) this.observer?.observe(anchor);
  }

  remove(item: T): void {
    this.unpaint(item);
    const anchor = item.anchor;
    const items = anchor && this.itemsByAnchor.get(anchor);
    if (!anchor || !items) return;
    items.delete(item);
    if (items.size > 0) return;
    this.itemsByAnchor.delete(anchor);
    this.visible.delete(anchor);
    this.observer?.unobserve(anchor);
  }

  private onIntersection(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const items = this.itemsByAnchor.get(entry.target);
      if (!items) continue;
      if (entry.isIntersecting) {
        this.visible.add(entry.target);
        for (const item of items) this.paint(item);
      } else {
        this.visible.delete(entry.target);
        for (const item of items) this.unpaint(item);
      }
    }
  }

  private paint(item: T): void {
    if (this.painted.has(item)) return;
    this.painted.add(item);
    this.highlight.add(item.range);
  }

  private unpaint(item: T): void {
    if (!this.painted.delete(item)) return;
    this.highlight.delete(item.range);
  }
}
