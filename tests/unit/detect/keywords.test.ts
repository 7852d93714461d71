import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FAST_KEYWORDS,
  KEYWORDS,
  KEYWORD_GROUPS,
  KW_SEP,
  NOT_LETTER,
  isKwSepCode,
  keywordBefore,
  suffixAlternation,
} from '../../../src/core/detect/keywords';

const ALL_FORMS = KEYWORD_GROUPS.flatMap((g) => g.forms);

/**
 * Every string a keyword pattern matches. The patterns use only literals, escaped brackets, character classes of
 * single characters, groups (?:…|…) and `?`, so the language is finite and small.
 */
function expand(pattern: string): string[] {
  let i = 0;
  const alternation = (): string[] => {
    const out = [...sequence()];
    while (pattern[i] === '|') {
      i++;
      out.push(...sequence());
    }
    return out;
  };
  const sequence = (): string[] => {
    let acc = [''];
    while (i < pattern.length && pattern[i] !== '|' && pattern[i] !== ')') {
      let atom: string[];
      if (pattern.startsWith('(?:', i)) {
        i += 3;
        atom = alternation();
        i++; // ')'
      } else if (pattern[i] === '[') {
        const close = pattern.indexOf(']', i);
        atom = [...pattern.slice(i + 1, close)];
        i = close + 1;
      } else if (pattern[i] === '\\') {
        atom = [pattern[i + 1]!];
        i += 2;
      } else {
        atom = [pattern[i]!];
        i++;
      }
      if (pattern[i] === '?') {
        atom = [...atom, ''];
        i++;
      }
      acc = acc.flatMap((a) => atom.map((b) => a + b));
    }
    return acc;
  };
  return alternation();
}

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
  it('list exactly the strings each group pattern matches', () => {
    for (const g of KEYWORD_GROUPS) {
      expect([...g.forms].sort()).toEqual([...new Set(expand(g.pattern))].sort());
      const re = new RegExp(`^(?:${g.pattern})$`);
      for (const f of g.forms) expect(re.test(f), f).toBe(true);
    }
    expect(expand('a(?:b|c)?[de]\\(')).toEqual(['abd(', 'abe(', 'acd(', 'ace(', 'ad(', 'ae(']);
  });

  it('FAST_KEYWORDS ends a text exactly where KEYWORDS does', () => {
    const slow = new RegExp(`(?:${KEYWORDS})$`);
    const fast = new RegExp(`(?:${FAST_KEYWORDS})$`);
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

  it('keywordBefore gives the group and text KEYWORDS captures, wherever it matches', () => {
    const re = new RegExp(`(?<=${KEYWORDS})`, 'y');
    const found = { group: 0, start: 0 };
    fc.assert(
      fc.property(textArb, (text) => {
        for (let end = 0; end <= text.length; end++) {
          re.lastIndex = end;
          const m = re.exec(text);
          found.group = 0;
          const form = keywordBefore(text, end, found);
          if (!m) {
            expect(form, `${JSON.stringify(text)} @${end}`).toBeUndefined();
            continue;
          }
          const group = m.findIndex((g, i) => i > 0 && g !== undefined);
          expect([found.group, form, found.start], `${JSON.stringify(text)} @${end}`).toEqual([
            group,
            m[group],
            end - m[group]!.length,
          ]);
        }
      }),
      { numRuns: 10000 },
    );
  });
});
