import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRIGGER_RE } from '../../../src/core/detect/index';
import { KW_SEP, keywordEndBeforeDigit } from '../../../src/core/detect/keywords';
import { KEYWORDS, KEYWORD_GROUPS } from '../../../src/core/detect/registry';

const FAST_KEYWORDS = KEYWORDS.fast;

/** The trigger as it was written with consuming alternatives (zaak/document number, keyword, dossier shape). */
const REFERENCE = new RegExp(
  `(?<![\\d])(?:((?:19|20)\\d\\d[ZD]\\d{5}(?![\\d]))` +
    `|\\d(?<=${FAST_KEYWORDS}(?<!${KW_SEP})${KW_SEP}{0,8}\\d)` +
    `|(\\d\\d(?:\\d|[ \\u00a0\\u2009\\u202f.\\-]\\d)\\d\\d(?![\\d])))`,
  'y',
);
const KEYWORD_AT = new RegExp(`(?<=${FAST_KEYWORDS}(?<!${KW_SEP})${KW_SEP}{0,8})\\d`, 'y');

const PIECES = [
  ...KEYWORD_GROUPS.flatMap((g) => g.forms),
  ...['0', '1', '2', '9', '19', '20', '2024', 'Z', 'D', '2024Z', '1999D', '2019Z0123', '12345', '01234'],
  ...['36 600', '36.600', '36-600', '36\u00a0600'],
  ...[' ', '  ', '\u00a0', '\u2009', '\u202f', '.', ',', ':', ';', '(', '|', '-', '\n', 'a', 'é', '_'],
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((parts) => parts.join(''));

describe('digit trigger', () => {
  it('matches one digit exactly where the consuming alternatives start a match', () => {
    const sticky = new RegExp(TRIGGER_RE.source, 'y');
    fc.assert(
      fc.property(textArb, (text) => {
        for (let p = 0; p < text.length; p++) {
          REFERENCE.lastIndex = p;
          sticky.lastIndex = p;
          const hit = sticky.test(text);
          expect(hit, `${JSON.stringify(text)} @${p}`).toBe(REFERENCE.test(text));
          if (hit) expect(sticky.lastIndex).toBe(p + 1);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('endingAt(keywordEndBeforeDigit) finds a keyword exactly where the lookbehind does', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (let p = 0; p < text.length; p++) {
          if (!/\d/.test(text[p]!)) continue;
          KEYWORD_AT.lastIndex = p;
          const byRegex = KEYWORD_AT.test(text);
          const kw = KEYWORDS.endingAt(text, keywordEndBeforeDigit(text, p));
          expect(kw !== undefined, `${JSON.stringify(text)} @${p}`).toBe(byRegex);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
