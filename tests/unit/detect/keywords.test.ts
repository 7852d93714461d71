import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KW_SEP, NOT_LETTER, isKwSepCode, suffixAlternation } from '../../../src/core/detect/keywords';
import { KEYWORDS, KEYWORD_GROUPS } from '../../../src/core/detect/registry';

const ALL_FORMS = KEYWORD_GROUPS.flatMap((g) => g.forms);

/** Keywords, their pieces, and the characters around them that decide a match. */
const PIECES = [
  ...ALL_FORMS,
  ...ALL_FORMS.map((f) => f.slice(1)),
  ...ALL_FORMS.map((f) => f.slice(0, -1)),
  ...new Set(ALL_FORMS.join('')),
  ...['a', 'Z', 'é', 'À', '\u024f', '\u0250', 'ß', 'Ω', '1', '_', ' ', '.'],
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((parts) => parts.join(''));

describe('trigger keywords', () => {
  it('spell each keyword once, in one group, the longer of two that end alike first', () => {
    expect(new Set(ALL_FORMS).size).toBe(ALL_FORMS.length);
    for (const g of KEYWORD_GROUPS) {
      g.forms.forEach((form, i) => {
        for (const later of g.forms.slice(i + 1))
          expect(form.endsWith(later) || !later.endsWith(form), later).toBe(true);
      });
    }
    expect(new Set(KEYWORD_GROUPS.map((g) => g.name)).size).toBe(KEYWORD_GROUPS.length);
  });

  it('the fast pattern ends a text exactly where the reference pattern does', () => {
    const slow = new RegExp(`(?:${KEYWORDS.reference})$`);
    const fast = new RegExp(`(?:${KEYWORDS.fast})$`);
    fc.assert(
      fc.property(textArb, (text) => {
        expect(fast.test(text), JSON.stringify(text)).toBe(slow.test(text));
      }),
      { numRuns: 20000 },
    );
    for (const f of ALL_FORMS) {
      for (const before of ['', ' ', 'a', 'é', '1', '-']) {
        const text = before + f;
        expect(fast.test(text), text).toBe(slow.test(text));
      }
    }
  });

  it('merges keywords on their last characters', () => {
    const merged = suffixAlternation([
      ['motie', true],
      ['resolutie', false],
      ['nr', true],
    ]);
    expect(merged).toBe(`(?:(?:${NOT_LETTER}mo|resolu)tie|${NOT_LETTER}nr)`);
    expect(
      suffixAlternation([
        ['ah-tk-', true],
        ['h-tk-', true],
      ]),
    ).toBe(`(?:${NOT_LETTER}a|${NOT_LETTER})h\\-tk\\-`);
    // A free-standing keyword makes the longer ones ending in it redundant.
    expect(
      suffixAlternation([
        ['resolutie', false],
        ['tie', false],
      ]),
    ).toBe('tie');
  });

  it('isKwSepCode is KW_SEP on every code unit', () => {
    const re = new RegExp(KW_SEP);
    for (let c = 0; c <= 0xffff; c++) {
      if (isKwSepCode(c) !== re.test(String.fromCharCode(c))) throw new Error(`U+${c.toString(16)}`);
    }
  });

  it('endingAt gives the group and text the reference pattern captures, wherever it matches', () => {
    const re = new RegExp(`(?<=${KEYWORDS.reference})`, 'y');
    fc.assert(
      fc.property(textArb, (text) => {
        for (let end = 0; end <= text.length; end++) {
          re.lastIndex = end;
          const m = re.exec(text);
          const kw = KEYWORDS.endingAt(text, end);
          if (!m) {
            expect(kw, `${JSON.stringify(text)} @${end}`).toBeUndefined();
            continue;
          }
          const group = m.findIndex((g, i) => i > 0 && g !== undefined);
          expect([kw?.groupNumber, kw?.form], `${JSON.stringify(text)} @${end}`).toEqual([group, m[group]]);
          expect(kw?.group).toBe(KEYWORD_GROUPS[group - 1]);
        }
      }),
      { numRuns: 10000 },
    );
  });
});
