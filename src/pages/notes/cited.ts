/** What the notes shown cite, for the facts on their cards and headers and for the references export. */
import type { Annotation } from '../../core/annotations/model';
import { quoteSelectorOf } from '../../core/annotations/model';
import { detectCitations } from '../../core/detect';

/** A note's ids, kept per note object: a search's results are the same objects, detected once. */
const idsOfNote = new WeakMap<Annotation, string[]>();

function noteIds(note: Annotation): string[] {
  let ids = idsOfNote.get(note);
  if (!ids) {
    const quote = quoteSelectorOf(note)?.exact ?? '';
    ids = [note.target.citationId ?? [], detectCitations(quote).map((c) => c.id)].flat();
    idsOfNote.set(note, ids);
  }
  return ids;
}

/** Ids cited by the notes, in the order shown, each once: each note's cited id, and the citations in its quote. */
export function citedIds(notes: readonly Annotation[]): string[] {
  return [...new Set(notes.flatMap(noteIds))];
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
