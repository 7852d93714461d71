import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ANNOTATION_DB_NAME,
  ANNOTATION_DB_VERSION,
  AnnotationStore,
  AnnotationStoreError,
  openAnnotationStore,
} from '../../../src/background/annotation-store';
import { exportJsonLd } from '../../../src/core/annotations/export';
import { importJsonLd } from '../../../src/core/annotations/import';
import {
  ANNOTATION_SCHEMA_VERSION,
  DEFAULT_COLOUR,
  type Annotation,
  type AnnotationV1,
} from '../../../src/core/annotations/model';
import { makeNote } from './helpers';

let dbCounter = 0;
const stores: AnnotationStore[] = [];

async function freshStore(): Promise<AnnotationStore> {
  const store = await openAnnotationStore(`test-notes-${++dbCounter}`);
  stores.push(store);
  return store;
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const store of stores.splice(0)) store.close();
});

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Raw IndexedDB, as the previous version of the extension would have written it. */
async function writeV1Database(name: string, records: unknown[]): Promise<void> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('annotations', { keyPath: 'id' });
    store.createIndex('by-url', 'url');
    store.createIndex('by-updated', 'updated');
  };
  const db = await request(open);
  const tx = db.transaction('annotations', 'readwrite');
  for (const record of records) tx.objectStore('annotations').put(record);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

async function rawRecords(name: string): Promise<{ version: number; indexes: string[]; records: unknown[] }> {
  const db = await request(indexedDB.open(name));
  const store = db.transaction('annotations').objectStore('annotations');
  const records = await request(store.getAll());
  const result = { version: db.version, indexes: [...store.indexNames].sort(), records };
  db.close();
  return result;
}

function v1Record(note: Annotation): AnnotationV1 {
  const record: Partial<Annotation> = { ...note };
  delete record.colour;
  delete record.tags;
  return { ...(record as Omit<Annotation, 'colour' | 'tags'>), schemaVersion: 1 };
}

async function rejection(promise: Promise<unknown>): Promise<AnnotationStoreError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AnnotationStoreError);
    return error as AnnotationStoreError;
  }
  throw new Error('expected a rejection');
}

describe('AnnotationStore', () => {
  it('creates the current schema in its own database', async () => {
    expect(ANNOTATION_DB_NAME).toBe('bronwijzer-annotations');
    const store = await freshStore();
    store.close();
    const raw = await rawRecords(store.name);
    expect(raw.version).toBe(ANNOTATION_DB_VERSION);
    expect(raw.indexes).toEqual(['by-citation', 'by-deleted', 'by-updated', 'by-url']);
  });

  it('saves, reads and lists notes by page and by citation', async () => {
    const store = await freshStore();
    const a = makeNote({ url: 'https://www.tweedekamer.nl/a', citation: { id: 'unsc-1325', kind: 'unsc' } });
    const b = makeNote({ url: 'https://www.tweedekamer.nl/a', body: 'tweede' });
    const c = makeNote({
      url: 'https://www.rijksoverheid.nl/c',
      citation: { id: 'unsc-1325', kind: 'unsc' },
    });
    for (const note of [a, b, c]) expect(await store.put(note)).toEqual(note);
    expect(await store.get(a.id)).toEqual(a);
    expect(await store.get('missing')).toBeUndefined();
    expect((await store.listAll()).map((n) => n.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(
      (await store.listByPage('https://www.tweedekamer.nl/a#section-2')).map((n) => n.id).sort(),
    ).toEqual([a.id, b.id].sort());
    expect((await store.listByCitation('unsc-1325')).map((n) => n.id).sort()).toEqual([a.id, c.id].sort());
    expect(await store.count()).toBe(3);
  });

  it('refuses an invalid note with a readable message and writes nothing', async () => {
    const store = await freshStore();
    const bad = { ...makeNote(), colour: 'magenta' } as unknown as Annotation;
    const error = await rejection(store.put(bad));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/^The note cannot be saved: colour: expected one of yellow/);
    expect(await store.count({ includeDeleted: true })).toBe(0);
  });

  it('edits in one read-modify-write, and reports a missing note', async () => {
    const store = await freshStore();
    const note = await store.put(makeNote({ now: new Date('2025-01-01T00:00:00Z') }));
    const edited = await store.update(
      note.id,
      { body: 'nieuw', tags: ['a', ' a ', 'B'] },
      new Date('2025-01-02T00:00:00Z'),
    );
    expect(edited).toMatchObject({ body: 'nieuw', tags: ['a', 'B'], updated: '2025-01-02T00:00:00.000Z' });
    expect(await store.get(note.id)).toEqual(edited);
    const missing = await rejection(store.update('nope', { body: 'x' }));
    expect(missing.code).toBe('not-found');
  });

  it('soft-deletes with undo, and purges the trash by age', async () => {
    const store = await freshStore();
    const old = { now: new Date('2024-01-01T00:00:00Z') };
    const [a, b, c] = [makeNote(old), makeNote(old), makeNote(old)];
    await store.putMany([a!, b!, c!]);
    const deleted = await store.softDelete(a!.id, new Date('2025-01-01T00:00:00Z'));
    expect(deleted.deletedAt).toBe('2025-01-01T00:00:00.000Z');
    await store.softDelete(b!.id, new Date('2025-03-01T00:00:00Z'));
    expect((await store.listAll()).map((n) => n.id)).toEqual([c!.id]);
    expect(await store.listAll({ includeDeleted: true })).toHaveLength(3);
    expect(await store.count()).toBe(1);
    expect(await store.count({ includeDeleted: true })).toBe(3);

    const restored = await store.restore(b!.id);
    expect(restored.deletedAt).toBeUndefined();
    expect(restored.updated > deleted.updated).toBe(true);
    expect(await store.count()).toBe(2);

    expect(await store.purgeDeleted(new Date('2025-02-01T00:00:00Z'))).toBe(1);
    expect(await store.get(a!.id)).toBeUndefined();
    expect(await store.count({ includeDeleted: true })).toBe(2);
    expect((await rejection(store.softDelete(a!.id))).code).toBe('not-found');
  });

  it('imports in one transaction, keeping the newer version of each note, never duplicating', async () => {
    const store = await freshStore();
    const notes = [makeNote(), makeNote(), makeNote()];
    const file = exportJsonLd(notes);
    const first = importJsonLd(file);
    if (!first.ok) throw new Error(first.errors.join('\n'));
    expect(await store.putMany(first.annotations)).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const second = importJsonLd(file);
    if (!second.ok) throw new Error(second.errors.join('\n'));
    expect(await store.putMany(second.annotations)).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(await store.count()).toBe(3);

    // A local edit is newer than the file: a re-import leaves it; a newer file version wins.
    const edited = await store.update(notes[0]!.id, { body: 'lokaal bewerkt' });
    await store.putMany(second.annotations);
    expect((await store.get(notes[0]!.id))?.body).toBe('lokaal bewerkt');
    const newer = { ...notes[1]!, body: 'uit het nieuwere bestand', updated: '2999-01-01T00:00:00.000Z' };
    expect(await store.putMany([newer, notes[1]!])).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect(await store.get(newer.id)).toEqual(newer);
    expect(edited.id).toBe(notes[0]!.id);
  });

  it('writes nothing of a batch that contains an invalid note', async () => {
    const store = await freshStore();
    const bad = { ...makeNote(), id: 'not-a-uuid' } as Annotation;
    const error = await rejection(store.putMany([makeNote(), bad]));
    expect(error.code).toBe('invalid');
    expect(error.message).toContain('id: expected a UUID');
    expect(await store.count()).toBe(0);
  });

  it('resolves a write only once committed: another connection sees it at once', async () => {
    const store = await freshStore();
    const note = await store.put(makeNote());
    const other = await AnnotationStore.open(store.name);
    stores.push(other);
    expect(await other.get(note.id)).toEqual(note);
  });

  it('keeps every note across a restart (close and reopen, as a stopped service worker does)', async () => {
    const store = await freshStore();
    const notes = Array.from({ length: 50 }, () => makeNote());
    await store.putMany(notes);
    store.close();
    // The same object reconnects on its next call…
    expect(await store.count()).toBe(50);
    // …and so does a new one.
    const restarted = await AnnotationStore.open(store.name);
    stores.push(restarted);
    expect((await restarted.listAll()).map((n) => n.id).sort()).toEqual(notes.map((n) => n.id).sort());
  });

  it('steps aside when another context upgrades the database, and reconnects', async () => {
    const store = await freshStore();
    await store.put(makeNote());
    const upgrade = indexedDB.open(store.name, ANNOTATION_DB_VERSION + 1);
    upgrade.onupgradeneeded = () => undefined;
    const db = await request(upgrade); // would hang if our connection did not close
    db.close();
    // The database is now newer than this code: a clear "update the extension" error.
    const error = await rejection(store.count());
    expect(error.code).toBe('version');
    expect(error.message).toMatch(/newer version of Bronwijzer/);
  });

  it('turns a quota error into a typed error with a message for the user, never swallowed', async () => {
    const store = await freshStore();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await rejection(store.put(makeNote()));
    expect(error.code).toBe('quota');
    expect(error.message).toMatch(
      /no storage space left for Bronwijzer's notes, so saving the note did not happen/,
    );
    expect(error.cause).toBeInstanceOf(DOMException);
    vi.restoreAllMocks();
    expect(await store.count()).toBe(0);
  });

  it('reports an aborted transaction (quota errors usually arrive this way) and writes nothing', async () => {
    const store = await freshStore();
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const req = original.apply(this, args as Parameters<typeof original>);
      this.transaction.abort();
      return req;
    });
    const error = await rejection(store.putMany([makeNote(), makeNote()]));
    expect(error.code).toBe('failed');
    expect(error.message).toMatch(/could not complete importing 2 notes \(AbortError\); nothing was changed/);
    vi.restoreAllMocks();
    expect(await store.count()).toBe(0);
  });
});

describe('schema migration v1 → v2', () => {
  it('opens a database written by schema 1 and finds every note unchanged in content', async () => {
    const name = `test-notes-v1-${++dbCounter}`;
    const notes = Array.from({ length: 200 }, (_, i) =>
      makeNote({
        body: i % 3 === 0 ? '' : `Notitie ${i} met <img src=x onerror=alert(1)>`,
        citation: i % 2 === 0 ? { id: `unsc-${1300 + (i % 5)}`, kind: 'unsc' } : undefined,
        now: new Date(Date.UTC(2024, 0, 1, 0, i)),
      }),
    );
    const v1 = notes.map(v1Record);
    v1[7]!.deletedAt = '2024-06-01T00:00:00.000Z';
    const broken = { id: 'broken-record', schemaVersion: 1, body: 42 };
    await writeV1Database(name, [...v1, broken]);

    const store = await AnnotationStore.open(name);
    stores.push(store);
    const all = await store.listAll({ includeDeleted: true });
    expect(all).toHaveLength(200);
    const byId = new Map(all.map((a) => [a.id, a]));
    for (const old of v1) {
      const now = byId.get(old.id);
      expect(now, old.id).toBeDefined();
      // Every field of the v1 record is there, unchanged; later versions only add colour and tags.
      const { colour, tags, schemaVersion, ...rest } = now!;
      expect({ ...rest, schemaVersion: 1 }).toEqual(old);
      expect([colour, tags, schemaVersion]).toEqual([DEFAULT_COLOUR, [], ANNOTATION_SCHEMA_VERSION]);
    }
    // The new index works on migrated records; the soft-deleted note stayed in the trash.
    expect(await store.listByCitation('unsc-1300')).toHaveLength(notes.filter((_, i) => i % 10 === 0).length);
    expect(await store.count()).toBe(200); // 201 records, one in the trash
    // The record that is not a valid note was neither dropped nor altered.
    const unreadable = await store.listUnreadable();
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]).toMatchObject({ key: 'broken-record', record: broken });
    store.close();
    const raw = await rawRecords(name);
    expect(raw.version).toBe(2);
    expect(raw.records).toHaveLength(201);
    expect(
      raw.records.filter((r) => (r as { schemaVersion: number }).schemaVersion === ANNOTATION_SCHEMA_VERSION),
    ).toHaveLength(200);
  });

  it('rolls the upgrade back when a step fails, leaving the v1 database as it was', async () => {
    const name = `test-notes-v1-fail-${++dbCounter}`;
    const v1 = [v1Record(makeNote()), v1Record(makeNote())].sort((x, y) => (x.id < y.id ? -1 : 1));
    await writeV1Database(name, v1);
    vi.spyOn(IDBCursor.prototype, 'update').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await rejection(AnnotationStore.open(name));
    expect(error.code).toBe('quota');
    vi.restoreAllMocks();
    const raw = await rawRecords(name);
    expect(raw.version).toBe(1);
    expect(raw.indexes).toEqual(['by-updated', 'by-url']);
    expect(raw.records).toEqual(v1);
    // Once the problem is gone, the upgrade runs.
    const store = await AnnotationStore.open(name);
    stores.push(store);
    expect(await store.count()).toBe(2);
  });
});
