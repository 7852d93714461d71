// Placeholder until the dataset branch lands.
import type { CitationKind } from '../citation';
import { recordKeysFor } from '../ids';
import type { LookupResult, ReferenceRecord } from './types';

export function describe(id: string, recordFor: (key: string) => ReferenceRecord | undefined): LookupResult {
  const record = recordKeysFor(id).map(recordFor).find(Boolean);
  const kind = (record?.kind ?? id.split('-')[0]) as CitationKind;
  if (!record) return { id, kind, known: false, title: id, confidence: 'parsed', links: [] };
  return {
    id,
    kind,
    known: true,
    title: record.title,
    date: record.date,
    summary: record.summary,
    confidence: record.verification,
    links: [],
  };
}
