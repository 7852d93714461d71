/**
 * The detector's trigger scans on their own, for `npm run bench`: each walks a whole text as detectCitations does
 * and returns its number of hits, so the benchmark can show what the scans cost beside the recognizers.
 */
import { capitalsRegex, TRIGGER_RE } from '../../src/core/detect/index';
import { getMatcher, treatyWordHits } from '../../src/core/detect/treaties';

function countHits(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.test(text)) n++;
  return n;
}

/** Digits after a keyword, dossier shapes and zaak/document numbers (TRIGGER_RE). */
export function digitTriggerHits(text: string): number {
  return countHits(TRIGGER_RE, text);
}

/** Treaty words (Wu–Manber, as detectCitations scans a text longer than WORD_REGEX_MAX). */
export function treatyWordHitCount(text: string): number {
  return treatyWordHits(getMatcher(), text).length / 2;
}

/** Treaty acronyms and ECLI prefixes. */
export function capitalHits(text: string): number {
  return countHits(capitalsRegex(), text);
}
