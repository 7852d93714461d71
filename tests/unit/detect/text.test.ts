import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DASH, LETTER, docNumEnd, dossierEnd, isLetterClassCode } from '../../../src/core/detect/text';

/** The patterns the hand-written scanners replace. */
const DOSSIER_RE = new RegExp(
  `(\\d\\d)(?:([ \\u00a0\\u2007\\u2009\\u202f.]{1,2})|(${DASH}))?(\\d{3})(?!\\d)`,
  'y',
);
const NUM_RE = new RegExp(`(\\d{1,4})([a-z])?(?![${LETTER}\\d])|([A-Z]{1,3})(?![${LETTER}\\d])`, 'y');

function endOf(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  return re.test(text) ? re.lastIndex : -1;
}

const PIECES = [
  ...'0123456789',
  ...[' ', '  ', '\u00a0', '\u2007', '\u2009', '\u202f', '.', ',', '-', '\u2013', '\u2212', '\n', '\t'],
  ...['a', 'z', 'A', 'Z', 'IV', 'ABC', 'ABCD', 'é', 'ß', 'Ω', 'Ж', '\u02b0', '\u00d7', '_', '/', '(', ')'],
  ...['36', '600', '36600', '12345', '2024', '36 600', '36.600', '21-501'],
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((parts) => parts.join(''));

describe('hand-written scanners', () => {
  it('isLetterClassCode is [LETTER] on every code unit', () => {
    const re = new RegExp(`[${LETTER}]`);
    for (let c = 0; c <= 0xffff; c++) {
      if (isLetterClassCode(c) !== re.test(String.fromCharCode(c))) throw new Error(`U+${c.toString(16)}`);
    }
  });

  it('dossierEnd and docNumEnd end where their patterns do, at every position', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (let pos = 0; pos <= text.length; pos++) {
          expect(dossierEnd(text, pos), `${JSON.stringify(text)} @${pos}`).toBe(endOf(DOSSIER_RE, text, pos));
          expect(docNumEnd(text, pos), `${JSON.stringify(text)} @${pos}`).toBe(endOf(NUM_RE, text, pos));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('read the usual forms', () => {
    expect(dossierEnd('36 600 V', 0)).toBe(6);
    expect(dossierEnd('36  600', 0)).toBe(7);
    expect(dossierEnd('36   600', 0)).toBe(-1);
    expect(dossierEnd('366001', 0)).toBe(-1);
    expect(docNumEnd('12a,', 0)).toBe(3);
    expect(docNumEnd('AA)', 0)).toBe(2);
    expect(docNumEnd('12345', 0)).toBe(-1);
  });
});
