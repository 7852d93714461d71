import type { LookupResult } from '../core/dataset/types';
import { askBackground } from '../messaging/client';
import { MAX_CONTEXT_CHARS } from '../messaging/contract';
import type { PlacedCitation } from './citation-layer';
import type { LookupSource } from './tooltip/controller';

/**
 * Facts for the page's citations, fetched from the bundled dataset in one batch per scan. Online
 * enrichment (when switched on) is asked only for a citation whose tooltip is shown — the one the
 * user hovers or focuses — one at a time; the worker caps it per page.
 */
export class LookupCache implements LookupSource {
  private readonly results = new Map<string, LookupResult | null>();
  private readonly pending = new Set<string>();
  private readonly enrichAsked = new Set<string>();
  private readonly listeners: (() => void)[] = [];

  /** The tooltip asks this for the citation it shows. */
  resultFor(id: string): LookupResult | null | undefined {
    const result = this.results.get(id);
    if (result && result.kind === 'kamerstuk' && !result.known && !this.enrichAsked.has(id)) {
      this.enrichAsked.add(id);
      void this.enrich(id);
    }
    return result;
  }

  private async enrich(id: string): Promise<void> {
    try {
      const [result] = (await askBackground('lookup', { ids: [id], enrich: true })).results;
      if (!result?.known) return;
      this.results.set(id, result);
      for (const listener of this.listeners) listener();
    } catch (error) {
      console.warn('Bronwijzer: online lookup failed', error);
    }
  }

  onUpdate(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * Asks the background worker, in one message, for every id not yet known or on its way. `contexts`: page
   * text around citations whose id alone does not say which document is meant (see lookupContexts).
   */
  async fetch(ids: Iterable<string>, contexts: Record<string, string> = {}): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.results.has(id) && !this.pending.has(id));
    if (wanted.length === 0) return;
    for (const id of wanted) this.pending.add(id);
    try {
      const asked = Object.fromEntries(Object.entries(contexts).filter(([id]) => wanted.includes(id)));
      const { results } = await askBackground('lookup', { ids: wanted, contexts: asked });
      for (const result of results) this.results.set(result.id, result);
      for (const id of wanted) if (!this.results.has(id)) this.results.set(id, null); // malformed id
    } catch (error) {
      console.warn('Bronwijzer: lookup failed', error);
      for (const id of wanted) this.results.set(id, null);
    } finally {
      for (const id of wanted) this.pending.delete(id);
    }
    for (const listener of this.listeners) listener();
  }
}

/** A Kamerstuk document cited without its dossier suffix: `kst-36600-46`. */
const SUFFIXLESS_KAMERSTUK = /^kst-\d+-[1-9]\d{0,4}$/;

/**
 * The words around each suffixless Kamerstuk citation (its first occurrences, up to MAX_CONTEXT_CHARS),
 * so the worker can tell which of several documents with that number is meant. Other citations need none.
 */
export function lookupContexts(placed: readonly PlacedCitation[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of placed) {
    const id = item.citation.id;
    if (!SUFFIXLESS_KAMERSTUK.test(id)) continue;
    const more = item.surroundings(CONTEXT_EACH_SIDE);
    const joined = out[id] ? `${out[id]} … ${more}` : more;
    out[id] = joined.slice(0, MAX_CONTEXT_CHARS);
  }
  return out;
}

/** Characters read each side of a citation: its sentence or footnote. */
const CONTEXT_EACH_SIDE = 160;
