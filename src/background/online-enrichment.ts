import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LookupResult } from '../core/dataset/types';
import {
  MAX_PER_QUERY,
  documentQuery,
  dossierQuery,
  readDocuments,
  readDossiers,
  type OnlineFacts,
} from '../core/enrichment/tk-open-data';
import { parseId, type KamerstukId } from '../core/ids';
import type { Storage } from 'webextension-polyfill';

/** Answers are kept this long before the service is asked again. */
const CACHE_DAYS = 30;
const REQUEST_TIMEOUT_MS = 5_000;

interface CachedAnswer {
  /** A dossier key (`kst-36600-V`) or a document id (`kst-36600-V-46`). */
  id: string;
  fetchedAt: string;
  /** undefined: the service does not know it (cached too, so we do not ask again and again). */
  facts?: OnlineFacts;
}

interface EnrichmentSchema extends DBSchema {
  answers: { key: string; value: CachedAnswer };
}

export type FetchJson = (url: string) => Promise<unknown>;

export const fetchJson: FetchJson = async (url) => {
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    credentials: 'omit',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`open data service answered ${response.status}`);
  return response.json();
};

/**
 * Opt-in online enrichment: only when the user switched it on AND granted the host permission, and
 * only for Kamerstukken the bundled dataset does not know. Only the Kamerstuk numbers are sent —
 * never page text. Answers are cached in IndexedDB with their fetch date.
 */
export class OnlineEnrichment {
  private dbPromise: Promise<IDBPDatabase<EnrichmentSchema>> | undefined;

  /** @param enabled whether the user switched it on and granted the host permission, asked per lookup. */
  constructor(
    private readonly fetch: FetchJson,
    private readonly enabled: () => Promise<boolean>,
    private readonly dbName = 'bronwijzer-enrichment',
  ) {}

  private db() {
    this.dbPromise ??= openDB<EnrichmentSchema>(this.dbName, 1, {
      upgrade(db) {
        db.createObjectStore('answers', { keyPath: 'id' });
      },
    });
    return this.dbPromise;
  }

  /** Enriches at most `limit` of the unknown Kamerstukken (in order); the rest stay as the bundle has them. */
  async enrich(results: LookupResult[], limit = Infinity): Promise<LookupResult[]> {
    const unknown = unknownKamerstukken(results).slice(0, limit);
    if (unknown.length === 0 || !(await this.enabled())) return results;

    const answers = await this.answersFor(unknown);
    return results.map((result) => {
      const id = unknown.find((candidate) => candidate.id === result.id);
      if (!id) return result;
      const dossierTitle = answers.get(id.dossierKey)?.facts?.title;
      const document = answers.get(id.id)?.facts;
      if (!dossierTitle && !document) return result;
      const label = result.label ?? result.title;
      return {
        ...result,
        known: true,
        title: `${label} — ${document?.title ?? dossierTitle}`,
        date: document?.date ?? result.date,
        summary:
          [document?.type, document?.title && dossierTitle].filter(Boolean).join(' · ') || result.summary,
        confidence: 'verified',
        scope: document ? 'item' : 'dossier',
        fields: {
          ...result.fields,
          source: 'Tweede Kamer open data',
          fetchedAt: (answers.get(id.id) ?? answers.get(id.dossierKey))!.fetchedAt,
        },
      };
    });
  }

  /** Cached answers, fresh ones fetched for what is missing or stale. */
  private async answersFor(ids: KamerstukId[]): Promise<Map<string, CachedAnswer>> {
    const db = await this.db();
    const keys = [...new Set(ids.flatMap((id) => (id.document ? [id.dossierKey, id.id] : [id.dossierKey])))];
    const cached = await Promise.all(keys.map((key) => db.get('answers', key)));
    const answers = new Map<string, CachedAnswer>();
    const staleBefore = Date.now() - CACHE_DAYS * 86_400_000;
    keys.forEach((key, i) => {
      const answer = cached[i];
      if (answer && Date.parse(answer.fetchedAt) > staleBefore) answers.set(key, answer);
    });

    const missingDossiers = uniqueBy(
      ids.filter((id) => !answers.has(id.dossierKey)),
      (id) => id.dossierKey,
    );
    const missingDocuments = ids.filter(
      (id) => id.document && /^\d+$/.test(id.document) && !answers.has(id.id),
    );
    const fetchedAt = new Date().toISOString();
    const fresh: CachedAnswer[] = [];
    try {
      for (const batch of chunks(missingDossiers, MAX_PER_QUERY)) {
        const titles = readDossiers(await this.fetch(dossierQuery(batch)));
        for (const id of batch) {
          const title = titles.get(id.dossierKey);
          fresh.push({
            id: id.dossierKey,
            fetchedAt,
            facts: title ? { id: id.dossierKey, title } : undefined,
          });
        }
      }
      for (const batch of chunks(missingDocuments, MAX_PER_QUERY)) {
        const documents = readDocuments(await this.fetch(documentQuery(batch)));
        for (const id of batch) fresh.push({ id: id.id, fetchedAt, facts: documents.get(id.id) });
      }
    } catch (error) {
      // Offline or a service error: the bundled answer stands; we ask again next time.
      console.warn('Bronwijzer: online enrichment failed', error);
    }
    if (fresh.length > 0) {
      const tx = db.transaction('answers', 'readwrite');
      for (const answer of fresh) void tx.store.put(answer);
      await tx.done;
      for (const answer of fresh) answers.set(answer.id, answer);
    }
    return answers;
  }
}

/** The Kamerstukken among lookup results that the bundled dataset does not know. */
export function unknownKamerstukken(results: readonly LookupResult[]): KamerstukId[] {
  return results
    .filter((result) => result.kind === 'kamerstuk' && !result.known)
    .map((result) => parseId(result.id))
    .filter((id): id is KamerstukId => id?.kind === 'kamerstuk');
}

/** At most this many Kamerstukken of one page are looked up online, however many the page holds. */
export const ENRICH_PER_PAGE = 20;

/**
 * How many online lookups a page has left. Counted per tab and page address in storage.session (the
 * worker may stop between hovers; storage.session is closed to content scripts), so a page that
 * makes the user's focus run over hundreds of citations still sends at most ENRICH_PER_PAGE.
 */
export class PageEnrichmentBudget {
  constructor(
    private readonly storage: Pick<Storage.StorageArea, 'get' | 'set'>,
    private readonly perPage = ENRICH_PER_PAGE,
  ) {}

  /** Takes up to `wanted` from the page's budget; returns how many were granted. */
  async take(page: { tabId: number; pageUrl: string }, wanted: number): Promise<number> {
    if (wanted <= 0) return 0;
    const key = `enrich:${page.tabId}:${page.pageUrl}`;
    const used = Number((await this.storage.get(key))[key] ?? 0);
    const granted = Math.max(0, Math.min(wanted, this.perPage - used));
    if (granted > 0) await this.storage.set({ [key]: used + granted });
    return granted;
  }
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}
