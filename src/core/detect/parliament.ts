/**
 * Handelingen and Aanhangsel van de Handelingen:
 *   Handelingen II 2023/24, nr. 45, item 12 · Handelingen der Kamer II, vergaderjaar 2005–2006, nr. 95, blz. 5892–5931 ·
 *   Handelingen II 2005/06, p. 5892–5931 · Hand. I 2016/17, nr. 34, item 5 · (glued) 2019-2020nr. 31, item 8 ·
 *   Aanhangsel Handelingen II 2024/25, nr. 1234 · Aanhangsel der handelingen, vergaderjaar 2006–2007, nr. 520 ·
 *   h-tk-20192020-31-8 · ah-tk-20222023-3649
 */
import { emit, pagesEnd, parseSession, type DetectContext, type Session, type Sink } from './common';
import { HANDELINGEN_WORDS, NUMBER_WORDS, SESSION_WORDS, alternation } from './spellings';
import {
  DASH,
  SP,
  at,
  digitsValue,
  endOf,
  inUrlAt,
  isDigitAt,
  isWordAt,
  sessionId,
  sticky,
  LETTER,
} from './text';

/** "Handelingen" written out or abbreviated ("Hand."). */
const HANDELINGEN = `(?:${alternation(HANDELINGEN_WORDS)}|Hand\\.)`;
const AANH_RE = sticky(
  `(?:Aanhangsel|AANHANGSEL)(?:${SP}(?:der|van${SP}de|bij${SP}de|bij|tot${SP}de))?${SP}${HANDELINGEN}` +
    `|Aanh\\.${SP}${HANDELINGEN}`,
);
const HAND_RE = sticky(`${HANDELINGEN}(?![${LETTER}\\d])`);
const FILLER_RE = sticky(
  `${SP}[,:]?${SP}(II|I|TK|EK|Tweede|Eerste|der|van|de|het|Kamer|Staten-Generaal|Verenigde|Vergadering|${alternation(SESSION_WORDS)})(?![${LETTER}\\d])`,
);
const SEP_RE = sticky(`${SP}[,:]?${SP}`);
const NR_RE = sticky(`${alternation(NUMBER_WORDS)}\\.?${SP}`);
const NUM_RE = sticky(`(\\d{1,5})(?![${LETTER}\\d])`);
const LIST_RE = sticky(`${SP}(?:,|en|&)${SP}(?=\\d)`);
const ITEM_RE = sticky(`${SP},?${SP}(?:items?|punten?)${SP}(\\d{1,3})(?![${LETTER}\\d])`);
const ITEM_LIST_RE = sticky(`${SP}(?:,|en|&)${SP}(\\d{1,3})(?![${LETTER}\\d])`);
const PAGE_RANGE_RE = sticky(
  `(?:blz|bl|p|pp|pag|pagina)\\.?${SP}(\\d{1,5})(?:${SP}(?:${DASH}|t/m)${SP}(\\d{1,5}))?(?![${LETTER}\\d])`,
);
const ID_RE = sticky(
  `(ah|h)-(tk|ek)-((?:18|19|20)\\d\\d)((?:18|19|20)\\d\\d)-(\\d{1,5})(?:-(\\d{1,5}))?(?![${LETTER}\\d])`,
);

function houseOf(chamber: string | undefined, text: string, ctx: DetectContext): 'tk' | 'ek' {
  if (chamber === undefined) return documentHouse(text, ctx);
  return chamber === 'I' || chamber === 'EK' || chamber === 'Eerste' ? 'ek' : 'tk';
}

/** How far into a text documentHouse looks: its masthead and opening pages. */
const HOUSE_WINDOW = 100_000;

function countOf(text: string, s: string): number {
  let n = 0;
  const last = HOUSE_WINDOW - s.length;
  for (let i = text.indexOf(s); i >= 0 && i <= last && n < 1000; i = text.indexOf(s, i + s.length)) n++;
  return n;
}

/**
 * The house a Handelingen or Aanhangsel reference without one refers to: the Tweede Kamer, unless the document is
 * an Eerste Kamer document (in its first 100,000 characters it names the Eerste Kamer more often than the Tweede
 * Kamer). Counted once per text.
 */
export function documentHouse(text: string, ctx: DetectContext): 'tk' | 'ek' {
  return (ctx.house ??= textHouse(text));
}

/** The house of a document (see documentHouse): counted in its first 100,000 characters. */
export function textHouse(text: string): 'tk' | 'ek' {
  return countOf(text, 'Eerste Kamer') > countOf(text, 'Tweede Kamer') ? 'ek' : 'tk';
}

function chamberExtra(house: 'tk' | 'ek'): 'I' | 'II' {
  return house === 'ek' ? 'I' : 'II';
}

/** After the session year of a Handelingen citation: "nr. 45, item 12", "p. 5892–5931". */
export function parseHandelingenTail(
  text: string,
  spanStart: number,
  session: Session,
  house: 'tk' | 'ek',
  sink: Sink,
  requireItem: boolean,
): number {
  let pos = session.end;
  const sep = endOf(SEP_RE, text, pos);
  if (sep >= 0) pos = sep;
  const extras = { chamber: chamberExtra(house), sessionYear: session.id };
  const nr = at(NR_RE, text, pos);
  let num: RegExpExecArray | null = null;
  if (nr) {
    num = at(NUM_RE, text, pos + nr[0].length);
    if (!num) return -1;
    pos += nr[0].length;
  } else {
    num = at(NUM_RE, text, pos);
    if (num) {
      // A bare number counts only when an item follows ("2019/20, 31, item 8").
      const it = at(ITEM_RE, text, pos + num[0].length);
      if (!it) num = null;
    }
  }
  if (num) {
    const n = String(Number(num[1]));
    let end = pos + num[0].length;
    const item = at(ITEM_RE, text, end);
    if (requireItem && !item) return -1;
    const base = `h-${house}-${session.id}-${n}`;
    if (!item) {
      const pages = pagesEnd(text, end);
      if (pages >= 0) end = pages;
      emit(sink, 'handelingen', base, spanStart, end, extras);
      return end;
    }
    // "item 8" or "items 8 en 9": one citation per item.
    const items: { n: number; s: number; e: number }[] = [];
    end += item[0].length;
    items.push({ n: Number(item[1]), s: spanStart, e: end });
    for (let guard = 0; guard < 20; guard++) {
      const more = at(ITEM_LIST_RE, text, end);
      if (!more) break;
      const e = end + more[0].length;
      items.push({ n: Number(more[1]), s: e - more[1]!.length, e });
      end = e;
    }
    const pages = pagesEnd(text, end);
    if (pages >= 0) end = pages;
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      emit(sink, 'handelingen', `${base}-${it.n}`, it.s, i === items.length - 1 ? end : it.e, extras);
    }
    return end;
  }
  if (requireItem) return -1;
  const pr = at(PAGE_RANGE_RE, text, pos);
  if (pr && pr[2] !== undefined) {
    const end = pos + pr[0].length;
    emit(
      sink,
      'handelingen',
      `h-${house}-${session.id}-${Number(pr[1])}-${Number(pr[2])}`,
      spanStart,
      end,
      extras,
    );
    return end;
  }
  return -1;
}

/** A citation starting with "Handelingen"/"Hand."/"Aanhangsel …" at `start`. Returns the end or -1. */
export function parseParliament(text: string, start: number, ctx: DetectContext): number {
  const sink = ctx.sink;
  // Matches here are read from their ends (test() builds no match array).
  let pos = endOf(AANH_RE, text, start);
  const aanhangsel = pos >= 0;
  if (!aanhangsel) {
    pos = endOf(HAND_RE, text, start);
    if (pos < 0) return -1;
  }
  let chamber: string | undefined;
  for (let guard = 0; guard < 8; guard++) {
    const f = at(FILLER_RE, text, pos);
    if (!f) break;
    const w = f[1]!;
    if (w === 'II' || w === 'I' || w === 'TK' || w === 'EK' || w === 'Tweede' || w === 'Eerste') chamber = w;
    pos += f[0].length;
  }
  const sep = endOf(SEP_RE, text, pos);
  if (sep >= 0) pos = sep;
  const session = parseSession(text, pos);
  if (!session) return -1;
  const house = houseOf(chamber, text, ctx);
  if (!aanhangsel) return parseHandelingenTail(text, start, session, house, sink, false);

  pos = session.end;
  const s2 = endOf(SEP_RE, text, pos);
  if (s2 >= 0) pos = s2;
  const nrEnd = endOf(NR_RE, text, pos);
  if (nrEnd >= 0) pos = nrEnd;
  // NUM_RE matches the digits alone.
  const firstEnd = endOf(NUM_RE, text, pos);
  if (firstEnd < 0) return -1;
  const extras = { chamber: chamberExtra(house), sessionYear: session.id };
  const nums: { n: string; s: number; e: number }[] = [
    { n: String(digitsValue(text, pos, firstEnd)), s: pos, e: firstEnd },
  ];
  let end = firstEnd;
  if (nrEnd >= 0) {
    for (let guard = 0; guard < 20; guard++) {
      const s = endOf(LIST_RE, text, end);
      if (s < 0) break;
      const e = endOf(NUM_RE, text, s);
      if (e < 0) break;
      nums.push({ n: String(digitsValue(text, s, e)), s, e });
      end = e;
    }
  }
  for (let i = 0; i < nums.length; i++) {
    const x = nums[i]!;
    emit(sink, 'aanhangsel', `ah-${house}-${session.id}-${x.n}`, i === 0 ? start : x.s, x.e, extras);
  }
  return end;
}

/** "h-tk-20192020-31-8" / "ah-tk-20222023-3649" at `start`. */
export function parseParliamentId(text: string, start: number, sink: Sink): number {
  if (isWordAt(text, start - 1) || inUrlAt(text, start)) return -1;
  const m = at(ID_RE, text, start);
  if (!m) return -1;
  const session = sessionId(m[3]!, m[4]!);
  if (!session) return -1;
  const end = start + m[0].length;
  const house = m[2] as 'tk' | 'ek';
  const extras = { chamber: chamberExtra(house), sessionYear: session };
  if (m[1] === 'ah') {
    if (m[6] !== undefined) return -1;
    emit(sink, 'aanhangsel', m[0], start, end, extras);
  } else {
    emit(sink, 'handelingen', m[0], start, end, extras);
  }
  return end;
}

const GLUED_SESSION_RE = /((?:18|19|20)\d\d)[/\-\u2010-\u2015](\d{2,4})$/;

/** "2019-2020nr. 31, item 8": a session year glued to "nr." (`kw`), as extraction leaves table cells. */
export function parseGluedHandelingen(text: string, kw: number, ctx: DetectContext): number {
  const m = GLUED_SESSION_RE.exec(text.slice(Math.max(0, kw - 9), kw));
  if (!m) return -1;
  const id = sessionId(m[1]!, m[2]!);
  if (!id) return -1;
  // Glued to the word before as well ("Staten-Generaal2019-2020nr. 31"): extraction, not a different number.
  const start = kw - m[0].length;
  if (isDigitAt(text, start - 1)) return -1;
  const session = { id, start, end: kw };
  return parseHandelingenTail(text, start, session, documentHouse(text, ctx), ctx.sink, true);
}

const ROW_SESSION_RE = sticky(
  `[ \\t|\\u00a0]{0,6}((?:18|19|20)\\d\\d)-((?:18|19|20)\\d\\d)([ \\t|\\u00a0]{0,6})`,
);
const ROW_AH_RE = sticky(`(\\d{1,5})(?=[ \\t|\\u00a0]*(?:\\r?\\n|$))`);

/**
 * The metadata row of a page on officielebekendmakingen.nl, right after "… Kamer der Staten-Generaal" (`pos`), as
 * extraction glues it: "2016-2017nr. 97, item 8" (Handelingen) and "2012-2013730" (Aanhangsel; only under an
 * "Aanhangselnummer" column). Kamerstuk rows ("2016-201734700 nr. 19") are left to the Kamerstuk recognizer.
 */
export function parseMetadataRow(text: string, pos: number, house: 'tk' | 'ek', sink: Sink): number {
  const m = at(ROW_SESSION_RE, text, pos);
  if (!m) return -1;
  const id = sessionId(m[1]!, m[2]!);
  if (!id) return -1;
  const start = pos + m[0].length - m[3]!.length - 9;
  const after = pos + m[0].length;
  const session: Session = { id, start, end: after };
  if (/^nr/i.test(text.slice(after, after + 2)))
    return parseHandelingenTail(text, start, session, house, sink, true);
  const ah = at(ROW_AH_RE, text, after);
  if (ah && /Aanhangselnummer/.test(text.slice(Math.max(0, pos - 400), pos))) {
    const end = after + ah[0].length;
    emit(sink, 'aanhangsel', `ah-${house}-${id}-${Number(ah[1])}`, start, end, {
      chamber: chamberExtra(house),
      sessionYear: id,
    });
    return end;
  }
  return -1;
}
