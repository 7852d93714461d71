/**
 * The keyword phrase a Kamerstuk or Handelingen citation starts with, found by walking back over words from a
 * number or a chamber word: "Kamerstukken II 2019/20, 35 300" → "Kamerstukken", "Aanhangsel van de Handelingen",
 * "Bijl. Hand.", "Tweede Kamer, vergaderjaar …". The walk runs for most numbers in a text, so it reads words in
 * place: a word is looked up in a table by its length and first character and compared with startsWith; no
 * slice, no string hashing.
 */
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
  [HAND, ['Handelingen', 'handelingen', 'HANDELINGEN', 'Hand.']],
  [AANH, ['Aanhangsel', 'AANHANGSEL', 'Aanh.']],
  [BIJL, ['Bijl.', 'Bijlagen', 'Bijl']],
  [LINK, ['der', 'van', 'de', 'bij', 'tot']],
  [
    KST,
    [
      ...['Kamerstuk', 'kamerstuk', 'Kamerstukken', 'kamerstukken', 'Kamerstukdossier', 'kamerstukdossier'],
      ...['KAMERSTUK', 'KAMERSTUKKEN'],
    ],
  ],
  [
    FILLER,
    [
      ...['II', 'I', 'TK', 'EK', 'der', 'van', 'de', 'bij', 'Kamer', 'Tweede', 'Eerste', 'Staten-Generaal'],
      ...['vergaderjaar', 'Vergaderjaar', 'zitting', 'Zitting', 'Verenigde', 'Vergadering'],
    ],
  ],
  [HOUSE, ['Tweede', 'Eerste']],
  [TK_EK, ['TK', 'EK']],
];

/** Longest word wordBefore reads. */
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
  if (c >= 0x80) return 0;
  const list = BY_SHAPE[(end - start) * 128 + c];
  if (list === undefined) return 0;
  for (let i = 0; i < list.length; i++) if (text.startsWith(list[i]!.word, start)) return list[i]!.classes;
  return 0;
}

/** End of the word wordBefore found last (one variable, not a pair per call: the walk runs for most numbers). */
let wordEnd = 0;

/** The word before `end`, past spaces, commas and colons: its start, its end in wordEnd; or -1. */
function wordBefore(text: string, end: number): number {
  let i = end;
  const min = Math.max(0, end - 16);
  while (i > min) {
    const c = text.charCodeAt(i - 1);
    if (isSpaceCode(c) || c === 0x2c || c === 0x3a) i--;
    else break;
  }
  const we = i;
  while (i > 0 && i > we - MAX_WORD) {
    const c = text.charCodeAt(i - 1);
    if (isWordAt(text, i - 1) || c === 0x2d || (c === 0x2e && i === we)) i--;
    else break;
  }
  if (i === we) return -1;
  wordEnd = we;
  return i;
}

export type PrefixType = 'kst' | 'hand' | 'aanh';

/** The type of the prefix findPrefixStart found last (one variable, not a tuple per call). */
export let prefixType: PrefixType = 'kst';

/** Records the type of a prefix found at `start` and returns `start`. */
function prefixFound(start: number, type: PrefixType): number {
  prefixType = type;
  return start;
}

/** "Kamer" after "Tweede"/"Eerste", within eight characters. */
const KAMER_AFTER_RE = /[\s\u00a0]{1,3}Kamer/y;

/**
 * The start of the keyword phrase that ends at `end` ("Kamerstukken II", "Aanhangsel Handelingen"), its type in
 * prefixType; or -1.
 */
export function findPrefixStart(text: string, end: number): number {
  let pos = end;
  let tkAt = -1;
  let houseAt = -1;
  for (let step = 0; step < 9; step++) {
    const s = wordBefore(text, pos);
    if (s < 0) break;
    const cls = classOf(text, s, wordEnd);
    if (cls & HAND) {
      // "Aanhangsel (der|van de|bij de) Handelingen", "Aanh. Hand.", "Bijl. Hand."
      let q = s;
      for (let k = 0; k < 3; k++) {
        const b = wordBefore(text, q);
        if (b < 0) break;
        const before = classOf(text, b, wordEnd);
        if (before & AANH) return prefixFound(b, 'aanh');
        if (before & BIJL) return prefixFound(b, 'kst');
        if (!(before & LINK)) break;
        q = b;
      }
      return prefixFound(s, 'hand');
    }
    if (cls & KST) return prefixFound(s, 'kst');
    if (cls & HOUSE && houseAt < 0) {
      // "Tweede Kamer": a prefix, unless "Kamerstukken" comes before it ("Kamerstukken Tweede Kamer 2012/13").
      KAMER_AFTER_RE.lastIndex = wordEnd;
      if (KAMER_AFTER_RE.test(text)) houseAt = s;
    }
    if (cls & TK_EK && tkAt < 0) tkAt = s;
    if (!(cls & FILLER)) break;
    pos = s;
  }
  if (houseAt >= 0) return prefixFound(houseAt, 'kst');
  if (tkAt >= 0) return prefixFound(tkAt, 'kst');
  return -1;
}
