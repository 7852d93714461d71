/**
 * A big text file is scanned in chunks on all cores, with the citations one pass over the whole text gives:
 * - it is cut at blank lines (else at line breaks) into one chunk per worker;
 * - each chunk is detected with a margin of its neighbours' text on both sides, so every pattern near a cut sees
 *   what it would see in the whole text, and the two chunks of a cut must find the same citations around it;
 * - what the whole text lends a part is given or checked: the house of Handelingen without one (counted at the
 *   file's start and passed to every chunk), a treaty named in another chunk that supports a short acronym, the
 *   dossier of an implicit reference taken from before the chunk.
 * A file whose chunks fail a check is scanned again in one piece, so the output never depends on the cuts.
 * The main thread plans the cuts and checks; worker threads read, decode, detect and format (scan-worker.ts).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { detectInText, textHouse, type Citation } from '../../src/core/detect/index';
import type { Format } from './scan-core';

/** Bytes of each neighbour a chunk is detected with: far more than any pattern's window. */
const MARGIN_BYTES = 16_384;
/** UTF-16 units on each side of a cut where both chunks must find the same citations (< MARGIN_BYTES / 3). */
const CHECKED_UNITS = 2_000;
/** Files from this size are cut (SCAN_CHUNK_BYTES: the tests cut small files). */
export const MIN_CHUNK_BYTES = Number(process.env.SCAN_CHUNK_BYTES ?? 1_000_000);
/** The house of a document is counted in its first 100,000 characters: these bytes always hold them. */
const HOUSE_BYTES = 400_000;
const LF = 0x0a;

/** Reads `length` bytes of `fd` from `position` (fewer at the end of the file). */
function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buf, read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return buf.subarray(0, read);
}

/** A cut at or after `target`: just after the first blank line before `limit`, else after a line break; or -1. */
function cutAfter(fd: number, target: number, limit: number): number {
  const window = readAt(fd, target, limit - target);
  const blank = window.indexOf('\n\n');
  if (blank >= 0) return target + blank + 2;
  const line = window.indexOf(LF);
  return line >= 0 ? target + line + 1 : -1;
}

export interface ChunkPlan {
  /** Byte offsets where each chunk starts, and the file's size at the end. */
  cuts: number[];
  /** The house of Handelingen without one, for the whole file (textHouse). */
  house: 'tk' | 'ek';
}

/** Where to cut a file of `size` bytes into up to `parts` chunks; undefined when it is not worth cutting. */
export function planChunks(
  file: string,
  size: number,
  parts: number,
  minChunkBytes = MIN_CHUNK_BYTES,
): ChunkPlan | undefined {
  if (parts < 2 || size < 2 * minChunkBytes) return undefined;
  const fd = openSync(file, 'r');
  try {
    const count = Math.min(parts, Math.floor(size / minChunkBytes));
    const cuts = [0];
    for (let i = 1; i < count; i++) {
      const target = Math.max(Math.round((size * i) / count), cuts[cuts.length - 1]! + 1);
      const cut = cutAfter(fd, target, Math.min(size, target + Math.round(size / count / 2)));
      if (cut > 0 && cut < size) cuts.push(cut);
    }
    if (cuts.length < 2) return undefined;
    cuts.push(size);
    const house = textHouse(readAt(fd, 0, Math.min(size, HOUSE_BYTES)).toString('utf8'));
    return { cuts, house };
  } finally {
    closeSync(fd);
  }
}

/** One chunk for a worker: bytes [start, end) of `file`. */
export interface ChunkJob {
  file: string;
  start: number;
  end: number;
  house: 'tk' | 'ek';
}

/** What the checks need of a detected chunk, and its share of the work in ms. */
export interface ChunkFacts {
  /** Its length in UTF-16 units (its citations' offsets in the file start after those of the chunks before it). */
  units: number;
  named: string[];
  unsupported: string[];
  /** An implicit reference of the chunk took its dossier from before the checked text, or found none. */
  implicitFromBefore: boolean;
  /** The citations around its start and its end, relative to the cut: the neighbour's must be the same. */
  head: string[];
  tail: string[];
  ms: { read: number; decode: number; detect: number };
}

/** A detected chunk a worker keeps until the main thread knows where its text starts in the file. */
export interface DetectedChunk {
  file: string;
  text: string;
  citations: Citation[];
  /** Where the chunk's own text starts and ends in `text` (the rest is margin). */
  ownStart: number;
  ownEnd: number;
}

function citationKey(c: Citation, origin: number): string {
  return `${c.kind} ${c.id} ${c.start - origin} ${c.end - origin} ${c.extras ? JSON.stringify(c.extras) : ''}`;
}

/** The citations that reach into the checked text around `cut` (a long one from far before it included). */
function keysAround(citations: Citation[], cut: number): string[] {
  const keys: string[] = [];
  for (const c of citations) {
    if (c.end > cut - CHECKED_UNITS && c.start < cut + CHECKED_UNITS) keys.push(citationKey(c, cut));
  }
  return keys;
}

/** Index past a UTF-8 sequence's continuation bytes: a margin starts and ends on a character. */
function characterStart(bytes: Buffer, i: number): number {
  while (i < bytes.length && (bytes[i]! & 0xc0) === 0x80) i++;
  return i;
}

/** Reads, decodes and detects a chunk with its margins (in a worker). */
export function detectChunk(job: ChunkJob): { chunk: DetectedChunk; facts: ChunkFacts } {
  const t0 = performance.now();
  const fd = openSync(job.file, 'r');
  const from = Math.max(0, job.start - MARGIN_BYTES);
  let bytes: Buffer;
  try {
    bytes = readAt(fd, from, job.end + MARGIN_BYTES - from);
  } finally {
    closeSync(fd);
  }
  const t1 = performance.now();
  // The cuts are at line breaks, so the own part decodes on its own; the margins are trimmed to whole characters.
  const ownFrom = job.start - from;
  const ownTo = job.end - from;
  const marginFrom = characterStart(bytes, 0);
  let marginTo = bytes.length;
  if (marginTo > ownTo) {
    marginTo = characterStart(bytes, Math.min(bytes.length, ownTo + MARGIN_BYTES - 4));
  }
  // ignoreBOM: a byte-order mark stays in the text, as Buffer#toString keeps it for a file scanned in one piece.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const text = decoder.decode(bytes.subarray(marginFrom, marginTo));
  const ownStart = decoder.decode(bytes.subarray(marginFrom, ownFrom)).length;
  const ownEnd = text.length - decoder.decode(bytes.subarray(ownTo, marginTo)).length;
  const t2 = performance.now();
  const detection = detectInText(text, { house: job.house });
  const t3 = performance.now();
  const first = job.start > 0 ? ownStart - CHECKED_UNITS : -Infinity;
  const implicitFromBefore = detection.implicit.some(
    (r) => r.start >= ownStart && r.start < ownEnd && r.from < first,
  );
  return {
    chunk: { file: job.file, text, citations: detection.citations, ownStart, ownEnd },
    facts: {
      units: ownEnd - ownStart,
      named: [...detection.named],
      unsupported: [...detection.unsupported],
      implicitFromBefore,
      head: keysAround(detection.citations, ownStart),
      tail: keysAround(detection.citations, ownEnd),
      ms: { read: t1 - t0, decode: t2 - t1, detect: t3 - t2 },
    },
  };
}

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/**
 * Whether the chunks of a file (in order) read as the whole text: same citations around each cut, no short acronym
 * left out that another chunk's treaty name supports, no implicit reference whose dossier lies before its chunk.
 */
export function chunksAgree(facts: ChunkFacts[]): boolean {
  const named = new Set(facts.flatMap((f) => f.named));
  return facts.every(
    (f, i) =>
      (i === 0 || (sameKeys(facts[i - 1]!.tail, f.head) && !f.implicitFromBefore)) &&
      !f.unsupported.some((key) => named.has(key)),
  );
}

/** A chunk's own citations, their offsets moved to the file's (`base`: where its own text starts in the file). */
export function ownCitations(
  chunk: DetectedChunk,
  base: number,
): { citations: Citation[]; text: string; shift: number } {
  const citations = chunk.citations.filter((c) => c.start >= chunk.ownStart && c.start < chunk.ownEnd);
  return { citations, text: chunk.text, shift: base - chunk.ownStart };
}

export type { Format };
