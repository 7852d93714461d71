/**
 * The keyword phrase a Kamerstuk or Handelingen citation starts with, found by walking back over words from a
 * number or a chamber word: "Kamerstukken II 2019/20, 35 300" → "Kamerstukken", "Aanhangsel van de Handelingen",
 * "Bijl. Hand.", "Tweede Kamer, vergaderjaar …". The walk runs for most numbers in a text, so it reads words in
 * place: a word is looked up in a table by its length and first character and compared with startsWith; no
 * slice, no string hashing.
 */
import { ASCII_END, COLON, COMMA, FULL_STOP, HYPHEN_MINUS } from './chars';
import { HANDELINGEN_WORDS, KAMERSTUK_WORDS, SESSION_WORDS } from './spellings';
import { isSpaceCode, isWordAt } from './text';

/** Word classes, as bits: a word may be in several (e.g. "TK" is a chamber and a filler). */
const HAND = 1;
const AANH = 2;
const BIJL = 4;
const LINK = 8;
const KST = 16;
const FILLER = 32;
/** "Tweede"/"Eerste", a Kamerstuk prefix when "Kamer" follows. */
const HOUSE = 64;
/** "TK"/"EK": a Kamerstuk prefix when nothing better is found further back. */
const TK_EK = 128;

const WORD_CLASSES: [number, readonly string[]][] = [
  [HAND, [...HANDELINGEN_WORDS, 'Hand.']],
  [AANH, ['Aanhangsel', 'AANHANGSEL', 'Aanh.']],
  [BIJL, ['Bijl.', 'Bijlagen', 'Bijl']],
  [LINK, ['der', 'van', 'de', 'bij', 'tot']],
  [KST, KAMERSTUK_WORDS],
  [
    FILLER,
    [
      ...['II', 'I', 'TK', 'EK', 'der', 'van', 'de', 'bij', 'Kamer', 'Tweede', 'Eerste', 'Staten-Generaal'],
      ...SESSION_WORDS,
      ...['Verenigde', 'Vergadering'],
    ],
  ],
  [HOUSE, ['Tweede', 'Eerste']],
  [TK_EK, ['TK', 'EK']],
];

/** Longest word wordStartAt reads. */
const MAX_WORD = 24;

/** Words by length and first character (ASCII): slot `length * 128 + code`, each with its class bits. */
const BY_SHAPE = new Array<{ word: string; classes: number }[] | undefined>((MAX_WORD + 1) * 128).fill(
  undefined,
);
for (const [cls, words] of WORD_CLASSES) {
  for (const word of words) {
    const slot = word.length * 128 + word.charCodeAt(0);
    const list = (BY_SHAPE[slot] ??= []);
    const known = list.find((e) => e.word === word);
    if (known) known.classes |= cls;
    else list.push({ word, classes: cls });
  }
}

/** The class bits of the word text[start, end), or 0 for a word in no class. */
function classOf(text: string, start: number, end: number): number {
  const c = text.charCodeAt(start);
  if (c >= ASCII_END) return 0;
  const list = BY_SHAPE[(end - start) * 128 + c];
  if (list === undefined) return 0;
  for (let i = 0; i < list.length; i++) if (text.startsWith(list[i]!.word, start)) return list[i]!.classes;
  return 0;
}

/** Past the spaces, commas and colons before `end` (at most 16 characters): where the word before ends. */
function skipSeparatorsBack(text: string, end: number): number {
  let i = end;
  const min = Math.max(0, end - 16);
  while (i > min) {
    const c = text.charCodeAt(i - 1);
    if (isSpaceCode(c) || c === COMMA || c === COLON) i--;
    else break;
  }
  return i;
}

/** The start of the word (letters, digits, hyphens, a final dot) that ends at `we`; `we` when there is none. */
function wordStartAt(text: string, we: number): number {
  let i = we;
  while (i > 0 && i > we - MAX_WORD) {
    const c = text.charCodeAt(i - 1);
    if (isWordAt(text, i - 1) || c === HYPHEN_MINUS || (c === FULL_STOP && i === we)) i--;
    else break;
  }
  return i;
}

export type PrefixType = 'kst' | 'hand' | 'aanh';

/** A keyword phrase: where it starts and what it leads, a Kamerstuk, Handelingen or Aanhangsel citation. */
export interface Prefix {
  start: number;
  type: PrefixType;
}

/** "Kamer" after "Tweede"/"Eerste", within eight characters. */
const KAMER_AFTER_RE = /[\s\u00a0]{1,3}Kamer/y;

/**
 * The keyword phrase that ends at `end` ("Kamerstukken II", "Aanhangsel Handelingen"), or undefined. It walks back
 * at most nine words.
 */
export function findPrefixStart(text: string, end: number): Prefix | undefined {
  let pos = end;
  let tkAt = -1;
  let houseAt = -1;
  for (let step = 0; step < 9; step++) {
    const we = skipSeparatorsBack(text, pos);
    const s = wordStartAt(text, we);
    if (s === we) break;
    const cls = classOf(text, s, we);
    if (cls & HAND) {
      // "Aanhangsel (der|van de|bij de) Handelingen", "Aanh. Hand.", "Bijl. Hand."
      let q = s;
      for (let k = 0; k < 3; k++) {
        const bwe = skipSeparatorsBack(text, q);
        const b = wordStartAt(text, bwe);
        if (b === bwe) break;
        const before = classOf(text, b, bwe);
        if (before & AANH) return { start: b, type: 'aanh' };
        if (before & BIJL) return { start: b, type: 'kst' };
        if (!(before & LINK)) break;
        q = b;
      }
      return { start: s, type: 'hand' };
    }
    if (cls & KST) return { start: s, type: 'kst' };
    if (cls & HOUSE && houseAt < 0) {
      // "Tweede Kamer": a prefix, unless "Kamerstukken" comes before it ("Kamerstukken Tweede Kamer 2012/13").
      KAMER_AFTER_RE.lastIndex = we;
      if (KAMER_AFTER_RE.test(text)) houseAt = s;
    }
    if (cls & TK_EK && tkAt < 0) tkAt = s;
    if (!(cls & FILLER)) break;
    pos = s;
  }
  if (houseAt >= 0) return { start: houseAt, type: 'kst' };
  if (tkAt >= 0) return { start: tkAt, type: 'kst' };
  return undefined;
}
