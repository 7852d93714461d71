/**
 * The machinery that finds a keyword right before a number, for the keyword groups of the registry (registry.ts).
 * Each group lists its spellings once (`forms`); from them come two patterns that match the same text:
 * - `reference`: one capturing group per keyword group, in priority order (the registry's order);
 * - `fast`: every form merged by its last characters, without groups. Inside the digit trigger's lookbehind it is
 *   matched backwards, so merged last characters let most digits fail after a character or two instead of trying
 *   every keyword in turn.
 * and `endingAt`, which answers from a table what `reference` would capture. Unit tests check on generated text that
 * all three agree.
 */
import {
  ASCII_END,
  CAPITAL_A,
  CAPITAL_Z,
  LATIN_A_GRAVE,
  LATIN_EXTENDED_B_END,
  COLON,
  COMMA,
  FULL_STOP,
  LEFT_PAREN,
  SEMICOLON,
  SMALL_A,
  SMALL_Z,
  VERTICAL_LINE,
} from './chars';
import { escapeForPattern } from './spellings';
import { isWsLike } from './text';

/** Separators between a keyword and its number. */
export const KW_SEP = '[\\s\\u200b.,:;(|]';

/** A KW_SEP character (isWsLike is exactly [\s\u200b]; tested). */
export function isKwSepCode(c: number): boolean {
  return (
    isWsLike(c) ||
    c === FULL_STOP ||
    c === COMMA ||
    c === COLON ||
    c === SEMICOLON ||
    c === LEFT_PAREN ||
    c === VERTICAL_LINE
  );
}

/** No letter before the keyword (it starts a word). */
export const NOT_LETTER = '(?<![A-Za-z\\u00c0-\\u024f])';

/** How a keyword group is spelled. */
export interface KeywordSpelling {
  /** The keyword must start a word. */
  word: boolean;
  /** Every spelling, each ending in two ASCII characters; where one ends another, the longer first. */
  forms: readonly string[];
}

/** One spelling of a group, as endingAt finds it. */
export interface KeywordForm<G> {
  group: G;
  /** 1… : the group's capturing group in `reference`. */
  groupNumber: number;
  form: string;
  word: boolean;
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
    for (const [c, child] of node.next) alts.push(`${emit(child)}${escapeForPattern(c)}`);
    if (node.word) alts.push(NOT_LETTER);
    return alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
  };
  return emit(root);
}

function isNotLetterRe(c: number): boolean {
  // NOT_LETTER: not [A-Za-z\u00c0-\u024f] (NaN before the start of the text counts as no letter).
  return !(
    (c >= CAPITAL_A && c <= CAPITAL_Z) ||
    (c >= SMALL_A && c <= SMALL_Z) ||
    (c >= LATIN_A_GRAVE && c < LATIN_EXTENDED_B_END)
  );
}

/** Slot of a form in the table by its last two characters (see KeywordTable). */
const SLOTS_PER_LAST = ASCII_END + 1;

export class KeywordTable<G extends KeywordSpelling> {
  /** The reference pattern, a capturing group per keyword group. */
  readonly reference: string;
  /** `reference` without groups, merged on the last characters; matches exactly where `reference` matches. */
  readonly fast: string;
  /**
   * Forms by their last two characters, in priority order (group order, then the order of the forms): slot
   * `last * SLOTS_PER_LAST + before` for ASCII characters, where slot `last * SLOTS_PER_LAST + ASCII_END` stands for any other character
   * before (or none); a form of one character is in every slot of its character. Read for every digit the trigger
   * finds, where most words before a number end like no keyword: one array read turns them away.
   */
  private readonly byEnd: (KeywordForm<G>[] | undefined)[];

  constructor(readonly groups: readonly G[]) {
    this.reference = groups
      .map((g) => `(${g.word ? NOT_LETTER : ''}(?:${g.forms.map(escapeForPattern).join('|')}))`)
      .join('|');
    this.fast = suffixAlternation(groups.flatMap((g) => g.forms.map((f) => [f, g.word] as const)));
    this.byEnd = new Array<KeywordForm<G>[] | undefined>(ASCII_END * SLOTS_PER_LAST).fill(undefined);
    groups.forEach((group, i) => {
      for (const form of group.forms) {
        const last = form.charCodeAt(form.length - 1);
        const before = form.length > 1 ? form.charCodeAt(form.length - 2) : -1;
        if (last >= ASCII_END || before >= ASCII_END)
          throw new Error(`keyword form ${form} must end in ASCII characters`);
        const entry: KeywordForm<G> = { group, groupNumber: i + 1, form, word: group.word };
        for (let b = 0; b <= ASCII_END; b++) {
          if (before < 0 || b === before) (this.byEnd[last * SLOTS_PER_LAST + b] ??= []).push(entry);
        }
      }
    });
  }

  /**
   * The keyword `reference` matches as ending at `end`, as the capture its first matching group would hold (where
   * two forms of a group could both end there, one is a suffix of the other — "ah-tk-"/"h-tk-", "II"/"I" — and the
   * longer is listed first, as the pattern tries it); undefined if none. It starts at `end - form.length`.
   */
  endingAt(text: string, end: number): KeywordForm<G> | undefined {
    const last = text.charCodeAt(end - 1);
    if (!(last < ASCII_END)) return undefined;
    const before = text.charCodeAt(end - 2);
    const list = this.byEnd[last * SLOTS_PER_LAST + (before < ASCII_END ? before : ASCII_END)];
    if (list === undefined) return undefined;
    for (let i = 0; i < list.length; i++) {
      const k = list[i]!;
      const start = end - k.form.length;
      if (start < 0 || !text.startsWith(k.form, start)) continue;
      if (k.word && !isNotLetterRe(text.charCodeAt(start - 1))) continue;
      return k;
    }
    return undefined;
  }
}

/**
 * Where a keyword before the digit at `p` would end: past the separators before the digit, at most 8, as the digit
 * trigger's lookbehind `…(?<!KW_SEP)KW_SEP{0,8}` reads them.
 */
export function keywordEndBeforeDigit(text: string, p: number): number {
  let q = p;
  while (q > p - 8 && q > 0 && isKwSepCode(text.charCodeAt(q - 1))) q--;
  return q;
}
