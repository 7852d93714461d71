import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * Where each saved note was last found on its page: placed, or orphaned (its passage is gone).
 *
 * Derived data, reported by the content script after it anchors a page's notes, so the notes page
 * can mark orphans without visiting every page. It lives in its own small database, apart from the
 * notes: losing it loses nothing but the marks (they come back on the next visit), and it needs no
 * change to the notes' schema. A note is never removed because it was orphaned.
 */
export const NOTE_ANCHORS_DB_NAME = 'bronwijzer-note-anchors';
const STORE = 'anchors';

export type AnchorState = 'anchored' | 'orphaned';

export interface AnchorRecord {
  id: string;
  url: string;
  state: AnchorState;
  /** When the content script last placed (or failed to place) the note. */
  checked: string;
}

interface AnchorDB extends DBSchema {
  anchors: { key: string; value: AnchorRecord; indexes: { 'by-url': string } };
}

export class NoteAnchors {
  private dbPromise: Promise<IDBPDatabase<AnchorDB>> | undefined;

  constructor(readonly name: string = NOTE_ANCHORS_DB_NAME) {}

  private db(): Promise<IDBPDatabase<AnchorDB>> {
    this.dbPromise ??= openDB<AnchorDB>(this.name, 1, {
      upgrade(db) {
        db.createObjectStore(STORE, { keyPath: 'id' }).createIndex('by-url', 'url');
      },
      terminated: () => {
        this.dbPromise = undefined;
      },
    }).catch((error: unknown) => {
      this.dbPromise = undefined;
      throw error;
    });
    return this.dbPromise;
  }

  /** Records one page's outcome in one transaction. */
  async report(url: string, placed: readonly string[], orphaned: readonly string[], now = new Date()) {
    const db = await this.db();
    const tx = db.transaction(STORE, 'readwrite');
    const checked = now.toISOString();
    const writes = [
      ...placed.map((id) => tx.store.put({ id, url, state: 'anchored', checked })),
      ...orphaned.map((id) => tx.store.put({ id, url, state: 'orphaned', checked })),
    ];
    await Promise.all([...writes, tx.done]);
  }

  /** The known states of some notes, by note id (one transaction). */
  async get(ids: readonly string[]): Promise<Record<string, AnchorState>> {
    const db = await this.db();
    const tx = db.transaction(STORE);
    const records = await Promise.all(ids.map((id) => tx.store.get(id)));
    const out: Record<string, AnchorState> = {};
    for (const record of records) if (record) out[record.id] = record.state;
    return out;
  }

  /** Every known state, by note id. */
  async all(): Promise<Record<string, AnchorState>> {
    const db = await this.db();
    const out: Record<string, AnchorState> = {};
    for (const record of await db.getAll(STORE)) out[record.id] = record.state;
    return out;
  }
}
