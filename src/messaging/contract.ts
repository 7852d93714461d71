/**
 * The one typed message contract between the content script, the extension pages and the
 * background service worker. Every request names its `type`; the response type follows from it.
 * Lookups are batched: a page sends all its ids in one `lookup` request, never one per citation.
 */
import type { ExportFormat } from '../core/annotations/export';
import type {
  Annotation,
  AnnotationPatch,
  Colour,
  DocumentRef,
  NewAnnotation,
} from '../core/annotations/model';
import type { CitationKind } from '../core/citation';
import type { LookupResult } from '../core/dataset/types';
import type { Settings } from '../core/settings';
import type { EncodedDetections } from './detections';
import type { RequestSender } from './senders';

export const MESSAGE_PROTOCOL_VERSION = 1;

/** Page text sent with a lookup around one citation, at most. */
export const MAX_CONTEXT_CHARS = 600;

/**
 * Requests the background service worker answers (runtime.sendMessage). Who may send each one is
 * `BACKGROUND_SENDERS` below, enforced by the server before any handler runs; a page-scoped request
 * takes the page from the sender (`Caller`), never from its payload.
 */
export interface BackgroundRequests {
  /**
   * The citations in a batch of page texts (a content script's chunks, in order). The detector runs in the worker,
   * warm across pages, so a page's main thread only reads its text and paints. `ms`: the worker's detection time.
   */
  detect: { request: { texts: string[] }; response: { detections: EncodedDetections; ms: number } };
  /**
   * Facts for a batch of ids from the bundled dataset. `enrich`: also ask the online service (when the
   * user switched it on) about unknown Kamerstukken; a content script asks it only for the citation
   * the user hovers or focuses, within a per-page budget; a page's scan never does.
   * `contexts`: for Kamerstuk citations without their dossier suffix, the page text around them (at most
   * MAX_CONTEXT_CHARS each), so the worker can tell which document is meant; it keeps none of it.
   */
  lookup: {
    request: { ids: string[]; enrich?: boolean; contexts?: Record<string, string> };
    response: { results: LookupResult[] };
  };
  datasetStatus: { request: Record<string, never>; response: DatasetStatus };
  /** Extension pages only: the frames of a tab (besides the top one) whose content script found citations. */
  tabFrames: { request: { tabId: number }; response: { frameIds: number[] } };
  /** A `_locales/<language>/messages.json` file, for a content script showing a language chosen in the options. */
  uiMessages: { request: { language: 'nl' | 'en' }; response: { messages: unknown } };
  /**
   * What a content script needs of the settings for its own page (storage.local is closed to content
   * scripts): the kinds, the delay, the language, and whether this site is annotated.
   */
  contentSettings: { request: Record<string, never>; response: ContentSettings };
  // Saved notes (issue 6). Store errors (quota, invalid note, …) come back as the reply's error.
  /** Creates a note; the worker gives it its id and times. Resolves once it is committed. */
  notesSave: { request: { note: NewAnnotation }; response: { note: Annotation } };
  notesUpdate: { request: { id: string; patch: AnnotationPatch }; response: { note: Annotation } };
  /** Moves notes to the trash (undo with `notesRestore`); one batch. */
  notesDelete: { request: { ids: string[] }; response: { notes: Annotation[] } };
  notesRestore: { request: { ids: string[] }; response: { notes: Annotation[] } };
  /**
   * The notes on the sender's page (trash excluded), for its content script: one request per page.
   * Only what anchoring and painting need: a note's text and tags never reach the page's process.
   */
  notesForPage: { request: Record<string, never>; response: { notes: NoteAnchorView[] } };
  /**
   * Every note, with where each was last placed, for the notes page. With `limit`, one page of at
   * most that many in id order: ask again with `afterId: next` until `next` is absent.
   */
  notesList: {
    request: { includeDeleted?: boolean; limit?: number; afterId?: string };
    response: NotesListing & { next?: string };
  };
  /** The `limit` most recently edited notes and the number of notes: the list's first screen. */
  notesRecent: { request: { limit: number }; response: NotesListing & { total: number } };
  /** The content script's anchoring outcome for its page's notes (orphans are kept, flagged). */
  notesAnchored: { request: { placed: string[]; orphaned: string[] }; response: { ok: true } };
  notesExport: {
    /** `language`: the words of Markdown and CSV (the notes page's language; default English). */
    request: { format: ExportFormat; includeDeleted?: boolean; language?: 'nl' | 'en' };
    response: { text: string; fileName: string; mimeType: string; count: number; includesTrash: boolean };
  };
  /** Imports a JSON-LD export: all or nothing; a bad file changes nothing and says why. */
  notesImport: { request: { text: string }; response: NotesImportOutcome };
  /** Opens the note's page in a new tab and scrolls to the passage once it is anchored there. */
  notesOpen: { request: { id: string }; response: { tabId: number; shown: boolean } };
  /**
   * Extension pages only (the reader): the notes made on a document with this fingerprint (trash
   * excluded), whether it was opened from the web or from the user's computer.
   */
  notesForDocument: { request: { document: DocumentRef }; response: { notes: Annotation[] } };
  /** Extension pages only: one note (the reader opened for it by "open"), or null. */
  notesGet: { request: { id: string }; response: { note: Annotation | null } };
  /** Removes the trash for good now ("empty now"); the worker also purges notes 30 days in the trash. */
  notesEmptyTrash: { request: Record<string, never>; response: { purged: number } };
  /**
   * A content script asks for the note frame (an extension page it embeds) to show or edit notes of
   * its page. The worker keeps the task under a one-time token: the frame's URL carries nothing else.
   */
  noteFrameOpen: { request: { task: NoteFrameRequest }; response: { token: string } };
  /** The note frame fetches its task (once) with the token from its URL. */
  noteFrameTask: { request: { token: string }; response: NoteFrameTask };
  /** The note frame tells its content script what happened (through the worker, never the page). */
  noteFrameEvent: { request: { token: string; event: NoteFrameEvent }; response: { ok: true } };
}

export type ContentSettings = Pick<Settings, 'enabledKinds' | 'tooltipDelayMs' | 'language'> & {
  annotating: boolean;
};

/** A note as the content script sees it: enough to find and paint its passage, nothing to read. */
export type NoteAnchorView = Pick<Annotation, 'id' | 'colour' | 'target'>;

/** What a content script asks the note frame to do. */
export type NoteFrameRequest =
  | {
      kind: 'new';
      /** The passage as read from the page, and its W3C selectors. */
      quote: string;
      title: string;
      selectors: NewAnnotation['selectors'];
      citation?: NewAnnotation['citation'];
    }
  /** Show the notes under the pointer (with edit and delete), or open one in the editor. */
  | { kind: 'view'; ids: string[] }
  | { kind: 'edit'; id: string };

/** The task as the frame receives it: the notes themselves, read by the worker. */
export type NoteFrameTask =
  | (Extract<NoteFrameRequest, { kind: 'new' }> & { url: string })
  | { kind: 'view'; notes: Annotation[] }
  | { kind: 'edit'; note: Annotation };

/** What the frame reports; ids and colours only, never a note's text. */
export type NoteFrameEvent =
  | { type: 'saved'; id: string; colour: Colour }
  | { type: 'deleted'; id: string }
  | { type: 'restored'; id: string; colour: Colour }
  | { type: 'size'; width: number; height: number }
  | { type: 'close' };

/** Where a note was last found on its page: `unknown` until the page has been visited. */
export type NoteAnchorState = 'anchored' | 'orphaned' | 'unknown';

export interface NotesListing {
  notes: Annotation[];
  /** By note id; notes missing here are `unknown`. */
  anchors: Record<string, Exclude<NoteAnchorState, 'unknown'>>;
}

export type NotesImportOutcome =
  | { ok: true; added: number; updated: number; unchanged: number; warnings: string[] }
  | { ok: false; errors: string[] };

/** A note on the current page as the content script placed it. */
export interface PageNote {
  id: string;
  state: Exclude<NoteAnchorState, 'unknown'>;
  /** How it was placed (`anchor()`'s method, or `citation` for the cited id's first occurrence). */
  method?: 'position' | 'quote' | 'fuzzy' | 'citation';
  /** The page text the highlight covers now. */
  text?: string;
  colour: string;
}

/** Requests a tab's content script answers (tabs.sendMessage). */
export interface ContentRequests {
  pageCitations: { request: Record<string, never>; response: { citations: PageCitation[] } };
  /** Keyboard navigation (the extension's commands): open the next or previous citation's tooltip. */
  stepCitation: { request: { direction: 1 | -1 }; response: { id: string | null } };
  /** Main-thread cost of annotating the page so far (benchmarks, diagnostics). */
  scanStats: { request: Record<string, never>; response: ScanStats };
  /** The popup: scroll to a citation's first occurrence, flash it and open its tooltip. */
  revealCitation: { request: { id: string }; response: { found: boolean } };
  /** The popup: which site this is and whether the user lets Bronwijzer annotate it. */
  pageState: { request: Record<string, never>; response: { host: string; annotating: boolean } };
  /** Context menu "note on selection": open the note form for the current selection. */
  noteOnSelection: { request: Record<string, never>; response: { opened: boolean } };
  /** Scroll to a saved note (the notes page's "open") once the page's notes are anchored. */
  showNote: { request: { id: string }; response: { shown: boolean } };
  /** The page's saved notes as placed (diagnostics, tests). */
  pageNotes: { request: Record<string, never>; response: { notes: PageNote[] } };
  /** The settings changed: ask for them again (`contentSettings`). */
  settingsChanged: { request: Record<string, never>; response: { ok: true } };
  /** The note frame this content script opened reported something (relayed by the worker). */
  noteFrameEvent: { request: { token: string; event: NoteFrameEvent }; response: { ok: true } };
}

export interface ScanStats {
  slices: number;
  totalMs: number;
  longestSliceMs: number;
  textChars: number;
  citations: number;
  /**
   * Split of totalMs: reading the DOM, the page's share of detection (sending texts to the worker, decoding its
   * answer), creating and painting ranges.
   */
  readMs: number;
  detectMs: number;
  placeMs: number;
  /** Detection time in the background worker, off the page's main thread (not part of totalMs). */
  workerDetectMs: number;
}

export interface DatasetStatus {
  version: string;
  dataAsOf: string;
  recordCount: number;
  seededAt: string;
  /** Records per kind (`unsc`, `treaty`, `kamerstuk`: dossiers), and `documents`. */
  contents: Record<string, number>;
}

/** One distinct citation on a page, as the popup lists it. */
export interface PageCitation {
  id: string;
  kind: CitationKind;
  /** The first surface text found for this id. */
  text: string;
  occurrences: number;
  /** The page is this document itself (its number is in the page's address): shown as such, not as a jump target. */
  thisDocument?: boolean;
  /** For a Kamerstuk cited without its dossier suffix: the page text around it (see the `lookup` request). */
  context?: string;
}

export type RequestOf<M, K extends keyof M> = M[K] extends { request: infer R } ? R : never;
export type ResponseOf<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;

export type Envelope<M> = {
  [K in keyof M]: { protocol: typeof MESSAGE_PROTOCOL_VERSION; type: K; payload: RequestOf<M, K> };
}[keyof M];

/** Errors travel as values: a rejected promise across the message boundary loses its type. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export function isEnvelope<M>(message: unknown, types: readonly (keyof M)[]): message is Envelope<M> {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as { protocol?: unknown; type?: unknown; payload?: unknown };
  return (
    candidate.protocol === MESSAGE_PROTOCOL_VERSION &&
    types.includes(candidate.type as keyof M) &&
    typeof candidate.payload === 'object' &&
    candidate.payload !== null
  );
}

/**
 * Who may send each request, enforced in one place (`serveRequests`). Every request type must be
 * listed: a missing one is a compile error, not a silent non-answer. `content` requests are the
 * page's own: the worker reads the page from the sender. Everything notes-wide (list, export,
 * import, edits, the trash) is `extension`; a note is saved and edited from the note frame.
 */
export const BACKGROUND_SENDERS: Record<keyof BackgroundRequests, RequestSender> = {
  detect: 'content',
  lookup: 'content',
  datasetStatus: 'extension',
  tabFrames: 'extension',
  uiMessages: 'content',
  contentSettings: 'content',
  notesSave: 'extension',
  notesUpdate: 'extension',
  notesDelete: 'extension',
  notesRestore: 'extension',
  notesForPage: 'content',
  notesList: 'extension',
  notesRecent: 'extension',
  notesAnchored: 'content',
  notesExport: 'extension',
  notesImport: 'extension',
  notesOpen: 'extension',
  notesForDocument: 'extension',
  notesGet: 'extension',
  notesEmptyTrash: 'extension',
  noteFrameOpen: 'content',
  noteFrameTask: 'extension',
  noteFrameEvent: 'extension',
};
const CONTENT_TYPES: Record<keyof ContentRequests, true> = {
  pageCitations: true,
  stepCitation: true,
  scanStats: true,
  revealCitation: true,
  pageState: true,
  noteOnSelection: true,
  showNote: true,
  pageNotes: true,
  settingsChanged: true,
  noteFrameEvent: true,
};

export const BACKGROUND_REQUEST_TYPES = Object.keys(BACKGROUND_SENDERS) as (keyof BackgroundRequests)[];
export const CONTENT_REQUEST_TYPES = Object.keys(CONTENT_TYPES) as (keyof ContentRequests)[];
