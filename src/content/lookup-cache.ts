import type { LookupResult } from '../core/dataset/types';
import { askBackground } from '../messaging/client';
import type { LookupSource } from './tooltip/controller';

/** Facts for the page's citations, fetched in one batch per scan. */
export class LookupCache implements LookupSource {
  private readonly results = new Map<string, LookupResult | null>();
  private readonly pending = new Set<string>();
  private readonly listeners: (() => void)[] = [];

  resultFor(id: string): LookupResult | null | undefined {
    return this.results.get(id);
  }

  onUpdate(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Asks the background worker, in one message, for every id not yet known or on its way. */
  async fetch(ids: Iterable<string>): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.results.has(id) && !this.pending.has(id));
    if (wanted.length === 0) return;
    for (const id of wanted) this.pending.add(id);
    try {
      const { results } = await askBackground('lookup', { ids: wanted });
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
