/**
 * Character classes and small helpers shared by the recognizers. Every regex here is either sticky (`y`,
 * anchored at a known position) or global over a cheap anchor, and every repetition is bounded, so no
 * pattern can backtrack beyond a small constant window.
 */
import {
  AMPERSAND,
  CARRIAGE_RETURN,
  DIGIT_0,
  DIGIT_9,
  EN_QUAD,
  EQUALS,
  FORM_FEED,
  GENERAL_PUNCTUATION_END,
  IDEOGRAPHIC_SPACE,
  LATIN_EXTENDED_B_END,
  LINE_TABULATION,
  MEDIUM_MATHEMATICAL_SPACE,
  NARROW_NO_BREAK_SPACE,
  OGHAM_SPACE_MARK,
  ZERO_WIDTH_NO_BREAK_SPACE,
  ZERO_WIDTH_SPACE,
  HORIZONTAL_BAR,
  HYPHEN,
  HYPHEN_MINUS,
  LINE_FEED,
  LINE_SEPARATOR,
  MINUS_SIGN,
  NON_BREAKING_HYPHEN,
  NO_BREAK_SPACE,
  NUMBER_SIGN,
  PARAGRAPH_SEPARATOR,
  QUESTION_MARK,
  SLASH,
  SPACE,
  TAB,
} from './chars';

/** Any whitespace, including line breaks, non-breaking, thin and zero-width spaces. */
const WS = '[\\s\\u200b]';
/** Whitespace inside one line. */
export const HS = '[^\\S\\n\\r\\u2028\\u2029]';
/** Letters for boundary checks inside character classes (Latin, Greek, Cyrillic; no `u` flag needed). */
export const LETTER =
  'A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u02af\\u0370-\\u03ff\\u0400-\\u052f';
/** Hyphen and dash characters (hyphen-minus, ‐ ‑ ‒ – — ―, minus). */
export const DASH = '[\\-\\u2010-\\u2015\\u2212]';
/** A short bounded run of whitespace: line breaks from PDF extraction fit, paragraphs of text do not. */
export const SP = `${WS}{0,8}`;
/** Mandatory bounded whitespace. */
export const SP1 = `${WS}{1,8}`;

export function sticky(source: string, flags = ''): RegExp {
  return new RegExp(source, `y${flags}`);
}

/**
 * A pattern run on a slice of the text before or after a position, with a gate: a cheap test on a character or
 * two that passes wherever the pattern can match, so neither the slice nor the pattern is made where it has no
 * chance. Every gate is listed in GATES; a unit test checks on generated text that no gate rejects a position
 * where its pattern matches. Sticky patterns at a position (no window: the gate is called before `endOf`/`at`)
 * get one only where they run at almost every number a text has and mostly fail: a failing sticky call still
 * costs ~15 ns in the regexp machinery, a character test ~1 ns once compiled.
 */
export interface Gate {
  re: RegExp;
  /** The pattern is anchored at its end and runs on the `before` characters up to `pos`. */
  before?: number;
  /** The pattern is anchored at its start and runs on the `after` characters from `pos`. */
  after?: number;
  pass: (text: string, pos: number) => boolean;
}

export const GATES: Gate[] = [];

export function gate(
  re: RegExp,
  pass: (text: string, pos: number) => boolean,
  window?: { before?: number; after?: number },
): Gate {
  const g: Gate = { re, pass, ...window };
  GATES.push(g);
  return g;
}

/** An end-anchored gated pattern on the text before `end`. */
export function execBefore(g: Gate, text: string, end: number): RegExpExecArray | null {
  return g.pass(text, end) ? g.re.exec(text.slice(Math.max(0, end - g.before!), end)) : null;
}

/** A start-anchored gated pattern on the text from `pos`. */
export function execAfter(g: Gate, text: string, pos: number): RegExpExecArray | null {
  return g.pass(text, pos) ? g.re.exec(text.slice(pos, pos + g.after!)) : null;
}

/** Runs a sticky regex at `pos`. */
export function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Runs a sticky regex at `pos` without building a match: the end of the match, or -1. */
export function endOf(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  return re.test(text) ? re.lastIndex : -1;
}

const LETTER_RE = /[\p{L}\p{N}\p{M}]/u;

/**
 * LETTER_RE for the characters below U+0250 (ASCII and the Latin letters with accents), as a table: word
 * boundaries are checked character by character all over the detector, and Dutch text is full of "é" and "ë".
 */
const LATIN_WORD = new Uint8Array(LATIN_EXTENDED_B_END);
for (let c = 0; c < LATIN_EXTENDED_B_END; c++) LATIN_WORD[c] = LETTER_RE.test(String.fromCharCode(c)) ? 1 : 0;

/** Letters and digits in any script (word characters for boundary checks). */
export function isWordCode(c: number): boolean {
  if (c < LATIN_EXTENDED_B_END) return LATIN_WORD[c] === 1;
  if (c >= EN_QUAD && c <= GENERAL_PUNCTUATION_END) return false;
  return LETTER_RE.test(String.fromCharCode(c));
}

export function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordCode(text.charCodeAt(i));
}

export function isLetterAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c >= DIGIT_0 && c <= DIGIT_9) return false;
  return isWordCode(c);
}

/** True when the character before `i` makes `i` part of a URL path or query ("…/kst-…", "?id=2024Z…"). */
export function inUrlAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  return c === SLASH || c === EQUALS || c === QUESTION_MARK || c === AMPERSAND || c === NUMBER_SIGN;
}

/**
 * The value of the ASCII digits from `start` to `end` (a few: a document or resolution number, a year), read
 * without a slice or a match array.
 */
export function digitsValue(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + text.charCodeAt(i) - DIGIT_0;
  return n;
}

export function isDigitAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c >= DIGIT_0 && c <= DIGIT_9;
}

export function isSpaceCode(c: number): boolean {
  return (
    c === SPACE ||
    c === TAB ||
    c === LINE_FEED ||
    c === CARRIAGE_RETURN ||
    c === NO_BREAK_SPACE ||
    c === LINE_TABULATION ||
    c === FORM_FEED ||
    (c >= EN_QUAD && c <= ZERO_WIDTH_SPACE) ||
    c === LINE_SEPARATOR ||
    c === PARAGRAPH_SEPARATOR ||
    c === NARROW_NO_BREAK_SPACE ||
    c === MEDIUM_MATHEMATICAL_SPACE ||
    c === IDEOGRAPHIC_SPACE ||
    c === ZERO_WIDTH_NO_BREAK_SPACE
  );
}

/**
 * Every character `[\s\u200b]` (WS) matches, and a few more: for quick checks that decide whether a pattern
 * starting with WS can match at all. Such a check may pass where the pattern fails, never the reverse.
 */
export function isWsLike(c: number): boolean {
  return isSpaceCode(c) || c === OGHAM_SPACE_MARK;
}

/** The last character before `end` that is not WS-like, looking at most `max` characters back; NaN if none. */
export function codeBeforeSpace(text: string, end: number, max: number): number {
  const stop = Math.max(0, end - max);
  let i = end;
  while (i > stop && isWsLike(text.charCodeAt(i - 1))) i--;
  return text.charCodeAt(i - 1);
}

/** The first character at or after `pos` that is not WS-like, looking at most `max` characters on; NaN if none. */
export function codeAfterSpace(text: string, pos: number, max: number): number {
  const stop = Math.min(text.length, pos + max);
  let i = pos;
  while (i < stop && isWsLike(text.charCodeAt(i))) i++;
  return text.charCodeAt(i);
}

/** A hyphen inside a compound word: hyphen-minus, hyphen, non-breaking hyphen. */
function isHyphenCode(c: number): boolean {
  return c === HYPHEN_MINUS || c === HYPHEN || c === NON_BREAKING_HYPHEN;
}

export function isDashCode(c: number): boolean {
  return c === HYPHEN_MINUS || (c >= HYPHEN && c <= HORIZONTAL_BAR) || c === MINUS_SIGN;
}

/**
 * Start of the word that ends at `end`, looking at most `maxLen` characters back: letters and digits, and with
 * `compounds` inner hyphens too ("VN-Veiligheidsraadresolutie").
 */
export function wordStartBefore(text: string, end: number, maxLen = 60, compounds = true): number {
  let i = end;
  const min = Math.max(0, end - maxLen);
  while (i > min) {
    const c = text.charCodeAt(i - 1);
    if (isWordCode(c)) {
      i--;
    } else if (compounds && isHyphenCode(c) && i - 2 >= min && isWordAt(text, i - 2)) {
      i--;
    } else {
      break;
    }
  }
  return i;
}

/** Position after skipping whitespace backwards from `pos` (bounded). */
export function skipSpaceBack(text: string, pos: number, max = 8): number {
  let i = pos;
  const min = Math.max(0, pos - max);
  while (i > min && isSpaceCode(text.charCodeAt(i - 1))) i--;
  return i;
}

/** True when a line break lies between `from` and `to`. */
export function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LINE_FEED || c === CARRIAGE_RETURN || c === LINE_SEPARATOR || c === PARAGRAPH_SEPARATOR)
      return true;
  }
  return false;
}

/** True when `pos` is at the start of a line (only whitespace before it on its line). */
export function atLineStart(text: string, pos: number): boolean {
  let i = pos - 1;
  const min = Math.max(0, pos - 40);
  while (i >= min) {
    const c = text.charCodeAt(i);
    if (c === LINE_FEED || c === CARRIAGE_RETURN || c === LINE_SEPARATOR || c === PARAGRAPH_SEPARATOR)
      return true;
    if (!isSpaceCode(c)) return false;
    i--;
  }
  return i < 0;
}

const ROMAN_RE = /^(?:L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** Valid Roman numeral (1–89) as used for budget chapters. */
export function isRoman(s: string): boolean {
  return s.length > 0 && ROMAN_RE.test(s);
}

/** "2019" + "20"/"2020"/"202" (typo) → "20192020"; undefined when the years are not consecutive. */
export function sessionId(first: string, second: string): string | undefined {
  const y1 = Number(first);
  if (!(y1 >= 1800 && y1 <= 2099)) return undefined;
  const next = String(y1 + 1);
  if (second.length === 4) {
    if (second !== next) return undefined;
  } else if (second.length === 2) {
    if (second !== next.slice(2)) return undefined;
  } else if (second.length === 3) {
    // A dropped digit ("2022–203"): accept when it is the next year with one digit missing.
    const ok = [0, 1, 2, 3].some((k) => next.slice(0, k) + next.slice(k + 1) === second);
    if (!ok) return undefined;
  } else {
    return undefined;
  }
  return `${first}${next}`;
}

export function plausibleYear(y: number, min = 1800, max = 2099): boolean {
  return y >= min && y <= max;
}
