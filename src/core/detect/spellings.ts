/**
 * Words the recognizers read, each spelled in one place: the keyword table (registry.ts) and the recognizers'
 * patterns are made from these lists.
 */

/** Dutch month names, for dates before a Staatsblad number ("wet van 12 mei 2003, Stb. 201"). */
export const MONTHS_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** An alternation of `words` for a pattern (the words are plain letters, nothing to escape). */
export function alternation(words: readonly string[]): string {
  return `(?:${words.join('|')})`;
}

/** English month names, for dates in English treaty names ("Convention of Vienna of 23 May 1969"). */
export const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** The month (1–12) a Dutch or English month name names, any case; 0 for another word. */
export function monthNumber(word: string): number {
  const w = word.toLowerCase();
  const nl = (MONTHS_NL as readonly string[]).indexOf(w);
  return nl >= 0 ? nl + 1 : (MONTHS_EN as readonly string[]).indexOf(w) + 1;
}
