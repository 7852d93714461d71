import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import {
  formatIssue,
  markDeleted,
  markRestored,
  migrateAnnotation,
  tryNormalizePageUrl,
  updateAnnotation,
  validateAnnotation,
  type Annotation,
  type AnnotationPatch,
  type ValidationIssue,
} from '../core/annotations/model';

/**
 * The user's saved notes, in IndexedDB in the extension origin (service worker and extension
 * pages; never a content script, whose database would belong to the web page).
 *
 * Its own database, apart from `bronwijzer-reference`, so replacing the reference data on an
 * update can never touch a note. The schema is versioned and upgraded in place, one step at a
 * time, inside the upgrade transaction: if a step fails the upgrade is rolled back and the old
 * database stays as it was.
 *
 * Every write resolves only after its transaction has committed (`tx.done`, with `strict`
 * durability where the browser supports it), so what the UI confirms as saved survives the service
 * worker being stopped. Failures are thrown as `AnnotationStoreError` with a message fit to show
 * the user; nothing is swallowed.
 */

export const ANNOTATION_DB_NAME = 'bronwijzer-annotations';
/**
 * Schema history:
 * - 1: object store `annotations` (keyPath `id`), indexes `by-url` (url), `by-updated` (updated).
 * - 2: indexes `by-citation` (target.citationId) and `by-deleted` (deletedAt); records backfilled
 *   to annotation schema 2 (`colour`, `tags`).
 */
export const ANNOTATION_DB_VERSION = 2;
const STORE = 'annotations';

interface AnnotationDB extends DBSchema {
  annotations: {
    key: string;
    value: Annotation;
    indexes: { 'by-url': string; 'by-updated': string; 'by-citation': string; 'by-deleted': string };
  };
}

type UpgradeTransaction = IDBPTransaction<AnnotationDB, StoreNames<AnnotationDB>[], 'versionchange'>;

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export type AnnotationStoreErrorCode =
  /** The browser's storage quota is used up. */
  | 'quota'
  /** The annotation does not pass validation; `issues` says why. */
  | 'invalid'
  | 'not-found'
  /** The database was written by a newer version of the extension. */
  | 'version'
  /** A stored record cannot be read as an annotation (kept as it is, see `listUnreadable`). */
  | 'corrupt'
  /** The database cannot be opened (private mode restrictions, disk errors, …). */
  | 'unavailable'
  /** A transaction was aborted or failed; nothing of it was written. */
  | 'failed';

export class AnnotationStoreError extends Error {
  readonly code: AnnotationStoreErrorCode;
  readonly issues: ValidationIssue[];
  constructor(
    code: AnnotationStoreErrorCode,
    message: string,
    options: { cause?: unknown; issues?: ValidationIssue[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AnnotationStoreError';
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
    ? String((error as { message: unknown }).message)
    : String(error);
}

/** Maps an IndexedDB failure to an `AnnotationStoreError`; `action` says what was being done. */
export function toStoreError(error: unknown, action: string): AnnotationStoreError {
  if (error instanceof AnnotationStoreError) return error;
  const name = errorName(error);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
    return new AnnotationStoreError(
      'quota',
      `There is no storage space left for Bronwijzer's notes, so ${action} did not happen. ` +
        'Free up disk space or delete notes you no longer need, then try again.',
      { cause: error },
    );
  }
  if (name === 'VersionError') {
    return new AnnotationStoreError(
      'version',
      'Your notes were saved by a newer version of Bronwijzer. Update the extension to open them; nothing was changed.',
      { cause: error },
    );
  }
  if (action === 'opening the notes database') {
    return new AnnotationStoreError(
      'unavailable',
      `The notes database could not be opened (${name || errorMessage(error)}). Your notes are not lost; ` +
        'try again, or restart the browser.',
      { cause: error },
    );
  }
  return new AnnotationStoreError(
    'failed',
    `Bronwijzer could not complete ${action} (${name || errorMessage(error)}); nothing was changed. Try again.`,
    { cause: error },
  );
}

// ---------------------------------------------------------------------------------------------
// Schema upgrades
// ---------------------------------------------------------------------------------------------

async function upgradeToV2(tx: UpgradeTransaction): Promise<void> {
  const store = tx.objectStore(STORE);
  store.createIndex('by-citation', 'target.citationId');
  store.createIndex('by-deleted', 'deletedAt');
  // Backfill colour and tags. A record that cannot be migrated is left exactly as it was: it is
  // reported by `listUnreadable`, never dropped.
  for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
    const migrated = migrateAnnotation(cursor.value);
    if (migrated.ok) await cursor.update(migrated.value);
  }
}

/**
 * Runs each schema step above `oldVersion`, in order, within the upgrade transaction. On failure
 * the upgrade is aborted (the database keeps its old version and records) and the error is passed
 * to `onError`, since nothing awaits this callback.
 */
async function upgrade(
  db: IDBPDatabase<AnnotationDB>,
  oldVersion: number,
  tx: UpgradeTransaction,
  onError: (error: unknown) => void,
): Promise<void> {
  // An aborted upgrade rejects `done`; openDB reports the failure, so mark this one handled.
  tx.done.catch(() => undefined);
  try {
    if (oldVersion < 1) {
      const store = db.createObjectStore(STORE, { keyPath: 'id' });
      store.createIndex('by-url', 'url');
      store.createIndex('by-updated', 'updated');
    }
    if (oldVersion < 2) await upgradeToV2(tx);
  } catch (error) {
    onError(error);
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------

export interface ListOptions {
  /** Include notes in the trash (default: no). */
  includeDeleted?: boolean;
}

export interface PutManyResult {
  /** Notes that were not in the store. */
  added: number;
  /** Notes replaced by a newer version (later `updated`). */
  updated: number;
  /** Notes left alone because the stored version is as new or newer. */
  unchanged: number;
}

export interface UnreadableRecord {
  key: IDBValidKey;
  record: unknown;
  problems: string[];
}

/**
 * A read-write transaction with `strict` durability (committed to disk before `complete`).
 * Its `done` is marked handled, so an abort after a failed request does not surface as an
 * unhandled rejection; callers that write still `await tx.done`.
 */
function writeTransaction(db: IDBPDatabase<AnnotationDB>) {
  const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
  tx.done.catch(() => undefined);
  return tx;
}

function readRecord(record: unknown): Annotation {
  const migrated = migrateAnnotation(record);
  if (!migrated.ok) {
    throw new AnnotationStoreError('corrupt', 'A stored note could not be read; it was kept as it is.', {
      issues: migrated.errors,
    });
  }
  return migrated.value;
}

function readable(records: unknown[], options: ListOptions): Annotation[] {
  const out: Annotation[] = [];
  for (const record of records) {
    const migrated = migrateAnnotation(record);
    if (migrated.ok && (options.includeDeleted || migrated.value.deletedAt === undefined))
      out.push(migrated.value);
  }
  return out;
}

function checked(annotation: Annotation): Annotation {
  const result = validateAnnotation(annotation);
  if (!result.ok) {
    throw new AnnotationStoreError(
      'invalid',
      `The note cannot be saved: ${result.errors.map(formatIssue).join('; ')}`,
      { issues: result.errors },
    );
  }
  return result.value;
}

export class AnnotationStore {
  private dbPromise: Promise<IDBPDatabase<AnnotationDB>> | undefined;

  constructor(readonly name: string = ANNOTATION_DB_NAME) {}

  /** Opens (creating or upgrading) the database; fails early with an `AnnotationStoreError`. */
  static async open(name: string = ANNOTATION_DB_NAME): Promise<AnnotationStore> {
    const store = new AnnotationStore(name);
    await store.db();
    return store;
  }

  private db(): Promise<IDBPDatabase<AnnotationDB>> {
    if (!this.dbPromise) {
      let upgradeError: unknown;
      const opening = openDB<AnnotationDB>(this.name, ANNOTATION_DB_VERSION, {
        upgrade: (db, oldVersion, _newVersion, tx) => {
          void upgrade(db, oldVersion, tx, (error) => {
            upgradeError = error;
          });
        },
        // A newer version of the extension (another page) wants to upgrade: step aside, and
        // reconnect (to the upgraded database) on the next call.
        blocking: () => this.close(),
        terminated: () => {
          this.dbPromise = undefined;
        },
      });
      this.dbPromise = opening.catch((error: unknown) => {
        this.dbPromise = undefined;
        throw toStoreError(upgradeError ?? error, 'opening the notes database');
      });
    }
    return this.dbPromise;
  }

  /** Closes the connection; the next call reopens it. */
  close(): void {
    const db = this.dbPromise;
    this.dbPromise = undefined;
    void db?.then((d) => d.close()).catch(() => undefined);
  }

  private async run<T>(
    action: string,
    operation: (db: IDBPDatabase<AnnotationDB>) => Promise<T>,
  ): Promise<T> {
    const db = await this.db();
    try {
      return await operation(db);
    } catch (error) {
      throw toStoreError(error, action);
    }
  }

  /** Saves (creates or replaces) one note; resolves once it is committed. */
  async put(annotation: Annotation): Promise<Annotation> {
    const value = checked(annotation);
    return this.run('saving the note', async (db) => {
      const tx = writeTransaction(db);
      await Promise.all([tx.store.put(value), tx.done]);
      return value;
    });
  }

  /**
   * Saves many notes (an import) in one transaction: all or none. A note whose id is already
   * stored replaces it only if it is newer (later `updated`), so importing a file twice changes
   * nothing the second time and never duplicates. Every note is validated before anything is written.
   */
  async putMany(annotations: readonly Annotation[]): Promise<PutManyResult> {
    const newest = new Map<string, Annotation>();
    for (const annotation of annotations) {
      const value = checked(annotation);
      const seen = newest.get(value.id);
      if (!seen || seen.updated < value.updated) newest.set(value.id, value);
    }
    const batch = [...newest.values()];
    return this.run(`importing ${batch.length} notes`, async (db) => {
      const tx = writeTransaction(db);
      const result: PutManyResult = { added: 0, updated: 0, unchanged: annotations.length - batch.length };
      const writes = batch.map(async (incoming) => {
        const existing: unknown = await tx.store.get(incoming.id);
        if (existing === undefined) {
          result.added++;
        } else {
          const stored = (existing as { updated?: unknown }).updated;
          if (typeof stored === 'string' && stored >= incoming.updated) {
            result.unchanged++;
            return;
          }
          result.updated++;
        }
        await tx.store.put(incoming);
      });
      await Promise.all([...writes, tx.done]);
      return result;
    });
  }

  /** One note (also one in the trash), or undefined. */
  async get(id: string): Promise<Annotation | undefined> {
    const record = await this.run('reading a note', (db) => db.get(STORE, id));
    return record === undefined ? undefined : readRecord(record);
  }

  /** Every note, by id. Records that cannot be read are left out (see `listUnreadable`). */
  async listAll(options: ListOptions = {}): Promise<Annotation[]> {
    return readable(await this.run('reading the notes', (db) => db.getAll(STORE)), options);
  }

  /**
   * The `limit` most recently edited notes, newest first (the first screen of the notes list,
   * without reading every note).
   */
  async listRecent(limit: number, options: ListOptions = {}): Promise<Annotation[]> {
    const records = await this.run('reading the notes', async (db) => {
      const out: unknown[] = [];
      const index = db.transaction(STORE).store.index('by-updated');
      for (let cursor = await index.openCursor(null, 'prev'); cursor && out.length < limit;) {
        const value = cursor.value as { deletedAt?: unknown };
        if (options.includeDeleted || value.deletedAt === undefined) out.push(cursor.value);
        cursor = await cursor.continue();
      }
      return out;
    });
    return readable(records, { includeDeleted: true });
  }

  /**
   * Every note in pages of at most `limit`, in id order: pass the previous answer's `next` as
   * `afterId` until it is undefined. Lets a caller take a large list in several smaller pieces.
   */
  async listPage(
    afterId: string | undefined,
    limit: number,
    options: ListOptions = {},
  ): Promise<{ notes: Annotation[]; next?: string }> {
    const range = afterId === undefined ? null : IDBKeyRange.lowerBound(afterId, true);
    const records = await this.run('reading the notes', (db) => db.getAll(STORE, range, limit));
    const last = records[records.length - 1];
    const notes = readable(records, options);
    return records.length === limit && last ? { notes, next: last.id } : { notes };
  }

  /** The notes on one page (the URL is normalized: its fragment does not matter). */
  async listByPage(url: string, options: ListOptions = {}): Promise<Annotation[]> {
    const key = tryNormalizePageUrl(url) ?? url;
    return readable(
      await this.run('reading the notes', (db) => db.getAllFromIndex(STORE, 'by-url', key)),
      options,
    );
  }

  /** Every note on one citation, wherever it was written. */
  async listByCitation(citationId: string, options: ListOptions = {}): Promise<Annotation[]> {
    return readable(
      await this.run('reading the notes', (db) => db.getAllFromIndex(STORE, 'by-citation', citationId)),
      options,
    );
  }

  /** Stored records that are not valid annotations, kept untouched for diagnosis or export. */
  async listUnreadable(): Promise<UnreadableRecord[]> {
    return this.run('reading the notes', async (db) => {
      const out: UnreadableRecord[] = [];
      for (
        let cursor = await db.transaction(STORE).store.openCursor();
        cursor;
        cursor = await cursor.continue()
      ) {
        const migrated = migrateAnnotation(cursor.value);
        if (!migrated.ok)
          out.push({ key: cursor.key, record: cursor.value, problems: migrated.errors.map(formatIssue) });
      }
      return out;
    });
  }

  /** Read-modify-write in one transaction, so concurrent edits cannot overwrite each other. */
  private modify(id: string, action: string, change: (a: Annotation) => Annotation): Promise<Annotation> {
    return this.run(action, async (db) => {
      const tx = writeTransaction(db);
      const record = await tx.store.get(id);
      if (record === undefined) throw new AnnotationStoreError('not-found', 'This note no longer exists.');
      const next = checked(change(readRecord(record)));
      await Promise.all([tx.store.put(next), tx.done]);
      return next;
    });
  }

  /** Edits a note's text, colour, tags or title. */
  update(id: string, patch: AnnotationPatch, now: Date = new Date()): Promise<Annotation> {
    return this.modify(id, 'saving the note', (a) => updateAnnotation(a, patch, now));
  }

  /** Moves a note to the trash (undo with `restore`). */
  softDelete(id: string, now: Date = new Date()): Promise<Annotation> {
    return this.modify(id, 'deleting the note', (a) => (a.deletedAt === undefined ? markDeleted(a, now) : a));
  }

  /** Takes a note out of the trash. */
  restore(id: string, now: Date = new Date()): Promise<Annotation> {
    return this.modify(id, 'restoring the note', (a) =>
      a.deletedAt === undefined ? a : markRestored(a, now),
    );
  }

  /** Removes for good the notes that went into the trash before `olderThan`; returns how many. */
  async purgeDeleted(olderThan: Date): Promise<number> {
    return this.run('emptying the trash', async (db) => {
      const tx = writeTransaction(db);
      const range = IDBKeyRange.upperBound(olderThan.toISOString(), true);
      let removed = 0;
      for (
        let cursor = await tx.store.index('by-deleted').openCursor(range);
        cursor;
        cursor = await cursor.continue()
      ) {
        await cursor.delete();
        removed++;
      }
      await tx.done;
      return removed;
    });
  }

  /**
   * How many notes (not counting the trash unless asked). Counts stored records: an unreadable
   * one (see `listUnreadable`) is counted too, so the number never hides a kept record.
   */
  async count(options: ListOptions = {}): Promise<number> {
    return this.run('counting the notes', async (db) => {
      const tx = db.transaction(STORE);
      const [all, deleted] = await Promise.all([tx.store.count(), tx.store.index('by-deleted').count()]);
      return options.includeDeleted ? all : all - deleted;
    });
  }
}

/** Opens the notes store of this extension origin. */
export function openAnnotationStore(name: string = ANNOTATION_DB_NAME): Promise<AnnotationStore> {
  return AnnotationStore.open(name);
}
