/**
 * The references of the notes shown, for a reference manager: each note's cited id, and the citations in
 * the passage it quotes. Self-contained: it takes the notes and looks their ids up in one batch.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Annotation } from '../../core/annotations/model';
import type { LookupResult } from '../../core/dataset/types';
import { detectCitations } from '../../core/detect';
import { askBackground } from '../../messaging/client';
import { t } from '../../ui/i18n';
import { ExportReferences } from '../shared/ExportReferences';

/** Ids cited by the notes, in the order shown, each once. */
export function citedIds(notes: readonly Annotation[]): string[] {
  const ids = new Set<string>();
  for (const note of notes) {
    if (note.target.citationId) ids.add(note.target.citationId);
    for (const selector of note.target.selectors)
      if (selector.type === 'TextQuoteSelector')
        for (const citation of detectCitations(selector.exact)) ids.add(citation.id);
  }
  return [...ids];
}

/** The worker answers at most 20,000 ids a request; a notes list never cites that many. */
const MAX_IDS = 20_000;

export function ReferencesExport({ notes }: { notes: readonly Annotation[] }) {
  const ids = citedIds(notes);
  const [results, setResults] = useState<Map<string, LookupResult>>(new Map());
  const key = ids.join(' ');
  useEffect(() => {
    const wanted = ids.filter((id) => !results.has(id));
    if (wanted.length === 0) return;
    void askBackground('lookup', { ids: wanted.slice(0, MAX_IDS) }).then(
      (answer) =>
        setResults((known) => new Map([...known, ...answer.results.map((r) => [r.id, r] as const)])),
      () => undefined,
    );
  }, [key]);
  return (
    <ExportReferences ids={ids} results={results} fileLabel="notities" heading={t('export_notes_heading')} />
  );
}
