/**
 * The keywords the digit trigger looks for before a number, in two shapes that match the same text:
 * - KEYWORDS: the reference pattern, one capturing group per keyword group (in priority order), which tells the
 *   dispatcher which recognizer to call;
 * - FAST_KEYWORDS: every keyword written out and merged by their last characters, without groups. Inside the
 *   trigger's lookbehind it is matched backwards, so merged last characters let most digits fail after a
 *   character or two instead of trying every keyword in turn.
 * A unit test checks on generated text that the two match exactly the same way.
 */

import { isWsLike } from './text';

/** Separators between a keyword and its number. */
export const KW_SEP = '[\\s\\u200b.,:;(|]';

/** A KW_SEP character (isWsLike is exactly [\s\u200b]; tested). */
export function isKwSepCode(c: number): boolean {
  return isWsLike(c) || c === 0x2e || c === 0x2c || c === 0x3a || c === 0x3b || c === 0x28 || c === 0x7c;
}

/** No letter before the keyword (it starts a word). */
export const NOT_LETTER = '(?<![A-Za-z\\u00c0-\\u024f])';

interface KeywordGroup {
  /** The keyword must start a word. */
  word: boolean;
  /** The group as a pattern. */
  pattern: string;
  /** Every string the pattern matches. */
  forms: string[];
}

/** Keyword groups in priority order (their capturing groups in KEYWORDS are numbered 1…7 in this order). */
export const KEYWORD_GROUPS: readonly KeywordGroup[] = [
  {
    word: false,
    pattern: `[Rr]esoluti(?:es?|ons?)|UNSCR|[SA]/RES/`,
    forms: [
      ...['resolutie', 'resoluties', 'resolution', 'resolutions'],
      ...['Resolutie', 'Resoluties', 'Resolution', 'Resolutions', 'UNSCR', 'S/RES/', 'A/RES/'],
    ],
  },
  {
    word: true,
    pattern: `[Nn]rs?|NRS?|[Nn]ummers?|No`,
    forms: ['nr', 'Nr', 'nrs', 'Nrs', 'NR', 'NRS', 'nummer', 'Nummer', 'nummers', 'Nummers', 'No'],
  },
  {
    word: true,
    pattern: `Stb|Stcrt|Trb|Staatsblad|Staatscourant|Tractatenblad`,
    forms: ['Stb', 'Stcrt', 'Trb', 'Staatsblad', 'Staatscourant', 'Tractatenblad'],
  },
  {
    word: true,
    pattern: `[Kk]amerstuk(?:ken|dossier)?|KAMERSTUK(?:KEN)?|[Mm]otie|[Aa]mendement`,
    forms: [
      ...['kamerstuk', 'Kamerstuk', 'kamerstukken', 'Kamerstukken', 'kamerstukdossier', 'Kamerstukdossier'],
      ...['KAMERSTUK', 'KAMERSTUKKEN', 'motie', 'Motie', 'amendement', 'Amendement'],
    ],
  },
  {
    word: true,
    pattern: `II|I|EK|TK|Kamer|[Vv]ergaderjaar|[Zz]itting|[Hh]andelingen|HANDELINGEN|Hand|Staten-Generaal`,
    forms: [
      ...['II', 'I', 'EK', 'TK', 'Kamer', 'vergaderjaar', 'Vergaderjaar', 'zitting', 'Zitting'],
      ...['handelingen', 'Handelingen', 'HANDELINGEN', 'Hand', 'Staten-Generaal'],
    ],
  },
  {
    word: false,
    pattern: `[Vv]erordening|[Rr]ichtlijn|Regulation|Directive|\\((?:EU|EG|EEG|EC|EEC)\\)|Euratom\\)`,
    forms: [
      ...['verordening', 'Verordening', 'richtlijn', 'Richtlijn', 'Regulation', 'Directive'],
      ...['(EU)', '(EG)', '(EEG)', '(EC)', '(EEC)', 'Euratom)'],
    ],
  },
  {
    word: true,
    pattern: `KST|kst-|a?h-[te]k-`,
    forms: ['KST', 'kst-', 'ah-tk-', 'ah-ek-', 'h-tk-', 'h-ek-'],
  },
];

/** The reference keyword pattern, a capturing group per keyword group. */
export const KEYWORDS = KEYWORD_GROUPS.map((g) => `(${g.word ? NOT_LETTER : ''}(?:${g.pattern}))`).join('|');

function escape(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

interface SuffixNode {
  /** Longer keywords, by the character before this suffix. */
  next: Map<string, SuffixNode>;
  /** A keyword ends here: free-standing, must start a word, or both (by different groups). */
  any: boolean;
  word: boolean;
}

/**
 * An alternation of `forms` merged on their last characters: "motie|resolutie" becomes "(?:(?:…moti|resoluti)e)".
 * Matched backwards in a lookbehind, each character is compared once for all keywords that share it.
 */
export function suffixAlternation(forms: readonly (readonly [string, boolean])[]): string {
  const root: SuffixNode = { next: new Map(), any: false, word: false };
  for (const [form, word] of forms) {
    let node = root;
    for (let i = form.length - 1; i >= 0; i--) {
      const c = form[i]!;
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map(), any: false, word: false }));
      node = child;
    }
    if (word) node.word = true;
    else node.any = true;
  }
  const emit = (node: SuffixNode): string => {
    const alts: string[] = [];
    // A free-standing keyword that ends here makes any longer one redundant.
    if (node.any) return '';
    for (const [c, child] of node.next) alts.push(`${emit(child)}${escape(c)}`);
    if (node.word) alts.push(NOT_LETTER);
    return alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
  };
  return emit(root);
}

/** KEYWORDS without groups, merged on the last characters; matches exactly where KEYWORDS matches. */
export const FAST_KEYWORDS = suffixAlternation(
  KEYWORD_GROUPS.flatMap((g) => g.forms.map((f) => [f, g.word] as const)),
);

interface KeywordForm {
  /** 1…7: the keyword group, numbered as the groups of KEYWORDS. */
  group: number;
  form: string;
  word: boolean;
}

/**
 * Forms by their last two characters, in priority order (group order, then the order of the forms): slot
 * `last * 0x81 + before` for ASCII characters, where slot `last * 0x81 + 0x80` stands for any other character
 * before (or none); a form of one character is in every slot of its character. Read for every digit the trigger
 * finds, where most words before a number end like no keyword: one array read turns them away.
 */
const FORMS_BY_END = new Array<KeywordForm[] | undefined>(0x80 * 0x81).fill(undefined);
KEYWORD_GROUPS.forEach((g, i) => {
  for (const form of g.forms) {
    const last = form.charCodeAt(form.length - 1);
    const before = form.length > 1 ? form.charCodeAt(form.length - 2) : -1;
    if (last >= 0x80 || before >= 0x80) throw new Error(`keyword form ${form} must end in ASCII characters`);
    const entry: KeywordForm = { group: i + 1, form, word: g.word };
    for (let b = 0; b <= 0x80; b++) {
      if (before < 0 || b === before) (FORMS_BY_END[last * 0x81 + b] ??= []).push(entry);
    }
  }
});

function isNotLetterRe(c: number): boolean {
  // NOT_LETTER: not [A-Za-z\u00c0-\u024f] (NaN before the start of the text counts as no letter).
  return !((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f));
}

/** Where keywordBefore writes the group and the start of the keyword it found. */
export interface FoundKeyword {
  group: number;
  start: number;
}

/**
 * The keyword KEYWORDS matches as ending at `end`, as the capture its first matching group would hold: the form,
 * with its group and start in `found`; undefined if none. (Where two forms of a group could both end there, one is a
 * suffix of the other — "ah-tk-"/"h-tk-", "II"/"I" — and the longer is listed first, as the pattern tries it.)
 */
export function keywordBefore(text: string, end: number, found: FoundKeyword): string | undefined {
  const last = text.charCodeAt(end - 1);
  if (!(last < 0x80)) return undefined;
  const before = text.charCodeAt(end - 2);
  const list = FORMS_BY_END[last * 0x81 + (before < 0x80 ? before : 0x80)];
  if (list === undefined) return undefined;
  for (let i = 0; i < list.length; i++) {
    const k = list[i]!;
    const start = end - k.form.length;
    if (start < 0 || !text.startsWith(k.form, start)) continue;
    if (k.word && !isNotLetterRe(text.charCodeAt(start - 1))) continue;
    found.group = k.group;
    found.start = start;
    return k.form;
  }
  return undefined;
}

/**
 * The keyword of the digit trigger's lookbehind (`FAST_KEYWORDS(?<!KW_SEP)KW_SEP{0,8}` before the digit at `p`):
 * it ends before the separators, at most 8, before the digit. As keywordBefore.
 */
export function keywordBeforeDigit(text: string, p: number, found: FoundKeyword): string | undefined {
  let q = p;
  while (q > p - 8 && q > 0 && isKwSepCode(text.charCodeAt(q - 1))) q--;
  return keywordBefore(text, q, found);
}
