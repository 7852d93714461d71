/**
 * How treaty names are compared, shared by the detector (src/core/detect/treaties.ts) and by the builder of the
 * precomputed matcher index in data/treaty-aliases.json (src/core/detect/treaty-index.ts): character folding,
 * name keys and word stems.
 */
import {
  ASCII_END,
  CAPITAL_A,
  CAPITAL_Z,
  DIGIT_0,
  DIGIT_9,
  HORIZONTAL_BAR,
  HYPHEN,
  LATIN_EXTENDED_B_END,
  LEFT_SINGLE_QUOTATION_MARK,
  MINUS_SIGN,
  RIGHT_SINGLE_QUOTATION_MARK,
  SMALL_A,
  SMALL_Z,
} from './chars';
import { isSpaceCode, isWordCode } from './text';

/** fold(): a separator that names may contain (space, hyphen, bracket…); skipped. */
export const SEP = -1;
/** fold(): a character no name contains; ends a match. */
export const STOP = -2;

const FOLD = new Int32Array(LATIN_EXTENDED_B_END).fill(STOP);
(() => {
  for (let c = DIGIT_0; c <= DIGIT_9; c++) FOLD[c] = c;
  for (let c = SMALL_A; c <= SMALL_Z; c++) FOLD[c] = c;
  for (let c = CAPITAL_A; c <= CAPITAL_Z; c++) FOLD[c] = c + 32;
  const groups: [string, string][] = [
    ['a', 'àáâãäåÀÁÂÃÄÅāĀăĂąĄ'],
    ['c', 'çÇćĆčČ'],
    ['e', 'èéêëÈÉÊËēĒėĖęĘěĚ'],
    ['i', 'ìíîïÌÍÎÏīĪįĮ'],
    ['n', 'ñÑńŃňŇ'],
    ['o', 'òóôõöøÒÓÔÕÖØōŌőŐ'],
    ['u', 'ùúûüÙÚÛÜūŪůŮűŰ'],
    ['y', 'ýÿÝŸ'],
    ['s', 'śŚšŠşŞ'],
    ['z', 'źŹżŻžŽ'],
  ];
  for (const [to, from] of groups) for (const ch of from) FOLD[ch.charCodeAt(0)] = to.charCodeAt(0);
  for (const ch of " \t\n\r\u00a0-(),'/") FOLD[ch.charCodeAt(0)] = SEP;
})();

/** A character folded for name comparison: lower case without accents, SEP, or STOP. */
export function fold(c: number): number {
  if (c < LATIN_EXTENDED_B_END) return FOLD[c]!;
  if (
    isSpaceCode(c) ||
    (c >= HYPHEN && c <= HORIZONTAL_BAR) ||
    c === LEFT_SINGLE_QUOTATION_MARK ||
    c === RIGHT_SINGLE_QUOTATION_MARK ||
    c === MINUS_SIGN
  )
    return SEP;
  if (isWordCode(c)) return String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return STOP;
}

function isAsciiAlnum(c: number): boolean {
  return (
    (c >= DIGIT_0 && c <= DIGIT_9) || (c >= CAPITAL_A && c <= CAPITAL_Z) || (c >= SMALL_A && c <= SMALL_Z)
  );
}

/** Normalized key of a name: folded letters and digits only. */
export function nameKey(s: string): string {
  // A word of ASCII letters and digits (most words) folds to its lower case: one string, not one per character.
  let n = 0;
  while (n < s.length && isAsciiAlnum(s.charCodeAt(n))) n++;
  if (n === s.length) return s.toLowerCase();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const f = fold(s.charCodeAt(i));
    if (f >= 0) out += String.fromCharCode(f);
  }
  return out;
}

export const STOPWORDS = new Set(
  (
    'inzake betreffende tegen voor over tussen door naar bij van het een der des den de en of ter tot met op aan in ' +
    'and the for against relating concerning with from into on of to in by other their all alle andere deze welke zoals'
  ).split(' '),
);

export function stem(w: string): string {
  // Without a final "en", "e" or "s", at most seven characters.
  const cut = w.endsWith('en') ? 2 : w.endsWith('e') || w.endsWith('s') ? 1 : 0;
  return w.slice(0, Math.min(7, w.length - cut));
}

const UPPER_RE = /^\p{Lu}/u;

/** Whether a UTF-16 code unit on its own is an upper-case letter (\p{Lu}; a lone surrogate is not). */
export function isUpperCode(c: number): boolean {
  if (c < ASCII_END) return c >= CAPITAL_A && c <= CAPITAL_Z;
  return UPPER_RE.test(String.fromCharCode(c));
}
