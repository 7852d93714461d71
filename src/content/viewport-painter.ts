/**
 * Paints only the citations near the viewport.
 *
 * Chrome keeps a marker for every range of every registered highlight and rebuilds them all whenever any
 * highlight changes — also the one-range "active" highlight on every hover. Measured on a 1.6 MB page with
 * 5,600 citations painted, each hover cost ~55–90 ms of main-thread work (long tasks), and painting them all
 * cost more than finding them. So citations are painted a group (a chunk of page text) at a time, while one of
 * the group's sentinel elements is within 1.5 screens of the viewport (IntersectionObserver), and unpainted when
 * none is: the browser's work stays bounded by what the reader can see, however long the page.
 * Hit-testing and keyboard navigation do not depend on painting: they work on every placed citation.
 */

export interface Paintable {
  readonly range: AbstractRange;
}

/** Citations painted together, and elements spread through their text whose visibility decides. */
export interface PaintGroup<T extends Paintable> {
  readonly items: ReadonlySet<T>;
  readonly sentinels: readonly Element[];
}

/** Paint a group whose sentinel comes within this distance of the viewport. */
const NEAR_VIEWPORT = '150% 0px';

export class ViewportPainter<T extends Paintable> {
  private readonly groupsBySentinel = new Map<Element, Set<PaintGroup<T>>>();
  private readonly inView = new Set<Element>();
  /** How many of a group's sentinels are in view; painted while above zero. */
  private readonly sentinelsInView = new Map<PaintGroup<T>, number>();
  private readonly painted = new Set<T>();
  /** Groups to watch from the next `commit()`. */
  private pending: PaintGroup<T>[] = [];
  private readonly observer: IntersectionObserver | undefined;

  constructor(private readonly highlight: Highlight) {
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => this.onIntersection(entries), { rootMargin: NEAR_VIEWPORT })
        : undefined;
  }

  add(group: PaintGroup<T>): void {
    this.pending.push(group);
  }

  /** Starts watching the groups added since the last commit (once per scan, not per group). */
  commit(): void {
    const pending = this.pending;
    this.pending = [];
    for (const group of pending) {
      if (!this.observer || group.sentinels.length === 0) {
        this.paintGroup(group); // correct, only not lazy
        continue;
      }
      this.sentinelsInView.set(group, 0);
      for (const sentinel of group.sentinels) {
        let groups = this.groupsBySentinel.get(sentinel);
        if (!groups) {
          this.groupsBySentinel.set(sentinel, (groups = new Set()));
          this.observer.observe(sentinel);
        } else if (this.inView.has(sentinel)) {
          this.enter(group);
        }
        groups.add(group);
      }
    }
  }

  /** A citation that left the page. */
  removeItem(item: T): void {
    this.unpaint(item);
  }

  /** A group with no citations left: its sentinels are no longer watched for it. */
  removeGroup(group: PaintGroup<T>): void {
    for (const item of group.items) this.unpaint(item);
    this.pending = this.pending.filter((other) => other !== group);
    this.sentinelsInView.delete(group);
    for (const sentinel of group.sentinels) {
      const groups = this.groupsBySentinel.get(sentinel);
      if (!groups?.delete(group) || groups.size > 0) continue;
      this.groupsBySentinel.delete(sentinel);
      this.inView.delete(sentinel);
      this.observer?.unobserve(sentinel);
    }
  }

  private onIntersection(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const groups = this.groupsBySentinel.get(entry.target);
      if (!groups || entry.isIntersecting === this.inView.has(entry.target)) continue;
      if (entry.isIntersecting) {
        this.inView.add(entry.target);
        for (const group of groups) this.enter(group);
      } else {
        this.inView.delete(entry.target);
        for (const group of groups) this.leave(group);
      }
    }
  }

  private enter(group: PaintGroup<T>): void {
    const count = (this.sentinelsInView.get(group) ?? 0) + 1;
    this.sentinelsInView.set(group, count);
    if (count === 1) this.paintGroup(group);
  }

  private leave(group: PaintGroup<T>): void {
    const count = (this.sentinelsInView.get(group) ?? 1) - 1;
    this.sentinelsInView.set(group, count);
    if (count === 0) for (const item of group.items) this.unpaint(item);
  }

  private paintGroup(group: PaintGroup<T>): void {
    for (const item of group.items) {
      if (this.painted.has(item)) continue;
      this.painted.add(item);
      this.highlight.add(item.range);
    }
  }

  private unpaint(item: T): void {
    if (this.painted.delete(item)) this.highlight.delete(item.range);
  }
}
