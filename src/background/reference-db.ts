import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { describe, linkedKeys } from '../core/dataset/describe';
import type { LookupResult, ReferenceDataset, ReferenceRecord } from '../core/dataset/types';
import { assertDataset } from '../core/dataset/validate';
import { recordKeysFor } from '../core/ids';

/**
 * Reference data lives in its own database, apart from the user's annotations, so that replacing
 * the dataset on an update can never touch a saved note.
 */
const DB_NAME = 'bronwijzer-reference';
const DB_VERSION = 1;

export interface SeedMeta {
  key: 'dataset';
  /** Identifies the bundled dataset the records came from (see `ReferenceStore.seed`). */
  source: string;
  version: string;
  dataAsOf: string;
  recordCount: number;
  seededAt: string;
}

interface ReferenceSchema extends DBSchema {
  records: { key: string; value: ReferenceRecord };
  meta: { key: string; value: SeedMeta };
}

export type DatasetLoader = () => Promise<unknown>;

export class ReferenceStore {
  private dbPromise: Promise<IDBPDatabase<ReferenceSchema>> | undefined;
  private seeding: Promise<SeedMeta> | undefined;
  /** A cache only: the worker may be stopped at any moment, IndexedDB stays the truth. */
  private readonly recordCache = new Map<string, ReferenceRecord | null>();

  /**
   * @param source identifies the bundled dataset; a different value means "re-seed". The service
   *   worker passes the dataset's asset URL, whose name carries Vite's content hash.
   * @param load fetches and parses the bundled dataset; only called when seeding is needed.
   */
  constructor(
    private readonly source: string,
    private readonly load: DatasetLoader,
    private readonly dbName = DB_NAME,
  ) {}

  private db(): Promise<IDBPDatabase<ReferenceSchema>> {
    this.dbPromise ??= openDB<ReferenceSchema>(this.dbName, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore('records', { keyPath: 'id' });
        db.createObjectStore('meta', { keyPath: 'key' });
      },
    });
    return this.dbPromise;
  }

  /** Seeds when the stored data is missing or from another dataset; safe to call often. */
  ensureSeeded(): Promise<SeedMeta> {
    this.seeding ??= this.seedIfNeeded().finally(() => {
      this.seeding = undefined;
    });
    return this.seeding;
  }

  private async seedIfNeeded(): Promise<SeedMeta> {
    const db = await this.db();
    const meta = await db.get('meta', 'dataset');
    if (meta && meta.source === this.source) return meta;
    const dataset = assertDataset(await this.load());
    return this.replaceAll(db, dataset);
  }

  /**
   * One transaction replaces every record and writes the meta row last. IndexedDB commits a
   * transaction entirely or not at all, so a worker stopped mid-seed leaves the previous complete
   * dataset (or none), never a half dataset that looks complete; the next call simply seeds again.
   */
  private async replaceAll(db: IDBPDatabase<ReferenceSchema>, dataset: ReferenceDataset): Promise<SeedMeta> {
    const meta: SeedMeta = {
      key: 'dataset',
      source: this.source,
      version: dataset.version,
      dataAsOf: dataset.dataAsOf,
      recordCount: dataset.records.length,
      seededAt: new Date().toISOString(),
    };
    const tx = db.transaction(['records', 'meta'], 'readwrite', { durability: 'relaxed' });
    const records = tx.objectStore('records');
    void records.clear();
    for (const record of dataset.records) void records.put(record);
    void tx.objectStore('meta').put(meta);
    await tx.done;
    this.recordCache.clear();
    return meta;
  }

  async status(): Promise<SeedMeta> {
    return this.ensureSeeded();
  }

  /**
   * Answers every id in one read transaction (two when a register treaty points to its curated
   * record); duplicates and malformed ids are answered once or not at all.
   */
  async lookup(ids: readonly string[]): Promise<LookupResult[]> {
    await this.ensureSeeded();
    const unique = [...new Set(ids)];
    await this.readIntoCache(unique.flatMap(recordKeysFor));
    await this.readIntoCache(unique.flatMap((id) => linkedKeys(this.recordCache.get(id) ?? undefined)));
    const recordFor = (key: string) => this.recordCache.get(key) ?? undefined;
    return unique.map((id) => describe(id, recordFor)).filter((result) => result !== undefined);
  }

  private async readIntoCache(keys: string[]): Promise<void> {
    const missing = [...new Set(keys)].filter((key) => !this.recordCache.has(key));
    if (missing.length === 0) return;
    const db = await this.db();
    const tx = db.transaction('records', 'readonly');
    const found = await Promise.all(missing.map((key) => tx.store.get(key)));
    missing.forEach((key, i) => this.recordCache.set(key, found[i] ?? null));
  }
}
