import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CITATION_KINDS } from '../../../src/core/citation';
import { detectCitations } from '../../../src/core/detect/index';

/** Fragments that make the generator hit the recognizers, not just random letters. */
const FRAGMENTS = [
  'Kamerstukken II 2024/25, ',
  'Kamerstuk ',
  '36 600 V',
  '36600',
  '21501-02-1855',
  ', nr. ',
  'nrs. 12 en 13',
  ' en ',
  'motie ',
  '(34630)',
  ' (R 1669)',
  'Handelingen II 2023/24, nr. 45, item 12',
  'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr.\n\n730',
  'Trb. 1998, 170 en 1999, 110',
  'Stb. ',
  'resolutie ',
  'Resoluties 1325 (2000), 1820 (2008)',
  'S/RES/',
  'A/RES/78/243',
  'ECLI:NL:HR:2019:2006',
  '2024Z01234',
  'VN-Vrouwenrechtenverdrag',
  'Verdrag inzake ',
  'EVRM',
  'NPV',
  'CEDAW-comité',
  'kst-',
  'ah-tk-20222023-3649',
  '2019-2020nr. 31, item 8',
  'op stuk nr. 351',
  'Verordening (EU) 2016/679',
  '\u00a0',
  '\u2009',
  '\n',
  '–',
  '🔍',
  '(',
  ')',
  ' ',
];

const textArb = fc
  .array(
    fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 }), fc.stringMatching(/^\d{1,6}$/)),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(''));

function checkInvariants(text: string): void {
  const cs = detectCitations(text);
  let last = -1;
  for (const c of cs) {
    expect(CITATION_KINDS).toContain(c.kind);
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.end).toBeLessThanOrEqual(text.length);
    expect(c.end).toBeGreaterThan(c.start);
    expect(c.start).toBeGreaterThanOrEqual(last);
    last = c.end;
    expect(typeof c.id).toBe('string');
    expect(c.id.length).toBeGreaterThan(0);
    // The span slices back to the text it claims, never splitting a surrogate pair.
    const surface = text.slice(c.start, c.end);
    expect(surface.length).toBe(c.end - c.start);
    expect(/^[\uDC00-\uDFFF]/.test(surface)).toBe(false);
    expect(/[\uD800-\uDBFF]$/.test(surface)).toBe(false);
    expect(/^\s|\s$/.test(surface)).toBe(false);
  }
}

describe('detection properties', () => {
  it('never throws; spans are in range, sorted, non-overlapping and trimmed', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        checkInvariants(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        checkInvariants(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('detection is local: a citation is found the same with unrelated text around it', () => {
    const cite = 'Kamerstukken II 2024/25, 36 600 V, nr. 46';
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ]{0,30}$/), fc.stringMatching(/^[a-z ]{0,30}$/), (a, b) => {
        const text = `${a} ${cite}. ${b}`;
        const cs = detectCitations(text);
        expect(cs.map((c) => c.id)).toEqual(['kst-36600-V-46']);
        expect(text.slice(cs[0]!.start, cs[0]!.end)).toBe(cite);
      }),
      { numRuns: 300 },
    );
  });

  it('handles empty and non-string input', () => {
    expect(detectCitations('')).toEqual([]);
    expect(detectCitations(undefined as unknown as string)).toEqual([]);
  });

  it('filters kinds', () => {
    const text = 'Kamerstuk 36 180, nr. 90 en resolutie 1325 en het EVRM';
    expect(detectCitations(text, { kinds: ['unsc'] }).map((c) => c.id)).toEqual(['unsc-1325']);
  });
});

describe('linear time on adversarial input', () => {
  const cases: [string, string][] = [
    ['"nr. " repeated', 'nr. '],
    ['digits and spaces', '12 345 6 78 9 '],
    ['"Kamerstukken " repeated', 'Kamerstukken '],
    ['one line without spaces', 'ab1-2/3.4,5'],
    ['"resoluties 1325, " repeated', 'resoluties 1325, '],
    ['"Verdrag inzake de " repeated', 'Verdrag inzake de '],
  ];
  for (const [name, unit] of cases) {
    it(name, () => {
      const small = unit.repeat(Math.ceil(20_000 / unit.length));
      const big = unit.repeat(Math.ceil(200_000 / unit.length));
      // The fastest of three runs, so one garbage collection pause cannot decide the outcome.
      const time = (t: string): number => {
        let fastest = Infinity;
        for (let run = 0; run < 3; run++) {
          const s = performance.now();
          detectCitations(t);
          fastest = Math.min(fastest, performance.now() - s);
        }
        return fastest;
      };
      const ts = Math.max(time(small), 0.5);
      const tb = time(big);
      // Ten times the input must not take much more than ten times as long (generous bound for CI noise).
      expect(tb).toBeLessThan(ts * 40 + 50);
    });
  }
});
