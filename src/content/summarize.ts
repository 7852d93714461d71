import type { PageCitation } from '../messaging/contract';
import type { PlacedCitation } from './citation-layer';

/**
 * The placed citations, one entry per distinct id, as the popup lists them. `own`: the ids of the page's own
 * document (shown as "This document"); `contexts`: the words around suffixless Kamerstukken, so the popup's
 * lookup (and export) infers as the tooltip does.
 */
export function summarize(
  items: readonly Pick<PlacedCitation, 'citation' | 'text'>[],
  own: ReadonlySet<string> = new Set(),
  contexts: Readonly<Record<string, string>> = {},
): PageCitation[] {
  const byId = new Map<string, PageCitation>();
  for (const { citation, text } of items) {
    const entry = byId.get(citation.id);
    if (entry) entry.occurrences += 1;
    else {
      const summary: PageCitation = { id: citation.id, kind: citation.kind, text, occurrences: 1 };
      if (own.has(citation.id)) summary.thisDocument = true;
      const context = contexts[citation.id];
      if (context) summary.context = context;
      byId.set(citation.id, summary);
    }
  }
  return [...byId.values()];
}
