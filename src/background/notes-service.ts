/**
 * The service worker's side of saved notes: the message handlers the content script and the notes
 * page call. The worker holds no notes in memory; every answer is read from, and every write
 * committed to, the AnnotationStore (IndexedDB in the extension origin) before it is confirmed.
 * Store errors (quota, invalid note, …) are thrown on, so the caller gets their message.
 */
import {
  exportCsv,
  exportFileName,
  exportJsonLd,
  exportMarkdown,
  EXPORT_FORMATS,
} from '../core/annotations/export';
import { EXPORT_LABELS } from '../core/annotations/export-labels';
import { importJsonLd } from '../core/annotations/import';
import { isNoteOf } from '../core/annotations/document-anchor';
import {
  createAnnotation,
  tryNormalizePageUrl,
  type Annotation,
  type NewAnnotation,
} from '../core/annotations/model';
import type { BackgroundRequests } from '../messaging/contract';
import { NOTES_CHANNEL, type NotesChange } from '../messaging/notes-channel';
import type { Handlers } from '../messaging/server';
import { pageOf, type Caller } from '../messaging/senders';
import type { AnnotationStore } from './annotation-store';
import type { NoteAnchors } from './note-anchors';

/** Upper bound on one batch of ids (delete, restore, anchoring report). */
const MAX_BATCH = 50_000;
/** A note stays in the trash this long, then it is removed for good. */
export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type NotesHandlers = Pick<
  Handlers<BackgroundRequests>,
  | 'notesSave'
  | 'notesUpdate'
  | 'notesDelete'
  | 'notesRestore'
  | 'notesForPage'
  | 'notesList'
  | 'notesRecent'
  | 'notesAnchored'
  | 'notesExport'
  | 'notesImport'
  | 'notesOpen'
  | 'notesForDocument'
  | 'notesGet'
  | 'notesEmptyTrash'
>;

export interface NotesDeps {
  store: AnnotationStore;
  anchors: NoteAnchors;
  /** Tells open extension pages what changed (default: a BroadcastChannel). */
  broadcast?: (change: NotesChange) => void;
  /** Opens a note's page and shows the note there (the worker's tab plumbing). */
  openNote?: (note: Annotation) => Promise<{ tabId: number; shown: boolean }>;
  /** The clock (tests move it to check the trash's 30 days). */
  now?: () => Date;
}

/** The sender's page, as notes store it (no fragment); a page that is not a web page has no notes. */
export function senderPage(caller: Caller, request: string): string {
  const url = tryNormalizePageUrl(pageOf(caller, request).pageUrl);
  if (url === undefined) throw new Error(`${request}: this page cannot have notes`);
  return url;
}

function ids(value: unknown, request: string): string[] {
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string'))
    throw new Error(`${request}: ids must be strings`);
  if (value.length > MAX_BATCH) throw new Error(`${request}: at most ${MAX_BATCH} ids per request`);
  return value as string[];
}

function count(value: unknown, request: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1 || (value as number) > MAX_BATCH)
    throw new Error(`${request}: limit must be an integer from 1 to ${MAX_BATCH}`);
  return value as number;
}

/** Where notes were last placed is a convenience: without it the list still opens. */
function marks(
  states: Promise<Record<string, 'anchored' | 'orphaned'>>,
): Promise<Record<string, 'anchored' | 'orphaned'>> {
  return states.catch(() => ({}));
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new Error(`${name} must be a string`);
  return value;
}

function newNote(value: unknown): Annotation {
  const input = value as NewAnnotation | undefined;
  if (typeof input !== 'object' || input === null || !Array.isArray(input.selectors))
    throw new Error('The note cannot be saved: it has no passage (selectors).');
  return createAnnotation(input);
}

export function defaultBroadcast(): (change: NotesChange) => void {
  if (typeof BroadcastChannel !== 'function') return () => undefined;
  const channel = new BroadcastChannel(NOTES_CHANNEL);
  return (change) => channel.postMessage(change);
}

export function createNotesHandlers(deps: NotesDeps): NotesHandlers {
  const { store, anchors } = deps;
  const broadcast = deps.broadcast ?? defaultBroadcast();
  const now = deps.now ?? (() => new Date());
  /** Notes longer than TRASH_DAYS in the trash go for good before anything lists or exports them. */
  const purgeExpired = async () => {
    const purged = await store.purgeDeleted(new Date(now().getTime() - TRASH_DAYS * DAY_MS));
    if (purged > 0) broadcast({ reload: true });
  };
  const changed = (notes: Annotation[]) => {
    if (notes.length > 0) broadcast({ changed: notes });
    return notes;
  };

  return {
    async notesSave({ note }) {
      const saved = await store.put(newNote(note));
      changed([saved]);
      return { note: saved };
    },
    async notesUpdate({ id, patch }) {
      if (typeof patch !== 'object' || patch === null)
        throw new Error('notesUpdate: patch must be an object');
      const note = await store.update(text(id, 'id'), patch);
      changed([note]);
      return { note };
    },
    async notesDelete(payload) {
      const notes: Annotation[] = [];
      for (const id of ids(payload.ids, 'notesDelete')) notes.push(await store.softDelete(id));
      return { notes: changed(notes) };
    },
    async notesRestore(payload) {
      const notes: Annotation[] = [];
      for (const id of ids(payload.ids, 'notesRestore')) notes.push(await store.restore(id));
      return { notes: changed(notes) };
    },
    async notesForPage(_, caller) {
      const notes = await store.listByPage(senderPage(caller, 'notesForPage'));
      // A PDF's notes belong to the reader's text of it, not to a web page served at the same address.
      const own = notes.filter((note) => note.target.document === undefined);
      return { notes: own.map(({ id, colour, target }) => ({ id, colour, target })) };
    },
    async notesList({ includeDeleted, limit, afterId }) {
      await purgeExpired();
      const options = { includeDeleted: includeDeleted === true };
      if (limit === undefined) {
        const [notes, anchorStates] = await Promise.all([store.listAll(options), marks(anchors.all())]);
        return { notes, anchors: anchorStates };
      }
      const page = await store.listPage(
        afterId === undefined ? undefined : text(afterId, 'afterId'),
        count(limit, 'notesList'),
        options,
      );
      return { ...page, anchors: await marks(anchors.get(page.notes.map((n) => n.id))) };
    },
    async notesRecent({ limit }) {
      // The first screen leaves the trash out: no purge needed before it (the full list that follows purges).
      const [notes, total] = await Promise.all([
        store.listRecent(count(limit, 'notesRecent')),
        store.count(),
      ]);
      return { notes, total, anchors: await marks(anchors.get(notes.map((n) => n.id))) };
    },
    async notesAnchored(payload, caller) {
      const url = senderPage(caller, 'notesAnchored');
      // A page reports only on its own notes.
      const own = new Set((await store.listByPage(url)).map((note) => note.id));
      const placed = ids(payload.placed, 'notesAnchored').filter((id) => own.has(id));
      const orphaned = ids(payload.orphaned, 'notesAnchored').filter((id) => own.has(id));
      await anchors.report(url, placed, orphaned);
      return { ok: true };
    },
    async notesExport({ format, includeDeleted, language }) {
      if (!Object.hasOwn(EXPORT_FORMATS, format)) throw new Error(`Unknown export format ${String(format)}`);
      await purgeExpired();
      const notes = await store.listAll({ includeDeleted: includeDeleted === true });
      const labels = EXPORT_LABELS[language === 'nl' ? 'nl' : 'en'];
      const options = { includeDeleted: includeDeleted === true, labels };
      const out =
        format === 'jsonld'
          ? exportJsonLd(notes, options)
          : format === 'markdown'
            ? exportMarkdown(notes, options)
            : exportCsv(notes, options);
      return {
        text: out,
        fileName: exportFileName(format, now(), options),
        includesTrash: options.includeDeleted,
        mimeType: EXPORT_FORMATS[format].mimeType,
        count: options.includeDeleted ? notes.length : notes.filter((n) => !n.deletedAt).length,
      };
    },
    async notesImport(payload) {
      const result = importJsonLd(text(payload.text, 'text'));
      if (!result.ok) return { ok: false, errors: result.errors };
      const written = await store.putMany(result.annotations);
      if (written.added + written.updated > 0) broadcast({ reload: true });
      return { ok: true, ...written, warnings: result.warnings };
    },
    async notesOpen({ id }) {
      const note = await store.get(text(id, 'id'));
      if (!note) throw new Error('This note no longer exists.');
      if (!deps.openNote) throw new Error('Opening pages is not available here.');
      return deps.openNote(note);
    },
    async notesForDocument({ document }) {
      const fingerprint = text(document?.fingerprint, 'document.fingerprint');
      const notes = await store.listAll();
      const own = { ref: { format: document.format, fingerprint } };
      return { notes: notes.filter((note) => isNoteOf(note, own)) };
    },
    async notesGet({ id }) {
      const note = await store.get(text(id, 'id'));
      return { note: note ?? null };
    },
    async notesEmptyTrash() {
      // Everything in the trash, whatever its time stamp says (ISO strings compare as text).
      const purged = await store.purgeDeleted(new Date('9999-12-31T23:59:59.999Z'));
      if (purged > 0) broadcast({ reload: true });
      return { purged };
    },
  };
}
