/**
 * Kamerstukken: every layout of conventions.md and of the LinkeXtractor grammar.
 *
 *   prefix-led   Kamerstukken II 2024/25, 36 600 V, nr. 46 · Kamerstuk 30111-108 · motie 32 623, nr. 345 ·
 *                TK 2008-2009, 31473, nummer 25 · Kamerstukken EK, 2014-2015, 31 145, AA · Bijl. Hand. II …
 *   bare         36 600 V, nr. 46 · 30800-VI nr. 40 · 21501-02-1855 · 23908-(R1519)-131 · (34630) ·
 *                33993 (R 2034) · … - 33992 (Inbreng …)
 *   reversed     nr. 346 (32847) · nr. 475 toegevoegd aan dossier 23432
 *   identifiers  kst-22054-418 · KST23432475
 *   implicit     de motie op stuk nr. 351 (dossier from the discourse, resolved by the engine)
 */
import {
  AMPERSAND,
  CAPITAL_A,
  CAPITAL_B,
  CAPITAL_E,
  CAPITAL_I,
  CAPITAL_K,
  CAPITAL_L,
  CAPITAL_M,
  CAPITAL_N,
  CAPITAL_T,
  CAPITAL_V,
  CAPITAL_X,
  CAPITAL_Z,
  COLON,
  COMMA,
  DIGIT_0,
  DIGIT_1,
  DIGIT_2,
  DIGIT_3,
  DIGIT_9,
  FULL_STOP,
  LEFT_PAREN,
  NO_BREAK_SPACE,
  RIGHT_PAREN,
  SEMICOLON,
  SLASH,
  SMALL_A,
  SMALL_E,
  SMALL_H,
  SMALL_K,
  SMALL_M,
  SMALL_N,
  SMALL_T,
  SPACE,
  TAB,
} from './chars';
import type { Citation, CitationExtras } from '../citation';
import { emit, pagesEnd, parseSession, type DetectContext, type Sink } from './common';
import { KAMERSTUK_WORDS, MOTION_WORDS, NUMBER_WORDS, SESSION_WORDS, alternation } from './spellings';
import {
  DASH,
  HS,
  SP,
  at,
  atLineStart,
  digitsValue,
  hasLineBreak,
  codeAfterSpace,
  isDashCode,
  isDigitAt,
  isWsLike,
  gate,
  execBefore,
  isLetterAt,
  isRoman,
  isWordAt,
  plausibleYear,
  sticky,
  endOf,
  inUrlAt,
  sessionId,
  LETTER,
} from './text';

export interface Dossier {
  /** Digits only: "36600". */
  num: string;
  /** Numbered sub-dossier: "02" in 21501-02. */
  sub: string | undefined;
  /** Roman numeral or letter: "V", "VIII", "A". */
  suffix: string | undefined;
  /** Rijkswet number present (not part of the id). */
  rnum: boolean;
  start: number;
  end: number;
  /** Written with a space or dot between the digit groups ("36 600"). */
  spaced: boolean;
  /** Dash between the digit groups ("31-700"). */
  dashed: boolean;
}

export function dossierOf(c: Citation, sink: Sink): string | undefined {
  if (c.kind !== 'kamerstuk' || c.extras?.implicit) return undefined;
  if (sink.wholeDossiers.has(c)) return c.id;
  const i = c.id.lastIndexOf('-');
  return i > 4 ? c.id.slice(0, i) : undefined;
}

/** "nr.", "nrs.", "nummer", "No." (spellings.ts). */
const NUMBER = alternation(NUMBER_WORDS);
/** A dossier number: two digits, a separator ("36 600", "36.600") or a dash ("36-600") or none, three digits. */
const DOSSIER_RE = sticky(`\\d\\d(?:[ \\u00a0\\u2007\\u2009\\u202f.]{1,2}|${DASH})?\\d{3}(?!\\d)`);
const SHORT_DOSSIER_RE = sticky(`(\\d{3,4})(?!\\d)`);
const SUB_RE = sticky(
  `${DASH}(\\d\\d)(?=${DASH}\\d|${HS}{0,3},?${HS}{0,3}${NUMBER}(?![${LETTER}]))|${DASH}(0\\d)(?!\\d)`,
);
const SUFFIX_RE = sticky(
  `(?:[ \\u00a0\\u2009\\u202f.]|${DASH}|${HS}{1,2}hoofdstuk${HS}{1,2})([IVXL]{1,7}[A-Z]?|[A-Z])(?![${LETTER}\\d])`,
);
/** "33.400VII": a Roman numeral glued to the dossier number (only a numeral: "12345A" is no dossier). */
const GLUED_SUFFIX_RE = sticky(`([IVXL]{1,7}[A-Z]?)(?![${LETTER}\\d])`);
const RNUM_RE = sticky(`${HS}{0,2}${DASH}?\\(R${HS}?\\d{3,4}\\)`);
const NR_RE = sticky(`${SP}(?:[,;:]${SP})?${NUMBER}\\.?${SP}`);
const NUM_RE = sticky(`(\\d{1,4})([a-z])?(?![${LETTER}\\d])|([A-Z]{1,3})(?![${LETTER}\\d])`);
const LIST_SEP_RE = sticky(`${SP}(?:(,|;)|(en|and|&|t/m|tot en met)(?![${LETTER}])|(${DASH}))${SP}`);
const COMPACT_RE = sticky(`(${HS}{0,2})${DASH}(${HS}{0,2})(\\d{1,4})(?![${LETTER}\\d])(?![./${'\\-'}]\\d)`);
const COMMA_NUM_RE = sticky(`${SP},${SP}(?=[\\dA-Z])`);
const SPACE_NUM_RE = sticky(`${HS}{1,2}(?=\\d)`);
const CONTINUE_RE = sticky(`${SP}(?:[;,]${SP}(?:en${SP})?|en${SP})(?:ook${SP})?(?=${NUMBER}\\.?${SP}\\d)`);
const RELATED_SEP_RE = sticky(`${SP}(?:en|,|/|&)${SP}`);

const PREFIX_RE = sticky(
  '(?:' +
    alternation(KAMERSTUK_WORDS) +
    `|Bijl(?:agen|\\.)?${SP}(?:bij${SP}de${SP})?Hand(?:elingen|\\.)` +
    `|${alternation(MOTION_WORDS)}` +
    `|TK|EK` +
    `|(?:Tweede|Eerste)${HS}Kamer(?:${HS}der${HS}Staten-Generaal)?` +
    `)(?![${LETTER}\\d])`,
);
/** The chamber after "Kamerstukken": II, I, TK, EK, "Tweede Kamer", "Eerste Kamer", or "2" before a session. */
const CHAMBER_RE = sticky(
  `${SP}(II|I|EK|TK|Tweede${HS}Kamer|Eerste${HS}Kamer|2(?=${SP},?${SP}(?:18|19|20)\\d\\d))(?![${LETTER}\\d])`,
);
const SESSION_LEAD_RE = sticky(`${SP}[,:]?${SP}(?:${alternation(SESSION_WORDS)}${SP})?`);
const BEFORE_DOSSIER_RE = sticky(`${SP}[,;:]?${SP}`);

/*
 * Gates of the sticky patterns parseDossier, parseDocs, readNumList, emitDocs and parseBare try after (almost)
 * every dossier and document number, where they mostly fail (see Gate): a character or two each match needs.
 */
/** SUB_RE: a dash right after the number. */
function subMayFollow(text: string, pos: number): boolean {
  return isDashCode(text.charCodeAt(pos));
}
/** SUFFIX_RE: a capital after the one separator character, or the "h" of "hoofdstuk" after one or two spaces. */
function suffixMayFollow(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos + 1);
  return (c >= CAPITAL_A && c <= CAPITAL_Z) || c === SMALL_H || text.charCodeAt(pos + 2) === SMALL_H;
}
/** A letter a Roman numeral is written with: I, V, X, L. */
function isRomanLetterCode(c: number): boolean {
  return c === CAPITAL_I || c === CAPITAL_V || c === CAPITAL_X || c === CAPITAL_L;
}
/** RNUM_RE: a bracket within the first four characters, and before it only spaces and a dash. */
function rnumMayFollow(text: string, pos: number): boolean {
  for (let i = pos; i < pos + 4; i++) {
    const c = text.charCodeAt(i);
    if (c === LEFT_PAREN) return true;
    if (!isWsLike(c) && !isDashCode(c)) return false;
  }
  return false;
}
/** COMPACT_RE: its dash within the first three characters. */
function compactMayFollow(text: string, pos: number): boolean {
  for (let i = pos; i < pos + 3; i++) if (isDashCode(text.charCodeAt(i))) return true;
  return false;
}
/** NR_RE: after up to 8 spaces, the separator or the "N"/"n" of the keyword. */
function nrMayFollow(text: string, pos: number): boolean {
  const c = codeAfterSpace(text, pos, 8);
  return c === COMMA || c === SEMICOLON || c === COLON || c === CAPITAL_N || c === SMALL_N;
}
/** LIST_SEP_RE: after up to 8 spaces, "," ";" "&", a dash, or the first letter of "en", "and", "t/m", "tot en met". */
function listSepMayFollow(text: string, pos: number): boolean {
  const c = codeAfterSpace(text, pos, 8);
  return (
    c === COMMA ||
    c === SEMICOLON ||
    c === AMPERSAND ||
    c === SMALL_E ||
    c === SMALL_A ||
    c === SMALL_T ||
    isDashCode(c)
  );
}
/** CHAMBER_RE: after up to 8 spaces, the "I", "E", "T" or "2" of the chamber. */
function chamberMayFollow(text: string, pos: number): boolean {
  const c = codeAfterSpace(text, pos, 8);
  return c === CAPITAL_I || c === CAPITAL_E || c === CAPITAL_T || c === DIGIT_2;
}

/** The chamber a word names: "II", "TK", "Tweede (Kamer)", "2" the Tweede Kamer; "I", "EK", "Eerste" the Eerste. */
function chamberOf(word: string): 'I' | 'II' {
  return word === 'I' || word.startsWith('E') ? 'I' : 'II';
}
/** CONTINUE_RE: after up to 8 spaces, the ";"/"," or the "e" of "en". */
function continueMayFollow(text: string, pos: number): boolean {
  const c = codeAfterSpace(text, pos, 8);
  return c === SEMICOLON || c === COMMA || c === SMALL_E;
}
gate(SUB_RE, subMayFollow);
gate(SUFFIX_RE, suffixMayFollow);
gate(RNUM_RE, rnumMayFollow);
gate(COMPACT_RE, compactMayFollow);
gate(CONTINUE_RE, continueMayFollow);
gate(NR_RE, nrMayFollow);
gate(LIST_SEP_RE, listSepMayFollow);
gate(CHAMBER_RE, chamberMayFollow);

/** The dossier number at `pos` ("36 600 V", "21501-02", "27 484 (R 1669)"), or undefined. */
export function parseDossier(text: string, pos: number, allowShort: boolean): Dossier | undefined {
  let num: string;
  let spaced = false;
  let dashed = false;
  let end: number;
  let m: RegExpExecArray | null;
  end = endOf(DOSSIER_RE, text, pos);
  if (end >= 0) {
    // Read from the match's ends (test() builds no match array): two digits, a separator or none, three digits.
    // Five digits in a row are one slice; only a separated number is joined.
    num = end - pos === 5 ? text.slice(pos, end) : text.slice(pos, pos + 2) + text.slice(end - 3, end);
    dashed = end - pos === 6 && isDashCode(text.charCodeAt(pos + 2));
    spaced = end - pos > 5 && !dashed;
  } else if (allowShort && (m = at(SHORT_DOSSIER_RE, text, pos))) {
    num = m[1]!;
    end = pos + m[0].length;
  } else {
    return undefined;
  }
  // An amount ("12.345.678", "20 000,50") is not a dossier.
  const next = text.charCodeAt(end);
  if ((next === FULL_STOP || next === COMMA) && isDigitAt(text, end + 1)) return undefined;
  const d: Dossier = { num, sub: undefined, suffix: undefined, rnum: false, start: pos, end, spaced, dashed };
  // A dash and two digits: the sub-dossier is the two digits.
  const subEnd = subMayFollow(text, end) ? endOf(SUB_RE, text, end) : -1;
  if (subEnd >= 0) {
    d.sub = text.slice(subEnd - 2, subEnd);
    d.end = end = subEnd;
  }
  const s =
    (suffixMayFollow(text, end) ? at(SUFFIX_RE, text, end) : null) ??
    (isRomanLetterCode(text.charCodeAt(end)) ? at(GLUED_SUFFIX_RE, text, end) : null);
  if (s) {
    // One capital ("V", "A"), or a Roman numeral with an optional letter other than I, V, X ("VIII", "XIIA"):
    // SUFFIX_RE matched only capitals.
    const suf = s[1]!;
    const last = suf.charCodeAt(suf.length - 1);
    const numeral = last === CAPITAL_I || last === CAPITAL_V || last === CAPITAL_X ? suf : suf.slice(0, -1);
    if (suf.length === 1 || isRoman(numeral)) {
      d.suffix = suf;
      d.end = end = end + s[0].length;
    }
  }
  const r = rnumMayFollow(text, end) ? endOf(RNUM_RE, text, end) : -1;
  if (r >= 0) {
    d.rnum = true;
    d.end = end = r;
  }
  return d;
}

/** A citation of a whole dossier (no document number), known as such to dossierOf. */
export function emitDossier(
  sink: Sink,
  d: Dossier,
  start: number,
  end: number,
  extras?: CitationExtras,
): void {
  sink.wholeDossiers.add(emit(sink, 'kamerstuk', dossierKey(d), start, end, extras));
}

export function dossierKey(d: Dossier): string {
  return `kst-${d.num}${d.sub ? `-${d.sub}` : ''}${d.suffix ? `-${d.suffix}` : ''}`;
}

interface DocNum {
  doc: string;
  start: number;
  end: number;
  /** A number a range leaves out ("nrs. 4–6" → 5): its span is the range's dash or "t/m". */
  withinRange?: boolean;
}

/** Most numbers a range of document numbers stands for between its ends ("nrs. 4–6": one). */
export const MAX_RANGE_GAP = 25;

/**
 * The numbers between the ends of a range ("4" and "6" of "nrs. 4–6"), each with the span of the separator
 * between them (text[from.end, to.start) without its spaces); none when the ends are not plain numbers, not in
 * order or too far apart.
 */
function rangeBetween(text: string, from: DocNum, to: DocNum): DocNum[] {
  const a = Number(from.doc);
  const b = Number(to.doc);
  if (!(Number.isInteger(a) && Number.isInteger(b) && b > a && b - a - 1 <= MAX_RANGE_GAP)) return [];
  let start = from.end;
  while (isWsLike(text.charCodeAt(start))) start++;
  let end = to.start;
  while (isWsLike(text.charCodeAt(end - 1))) end--;
  const between: DocNum[] = [];
  for (let n = a + 1; n < b; n++) between.push({ doc: String(n), start, end, withinRange: true });
  return between;
}

/**
 * A document number at `pos`: up to four digits and an optional lower-case letter ("46", "12a"), or with
 * `letters` one to three capitals ("AA"). Read from the match's ends (test() builds no match array).
 */
function readNum(text: string, pos: number, letters: boolean): DocNum | undefined {
  const end = endOf(NUM_RE, text, pos);
  if (end < 0) return undefined;
  if (!isDigitAt(text, pos)) return letters ? { doc: text.slice(pos, end), start: pos, end } : undefined;
  const letter = isDigitAt(text, end - 1) ? '' : text[end - 1]!;
  const n = digitsValue(text, pos, letter ? end - 1 : end);
  if (n === 0) return undefined;
  return { doc: letter ? String(n) + letter : String(n), start: pos, end };
}

function looksLikeYear(doc: string): boolean {
  return /^\d{4}$/.test(doc) && plausibleYear(Number(doc), 1800, 2099);
}

/** "12 en 13", "1–3", "223, 224 en 225" after "nr."/"nrs.". */
function readNumList(text: string, pos: number, letters: boolean): DocNum[] {
  const first = readNum(text, pos, letters);
  if (!first) return [];
  const list = [first];
  let end = first.end;
  for (let guard = 0; guard < 50; guard++) {
    const sep = listSepMayFollow(text, end) ? at(LIST_SEP_RE, text, end) : null;
    if (!sep) break;
    const p = end + sep[0].length;
    // The next item must not be a new dossier ("nr. 223, 36 180 nr. 5") or a year.
    if (endOf(DOSSIER_RE, text, p) >= 0) break;
    const n = readNum(text, p, letters);
    if (!n) break;
    if (sep[1] !== undefined && looksLikeYear(n.doc)) break;
    if (sep[1] === ';' || sep[1] === ',') {
      // A comma list continues with a plain number, not "nr. 3, 12 februari".
      if (
        /^\s*\p{L}/u.test(text.slice(n.end, n.end + 3)) &&
        !/^\s*(en|t\/m)\b/.test(text.slice(n.end, n.end + 5))
      )
        break;
    }
    // "4–6", "4 t/m 6": the numbers between as well.
    if (sep[3] !== undefined || sep[2] === 't/m' || sep[2] === 'tot en met') {
      const between = rangeBetween(text, list[list.length - 1]!, n);
      for (let k = 0; k < between.length; k++) list.push(between[k]!);
    }
    list.push(n);
    end = n.end;
  }
  return list;
}

function extrasFor(
  chamber: 'I' | 'II' | undefined,
  session: string | undefined,
  related: Dossier[],
): CitationExtras {
  const ex: CitationExtras = {};
  if (chamber) ex.chamber = chamber;
  if (session) ex.sessionYear = session;
  if (related.length) ex.relatedDossiers = related.map(dossierKey);
  return ex;
}

interface DocsOptions {
  /** ", 32" after a keyword-led dossier. */
  keyword: boolean;
  /** " 32" after a keyword-led dossier with a session year. */
  spaced?: boolean;
  /** Letter document numbers ("AA"). */
  letters: boolean;
  /** A compact "-108" may have spaces around the dash. */
  spacedDash: boolean;
  /** "nr." on the same line. */
  sameLine: boolean;
}
/** Options used on every call from their call sites, made once. */
const MORE_DOCS: DocsOptions = { keyword: false, letters: true, spacedDash: false, sameLine: false };
const BARE_DOCS: DocsOptions = { keyword: false, letters: false, spacedDash: false, sameLine: true };
const ROW_DOCS: DocsOptions = { keyword: false, letters: true, spacedDash: false, sameLine: true };

/**
 * Most document groups one citation chain continues with ("…, nr. 6; nr. 7; …"): a bound on the work a single
 * chain may do. A longer chain stops there; what follows is scanned as ordinary text.
 */
export const MAX_CHAIN_GROUPS = 10_000;

/**
 * Emits one citation per document number; the first span starts at `spanStart`. Then, in a loop (a chain of
 * thousands of "; nr. 1" must not grow the stack), the groups that continue the same dossier:
 * "…, nr. 6, p. 15-16; nr. 7, p. 5-6". Returns the end.
 */
function emitDocs(
  text: string,
  sink: Sink,
  d: Dossier,
  firstDocs: DocNum[],
  firstStart: number,
  extras?: CitationExtras,
): number {
  // The id of each document is one concatenation: "kst-36600-V-" + "46".
  const prefix = dossierKey(d) + '-';
  let docs = firstDocs;
  let spanStart = firstStart;
  let end = -1;
  for (let group = 0; group < MAX_CHAIN_GROUPS; group++) {
    end = docs[docs.length - 1]!.end;
    const pages = pagesEnd(text, end);
    if (pages >= 0) end = pages;
    const last = docs.length - 1;
    for (let i = 0; i <= last; i++) {
      const n = docs[i]!;
      const start = i === 0 ? spanStart : n.start;
      if (n.withinRange)
        emit(sink, 'kamerstuk', prefix + n.doc, start, n.end, { ...extras, withinRange: true });
      else emit(sink, 'kamerstuk', prefix + n.doc, start, i === last ? end : n.end, extras);
    }
    const nrStart = continueMayFollow(text, end) ? endOf(CONTINUE_RE, text, end) : -1;
    if (nrStart < 0) break;
    const more = parseDocs(text, nrStart, MORE_DOCS);
    if (!more.length) break;
    docs = more;
    spanStart = nrStart;
  }
  return end;
}

/**
 * A document number given without "nr." ends the citation: not ", 32 leden", not ", 12 maart"; a list may go on
 * (", 17 en 18", ", 17 en Kamerstukken …").
 */
function endsCitation(text: string, end: number): boolean {
  const rest = text.slice(end, end + 6);
  return !/^\s*\p{Ll}/u.test(rest) || /^\s*(?:en|of|and)(?!\p{L})/u.test(rest);
}

/** Document numbers after a dossier: "nr. 46", "nrs. 12 en 13", "-108", ", 32", ", AA". */
function parseDocs(text: string, pos: number, opts: DocsOptions): DocNum[] {
  const nrEnd = nrMayFollow(text, pos) ? endOf(NR_RE, text, pos) : -1;
  if (nrEnd >= 0) {
    if (opts.sameLine && hasLineBreak(text, pos, nrEnd)) return [];
    return readNumList(text, nrEnd, true);
  }
  const cEnd = compactMayFollow(text, pos) ? endOf(COMPACT_RE, text, pos) : -1;
  // No space around the dash: the dash is at `pos` and a digit follows it.
  if (cEnd >= 0 && (opts.spacedDash || (isDashCode(text.charCodeAt(pos)) && isDigitAt(text, pos + 1)))) {
    let s = cEnd;
    while (isDigitAt(text, s - 1)) s--;
    const n = digitsValue(text, s, cEnd);
    if (n !== 0) return [{ doc: String(n), start: s, end: cEnd }];
  }
  if (opts.keyword) {
    const p = endOf(COMMA_NUM_RE, text, pos);
    if (p >= 0) {
      if (endOf(DOSSIER_RE, text, p) < 0) {
        const n = readNum(text, p, opts.letters);
        if (n && !looksLikeYear(n.doc) && endsCitation(text, n.end)) return [n];
      }
    }
    // "Kamerstukken II 2012/13, 33 400 17": after a session, the document number after a space.
    if (opts.spaced) {
      const p = endOf(SPACE_NUM_RE, text, pos);
      if (p >= 0 && endOf(DOSSIER_RE, text, p) < 0) {
        const n = readNum(text, p, false);
        if (n && !looksLikeYear(n.doc) && endsCitation(text, n.end)) return [n];
      }
    }
  }
  return [];
}

/**
 * A citation led by a keyword (Kamerstuk(ken), Bijl. Hand., motie, amendement, TK/EK, Tweede Kamer) at `start`.
 * Returns the end of what was consumed, or -1.
 */
export function parsePrefixed(text: string, start: number, ctx: DetectContext): number {
  const prefixEnd = endOf(PREFIX_RE, text, start);
  if (prefixEnd < 0) return -1;
  let pos = prefixEnd;
  // The alternative that matched, told by its first characters (test() builds no match array): K/k/B a
  // Kamerstuk or Bijlagen, M/m/A/a a motion or amendment, T/E a chamber ("TK"/"EK", or "Tweede"/"Eerste" Kamer).
  const c0 = text.charCodeAt(start);
  const isKst = c0 === CAPITAL_K || c0 === SMALL_K || c0 === CAPITAL_B;
  const isMotion = c0 === CAPITAL_M || c0 === SMALL_M || c0 === CAPITAL_A || c0 === SMALL_A;
  const isChamberWord = !isKst && !isMotion;
  let chamber = isChamberWord ? chamberOf(text.slice(start, start + 2)) : undefined;
  if (isKst) {
    const c = chamberMayFollow(text, pos) ? at(CHAMBER_RE, text, pos) : null;
    if (c) {
      chamber = chamberOf(c[1]!);
      pos += c[0].length;
    }
  }
  let session: string | undefined;
  if (!isMotion) {
    const leadEnd = endOf(SESSION_LEAD_RE, text, pos);
    const s = parseSession(text, leadEnd);
    if (s) {
      session = s.id;
      pos = s.end;
    } else if (/ergaderjaar|itting/.test(text.slice(pos, leadEnd))) {
      return -1;
    }
  }
  if (isChamberWord && !session) return -1;
  const b = endOf(BEFORE_DOSSIER_RE, text, pos);
  if (b >= 0) pos = b;
  // Glued footnote or extraction artefacts aside, the dossier must start on a digit boundary.
  if (isDigitAt(text, pos - 1)) return -1;
  const d = parseDossier(text, pos, session !== undefined);
  if (!d) return -1;
  pos = d.end;
  const related: Dossier[] = [];
  for (let guard = 0; guard < 8; guard++) {
    const sep = endOf(RELATED_SEP_RE, text, pos);
    if (sep < 0) break;
    const r = parseDossier(text, sep, false);
    if (!r || r.dashed) break;
    related.push(r);
    pos = r.end;
  }
  const letters = chamber === 'I';
  const docs = parseDocs(text, pos, {
    keyword: !isMotion,
    spaced: session !== undefined,
    letters,
    spacedDash: true,
    sameLine: false,
  });
  const extras = extrasFor(chamber, session, related);
  if (docs.length) {
    return emitDocs(text, ctx.sink, d, docs, start, extras);
  }
  if (isKst && !d.dashed) {
    emitDossier(ctx.sink, d, start, d.end, extras);
    return d.end;
  }
  return -1;
}

/** The dash between the session and the dossier of the old style. */
const OLD_STYLE_DASH_RE = sticky(`${SP}${DASH}${SP}(?=\\d)`);
const OLD_STYLE_DOCS: DocsOptions = { keyword: false, letters: false, spacedDash: false, sameLine: false };

/**
 * "Zitting 1961-1962 – 6423, Nr. 5": the old style, the session first (`start` is "Zitting", `pos` its end), then
 * a dash, the dossier (three to five digits) and "Nr.". Returns the end of what was consumed, or -1.
 */
export function parseOldStyle(text: string, start: number, pos: number, ctx: DetectContext): number {
  const session = parseSession(text, endOf(SESSION_LEAD_RE, text, pos));
  if (!session) return -1;
  const dash = endOf(OLD_STYLE_DASH_RE, text, session.end);
  const d = dash >= 0 ? parseDossier(text, dash, true) : undefined;
  if (!d) return -1;
  const docs = parseDocs(text, d.end, OLD_STYLE_DOCS);
  if (!docs.length) return -1;
  return emitDocs(text, ctx.sink, d, docs, start, { sessionYear: session.id });
}

/** "nr." after a dossier ("36 600, nr. 5"), not a compact "30111-108". */
const NR_LEAD_RE = /[\s,;:]*[Nn]/y;
/** NR_LEAD_RE: its "N"/"n" after the spaces and punctuation. */
function nrLeadMayFollow(text: string, pos: number): boolean {
  let i = pos;
  let c = text.charCodeAt(i);
  while (isWsLike(c) || c === COMMA || c === SEMICOLON || c === COLON) c = text.charCodeAt(++i);
  return c === CAPITAL_N || c === SMALL_N;
}
gate(NR_LEAD_RE, nrLeadMayFollow);
/** A bill's title on the line before: "Wet …", "Wijziging van …", "Goedkeuring …", "… Omgevingswet". */
const BILL_TITLE_RE =
  /(?:^|[^\p{L}])(?:Wet|Wijziging|Regels|Goedkeuring|Voorstel|Rijkswet|Invoering|Aanpassing|Vaststelling|Intrekking|Tijdelijke|Verzamelwet|Machtiging|Initiatiefvoorstel)[^\p{L}]|\p{Ll}wet[^\p{L}]/u;

/** A bill's title within the 160 characters of the line before `end`. */
function billTitleBefore(text: string, end: number): boolean {
  const window = text.slice(Math.max(0, end - 160), end);
  return BILL_TITLE_RE.test(window.slice(window.lastIndexOf('\n') + 1));
}
const TKCONV_BEFORE_RE = /[ \t\u00a0][-\u2013][ \t\u00a0]$/;
const BRACKET_R_RE = sticky(`,${HS}{0,2}R${HS}?\\d{3,4}(?=\\))`);

/**
 * A dossier number without a keyword before it, at `pos` (the trigger found 5 digits or "NN NNN").
 * Returns the end consumed, or -1.
 */
export function parseBare(text: string, pos: number, ctx: DetectContext): number {
  const prev = pos > 0 ? text.charCodeAt(pos - 1) : SPACE;
  if (isWordAt(text, pos - 1) && !isLetterAt(text, pos - 1)) return -1;
  if ((prev === FULL_STOP || prev === COMMA || prev === SLASH || prev === COLON) && isWordAt(text, pos - 2))
    return -1;
  if (isDashCode(prev) && isWordAt(text, pos - 2)) return -1;
  const gluedLetter = isLetterAt(text, pos - 1);
  const d = parseDossier(text, pos, false);
  if (!d) return -1;
  // Glued to a word: only "dossier22 054"-style extraction artefacts are cited that way.
  if (gluedLetter && !/dossier$/i.test(text.slice(Math.max(0, pos - 7), pos))) return -1;
  const docs = parseDocs(text, d.end, BARE_DOCS);
  if (docs.length) {
    // Compact form "30111-108" only for an unspaced five-digit dossier; "nr." forms for any.
    const nrLead = nrLeadMayFollow(text, d.end) ? endOf(NR_LEAD_RE, text, d.end) : -1;
    const compact = !(nrLead >= 0 && nrLead <= docs[0]!.start);
    const lead = d.num.charCodeAt(0);
    if (compact && (d.spaced || d.dashed || !(lead >= DIGIT_1 && lead <= DIGIT_3))) return -1;
    if (d.dashed && !d.suffix) return -1;
    return emitDocs(text, ctx.sink, d, docs, pos);
  }
  if (d.dashed) return -1;
  // Dossier only: a rijkswet number, a bracketed bill reference, or a tkconv activity line.
  const before = text.charCodeAt(pos - 1);
  let end = d.end;
  const br = endOf(BRACKET_R_RE, text, end);
  if (br >= 0) end = br;
  const after = text.charCodeAt(end);
  // A bill reference "Wijziging van de Wet … (34630)", "Wet modernisering ondernemingsrecht (34 911)": a dossier
  // right after a word, not a bracketed figure in a table; a spaced one ("(25 000)") only after a bill's title.
  if (
    before === LEFT_PAREN &&
    after === RIGHT_PAREN &&
    (d.rnum ||
      br >= 0 ||
      (/[1-3]/.test(d.num[0]!) &&
        /[A-Za-z\u00c0-\u024f).,'’”»][ \t\u00a0]*$/.test(text.slice(Math.max(0, pos - 4), pos - 1)) &&
        (!d.spaced || billTitleBefore(text, pos - 1))))
  ) {
    emitDossier(ctx.sink, d, pos, end);
    return end;
  }
  if (d.rnum) {
    if (d.spaced && atLineStart(text, pos)) return -1; // masthead of an official publication
    emitDossier(ctx.sink, d, pos, d.end);
    return d.end;
  }
  if (!d.spaced && !d.suffix && TKCONV_BEFORE_RE.test(text.slice(Math.max(0, pos - 3), pos))) {
    const rest = text.slice(d.end, d.end + 3);
    if (/^[ \t\u00a0]*(?:\(|\r?\n|$)/.test(rest)) {
      emitDossier(ctx.sink, d, pos, d.end);
      return d.end;
    }
  }
  return -1;
}

const REVERSED_RE = sticky(
  `${NUMBER}\\.?${SP}(\\d{1,4})(?:${SP}\\((?=\\d)|${SP}(?:toegevoegd${SP}aan|van|in|bij|uit)${SP}(?:het${SP})?[Dd]ossier${HS}{0,2})`,
);
/** "nr. 712, was nr. 705 (": a renumbered document, its old number before the dossier in brackets. */
const RENUMBERED_RE = sticky(
  `${NUMBER}\\.?${SP}\\d{1,4},?${SP}(?:was|eerder|voorheen)${SP}${NUMBER}\\.?${SP}\\d{1,4}${SP}\\((?=\\d)`,
);
/** "-20)": a sub-dossier right before the closing bracket. */
const SUB_BEFORE_BRACKET_RE = sticky(`${DASH}\\d\\d(?=\\))`);

/** The first run of ASCII digits at or after `pos` (there is one: the caller's pattern matched it). */
function digitRunFrom(text: string, pos: number): { start: number; end: number } {
  let start = pos;
  while (!isDigitAt(text, start)) start++;
  let end = start;
  while (isDigitAt(text, end)) end++;
  return { start, end };
}

/**
 * A session glued to a dossier before "nr.": before the optional space, the last digit of the dossier or a capital
 * of its suffix; and a digit among the last ten characters.
 */
const GLUED_ROW_RE = gate(
  /((?:18|19|20)\d\d)-((?:18|19|20)\d\d)\d{5}(?:[-. ](?:[IVXL]{1,6}[A-Z]?|[A-Z]))?[ \u00a0]?$/,
  (text, end) => {
    let c = text.charCodeAt(end - 1);
    if (c === SPACE || c === NO_BREAK_SPACE) c = text.charCodeAt(end - 2);
    if (!((c >= DIGIT_0 && c <= DIGIT_9) || (c >= CAPITAL_A && c <= CAPITAL_Z))) return false;
    for (let k = Math.max(0, end - 10); k < end; k++) if (isDigitAt(text, k)) return true;
    return false;
  },
  { before: 24 },
);
function isHsTab(c: number): boolean {
  return c === SPACE || c === TAB || c === NO_BREAK_SPACE;
}
/** "… op stuk " before "nr.": the text before ends in "stuk" and spaces. */
const IMPLICIT_BEFORE_RE = gate(
  /(?:^|[^\p{L}])(?:op|Op|motie|Motie|amendement|Amendement|\()[ \t\u00a0]+stuk[ \t\u00a0]+$/u,
  (text, end) => {
    let i = end;
    while (i > 0 && end - i < 24 && isHsTab(text.charCodeAt(i - 1))) i--;
    return i < end && text.startsWith('stuk', i - 4);
  },
  { before: 24 },
);
const STUK_NR_RE = sticky(`${NUMBER}\\.?${HS}{0,3}`);

/**
 * At "nr."/"nrs."/"nummer" (`kw` is where the keyword starts): the reversed forms "nr. 346 (32847)" and
 * "nr. 475 toegevoegd aan dossier 23432", and "op stuk nr. 351" (implicit). Returns the end consumed or -1.
 */
export function parseAtNr(text: string, kw: number, ctx: DetectContext): number {
  // "…Staten-Generaal2016-201734700 nr. 19": a metadata row with the session glued to the dossier.
  const g = execBefore(GLUED_ROW_RE, text, kw);
  if (g && sessionId(g[1]!, g[2]!)) {
    const dStart = kw - g[0].length + 9;
    const d = parseDossier(text, dStart, false);
    if (d) {
      const docs = parseDocs(text, d.end, ROW_DOCS);
      if (docs.length) return emitDocs(text, ctx.sink, d, docs, kw - g[0].length);
    }
  }
  const reversed = endOf(REVERSED_RE, text, kw);
  const renumbered = reversed < 0 ? endOf(RENUMBERED_RE, text, kw) : -1;
  const p = reversed >= 0 ? reversed : renumbered;
  if (p >= 0) {
    const d = parseDossier(text, p, false);
    if (d && !d.dashed) {
      const bracketed = text.charCodeAt(p - 1) === LEFT_PAREN;
      let end = d.end;
      if (bracketed) {
        // "(21501-20)": a sub-dossier that only the closing bracket tells from a document number.
        const sub =
          d.sub === undefined && !d.suffix && !d.rnum ? endOf(SUB_BEFORE_BRACKET_RE, text, end) : -1;
        if (sub >= 0) {
          d.sub = text.slice(sub - 2, sub);
          end = sub;
        }
        if (text.charCodeAt(end) !== RIGHT_PAREN) return -1;
        end += 1;
      }
      // The document number is the first run of digits in the match (the keyword has none).
      const prefix = `${dossierKey(d)}-`;
      const first = digitRunFrom(text, kw);
      if (renumbered < 0) {
        emit(ctx.sink, 'kamerstuk', prefix + digitsValue(text, first.start, first.end), kw, end);
        return end;
      }
      // "nr. 712, was nr. 705 (21501-20)": the new number and the old one, two documents of the dossier.
      emit(ctx.sink, 'kamerstuk', prefix + digitsValue(text, first.start, first.end), kw, first.end);
      const second = digitRunFrom(text, first.end);
      let wasStart = first.end;
      while (!isLetterAt(text, wasStart)) wasStart++;
      emit(ctx.sink, 'kamerstuk', prefix + digitsValue(text, second.start, second.end), wasStart, end);
      return end;
    }
  }
  if (execBefore(IMPLICIT_BEFORE_RE, text, kw)) {
    const before = text.slice(Math.max(0, kw - 24), kw);
    const nrEnd = endOf(STUK_NR_RE, text, kw);
    if (nrEnd >= 0) {
      const docs = readNumList(text, nrEnd, false);
      if (docs.length) {
        const stuk = before.lastIndexOf('stuk');
        const start = kw - (before.length - stuk);
        const end = docs[docs.length - 1]!.end;
        ctx.implicit.push({ start, end, docs });
        return end;
      }
    }
  }
  return -1;
}

const KST_ID_RE = sticky(`KST(\\d{5})([IVXL]{1,7}|[A-Z])?(\\d{1,4})(?![${LETTER}\\d])`);
const KST_LOWER_RE = sticky(
  `kst-(\\d{3,5})(?:-(\\d\\d)(?=-))?(?:-([IVXL]{1,7}[A-Z]?|[A-Z]))?(?:-(\\d{1,4}|[A-Z]{1,3}))?(?![${LETTER}\\d]|-\\d)`,
);

/** "KST23432475" or "kst-22054-418" starting at `start`. */
export function parseKstId(text: string, start: number, ctx: DetectContext): number {
  if (isWordAt(text, start - 1) || inUrlAt(text, start)) return -1;
  let m = at(KST_ID_RE, text, start);
  if (m) {
    const id = `kst-${m[1]}${m[2] ? `-${m[2]}` : ''}-${Number(m[3])}`;
    emit(ctx.sink, 'kamerstuk', id, start, start + m[0].length);
    return start + m[0].length;
  }
  m = at(KST_LOWER_RE, text, start);
  if (m && (m[4] !== undefined || m[3] !== undefined || m[1]!.length === 5)) {
    emit(ctx.sink, 'kamerstuk', m[0], start, start + m[0].length);
    return start + m[0].length;
  }
  return -1;
}
