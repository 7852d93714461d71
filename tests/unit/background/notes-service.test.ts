import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationStore } from '../../../src/background/annotation-store';
import { NoteAnchors } from '../../../src/background/note-anchors';
import { createNotesHandlers } from '../../../src/background/notes-service';
import { exportJsonLd } from '../../../src/core/annotations/export';
import type { Annotation, NewAnnotation } from '../../../src/core/annotations/model';
import type { NotesChange } from '../../../src/messaging/notes-channel';
import { makeNote } from '../annotations/helpers';

let counter = 0;
const stores: AnnotationStore[] = [];

function setup() {
  const store = new AnnotationStore(`notes-service-${++counter}`);
  stores.push(store);
  const changes: NotesChange[] = [];
  const handlers = createNotesHandlers({
    store,
    anchors: new NoteAnchors(`notes-service-anchors-${counter}`),
    broadcast: (change) => changes.push(change),
    openNote: async () => ({ tabId: 7, shown: true }),
  });
  const sender = {} as never;
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
    expect((await handlers.notesForPage({ url: 'https://www.tweedekamer.nl/brief' }, sender)).notes).toEqual([
      note,
    ]);
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
    expect((await handlers.notesForPage({ url: note.url }, sender)).notes).toEqual([]);
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
    await handlers.notesAnchored({ url: a.url, placed: [a.id], orphaned: [b.id] }, sender);
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
});
