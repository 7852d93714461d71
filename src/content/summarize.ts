import type { PageCitation } from '../messaging/contract';
import type { PlacedCitation } from './citation-layer';

/** The placed citations, one entry per distinct id, as the popup lists them. */
export function summarize(items: readonly Pick<PlacedCitation, 'citation' | 'text'>[]): PageCitation[] {
  const byId = new Map<string, PageCitation>();
  for (const { citation, text } of items) {
    const entry = byId.get(citation.id);
    if (entry) entry.occurrences += 1;
    else byId.set(citation.id, { id: citation.id, kind: citation.kind, text, occurrences: 1 });
  }
  return [...byId.values()];
}
