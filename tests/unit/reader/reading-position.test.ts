import { describe, expect, it } from 'vitest';
import { normalizePositions, withPosition, type ReadingPosition } from '../../../src/core/reading-position';

const at = (page: number, time: number): ReadingPosition => ({
  page,
  left: 0,
  top: 700,
  zoom: '1.25',
  at: time,
});

describe('remembered reading positions', () => {
  it('keeps the most recently read documents, up to the limit', () => {
    let stored = normalizePositions(undefined);
    for (let i = 0; i < 5; i++) stored = withPosition(stored, `pdf:${i}`, at(i + 1, 1000 + i), 3);
    expect(Object.keys(stored.documents).sort()).toEqual(['pdf:2', 'pdf:3', 'pdf:4']);
    stored = withPosition(stored, 'pdf:2', at(9, 2000), 3); // read again: moves to the front
    stored = withPosition(stored, 'pdf:5', at(1, 2001), 3);
    expect(Object.keys(stored.documents).sort()).toEqual(['pdf:2', 'pdf:4', 'pdf:5']);
    expect(stored.documents['pdf:2']!.page).toBe(9);
  });

  it('drops malformed entries and other versions, keeping the rest', () => {
    const stored = normalizePositions({
      version: 1,
      documents: {
        good: at(3, 1),
        page0: { ...at(1, 1), page: 0 },
        script: { ...at(1, 1), zoom: 'javascript:1' },
        nan: { ...at(1, 1), top: Number.NaN },
        none: null,
      },
    });
    expect(Object.keys(stored.documents)).toEqual(['good']);
    expect(normalizePositions({ version: 2, documents: { good: at(3, 1) } }).documents).toEqual({});
    expect(normalizePositions('garbage').documents).toEqual({});
  });
});
