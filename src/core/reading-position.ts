/**
 * Where the reader left each document: page, the point at the top-left of the view (PDF units on that page)
 * and the zoom. Stored as one versioned record in the extension origin, at most MAX_REMEMBERED documents
 * (the least recently read are forgotten), validated on every read.
 */

export const POSITIONS_VERSION = 1;
export const MAX_REMEMBERED = 200;

export interface ReadingPosition {
  /** 1-based. */
  page: number;
  /** The point of the page at the view's top-left corner, in PDF units. */
  left: number;
  top: number;
  /** A zoom preset ('page-width', 'page-fit', 'auto', …) or a scale (1 = 100 %). */
  zoom: string;
  /** When it was last read (ms since the epoch): the oldest are forgotten first. */
  at: number;
}

export interface StoredPositions {
  version: typeof POSITIONS_VERSION;
  /** By document key: a PDF's fingerprint, or its address. */
  documents: Record<string, ReadingPosition>;
}

const ZOOM = /^(page-width|page-fit|page-actual|auto|\d+(\.\d+)?)$/;

function isPosition(value: unknown): value is ReadingPosition {
  if (typeof value !== 'object' || value === null) return false;
  const { page, left, top, zoom, at } = value as Record<string, unknown>;
  return (
    Number.isInteger(page) &&
    (page as number) >= 1 &&
    [left, top, at].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    typeof zoom === 'string' &&
    ZOOM.test(zoom)
  );
}

/** The stored record, with anything malformed dropped (a damaged entry costs only its own document). */
export function normalizePositions(value: unknown): StoredPositions {
  const documents: Record<string, ReadingPosition> = {};
  const stored = (value as Partial<StoredPositions> | undefined)?.documents;
  if (
    value &&
    (value as StoredPositions).version === POSITIONS_VERSION &&
    stored &&
    typeof stored === 'object'
  )
    for (const [key, position] of Object.entries(stored)) if (isPosition(position)) documents[key] = position;
  return { version: POSITIONS_VERSION, documents };
}

/** The record with `key` at `position`, the least recently read dropped beyond `max`. */
export function withPosition(
  stored: StoredPositions,
  key: string,
  position: ReadingPosition,
  max = MAX_REMEMBERED,
): StoredPositions {
  const entries = Object.entries({ ...stored.documents, [key]: position });
  entries.sort(([, a], [, b]) => b.at - a.at);
  return { version: POSITIONS_VERSION, documents: Object.fromEntries(entries.slice(0, max)) };
}
