import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../../src/core/detect/index';
import { GATES, type Gate, codeBeforeSpace, isWsLike } from '../../../src/core/detect/text';
import { isUpperCode } from '../../../src/core/detect/treaty-text';

/** Pieces of the patterns behind the gates, and every kind of space and dash around them. */
const PIECES = [
  ...[
    ' ',
    '\t',
    '\n',
    '\r',
    '\v',
    '\f',
    '\u00a0',
    '\u1680',
    '\u2000',
    '\u2007',
    '\u2009',
    '\u200a',
    '\u200b',
  ],
  ...['\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085'],
  ...['-', '\u2010', '\u2011', '\u2013', '\u2014', '\u2212', ',', ';', ':', '.', '/', '(', ')', '&'],
  ...[
    'nr',
    'Nr',
    'NR',
    'nrs',
    'NRS',
    'nummer',
    'Nummers',
    'No',
    'no',
    'n',
    'N',
    'blz',
    'bl',
    'p',
    'pp',
    'pag',
  ],
  ...['pagina', "pagina's", 'bladzijde', 'bladzijden', 'e.v.', 'en', 'ook', 't/m', 'tot en met', 'hoofdstuk'],
  ...['VIII', 'XII', 'IV', 'A', 'B', 'h', 'R', '(R', '(R 1669)', '(R1519)', 'stuk', 'op', 'Op', 'motie'],
  ...['Amendement', 'Verordening', 'verordening', 'Uitvoeringsverordening', 'Gedelegeerde Verordening'],
  ...['Richtlijn', 'Regulation', 'Directive', '(EG)', '(EU)', '(EU, Euratom)', 'g', 'e', 'x', 'é'],
  ...['0', '1', '02', '12', '345', '2024', '12345', '2016-2017', '34700', '-VIII', ' A'],
  ...['juli', 'Oktober', 'mrt', 'inzake', 'van de', 'Relating to', 'tegen', 'Ω', 'İ', 'ſ'],
  ...['and', 'II', 'I', 'EK', 'TK', 'E', 'T', 'ENKEL'],
];

const textArb = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 14 })
  .map((parts) => parts.join(''));

function patternMatches(g: Gate, text: string, pos: number): boolean {
  if (g.before !== undefined) return g.re.test(text.slice(Math.max(0, pos - g.before), pos));
  if (g.after !== undefined) return g.re.test(text.slice(pos, pos + g.after));
  g.re.lastIndex = pos;
  return g.re.test(text);
}

describe('pattern gates', () => {
  it('are registered for the recognizers', () => {
    expect(GATES.length).toBeGreaterThanOrEqual(5);
  });

  it('never reject a position where their pattern matches', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const g of GATES) {
          for (let pos = 0; pos <= text.length; pos++) {
            if (patternMatches(g, text, pos) && !g.pass(text, pos)) {
              throw new Error(`gate of /${g.re.source}/ rejects ${JSON.stringify(text)} at ${pos}`);
            }
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('let through the cases the recognizers are written for', () => {
    const cases: [string, number][] = [
      ['Verordening (EG) nr. 1049/2001', 17],
      ['de motie op stuk nr. 351', 17],
      ['2016-201734700 nr. 19', 15],
      ['1325 oktober', 4],
      ['Verdrag inzake de rechten', 7],
    ];
    for (const [text, pos] of cases) {
      expect(
        GATES.some((g) => g.pass(text, pos) && patternMatches(g, text, pos)),
        text,
      ).toBe(true);
    }
  });
});

describe('space helpers', () => {
  it('isWsLike covers every character [\\s\\u200b] matches', () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (/[\s\u200b]/.test(String.fromCharCode(c))) expect(isWsLike(c), c.toString(16)).toBe(true);
    }
  });

  it('isUpperCode is \\p{Lu} on one code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      expect(isUpperCode(c), c.toString(16)).toBe(/^\p{Lu}/u.test(String.fromCharCode(c)));
    }
  });

  it('codeBeforeSpace skips spaces within its window', () => {
    expect(codeBeforeSpace('Richtlijn \u2009', 11, 48)).toBe(0x6e);
    expect(codeBeforeSpace('  ', 2, 48)).toBeNaN();
  });
});
