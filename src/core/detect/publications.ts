/**
 * Staatsblad, Staatscourant, Tractatenblad: "Stb. 2001, 343", "Staatsblad 2016, 478", "Stcrt. 2021, nr. 12345",
 * "Trb. 2013, 143", elided lists "Trb. 1998, 170 en 1999, 110" and "Stb. 2001, 343 en 344".
 */
import { COMMA, DIGIT_0, DIGIT_9, LEFT_PAREN, RIGHT_PAREN } from './chars';
import { emit, type Sink } from './common';
import { emitDossier, parseDossier } from './kamerstuk';
import { MONTHS_NL, PUBLICATIONS, alternation } from './spellings';
import {
  HS,
  SP,
  SP1,
  at,
  codeBeforeSpace,
  digitsValue,
  endOf,
  execBefore,
  gate,
  isDigitAt,
  plausibleYear,
  sticky,
  LETTER,
} from './text';

const PREFIX_RE = sticky(
  `${alternation(PUBLICATIONS.map((p) => p.abbreviation))}\\.?|${alternation(PUBLICATIONS.map((p) => p.name))}(?![${LETTER}])`,
);
const YEAR_NUM_RE = sticky(
  `${SP}((?:18|19|20)\\d\\d)${SP}[,/]${SP}(?:(?:nr|no)\\.?${SP})?(\\d{1,6})(?![${LETTER}\\d]|[.,]\\d)`,
);
const ELIDED_RE = sticky(
  `${SP}(?:en|,|;)${SP}(?:((?:18|19|20)\\d\\d)${SP},${SP}(?:(?:nr|no)\\.?${SP})?)?(\\d{1,6})(?![${LETTER}\\d]|[.,]\\d)`,
);

/** The number alone, when the year comes from a date before the keyword: "wet van 12 mei 2003, Stb. 201". */
const NUM_ONLY_RE = sticky(
  `${SP}(?:(?:nr|no)\\.?${SP})?(\\d{1,6})(?![${LETTER}\\d]|[.,/]\\d|${SP}[,/]${SP}\\d)`,
);
/** The date before the keyword ("… van 3 maart 1987, "), its year captured; the text before ends in its digits. */
const DATE_BEFORE = gate(
  new RegExp(
    `(?:^|[^${LETTER}\\d])\\d{1,2}${SP1}${alternation(MONTHS_NL)}${SP1}((?:18|19|20)\\d\\d)${SP},?${SP}\\(?${SP}$`,
  ),
  (text, end) => {
    const c = codeBeforeSpace(text, end, 12);
    return c === COMMA || c === LEFT_PAREN || (c >= DIGIT_0 && c <= DIGIT_9);
  },
  { before: 48 },
);
/** A dossier number in brackets after the publication: "Stb. 2003, 201 (28 012)". */
const BRACKET_OPEN_RE = sticky(`${HS}{0,2}\\(`);

type Publication = (typeof PUBLICATIONS)[number];

/** The publication a PREFIX_RE match at `start` names, by its abbreviation or name. */
function publicationAt(text: string, start: number): Publication {
  return PUBLICATIONS.find((p) => text.startsWith(p.abbreviation, start) || text.startsWith(p.name, start))!;
}

export function parsePublication(text: string, start: number, sink: Sink): number {
  // Both matches are read from their ends (test() builds no match array).
  let pos = endOf(PREFIX_RE, text, start);
  if (pos < 0) return -1;
  const { kind, prefix: pfx } = publicationAt(text, start);
  let numEnd = endOf(YEAR_NUM_RE, text, pos);
  let year: number;
  if (numEnd >= 0) {
    // The year is the first run of digits in the match, the number the last.
    let ys = pos;
    while (!isDigitAt(text, ys)) ys++;
    year = digitsValue(text, ys, ys + 4);
  } else {
    const date = execBefore(DATE_BEFORE, text, start);
    numEnd = date ? endOf(NUM_ONLY_RE, text, pos) : -1;
    if (numEnd < 0) return -1;
    year = Number(date![1]);
  }
  if (!plausibleYear(year, 1813, 2099)) return -1;
  let ns = numEnd;
  while (isDigitAt(text, ns - 1)) ns--;
  pos = numEnd;
  emit(sink, kind, `${pfx}-${year}-${digitsValue(text, ns, numEnd)}`, start, pos);
  for (let guard = 0; guard < 30; guard++) {
    const e = at(ELIDED_RE, text, pos);
    if (!e) break;
    const num = e[2]!;
    if (e[1] !== undefined) {
      const y = Number(e[1]);
      if (!plausibleYear(y, 1813, 2099)) break;
      year = y;
    } else if (/^(?:18|19|20)\d\d$/.test(num)) {
      break; // "Stb. 2001, 343 en 2002" is not an elided number
    } else if (/^\s+\p{Ll}/u.test(text.slice(pos + e[0].length, pos + e[0].length + 3))) {
      break; // "… 343 en 1 juli": a date, not a second number
    }
    const numStart = pos + e[0].length - num.length;
    const itemStart = e[1] !== undefined ? pos + e[0].indexOf(e[1]) : numStart;
    const end = pos + e[0].length;
    emit(sink, kind, `${pfx}-${year}-${Number(num)}`, itemStart, end);
    pos = end;
  }
  return bracketedDossierAfter(text, pos, sink);
}

/** The dossier of the bill a publication came from, in brackets after it: emitted; returns the end. */
function bracketedDossierAfter(text: string, pos: number, sink: Sink): number {
  const open = endOf(BRACKET_OPEN_RE, text, pos);
  if (open < 0) return pos;
  const d = parseDossier(text, open, false);
  if (!d || d.dashed || text.charCodeAt(d.end) !== RIGHT_PAREN) return pos;
  emitDossier(sink, d, open, d.end);
  return d.end + 1;
}
