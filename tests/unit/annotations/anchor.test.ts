import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchor, describeRange, maxErrorsFor, scanApproximate } from '../../../src/core/annotations/anchor';
import type { Selector } from '../../../src/core/annotations/model';
import { rng } from '../../../scripts/lib/rng';
import { dutchText } from './helpers';

const PAGE =
  'Vraag 1. Bent u bekend met het bericht over de Verenigde Staten? Antwoord: ja. ' +
  'Vraag 2. Kunt u toezeggen dat Nederland zich blijft houden aan resolutie 1325 (2000) van de ' +
  'VN-Veiligheidsraad over vrouwen, vrede en veiligheid? Antwoord: het kabinet steunt resolutie 1325 ' +
  'onverminderd en zet zich in voor de uitvoering van het Nationaal Actieplan. Vraag 3. Wat is de stand ' +
  'van zaken rond motie 36 600 V, nr. 46? Antwoord: de motie is uitgevoerd.';

function selectorsFor(text: string, quote: string, occurrence = 0): Selector[] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`quote not in text: ${quote}`);
  return describeRange(text, at, at + quote.length);
}

/** Brute-force semi-global edit distance of `pattern` ending at each text offset. */
function bruteEnds(text: string, pattern: string): number[] {
  let prev = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const out: number[] = [];
  for (let j = 1; j <= text.length; j++) {
    const cur = [0];
    for (let i = 1; i <= pattern.length; i++) {
      cur[i] = Math.min(
        prev[i - 1]! + (text[j - 1] === pattern[i - 1] ? 0 : 1),
        prev[i]! + 1,
        cur[i - 1]! + 1,
      );
    }
    out.push(cur[pattern.length]!);
    prev = cur;
  }
  return out;
}

describe('describeRange', () => {
  it('keeps the quote, 32 characters of context each side and the offsets', () => {
    const start = PAGE.indexOf('resolutie 1325 (2000)');
    const end = start + 'resolutie 1325 (2000)'.length;
    const [quote, position] = describeRange(PAGE, start, end);
    expect(quote.exact).toBe('resolutie 1325 (2000)');
    expect(quote.prefix).toBe(PAGE.slice(start - 32, start));
    expect(quote.suffix).toBe(PAGE.slice(end, end + 32));
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('shortens the context at the edges of the text', () => {
    const [quote] = describeRange('abc def ghi', 0, 3);
    expect(quote.prefix).toBe('');
    expect(quote.suffix).toBe(' def ghi');
  });

  it('never splits a surrogate pair in the context', () => {
    const text = `${'x'.repeat(10)}😀${'y'.repeat(31)}QUOTE${'z'.repeat(31)}😀tail`;
    const start = text.indexOf('QUOTE');
    const [quote] = describeRange(text, start, start + 5);
    expect(quote.prefix).toBe('y'.repeat(31));
    expect(quote.suffix).toBe('z'.repeat(31));
    expect(quote.prefix.length).toBeLessThanOrEqual(32);
  });

  it('refuses an empty or out-of-range range', () => {
    expect(() => describeRange('abc', 1, 1)).toThrow(RangeError);
    expect(() => describeRange('abc', 2, 5)).toThrow(/invalid range/);
    expect(() => describeRange('abc', -1, 2)).toThrow(RangeError);
  });
});

describe('anchor', () => {
  it('uses the position when the text is unchanged', () => {
    const selectors = selectorsFor(PAGE, 'resolutie 1325 (2000)');
    expect(anchor(PAGE, selectors)).toMatchObject({ method: 'position', errors: 0 });
  });

  it('finds the quote after text was inserted before it', () => {
    const selectors = selectorsFor(PAGE, 'resolutie 1325 (2000)');
    const changed = `Nieuw: een inleidende alinea. ${PAGE}`;
    const result = anchor(changed, selectors);
    expect(result?.method).toBe('quote');
    expect(changed.slice(result!.start, result!.end)).toBe('resolutie 1325 (2000)');
    expect(result!.start).toBe(PAGE.indexOf('resolutie 1325 (2000)') + 30);
  });

  it('tells repeated quotes apart by their prefix and suffix', () => {
    // "resolutie 1325" occurs twice; the note is on the second one.
    const selectors = selectorsFor(PAGE, 'resolutie 1325', 1);
    const second = PAGE.indexOf('resolutie 1325', PAGE.indexOf('resolutie 1325') + 1);
    const changed = `Inleiding. ${PAGE}`;
    expect(anchor(changed, selectors)).toMatchObject({ start: second + 11, method: 'quote' });
  });

  it('prefers the occurrence nearest the old position when contexts tie', () => {
    const unit = 'Zie resolutie 1325 voor de details. ';
    const text = unit.repeat(20);
    const at = unit.length * 12 + 4;
    const selectors = describeRange(text, at, at + 'resolutie 1325'.length);
    const changed = `Kop. ${text}`;
    expect(anchor(changed, selectors)).toMatchObject({ start: at + 5, method: 'quote' });
  });

  it('re-anchors a quote with a small edit inside it (fuzzy)', () => {
    const quote = 'het kabinet steunt resolutie 1325 onverminderd';
    const selectors = selectorsFor(PAGE, quote);
    const changed = PAGE.replace(quote, 'het kabinet steunt VN-resolutie 1325 nog onverminderd');
    const result = anchor(changed, selectors);
    expect(result).toMatchObject({ method: 'fuzzy', errors: 7 });
    expect(changed.slice(result!.start, result!.end)).toBe(
      'het kabinet steunt VN-resolutie 1325 nog onverminderd',
    );
  });

  it('re-anchors a short quote with a typo fixed, thanks to its context', () => {
    const text = PAGE.replace('Verenigde Staten', 'Verenigde Stten');
    const selectors = selectorsFor(text, 'Verenigde Stten');
    const result = anchor(PAGE, selectors);
    expect(result?.method).toBe('fuzzy');
    expect(PAGE.slice(result!.start, result!.end)).toBe('Verenigde Staten');
  });

  it('re-anchors long quotes edited at the start, in the middle and at the end', () => {
    const text = dutchText(200_000, 7);
    const start = 120_000;
    const end = start + 600;
    const selectors = describeRange(text, start, end);
    const original = text.slice(start, end);
    // [edited passage, how far its ends may be off: an edit at an end blurs where the passage starts]
    const edits: [string, number][] = [
      [`XX${original.slice(10)}`, 10],
      [`${original.slice(0, 280)}(ingevoegd)${original.slice(300)}`, 0],
      [`${original.slice(0, 590)}!`, 10],
    ];
    for (const [edited, slack] of edits) {
      const changed = `${text.slice(0, start)}EXTRA ${edited}${text.slice(end)}`;
      const result = anchor(changed, selectors);
      expect(result?.method).toBe('fuzzy');
      expect(Math.abs(result!.start - (start + 6))).toBeLessThanOrEqual(slack);
      expect(Math.abs(result!.end - (start + 6 + edited.length))).toBeLessThanOrEqual(slack);
    }
  });

  it('orphans a note whose passage was removed', () => {
    const quote = 'zet zich in voor de uitvoering van het Nationaal Actieplan';
    const selectors = selectorsFor(PAGE, quote);
    const changed = PAGE.replace(`onverminderd en ${quote}. `, '');
    expect(anchor(changed, selectors)).toBeUndefined();
  });

  it('orphans a short quote rather than moving it to a lookalike with another context', () => {
    const text = 'In de brief over Syrië noemt de minister resolutie 2254 als kader. Elders: niets.';
    const selectors = selectorsFor(text, 'resolutie 2254');
    const changed = 'Een heel ander document. In een bijlage staat resolutie 2254 vermeld zonder meer.';
    expect(anchor(changed, selectors)).toBeUndefined();
  });

  it('orphans every passage cut from a long text (no false positives)', () => {
    const text = dutchText(300_000, 11);
    const random = rng(5);
    for (let i = 0; i < 20; i++) {
      const length = [12, 24, 40, 80, 300][i % 5]!;
      const start = 1_000 + Math.floor(random() * (text.length - 2_000));
      const selectors = describeRange(text, start, start + length);
      const changed = text.slice(0, start - 40) + text.slice(start + length + 40);
      if (changed.includes(text.slice(start, start + length))) continue; // a genuine repeat elsewhere
      expect(anchor(changed, selectors), `length ${length} at ${start}`).toBeUndefined();
    }
  });

  it('trusts a lone position selector while it still fits the text', () => {
    const selectors: Selector[] = [{ type: 'TextPositionSelector', start: 2, end: 5 }];
    expect(anchor('abcdefgh', selectors)).toEqual({ start: 2, end: 5, method: 'position', errors: 0 });
    expect(anchor('abc', selectors)).toBeUndefined();
    expect(anchor('abc', [])).toBeUndefined();
  });

  it('ignores a stale or nonsensical position and falls back to the quote', () => {
    const [quote] = describeRange(PAGE, 100, 120);
    for (const position of [
      { start: 5, end: 25 },
      { start: -3, end: 10 },
      { start: 50, end: 40 },
      { start: 0, end: 10 ** 9 },
    ]) {
      const result = anchor(PAGE, [quote, { type: 'TextPositionSelector', ...position }]);
      expect(result).toMatchObject({ start: 100, end: 120 });
    }
  });

  it('property: an unchanged text always anchors by position to the same range', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        expect(anchor(text, describeRange(text, start, end))).toEqual({
          start,
          end,
          method: 'position',
          errors: 0,
        });
      }),
    );
  });

  it('property: text inserted outside the passage moves the anchor along with it', () => {
    const base = dutchText(5_000, 3);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_900 }),
        fc.integer({ min: 20, max: 90 }),
        fc.string({ minLength: 1, maxLength: 50 }),
        fc.boolean(),
        (start, length, insert, before) => {
          const end = start + length;
          const selectors = describeRange(base, start, end);
          const at = before ? Math.floor(start / 2) : end + Math.floor((base.length - end) / 2);
          const changed = base.slice(0, at) + insert + base.slice(at);
          const result = anchor(changed, selectors);
          const shift = before ? insert.length : 0;
          expect(result).toBeDefined();
          expect(changed.slice(result!.start, result!.end)).toBe(base.slice(start, end));
          // A repeated phrase may legitimately resolve elsewhere only if it is identical text.
          if (result!.start !== start + shift) expect(result!.method).not.toBe('position');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('fuzzy search is bounded on a 1.5 MB text', () => {
  const text = dutchText(1_500_000, 42);

  function timed<T>(f: () => T): [T, number] {
    const t0 = performance.now();
    const value = f();
    return [value, performance.now() - t0];
  }

  it('re-anchors edited passages and orphans removed ones quickly', () => {
    const random = rng(9);
    let worst = 0;
    for (const length of [10, 30, 64, 200, 5_000, 40_000]) {
      const start = 200_000 + Math.floor(random() * 1_000_000);
      const end = start + length;
      const selectors = describeRange(text, start, end);
      const original = text.slice(start, end);
      const edits = Math.max(1, Math.floor(length / 20));
      let edited = original;
      for (let e = 0; e < edits; e++) {
        const i = Math.floor(((e + 0.5) / edits) * edited.length);
        edited = `${edited.slice(0, i)}#${edited.slice(i + 1)}`;
      }
      const changed = text.slice(0, start) + edited + text.slice(end);
      const [found, t1] = timed(() => anchor(changed, selectors));
      expect(found, `edited quote of ${length}`).toMatchObject({ start, end, method: 'fuzzy' });

      const removed = text.slice(0, start) + text.slice(end);
      const [orphan, t2] = timed(() => anchor(removed, selectors));
      if (!removed.includes(original)) expect(orphan, `removed quote of ${length}`).toBeUndefined();
      worst = Math.max(worst, t1, t2);
    }
    // Typically 20–150 ms; generous for a shared CI machine.
    expect(worst).toBeLessThan(1_500);
  });

  it('bounds the scan of a huge text to a window around the old position', () => {
    const huge = dutchText(4_500_000, 43);
    const start = 2_000_000;
    const selectors = describeRange(huge, start, start + 50);
    const changed = `${huge.slice(0, start)}@@@${huge.slice(start + 3)}`;
    const [found, elapsed] = timed(() => anchor(changed, selectors, { maxScanLength: 1_000_000 }));
    expect(found).toMatchObject({ start, method: 'fuzzy' });
    expect(elapsed).toBeLessThan(1_500);
  });
});

describe('scanApproximate (Myers bit-parallel)', () => {
  it('agrees with a brute-force edit distance on random texts', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 150 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 64 }),
        fc.nat(),
        (text, pattern, kSeed) => {
          const k = kSeed % (pattern.length + 1);
          const brute = bruteEnds(text, pattern);
          const matches = scanApproximate(text, 0, text.length, pattern, k, 0);
          for (const match of matches) expect(match.errors).toBe(brute[match.end - 1]);
          const best = Math.min(...brute);
          if (best <= k) expect(Math.min(...matches.map((m) => m.errors))).toBe(best);
          else expect(matches).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses probes longer than two words', () => {
    expect(() => scanApproximate('abc', 0, 3, 'x'.repeat(65), 1, 0)).toThrow(RangeError);
  });

  it('tolerates a quarter of the quote as edits, bounded for very long quotes', () => {
    expect(maxErrorsFor(3)).toBe(0);
    expect(maxErrorsFor(40)).toBe(10);
    expect(maxErrorsFor(50_000)).toBeLessThan(64);
  });
});
