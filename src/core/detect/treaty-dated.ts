/**
 * A treaty named by the place and date of its adoption: "het Verdrag van Wenen van 23 mei 1969", "het Protocol van
 * Genève van 8 juni 1977", "the Convention of Vienna of 23 May 1969". The places and dates come with the treaty
 * names (data/treaty-aliases.json, `adopted`); the treaty word of the text must be the head word of the treaty's
 * Dutch or English title ("Protocol" for "Aanvullend Protocol bij …"). Where several treaties share the word, place
 * and date (the two Additional Protocols of 8 June 1977) the form names none of them on its own, and nothing is
 * emitted.
 */
import { SMALL_A, SMALL_O, SMALL_T, SMALL_V } from './chars';
import { monthNumber } from './spellings';
import { HS, SP, at, codeAfterSpace, isWsLike, sticky } from './text';
import { nameKey } from './treaty-text';

export interface AdoptedTreaty {
  key: string;
  nl: string;
  en: string;
  adopted?: { date: string; places: string[] };
}

interface Candidate {
  key: string;
  /** Folded treaty words the titles start with ("protocol", "verdrag", "convention"). */
  heads: string[];
  /** Folded place names ("geneve", "geneva"). */
  places: string[];
}

/**
 * After the treaty word: "van|te|of" and a place of up to three words ("Genève", "New York", "Rio de Janeiro"),
 * then an optional "van|of|d.d.|on" and a date "23 mei 1969". Captures the place, day, month and year.
 */
const PLACE_DATE_RE = sticky(
  `${HS}{1,3}(?:van|te|of|at)${HS}{1,3}(\\p{Lu}[\\p{L}'’-]{1,24}(?:${HS}(?:de${HS})?\\p{Lu}[\\p{L}'’-]{1,24}){0,2})` +
    `${SP},?${SP}(?:(?:van|of|d\\.d\\.|on)${HS}{1,3})?(\\d{1,2})${HS}{1,3}(\\p{L}{3,9})${HS}{1,3}(\\d{4})(?!\\d)`,
  'u',
);

/** Candidates by adoption date ("1969-05-23"). */
export type DatedIndex = Map<string, Candidate[]>;

/** The index of the treaties with an adoption place and date; `words` are the treaty words (lower case). */
export function datedIndex(treaties: readonly AdoptedTreaty[], words: readonly string[]): DatedIndex {
  const index: DatedIndex = new Map();
  for (const t of treaties) {
    if (!t.adopted) continue;
    const heads = [headWord(t.nl, words), headWord(t.en, words)].filter((w): w is string => w !== undefined);
    const candidate: Candidate = { key: t.key, heads, places: t.adopted.places.map(nameKey) };
    const list = index.get(t.adopted.date);
    if (list) list.push(candidate);
    else index.set(t.adopted.date, [candidate]);
  }
  return index;
}

/** The first treaty word of a title, as a word or at the end of one ("Wapenhandelsverdrag" → verdrag). */
function headWord(title: string, words: readonly string[]): string | undefined {
  for (const w of title.toLowerCase().split(/[^\p{L}]+/u)) {
    const head = words.find((word) => w.endsWith(word));
    if (head) return head;
  }
  return undefined;
}

/**
 * The treaty named by `word` (folded, "verdrag") at text[start, wordEnd) and the place and date after it: its key
 * and the end of the date; undefined when no treaty, or more than one, fits.
 */
export function datedTreatyAt(
  index: DatedIndex,
  text: string,
  word: string,
  wordEnd: number,
): [end: number, key: string] | undefined {
  // "van"/"te"/"of"/"at" after a space: most treaty words are followed by something else.
  const c = codeAfterSpace(text, wordEnd, 3);
  if (
    !isWsLike(text.charCodeAt(wordEnd)) ||
    !(c === SMALL_V || c === SMALL_T || c === SMALL_O || c === SMALL_A)
  )
    return undefined;
  const m = at(PLACE_DATE_RE, text, wordEnd);
  if (!m) return undefined;
  const month = monthNumber(m[3]!);
  if (month === 0) return undefined;
  const date = `${m[4]}-${String(month).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  const place = nameKey(m[1]!);
  const fits = index.get(date)?.filter((c) => c.heads.includes(word) && c.places.includes(place));
  if (fits?.length !== 1) return undefined;
  return [wordEnd + m[0].length, fits[0]!.key];
}
