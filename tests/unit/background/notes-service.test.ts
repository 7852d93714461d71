import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationStore } from '../../../src/background/annotation-store';
import { NoteAnchors } from '../../../src/background/note-anchors';
import { createNotesHandlers } from '../../../src/background/notes-service';
import { exportJsonLd } from '../../../src/core/annotations/export';
import type { Annotation, NewAnnotation } from '../../../src/core/annotations/model';
import type { NotesChange } from '../../../src/messaging/notes-channel';
import type { Caller } from '../../../src/messaging/senders';
import { makeNote } from '../annotations/helpers';

let counter = 0;
const stores: AnnotationStore[] = [];

/** A content script on `pageUrl`, as the server classifies it from the browser's sender. */
const contentOn = (pageUrl: string): Caller => ({ kind: 'content', pageUrl, tabId: 1, frameId: 0 });
const anchorView = ({ id, colour, target }: Annotation) => ({ id, colour, target });

function setup(clock?: { now: Date }) {
  const store = new AnnotationStore(`notes-service-${++counter}`);
  stores.push(store);
  const changes: NotesChange[] = [];
  const handlers = createNotesHandlers({
    store,
    anchors: new NoteAnchors(`notes-service-anchors-${counter}`),
    broadcast: (change) => changes.push(change),
    openNote: async () => ({ tabId: 7, shown: true }),
    ...(clock ? { now: () => clock.now } : {}),
  });
  const sender: Caller = { kind: 'extension' };
  return { store, changes, handlers, sender };
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const store of stores.splice(0)) store.close();
});

const input: NewAnnotation = {
  url: 'https://www.tweedekamer.nl/brief#sectie',
  title: 'Brief',
  selectors: [{ type: 'TextQuoteSelector', exact: 'resolutie 1325', prefix: 'nam ', suffix: ' aan' }],
  citation: { id: 'unsc-1325', kind: 'unsc' },
  body: '<img src=x onerror=alert(1)>',
  tags: [' VN ', 'vn', 'opvolgen'],
};

describe('notes handlers', () => {
  it('saves a new note with its own id and times, and tells open pages', async () => {
    const { handlers, sender, store, changes } = setup();
    const { note } = await handlers.notesSave({ note: input }, sender);
    expect(note).toMatchObject({
      url: 'https://www.tweedekamer.nl/brief',
      body: '<img src=x onerror=alert(1)>',
      tags: ['VN', 'opvolgen'],
      target: { citationId: 'unsc-1325', citationKind: 'unsc' },
    });
    expect(await store.get(note.id)).toEqual(note);
    expect(changes).toEqual([{ changed: [note] }]);
    // A page's content script gets what it paints, never the note's text or tags; the page is the sender's.
    expect(
      (await handlers.notesForPage({}, contentOn('https://www.tweedekamer.nl/brief#elders'))).notes,
    ).toEqual([anchorView(note)]);
    await expect(handlers.notesForPage({}, sender)).rejects.toThrow(/content script/);
  });

  it('refuses an invalid note with a message saying what is wrong', async () => {
    const { handlers, sender } = setup();
    await expect(
      handlers.notesSave({ note: { ...input, url: 'javascript:alert(1)' } }, sender),
    ).rejects.toThrow(/url: expected an absolute http\(s\) URL/);
    await expect(handlers.notesSave({ note: {} as NewAnnotation }, sender)).rejects.toThrow(/no passage/);
  });

  it('passes a quota error on to the caller, never swallowed', async () => {
    const { handlers, sender, changes } = setup();
    const quota = Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota;
    });
    await expect(handlers.notesSave({ note: input }, sender)).rejects.toThrow(/no storage space left/);
    expect(changes).toEqual([]);
  });

  it('edits, deletes and restores in batches', async () => {
    const { handlers, sender, changes } = setup();
    const { note } = await handlers.notesSave({ note: input }, sender);
    const edited = (
      await handlers.notesUpdate({ id: note.id, patch: { body: 'Nieuw', colour: 'pink' } }, sender)
    ).note;
    expect(edited).toMatchObject({ body: 'Nieuw', colour: 'pink' });
    const [deleted] = (await handlers.notesDelete({ ids: [note.id] }, sender)).notes;
    expect(deleted!.deletedAt).toBeDefined();
    expect((await handlers.notesForPage({}, contentOn(note.url))).notes).toEqual([]);
    const [restored] = (await handlers.notesRestore({ ids: [note.id] }, sender)).notes;
    expect(restored!.deletedAt).toBeUndefined();
    expect(changes).toHaveLength(4);
    await expect(handlers.notesDelete({ ids: [42 as unknown as string] }, sender)).rejects.toThrow(/strings/);
    await expect(handlers.notesUpdate({ id: 'nope', patch: {} }, sender)).rejects.toThrow(/no longer exists/);
  });

  it('lists everything in pieces, each note exactly once, and the newest first screen', async () => {
    const { handlers, sender, store } = setup();
    const notes: Annotation[] = [];
    for (let i = 0; i < 25; i++) notes.push(makeNote({ now: new Date(Date.UTC(2025, 0, 1, 0, i)) }));
    await store.putMany(notes);
    await store.softDelete(notes[24]!.id);

    const seen: string[] = [];
    let afterId: string | undefined;
    let pages = 0;
    do {
      const page = await handlers.notesList(
        { includeDeleted: true, limit: 10, ...(afterId ? { afterId } : {}) },
        sender,
      );
      seen.push(...page.notes.map((n) => n.id));
      afterId = page.next;
      pages++;
    } while (afterId);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(notes.map((n) => n.id).sort());

    const recent = await handlers.notesRecent({ limit: 3 }, sender);
    expect(recent.total).toBe(24);
    // The newest edit is the deleted note: the trash is left out.
    expect(recent.notes.map((n) => n.id)).toEqual([notes[23]!.id, notes[22]!.id, notes[21]!.id]);
    await expect(handlers.notesRecent({ limit: 0 }, sender)).rejects.toThrow(/limit/);
  });

  it('records where notes were placed and reports it with the list', async () => {
    const { handlers, sender } = setup();
    const a = (await handlers.notesSave({ note: input }, sender)).note;
    const b = (await handlers.notesSave({ note: { ...input, body: 'b' } }, sender)).note;
    const other = (
      await handlers.notesSave({ note: { ...input, url: 'https://www.eerstekamer.nl/x' } }, sender)
    ).note;
    // A page reports on its own notes only: the other page's note is left alone.
    await handlers.notesAnchored({ placed: [a.id], orphaned: [b.id, other.id] }, contentOn(a.url));
    expect((await handlers.notesList({}, sender)).anchors).toEqual({
      [a.id]: 'anchored',
      [b.id]: 'orphaned',
    });
    expect((await handlers.notesRecent({ limit: 10 }, sender)).anchors).toEqual({
      [a.id]: 'anchored',
      [b.id]: 'orphaned',
    });
  });

  it('imports all or nothing, and a second import adds nothing', async () => {
    const { handlers, sender, store, changes } = setup();
    const notes = [makeNote(), makeNote(), makeNote()];
    const file = exportJsonLd(notes);
    const bad = await handlers.notesImport({ text: file.replace('"TextQuoteSelector"', '"Nope"') }, sender);
    expect(bad.ok).toBe(false);
    expect(await store.count()).toBe(0);
    expect(await handlers.notesImport({ text: file }, sender)).toMatchObject({ ok: true, added: 3 });
    expect(await handlers.notesImport({ text: file }, sender)).toMatchObject({
      ok: true,
      added: 0,
      unchanged: 3,
    });
    expect(await store.count()).toBe(3);
    expect(changes).toEqual([{ reload: true }]);
  });

  it('exports in each format', async () => {
    const { handlers, sender } = setup();
    await handlers.notesSave({ note: input }, sender);
    const jsonld = await handlers.notesExport({ format: 'jsonld' }, sender);
    expect(jsonld).toMatchObject({ count: 1, fileName: expect.stringMatching(/\.jsonld$/) });
    expect(JSON.parse(jsonld.text).total).toBe(1);
    expect((await handlers.notesExport({ format: 'markdown' }, sender)).text).toContain('\\<img');
    expect((await handlers.notesExport({ format: 'csv' }, sender)).mimeType).toMatch(/text\/csv/);
    await expect(handlers.notesExport({ format: 'pdf' as never }, sender)).rejects.toThrow(/format/);
  });

  it('opens a note’s page through the tab plumbing', async () => {
    const { handlers, sender } = setup();
    const { note } = await handlers.notesSave({ note: input }, sender);
    expect(await handlers.notesOpen({ id: note.id }, sender)).toEqual({ tabId: 7, shown: true });
    await expect(handlers.notesOpen({ id: 'missing' }, sender)).rejects.toThrow(/no longer exists/);
  });

  it('gives the reader the notes of a document by its fingerprint, wherever it was opened from', async () => {
    const { handlers, sender } = setup();
    const pdf = { format: 'pdf', fingerprint: 'ab'.repeat(16) } as const;
    const passage: NewAnnotation['selectors'] = [
      { type: 'TextQuoteSelector', exact: 'Nationaal Actieplan', prefix: '', suffix: '' },
      { type: 'PageSelector', index: 2, label: '3' },
    ];
    const fromWeb = await handlers.notesSave(
      {
        note: {
          url: 'https://www.tweedekamer.nl/downloads/document?id=1',
          selectors: passage,
          document: pdf,
        },
      },
      sender,
    );
    const fromDisk = await handlers.notesSave(
      { note: { url: `urn:x-pdf:${pdf.fingerprint}`, selectors: passage, document: pdf } },
      sender,
    );
    // The same address, another document (a web page's note there, another fingerprint): not this one's.
    await handlers.notesSave(
      { note: { ...input, url: 'https://www.tweedekamer.nl/downloads/document?id=1' } },
      sender,
    );
    await handlers.notesSave(
      {
        note: {
          url: 'https://example.org/b.pdf',
          selectors: passage,
          document: { ...pdf, fingerprint: 'cd'.repeat(16) },
        },
      },
      sender,
    );
    await handlers.notesDelete({ ids: [fromDisk.note.id] }, sender);
    // A content script on a web page at that address gets the page's own note only.
    const page = await handlers.notesForPage(
      {},
      contentOn('https://www.tweedekamer.nl/downloads/document?id=1'),
    );
    expect(page.notes.map((n) => n.target.document)).toEqual([undefined]);
    const { notes } = await handlers.notesForDocument({ document: pdf }, sender);
    expect(notes.map((n) => n.id)).toEqual([fromWeb.note.id]);
    expect((await handlers.notesGet({ id: fromWeb.note.id }, sender)).note).toEqual(fromWeb.note);
    expect((await handlers.notesGet({ id: 'missing' }, sender)).note).toBeNull();
  });
});

describe('the trash', () => {
  it('removes notes 30 days after they went into the trash, by the clock the worker runs on', async () => {
    const clock = { now: new Date('2030-01-01T12:00:00Z') };
    const { handlers, sender, store, changes } = setup(clock);
    const kept = (await handlers.notesSave({ note: input }, sender)).note;
    const old = (await handlers.notesSave({ note: { ...input, body: 'weg' } }, sender)).note;
    await store.softDelete(old.id, new Date('2030-01-01T12:00:00Z'));
    const recent = (await handlers.notesSave({ note: { ...input, body: 'net weg' } }, sender)).note;
    await store.softDelete(recent.id, new Date('2030-01-20T12:00:00Z'));

    clock.now = new Date('2030-01-31T11:59:00Z'); // 29 days and 23 hours: still there
    expect((await handlers.notesList({ includeDeleted: true }, sender)).notes).toHaveLength(3);

    clock.now = new Date('2030-01-31T12:01:00Z'); // past 30 days for the first one only
    changes.length = 0;
    const listed = (await handlers.notesList({ includeDeleted: true }, sender)).notes.map((n) => n.id);
    expect(listed.sort()).toEqual([kept.id, recent.id].sort());
    expect(await store.get(old.id)).toBeUndefined();
    expect(changes).toEqual([{ reload: true }]);
    // An export never carries a purged note.
    const exported = await handlers.notesExport({ format: 'jsonld', includeDeleted: true }, sender);
    expect(exported.count).toBe(2);
  });

  it('empties the trash now, and leaves the other notes', async () => {
    const { handlers, sender } = setup();
    const kept = (await handlers.notesSave({ note: input }, sender)).note;
    const gone = (await handlers.notesSave({ note: { ...input, body: 'weg' } }, sender)).note;
    await handlers.notesDelete({ ids: [gone.id] }, sender);
    expect(await handlers.notesEmptyTrash({}, sender)).toEqual({ purged: 1 });
    expect((await handlers.notesList({ includeDeleted: true }, sender)).notes.map((n) => n.id)).toEqual([
      kept.id,
    ]);
  });
});
