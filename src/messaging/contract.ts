/**
 * The one typed message contract between the content script, the extension pages and the
 * background service worker. Every request names its `type`; the response type follows from it.
 * Lookups are batched: a page sends all its ids in one `lookup` request, never one per citation.
 */
import type { CitationKind } from '../core/citation';
import type { LookupResult } from '../core/dataset/types';

export const MESSAGE_PROTOCOL_VERSION = 1;

/** Requests the background service worker answers (runtime.sendMessage). */
export interface BackgroundRequests {
  lookup: { request: { ids: string[] }; response: { results: LookupResult[] } };
  datasetStatus: { request: Record<string, never>; response: DatasetStatus };
  /** A `_locales/<language>/messages.json` file, for a content script showing a language chosen in the options. */
  uiMessages: { request: { language: 'nl' | 'en' }; response: { messages: unknown } };
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
}

export interface ScanStats {
  slices: number;
  totalMs: number;
  longestSliceMs: number;
  textChars: number;
  citations: number;
  /** Split of totalMs: reading the DOM, detecting, creating and painting ranges. */
  readMs: number;
  detectMs: number;
  placeMs: number;
}

export interface DatasetStatus {
  version: string;
  dataAsOf: string;
  recordCount: number;
  seededAt: string;
}

/** One distinct citation on a page, as the popup lists it. */
export interface PageCitation {
  id: string;
  kind: CitationKind;
  /** The first surface text found for this id. */
  text: string;
  occurrences: number;
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
  lookup: true,
  datasetStatus: true,
  uiMessages: true,
};
const CONTENT_TYPES: Record<keyof ContentRequests, true> = {
  pageCitations: true,
  stepCitation: true,
  scanStats: true,
  revealCitation: true,
  pageState: true,
};

export const BACKGROUND_REQUEST_TYPES = Object.keys(BACKGROUND_TYPES) as (keyof BackgroundRequests)[];
export const CONTENT_REQUEST_TYPES = Object.keys(CONTENT_TYPES) as (keyof ContentRequests)[];
