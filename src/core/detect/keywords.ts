/**
 * The keywords the digit trigger looks for before a number, in two shapes that match the same text:
 * - KEYWORDS: the reference pattern, one capturing group per keyword group (in priority order), which tells the
 *   dispatcher which recognizer to call;
 * - FAST_KEYWORDS: every keyword written out and merged by their last characters, without groups. Inside the
 *   trigger's lookbehind it is matched backwards, so merged last characters let most digits fail after a
 *   character or two instead of trying every keyword in turn.
 * A unit test checks on generated text that the two match exactly the same way.
 */

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
    pattern: `II|I|EK|TK|[Vv]ergaderjaar|[Zz]itting|[Hh]andelingen|HANDELINGEN|Hand|Staten-Generaal`,
    forms: [
      ...['II', 'I', 'EK', 'TK', 'vergaderjaar', 'Vergaderjaar', 'zitting', 'Zitting'],
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
