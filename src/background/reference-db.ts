import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { describe, linkedKeys, suffixCandidateKeys, type DescribeHints } from '../core/dataset/describe';
import { BUCKET_COUNT, bucketOf } from '../core/dataset/buckets';
import { bucketRecords, documentKeysFor } from '../core/dataset/documents';
import type { LookupResult, ReferenceDataset, ReferenceRecord } from '../core/dataset/types';
import { assertDataset } from '../core/dataset/validate';
import { recordKeysFor } from '../core/ids';

/**
 * Reference data lives in its own database, apart from the user's annotations, so that replacing
 * the dataset on an update can never touch a saved note.
 */
const DB_NAME = 'bronwijzer-reference';
const DB_VERSION = 4;

export { BUCKET_COUNT, bucketOf };

/**
 * One bucket as text: IndexedDB clones a string in one copy, where hundreds of record objects cost it a
 * walk over every property. `records` is JSON; `documents` the build's packed lines, stored as they come.
 * BUCKET_COUNT (64) values of ~100 KB: in Chromium a seed's time went mostly to the count of values
 * (512 small ones took four times as long to write as 64 larger ones), and a lookup parses one ~100 KB
 * bucket in about a millisecond.
 */
export interface RecordBucket {
  bucket: number;
  records: string;
  documents: string;
}

export interface SeedMeta {
  key: 'dataset';
  /** Identifies the bundled dataset the records came from (see `ReferenceStore.seed`). */
  source: string;
  version: string;
  dataAsOf: string;
  recordCount: number;
  seededAt: string;
  /** How long loading, validating and writing took (diagnostics, benchmarks). */
  seedMs: number;
  /** The document table's type names, which its rows refer to by index. */
  documentTypes: string[];
  /** What the dataset holds: records per kind, and `documents`. */
  contents: Record<string, number>;
}

interface ReferenceSchema extends DBSchema {
  buckets: { key: number; value: RecordBucket };
  meta: { key: string; value: SeedMeta };
}

export type DatasetLoader = () => Promise<unknown>;

export class ReferenceStore {
  private dbPromise: Promise<IDBPDatabase<ReferenceSchema>> | undefined;
  private seeding: Promise<SeedMeta> | undefined;
  /** Caches only: the worker may be stopped at any moment, IndexedDB stays the truth. */
  private readonly recordCache = new Map<string, ReferenceRecord>();
  private readonly loadedBuckets = new Set<number>();
  /** Where the last seed's time went (benchmarks). */
  lastSeedPhases: Record<string, number> | undefined;

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
      upgrade(db, oldVersion) {
        // Reference data is rebuilt from the bundle, so an old layout is simply dropped and re-seeded.
        if (oldVersion >= 1) {
          for (const name of [...db.objectStoreNames]) db.deleteObjectStore(name);
        }
        db.createObjectStore('buckets', { keyPath: 'bucket' });
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
    return this.seed();
  }

  /** Loads, validates and writes the bundled dataset, whatever is stored now. */
  async seed(): Promise<SeedMeta> {
    const started = performance.now();
    const raw = await this.load();
    const loaded = performance.now();
    const dataset = assertDataset(raw);
    const phases = {
      loadMs: Math.round(loaded - started),
      validateMs: Math.round(performance.now() - loaded),
    };
    return this.replaceAll(await this.db(), dataset, started, phases);
  }

  /** Forgets the memory cache, as a restarted worker would. */
  clearCache(): void {
    this.recordCache.clear();
    this.loadedBuckets.clear();
  }

  /**
   * One transaction replaces every record and writes the meta row last. IndexedDB commits a
   * transaction entirely or not at all, so a worker stopped mid-seed leaves the previous complete
   * dataset (or none), never a half dataset that looks complete; the next call simply seeds again.
   */
  private async replaceAll(
    db: IDBPDatabase<ReferenceSchema>,
    dataset: ReferenceDataset,
    started: number,
    phases: { loadMs: number; validateMs: number },
  ): Promise<SeedMeta> {
    const preparing = performance.now();
    const meta: SeedMeta = {
      key: 'dataset',
      source: this.source,
      version: dataset.version,
      dataAsOf: dataset.dataAsOf,
      recordCount: dataset.records.length,
      seededAt: new Date().toISOString(),
      seedMs: 0,
      documentTypes: dataset.documents.types,
      contents: datasetContents(dataset),
    };
    const grouped = Array.from({ length: BUCKET_COUNT }, (): ReferenceRecord[] => []);
    for (const record of dataset.records) grouped[bucketOf(record.id)]!.push(record);
    const buckets = grouped.map((records, bucket): RecordBucket => ({
      bucket,
      records: JSON.stringify(records),
      documents: dataset.documents.buckets[bucket] ?? '',
    }));
    const tx = db.transaction(['buckets', 'meta'], 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore('buckets');
    const writes: Promise<unknown>[] = [store.clear(), ...buckets.map((bucket) => store.put(bucket))];
    // Measured up to the last write queued; the commit itself follows within the same transaction.
    meta.seedMs = Math.round(performance.now() - started);
    const writing = performance.now();
    writes.push(tx.objectStore('meta').put(meta));
    // Every request awaited with the transaction: an aborted seed rejects once, not once per bucket.
    await Promise.all([...writes, tx.done]);
    this.lastSeedPhases = {
      ...phases,
      prepareMs: Math.round(writing - preparing),
      commitMs: Math.round(performance.now() - writing),
    };
    this.clearCache();
    return meta;
  }

  async status(): Promise<SeedMeta> {
    return this.ensureSeeded();
  }

  /**
   * Answers every id in one read transaction, two when a record points to others (a register treaty to
   * its curated record, a TK document number to its Kamerstuk, a suffixless Kamerstuk number to the
   * documents with that number); duplicates and malformed ids are answered once or not at all.
   * `contexts`: page text around suffixless Kamerstuk citations, evidence for which one is meant; the
   * batch's ids are the page's other citations.
   */
  async lookup(
    ids: readonly string[],
    contexts: Readonly<Record<string, string>> = {},
  ): Promise<LookupResult[]> {
    await this.ensureSeeded();
    const unique = [...new Set(ids)];
    const recordFor = (key: string) => this.recordCache.get(key);
    await this.readIntoCache(unique.flatMap((id) => [...recordKeysFor(id), ...documentKeysFor(id)]));
    await this.readIntoCache(
      unique.flatMap((id) => [...linkedKeys(recordFor(id)), ...suffixCandidateKeys(id, recordFor)]),
    );
    return unique
      .map((id) => {
        const hints: DescribeHints = { pageIds: unique };
        const context = contexts[id];
        if (typeof context === 'string') hints.context = context;
        return describe(id, recordFor, hints);
      })
      .filter((result) => result !== undefined);
  }

  private async readIntoCache(keys: string[]): Promise<void> {
    const missing = [...new Set(keys.map(bucketOf))].filter((bucket) => !this.loadedBuckets.has(bucket));
    if (missing.length === 0) return;
    const db = await this.db();
    const tx = db.transaction(['buckets', 'meta'], 'readonly');
    const [meta, ...found] = await Promise.all([
      tx.objectStore('meta').get('dataset'),
      ...missing.map((bucket) => tx.objectStore('buckets').get(bucket)),
    ]);
    const types = meta?.documentTypes ?? [];
    const keep = (record: ReferenceRecord) => this.recordCache.set(record.id, record);
    for (const [i, bucket] of missing.entries()) {
      const stored = found[i];
      if (stored) {
        (JSON.parse(stored.records) as ReferenceRecord[]).forEach(keep);
        bucketRecords(stored.documents, types).forEach(keep);
      }
      this.loadedBuckets.add(bucket);
    }
  }
}

/** Records per kind, and the document table's documents. */
export function datasetContents(dataset: ReferenceDataset): Record<string, number> {
  const contents: Record<string, number> = {};
  for (const record of dataset.records) contents[record.kind] = (contents[record.kind] ?? 0) + 1;
  contents.documents = dataset.documents.count;
  return contents;
}
