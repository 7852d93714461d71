import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ViewportPainter, type PaintGroup } from '../../../src/content/viewport-painter';

/** Stands in for the browser's IntersectionObserver: the test says which elements are near the viewport. */
class FakeObserver {
  static current: FakeObserver;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.current = this;
  }
  observe(target: Element): void {
    this.observed.add(target);
  }
  unobserve(target: Element): void {
    this.observed.delete(target);
  }
  report(changes: [Element, boolean][]): void {
    this.callback(
      changes.map(([target, isIntersecting]) => ({ target, isIntersecting }) as IntersectionObserverEntry),
    );
  }
}

/** A Highlight is a set of ranges; a plain Set shows what is painted. */
type Painted = Set<AbstractRange>;

const element = (name: string) => ({ name }) as unknown as Element;
const item = () => ({ range: {} as AbstractRange });
type Item = ReturnType<typeof item>;
const group = (items: Item[], sentinels: Element[]): PaintGroup<Item> => ({
  items: new Set(items),
  sentinels,
});

describe('ViewportPainter', () => {
  const original = globalThis.IntersectionObserver;
  beforeEach(() => {
    globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
  });
  afterEach(() => {
    globalThis.IntersectionObserver = original;
  });

  it('paints a group while any of its sentinels is near the viewport, and only then', () => {
    const painted: Painted = new Set();
    const painter = new ViewportPainter<Item>(painted as unknown as Highlight);
    const [top, middle, bottom] = [element('top'), element('middle'), element('bottom')];
    const a = group([item(), item()], [top, middle]);
    const b = group([item()], [middle, bottom]);
    painter.add(a);
    painter.add(b);
    expect(FakeObserver.current.observed.size).toBe(0); // nothing is watched before the commit
    painter.commit();
    expect([...FakeObserver.current.observed]).toEqual([top, middle, bottom]);
    expect(painted.size).toBe(0);

    FakeObserver.current.report([[top, true]]);
    expect(painted).toEqual(new Set([...a.items].map((i) => i.range)));
    FakeObserver.current.report([[middle, true]]);
    expect(painted.size).toBe(3);
    // `a` stays painted while `middle` is still in view, `b` too.
    FakeObserver.current.report([[top, false]]);
    expect(painted.size).toBe(3);
    FakeObserver.current.report([[middle, false]]);
    expect(painted.size).toBe(0);
  });

  it('forgets removed citations and groups, and stops watching sentinels no group needs', () => {
    const painted: Painted = new Set();
    const painter = new ViewportPainter<Item>(painted as unknown as Highlight);
    const [shared, own] = [element('shared'), element('own')];
    const first = item();
    const a = group([first, item()], [shared]);
    const b = group([item()], [shared, own]);
    painter.add(a);
    painter.add(b);
    painter.commit();
    FakeObserver.current.report([[shared, true]]);
    expect(painted.size).toBe(3);

    painter.removeItem(first);
    expect(painted.has(first.range)).toBe(false);
    painter.removeGroup(a);
    expect(painted.size).toBe(1);
    expect([...FakeObserver.current.observed]).toEqual([shared, own]);
    painter.removeGroup(b);
    expect(painted.size).toBe(0);
    expect(FakeObserver.current.observed.size).toBe(0);
  });

  it('paints a group added later at once when its sentinel is already in view', () => {
    const painted: Painted = new Set();
    const painter = new ViewportPainter<Item>(painted as unknown as Highlight);
    const sentinel = element('p');
    painter.add(group([item()], [sentinel]));
    painter.commit();
    FakeObserver.current.report([[sentinel, true]]);
    painter.add(group([item(), item()], [sentinel]));
    painter.commit();
    expect(painted.size).toBe(3);
  });
});
