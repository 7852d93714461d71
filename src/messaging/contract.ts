/**
 * The one typed message contract between the content script, the extension pages and the
 * background service worker. Every request names its `type`; the response type follows from it.
 * Lookups are batched: a page sends all its ids in one `lookup` request, never one per citation.
 */
import type { ExportFormat } from '../core/annotations/export';
import type { Annotation, AnnotationPatch, NewAnnotation } from '../core/annotations/model';
import type { CitationKind } from '../core/citation';
import type { LookupResult } from '../core/dataset/types';
import type { EncodedDetections } from './detections';

export const MESSAGE_PROTOCOL_VERSION = 1;

/** Page text sent with a lookup around one citation, at most. */
export const MAX_CONTEXT_CHARS = 600;

/** Requests the background service worker answers (runtime.sendMessage). */
export interface BackgroundRequests {
  /**
   * The citations in a batch of page texts (a content script's chunks, in order). The detector runs in the worker,
   * warm across pages, so a page's main thread only reads its text and paints. `ms`: the worker's detection time.
   */
  detect: { request: { texts: string[] }; response: { detections: EncodedDetections; ms: number } };
  /**
   * `contexts`: for Kamerstuk citations without their dossier suffix, the page text around them (at most
   * MAX_CONTEXT_CHARS each), so the worker can tell which document is meant; it keeps none of it.
   */
  lookup: {
    request: { ids: string[]; contexts?: Record<string, string> };
    response: { results: LookupResult[] };
  };
  datasetStatus: { request: Record<string, never>; response: DatasetStatus };
  /** Extension pages only: the frames of a tab (besides the top one) whose content script found citations. */
  tabFrames: { request: { tabId: number }; response: { frameIds: number[] } };
  /** A `_locales/<language>/messages.json` file, for a content script showing a language chosen in the options. */
  uiMessages: { request: { language: 'nl' | 'en' }; response: { messages: unknown } };
  // Saved notes (issue 6). Store errors (quota, invalid note, …) come back as the reply's error.
  /** Creates a note; the worker gives it its id and times. Resolves once it is committed. */
  notesSave: { request: { note: NewAnnotation }; response: { note: Annotation } };
  notesUpdate: { request: { id: string; patch: AnnotationPatch }; response: { note: Annotation } };
  /** Moves notes to the trash (undo with `notesRestore`); one batch. */
  notesDelete: { request: { ids: string[] }; response: { notes: Annotation[] } };
  notesRestore: { request: { ids: string[] }; response: { notes: Annotation[] } };
  /** The notes on one page (trash excluded), for the content script: one request per page. */
  notesForPage: { request: { url: string }; response: { notes: Annotation[] } };
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
  /** The content script's anchoring outcome for the notes of one page (orphans are kept, flagged). */
  notesAnchored: { request: { url: string; placed: string[]; orphaned: string[] }; response: { ok: true } };
  notesExport: {
    request: { format: ExportFormat; includeDeleted?: boolean };
    response: { text: string; fileName: string; mimeType: string; count: number };
  };
  /** Imports a JSON-LD export: all or nothing; a bad file changes nothing and says why. */
  notesImport: { request: { text: string }; response: NotesImportOutcome };
  /** Opens the note's page in a new tab and scrolls to the passage once it is anchored there. */
  notesOpen: { request: { id: string }; response: { tabId: number; shown: boolean } };
}

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

// Every request type must be listed here: a missing one is a compile error, not a silent non-answer.
const BACKGROUND_TYPES: Record<keyof BackgroundRequests, true> = {
  detect: true,
  lookup: true,
  datasetStatus: true,
  tabFrames: true,
  uiMessages: true,
  notesSave: true,
  notesUpdate: true,
  notesDelete: true,
  notesRestore: true,
  notesForPage: true,
  notesList: true,
  notesRecent: true,
  notesAnchored: true,
  notesExport: true,
  notesImport: true,
  notesOpen: true,
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
};

export const BACKGROUND_REQUEST_TYPES = Object.keys(BACKGROUND_TYPES) as (keyof BackgroundRequests)[];
export const CONTENT_REQUEST_TYPES = Object.keys(CONTENT_TYPES) as (keyof ContentRequests)[];
