import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Citation } from '../../../src/core/citation';
import { addResolved, resolveOverlaps } from '../../../src/core/detect/index';

/** The reference: a stable sort of everything by start (longest first), then the first of any overlap. */
function reference(parts: Citation[][]): Citation[] {
  const all = parts.flat().sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Citation[] = [];
  let lastEnd = -1;
  for (const c of all) {
    if (c.start >= lastEnd && c.end > c.start) {
      out.push(c);
      lastEnd = c.end;
    }
  }
  return out;
}

const citationArb = fc
  .tuple(fc.nat(40), fc.nat(6), fc.nat(1000))
  .map(([start, len, n]): Citation => ({ kind: 'treaty', id: `t-${n}`, start, end: start + len }));
const partArb = fc.oneof(
  fc.array(citationArb, { maxLength: 12 }),
  fc.array(citationArb, { maxLength: 12 }).map((cs) => cs.sort((a, b) => a.start - b.start || b.end - a.end)),
);

describe('resolveOverlaps', () => {
  it('orders candidates as a stable sort of them would (sorted runs or not), keeping the first of overlaps', () => {
    fc.assert(
      fc.property(fc.array(partArb, { maxLength: 5 }), (parts) => {
        parts.forEach((p, i) => p.forEach((c, j) => (c.id = `${i}-${j}`)));
        const expected = reference(parts.map((p) => [...p]));
        const actual = resolveOverlaps(parts.flat());
        // Same objects, same order (ties between equal spans keep the earlier candidate).
        expect(actual.map((c) => c.id)).toEqual(expected.map((c) => c.id));
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps the earlier candidate on an exact tie and drops empty spans', () => {
    const a: Citation = { kind: 'treaty', id: 'a', start: 0, end: 4 };
    const b: Citation = { kind: 'ecli', id: 'b', start: 0, end: 4 };
    const empty: Citation = { kind: 'ecli', id: 'e', start: 5, end: 5 };
    expect(resolveOverlaps([b, a, empty]).map((c) => c.id)).toEqual(['b']);
    expect(resolveOverlaps([a, b]).map((c) => c.id)).toEqual(['a']);
  });

  it('adds candidates to resolved citations as resolving the two lists together would', () => {
    fc.assert(
      fc.property(partArb, partArb, (first, extra) => {
        first.forEach((c, j) => (c.id = `f-${j}`));
        extra.forEach((c, j) => (c.id = `e-${j}`));
        const found = resolveOverlaps([...first]);
        const expected = reference([found, extra]);
        const actual = addResolved([...found], [...extra]);
        expect(actual.map((c) => c.id)).toEqual(expected.map((c) => c.id));
      }),
      { numRuns: 5000 },
    );
  });
});
