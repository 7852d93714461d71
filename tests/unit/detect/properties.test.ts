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
  'nrs. 4–6',
  ' t/m ',
  'wet van 12 mei 2003, Stb. 201',
  ', was nr. 705 (21501-20)',
  'Zitting 1961-1962 – 6423, Nr. 5',
  'Kamerstuk TK 33.400VII, 17',
  'resolutie nr. 2231 (2015)',
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
  let previousStart = -1;
  for (const c of cs) {
    // The checks below, first without expect() (thousands of citations on a large input), then with it.
    const surface = text.slice(c.start, c.end);
    // Citations never overlap, except the numbers a range leaves out, which share the range's separator.
    const inRange = c.extras?.withinRange === true && c.start === previousStart && c.end === last;
    const fine =
      CITATION_KINDS.includes(c.kind) &&
      (c.start >= Math.max(0, last) || inRange) &&
      c.end <= text.length &&
      c.end > c.start &&
      typeof c.id === 'string' &&
      c.id.length > 0 &&
      !/^[\uDC00-\uDFFF]/.test(surface) &&
      !/[\uD800-\uDBFF]$/.test(surface) &&
      !/^\s|\s$/.test(surface);
    const previousEnd = last;
    previousStart = c.start;
    last = c.end;
    if (fine) continue;
    expect(CITATION_KINDS).toContain(c.kind);
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.start).toBeGreaterThanOrEqual(previousEnd);
    expect(c.end).toBeLessThanOrEqual(text.length);
    expect(c.end).toBeGreaterThan(c.start);
    expect(typeof c.id).toBe('string');
    expect(c.id.length).toBeGreaterThan(0);
    // The span slices back to the text it claims, never splitting a surrogate pair.
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

/** Repeats `unit` to at least `chars` characters. */
function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length));
}

/** Chains and lists a recognizer follows item by item: each made as long as the input allows. */
const CHAINS: [string, string, string][] = [
  ['a Kamerstuk continuation chain', 'Kamerstukken II 2019/20, 35 300, nr. 1', '; nr. 1'],
  ['a comma list of document numbers', 'Kamerstuk 36 180, nrs. 1', ', 2'],
  ['a range list', 'Kamerstuk 36 180, nrs. 4–6', ', 8–10'],
  ['an elided Tractatenblad list', 'Trb. 1998, 170', ' en 1999, 110'],
  ['a resolution list', 'Resoluties 1325 (2000)', ', 1820 (2008)'],
  ['a Handelingen item list', 'Handelingen II 2023/24, nr. 45, items 1', ' en 2'],
  ['an Aanhangsel number list', 'Aanhangsel Handelingen II 2024/25, nrs. 1', ' en 2'],
  ['related dossiers', 'Kamerstukken 26 150', ' en 36 180'],
  ['a dash-joined row', '21501-32-1740', '-1740'],
  ['dated Staatsblad list', 'besluiten van 4 juni 1961, Stb. 310', ', en 9 mei 1972, Stb. 266'],
  ['renumbered motions', 'Zij krijgt nr. 712', ', was nr. 705'],
  ['opening brackets', 'Wet modernisering ondernemingsrecht ', '(34 911'],
];

describe('never fails on large inputs', () => {
  for (const [name, head, link] of CHAINS) {
    it(`${name} of 1 MB`, () => {
      const text = head + repeatTo(link, 1_000_000);
      expect(() => detectCitations(text)).not.toThrow();
    });
  }

  it('texts up to 1 MB made of citation fragments', () => {
    const big = fc
      .tuple(
        fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 1000 }),
      )
      .map(([parts, kb]) => repeatTo(parts.join(''), kb * 1000));
    fc.assert(
      fc.property(big, (text) => {
        checkInvariants(text);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

/** Four times the input must take less than six times as long. */
const MAX_GROWTH = 6;

/** The time per call of `fn`, repeated until it has taken at least 20 ms. */
function msPerCall(fn: () => unknown): number {
  let calls = 0;
  const s = performance.now();
  let elapsed = 0;
  do {
    fn();
    calls++;
    elapsed = performance.now() - s;
  } while (elapsed < 20);
  return elapsed / calls;
}

/**
 * How much longer `work` takes on four times the input: `unit` repeated to 250 KB and to 1 MB, the fastest of
 * three runs each, the two sizes in turn (a busy spell on the shared machine slows both). A measurement over the
 * bound is taken again, up to five times in all, and the lowest counts: load from elsewhere can make one too
 * high, never too low, and quadratic work stays far above the bound every time (16×).
 */
function growthOnFourTimes(work: (text: string) => unknown, unit: string): number {
  const small = repeatTo(unit, 250_000);
  const big = repeatTo(unit, 1_000_000);
  // Each once before timing: compiled, and the heap grown to what the big input needs.
  work(small);
  work(big);
  let lowest = Infinity;
  for (let attempt = 0; attempt < 5 && lowest >= MAX_GROWTH; attempt++) {
    let tSmall = Infinity;
    let tBig = Infinity;
    for (let run = 0; run < 3; run++) {
      tSmall = Math.min(
        tSmall,
        msPerCall(() => work(small)),
      );
      tBig = Math.min(
        tBig,
        msPerCall(() => work(big)),
      );
    }
    lowest = Math.min(lowest, tBig / tSmall);
  }
  return lowest;
}

describe('linear time on adversarial input', () => {
  it('the check fails a detector that takes quadratic time', () => {
    // Compares every line with every other: 4× the text, 16× the comparisons.
    const quadratic = (text: string): number => {
      const lines = text.split('\n').slice(0, 400 * (text.length / 250_000));
      let same = 0;
      for (const a of lines) for (const b of lines) if (a === b) same++;
      return same;
    };
    expect(growthOnFourTimes(quadratic, 'Kamerstuk 36 180, nr. 90\n')).toBeGreaterThan(MAX_GROWTH);
  }, 60_000);

  const cases: [string, string][] = [
    ['"nr. " repeated', 'nr. '],
    ['digits and spaces', '12 345 6 78 9 '],
    ['"Kamerstukken " repeated', 'Kamerstukken '],
    ['one line without spaces', 'ab1-2/3.4,5(6)7:8;9nr.Kamerstuk'],
    ['"resoluties 1325, " repeated', 'resoluties 1325, '],
    ['"Verdrag inzake de " repeated', 'Verdrag inzake de '],
    ['"(12345-" repeated', '(12345-'],
    ['a chain of "; nr. 1"', '; nr. 1'],
    ['"nrs. 4–6, " repeated', 'nrs. 4–6, '],
    ['"van 12 mei 2003, Stb. " repeated', 'van 12 mei 2003, Stb. '],
    ['"was nr. 705 (" repeated', 'was nr. 705 ('],
    ['"Protocol van Genève van " repeated', 'Protocol van Genève van '],
  ];
  for (const [name, unit] of cases) {
    it(
      name,
      () => {
        expect(growthOnFourTimes(detectCitations, unit)).toBeLessThan(MAX_GROWTH);
      },
      60_000,
    );
  }
});
