/** What the notes shown cite, for the facts on their cards and headers and for the references export. */
import type { Annotation } from '../../core/annotations/model';
import { quoteSelectorOf } from '../../core/annotations/model';
import { detectCitations } from '../../core/detect';

/** The citations in a note's quote, kept per note object: a search's results are the same objects, detected once. */
const quotedIds = new WeakMap<Annotation, string[]>();

function idsInQuote(note: Annotation): string[] {
  let ids = quotedIds.get(note);
  if (!ids) {
    ids = detectCitations(quoteSelectorOf(note)?.exact ?? '').map((citation) => citation.id);
    quotedIds.set(note, ids);
  }
  return ids;
}

/**
 * Ids cited by the notes, in the order shown, each once: each note's cited id and, with `quotes`, the
 * citations in the passage it quotes (for the references export; the first screen does without them).
 */
export function citedIds(notes: readonly Annotation[], { quotes = true } = {}): string[] {
  const ids = new Set<string>();
  for (const note of notes) {
    if (note.target.citationId) ids.add(note.target.citationId);
    if (quotes) for (const id of idsInQuote(note)) ids.add(id);
  }
  return [...ids];
}

/**
 * The words around each note's cited id, as a page's lookup sends them: the quote with the text saved
 * before and after it ("… van het lid Boswijk c.s. …" tells which 36 600, nr. 46 is meant).
 */
export function citedContexts(notes: readonly Annotation[]): Record<string, string> {
  const contexts: Record<string, string> = {};
  for (const note of notes) {
    const id = note.target.citationId;
    const quote = quoteSelectorOf(note);
    if (id && quote && contexts[id] === undefined)
      contexts[id] = `${quote.prefix}${quote.exact}${quote.suffix}`;
  }
  return contexts;
}
