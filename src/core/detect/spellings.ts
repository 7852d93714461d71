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
