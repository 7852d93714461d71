/**
 * Full-text search, filters and grouping over saved notes, for the notes list and side panel.
 *
 * Each note gets one precomputed haystack (note text, quote, tags, page title, citation id, site),
 * folded to lower case without diacritics, so a keystroke costs one substring test per note and
 * query term: well under a frame for 10,000 notes. Keep one `AnnotationSearchIndex` per list view
 * and `upsert`/`remove` as notes change instead of rebuilding it.
 */
import type { CitationKind } from '../citation';
import { quoteSelectorOf, type Annotation } from './model';

/** Lower case, diacritics removed ("Financiële" → "financiele"), any whitespace run → one space. */
export function foldText(value: string): string {
  // Plain ASCII (most notes) needs no Unicode decomposition.
  const decomposed = /[^ -~\s]/.test(value) ? value.normalize('NFD').replace(/\p{M}+/gu, '') : value;
  return decomposed.toLowerCase().replace(/\s+/g, ' ');
}

/** The site a page belongs to, for the site filter: its host name without a leading `www.`. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * Splits a query into folded terms; a double-quoted part is one term ("resolutie 1325" must occur
 * as a phrase). Every term must occur for a note to match.
 */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  const re = /"([^"]*)"?|(\S+)/g;
  for (let match = re.exec(query); match; match = re.exec(query)) {
    const term = foldText(match[1] ?? match[2] ?? '').trim();
    if (term) terms.push(term);
  }
  return terms;
}

export type KindFilter = CitationKind | 'passage';

export interface SearchQuery {
  /** Free text, matched against note text, quote, tags, page title, citation id and site. */
  text?: string;
  /** Every tag listed must be on the note (case-insensitive). */
  tags?: readonly string[];
  /** A site as `siteOf` gives it (`tweedekamer.nl`). */
  site?: string;
  /** A citation kind, or `passage` for notes on a plain text selection. */
  kind?: KindFilter;
  /** Notes in the trash are left out unless this is set. */
  includeDeleted?: boolean;
  /** At most this many results (the newest first). */
  limit?: number;
}

interface Entry {
  annotation: Annotation;
  haystack: string;
  tags: Set<string>;
  site: string;
}

function entryFor(annotation: Annotation): Entry {
  const site = siteOf(annotation.url);
  const parts = [
    annotation.body,
    quoteSelectorOf(annotation)?.exact ?? '',
    annotation.tags.join(' '),
    annotation.title,
    annotation.target.citationId ?? '',
    site,
  ];
  return {
    annotation,
    // U+0001 keeps a phrase from matching across two fields.
    haystack: parts.map(foldText).join('\u0001'),
    tags: new Set(annotation.tags.map((t) => foldText(t))),
    site,
  };
}

/** Newest edit first; ties by id so the order is stable. */
function compareNewest(a: Annotation, b: Annotation): number {
  if (a.updated !== b.updated) return a.updated < b.updated ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class AnnotationSearchIndex {
  private readonly entries = new Map<string, Entry>();
  private sorted: Entry[] | undefined;

  constructor(annotations: Iterable<Annotation> = []) {
    for (const annotation of annotations) this.entries.set(annotation.id, entryFor(annotation));
    this.ordered(); // sort now, not on the first keystroke
  }

  get size(): number {
    return this.entries.size;
  }

  upsert(annotation: Annotation): void {
    this.entries.set(annotation.id, entryFor(annotation));
    this.sorted = undefined;
  }

  remove(id: string): void {
    if (this.entries.delete(id)) this.sorted = undefined;
  }

  get(id: string): Annotation | undefined {
    return this.entries.get(id)?.annotation;
  }

  private ordered(): Entry[] {
    this.sorted ??= [...this.entries.values()].sort((a, b) => compareNewest(a.annotation, b.annotation));
    return this.sorted;
  }

  /** Matching notes, newest edit first. */
  search(query: SearchQuery = {}): Annotation[] {
    const terms = parseQuery(query.text ?? '');
    const tags = (query.tags ?? []).map((t) => foldText(t.trim())).filter(Boolean);
    const site = query.site?.toLowerCase().replace(/^www\./, '');
    const limit = query.limit ?? Infinity;
    const out: Annotation[] = [];
    for (const entry of this.ordered()) {
      const a = entry.annotation;
      if (a.deletedAt !== undefined && !query.includeDeleted) continue;
      if (site !== undefined && entry.site !== site) continue;
      if (query.kind !== undefined) {
        if (
          query.kind === 'passage' ? a.target.citationId !== undefined : a.target.citationKind !== query.kind
        ) {
          continue;
        }
      }
      if (!tags.every((t) => entry.tags.has(t))) continue;
      if (!terms.every((t) => entry.haystack.includes(t))) continue;
      out.push(a);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Tags in use (trash excluded) with their counts, most used first: for the tag filter. */
  tags(): { tag: string; count: number }[] {
    const counts = new Map<string, { tag: string; count: number }>();
    for (const { annotation } of this.entries.values()) {
      if (annotation.deletedAt !== undefined) continue;
      for (const tag of annotation.tags) {
        const key = foldText(tag);
        const item = counts.get(key) ?? { tag, count: 0 };
        item.count++;
        counts.set(key, item);
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  /** Sites with notes (trash excluded) and their counts: for the site filter. */
  sites(): { site: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const { annotation, site } of this.entries.values()) {
      if (annotation.deletedAt === undefined) counts.set(site, (counts.get(site) ?? 0) + 1);
    }
    return [...counts]
      .map(([site, count]) => ({ site, count }))
      .sort((a, b) => b.count - a.count || a.site.localeCompare(b.site));
  }
}

export interface PageGroup {
  url: string;
  /** The title of the most recently edited note on the page. */
  title: string;
  site: string;
  /** Newest edit first. */
  annotations: Annotation[];
  lastUpdated: string;
}

export interface CitationGroup {
  citationId: string;
  kind?: CitationKind;
  annotations: Annotation[];
  /** Distinct pages the notes were written on. */
  pages: string[];
  lastUpdated: string;
}

/** Notes grouped per page; groups ordered by their newest note. */
export function groupByPage(annotations: readonly Annotation[]): PageGroup[] {
  const groups = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = groups.get(a.url);
    if (list) list.push(a);
    else groups.set(a.url, [a]);
  }
  return [...groups]
    .map(([url, list]) => {
      list.sort(compareNewest);
      const newest = list[0]!;
      return { url, title: newest.title, site: siteOf(url), annotations: list, lastUpdated: newest.updated };
    })
    .sort((a, b) =>
      a.lastUpdated < b.lastUpdated ? 1 : a.lastUpdated > b.lastUpdated ? -1 : a.url.localeCompare(b.url),
    );
}

/**
 * Notes on citations grouped by citation id ("every note about resolution 1325, wherever it was
 * written"); notes on plain passages are left out. Groups ordered by their newest note.
 */
export function groupByCitation(annotations: readonly Annotation[]): CitationGroup[] {
  const groups = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const id = a.target.citationId;
    if (id === undefined) continue;
    const list = groups.get(id);
    if (list) list.push(a);
    else groups.set(id, [a]);
  }
  return [...groups]
    .map(([citationId, list]) => {
      list.sort(compareNewest);
      const group: CitationGroup = {
        citationId,
        annotations: list,
        pages: [...new Set(list.map((a) => a.url))],
        lastUpdated: list[0]!.updated,
      };
      const kind = list.find((a) => a.target.citationKind !== undefined)?.target.citationKind;
      if (kind !== undefined) group.kind = kind;
      return group;
    })
    .sort((a, b) =>
      a.lastUpdated < b.lastUpdated
        ? 1
        : a.lastUpdated > b.lastUpdated
          ? -1
          : a.citationId.localeCompare(b.citationId),
    );
}
