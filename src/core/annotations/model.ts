/**
 * The saved-annotation model: a user's note on a passage or on a citation, kept locally.
 *
 * The shape follows the W3C Web Annotation Data Model where it can (a target with a TextQuoteSelector
 * and a TextPositionSelector, a plain-text body, tags), so export to JSON-LD is a mapping, not a
 * translation. Every stored record carries `schemaVersion`; older records are upgraded by
 * `migrateAnnotation`, which the IndexedDB upgrade and the importer both use.
 *
 * Pure: no DOM, no browser APIs. A note's text is plain text everywhere; nothing here parses HTML.
 */
import { isCitationKind, type CitationKind } from '../citation';

/**
 * Version history:
 * - 1: id, created, updated, url, title, target, body, deletedAt.
 * - 2: adds `colour` and `tags` (backfilled with `DEFAULT_COLOUR` and `[]`).
 * - 3: notes on PDF and Word documents (the reader): an optional `target.document` (format and
 *   fingerprint) and `PageSelector`; `url` may be the document's URN for a file opened locally.
 *   A version 2 record is a valid version 3 record.
 */
export const ANNOTATION_SCHEMA_VERSION = 3;

/** The fixed highlight palette; the UI maps each name to its own colours (light and dark theme). */
export const COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type Colour = (typeof COLOURS)[number];
export const DEFAULT_COLOUR: Colour = 'yellow';

export const LIMITS = {
  /** Characters of context kept on each side of a quote. */
  contextLength: 32,
  /** Prefix/suffix accepted from other tools (which may keep more context than we do). */
  maxContextLength: 1_000,
  maxQuoteLength: 50_000,
  maxBodyLength: 50_000,
  maxTitleLength: 2_000,
  maxUrlLength: 8_192,
  maxTags: 32,
  maxTagLength: 64,
  maxCitationIdLength: 200,
} as const;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** Up to `LIMITS.contextLength` characters before `exact` (shorter at the start of the text). */
  prefix: string;
  /** Up to `LIMITS.contextLength` characters after `exact` (shorter at the end of the text). */
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** UTF-16 offsets into the page text as the content script extracts it (end exclusive). */
  start: number;
  end: number;
}

/** The page of a PDF the passage starts on, as Hypothesis records it (`index` is 0-based). */
export interface PageSelector {
  type: 'PageSelector';
  index: number;
  /** The page's number as shown to the reader ("1"). */
  label?: string;
}

export type Selector = TextQuoteSelector | TextPositionSelector | PageSelector;

export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/**
 * The document a note in the reader was made on: a PDF's fingerprint (PDF.js `fingerprints[0]`), or
 * the SHA-256 of a Word file's bytes. Anchoring refuses a document with another fingerprint.
 */
export interface DocumentRef {
  format: DocumentFormat;
  /** Lower-case hex. */
  fingerprint: string;
}

export interface AnnotationTarget {
  /** The page: equal to `Annotation.url`. */
  source: string;
  /** Exactly one TextQuoteSelector, at most one TextPositionSelector and one PageSelector. */
  selectors: Selector[];
  /** Set for a note made in the reader, on a PDF or Word document. */
  document?: DocumentRef;
  /** Set for a note on a detected citation: the normalized id (`unsc-1325`). */
  citationId?: string;
  citationKind?: CitationKind;
}

export interface Annotation {
  schemaVersion: typeof ANNOTATION_SCHEMA_VERSION;
  /** A UUID; kept across export and import so importing the same file twice does not duplicate. */
  id: string;
  /** ISO 8601 timestamps in UTC as `Date.prototype.toISOString` writes them (validation canonicalizes). */
  created: string;
  updated: string;
  /**
   * The page's URL without its fragment; for a document opened from the user's computer (no
   * address), its URN (`documentUrn`).
   */
  url: string;
  title: string;
  target: AnnotationTarget;
  /** The note: plain text, never HTML. May be empty (a plain highlight). */
  body: string;
  colour: Colour;
  /** Trimmed, non-empty, unique (case-insensitively), in the order the user gave them. */
  tags: string[];
  /** Set while the note is in the trash (undo); `purgeDeleted` removes it for good later. */
  deletedAt?: string;
}

/** A record as schema version 1 wrote it (no colour, no tags). */
export interface AnnotationV1 {
  schemaVersion: 1;
  id: string;
  created: string;
  updated: string;
  url: string;
  title: string;
  target: AnnotationTarget;
  body: string;
  deletedAt?: string;
}

// ---------------------------------------------------------------------------------------------
// Validation results
// ---------------------------------------------------------------------------------------------

export interface ValidationIssue {
  /** Where the problem is, e.g. `target.selectors[0].exact`. */
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: ValidationIssue[] };

export function formatIssue(issue: ValidationIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** Thrown by the factory and update helpers; `message` lists every problem, one per line. */
export class AnnotationValidationError extends Error {
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[]) {
    super(`Invalid annotation:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'AnnotationValidationError';
    this.issues = issues;
  }
}

// ---------------------------------------------------------------------------------------------
// Small normalizers
// ---------------------------------------------------------------------------------------------

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}

export function isIsoTimestamp(value: unknown): value is string {
  return typeof value === 'string' && ISO_RE.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * The page URL as stored: parsed, serialized, without fragment. Undefined when not an absolute
 * http(s) URL: notes are made on web pages, and a `javascript:` or `data:` "page" in an imported
 * file must never reach an "open" link.
 */
export function tryNormalizePageUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  return url.href;
}

/** Like `tryNormalizePageUrl`, but throws an `AnnotationValidationError` for an invalid URL. */
export function normalizePageUrl(raw: string): string {
  const url = tryNormalizePageUrl(raw);
  if (url === undefined)
    throw new AnnotationValidationError([{ path: 'url', message: 'expected an absolute http(s) URL' }]);
  return url;
}

const FINGERPRINT_RE = /^[0-9a-f]{16,128}$/;
const DOCUMENT_URN_RE = /^urn:x-(pdf|docx):([0-9a-f]{16,128})$/;

/** The address of a document that has none (a local file): `urn:x-pdf:<fingerprint>`, as Hypothesis names it. */
export function documentUrn(document: DocumentRef): string {
  return `urn:x-${document.format}:${document.fingerprint}`;
}

/** The document a `documentUrn` names, or undefined for any other string. */
export function parseDocumentUrn(url: string): DocumentRef | undefined {
  const match = DOCUMENT_URN_RE.exec(url);
  return match ? { format: match[1] as DocumentFormat, fingerprint: match[2]! } : undefined;
}

/** Trims, collapses inner whitespace, drops empty and duplicate (case-insensitive) tags. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    if (!tag) continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

export function isColour(value: unknown): value is Colour {
  return typeof value === 'string' && (COLOURS as readonly string[]).includes(value);
}

/** A timestamp strictly after `previous`, so "keep the newer `updated`" always sees an edit as newer. */
export function nextTimestamp(previous: string | undefined, now: Date = new Date()): string {
  const prev = previous === undefined ? Number.NaN : Date.parse(previous);
  const t = Number.isNaN(prev) ? now.getTime() : Math.max(now.getTime(), prev + 1);
  return new Date(t).toISOString();
}

export function quoteSelectorOf(annotation: Pick<Annotation, 'target'>): TextQuoteSelector | undefined {
  return annotation.target.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

export function positionSelectorOf(annotation: Pick<Annotation, 'target'>): TextPositionSelector | undefined {
  return annotation.target.selectors.find(
    (s): s is TextPositionSelector => s.type === 'TextPositionSelector',
  );
}

export function pageSelectorOf(annotation: Pick<Annotation, 'target'>): PageSelector | undefined {
  return annotation.target.selectors.find((s): s is PageSelector => s.type === 'PageSelector');
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** Collects issues under a path prefix; the validators below (and the importer) share it. */
export class Issues {
  readonly list: ValidationIssue[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
  string(
    obj: Obj,
    key: string,
    path: string,
    max: number,
    opts: { nonEmpty?: boolean } = {},
  ): string | undefined {
    const value = obj[key];
    if (typeof value !== 'string') {
      this.add(path, `expected a string, got ${describe(value)}`);
      return undefined;
    }
    if (opts.nonEmpty && value.length === 0) this.add(path, 'must not be empty');
    if (value.length > max) this.add(path, `is too long (${value.length} characters, at most ${max})`);
    return value;
  }
  timestamp(obj: Obj, key: string, path: string): string | undefined {
    const value = obj[key];
    if (!isIsoTimestamp(value)) {
      this.add(
        path,
        `expected an ISO 8601 date-time like "2025-01-31T12:00:00.000Z", got ${describe(value)}`,
      );
      return undefined;
    }
    // The canonical UTC form (`toISOString`), so stored times compare correctly as strings.
    return new Date(value).toISOString();
  }
}

function validateSelectors(value: unknown, path: string, issues: Issues): Selector[] {
  if (!Array.isArray(value)) {
    issues.add(path, `expected an array of selectors, got ${describe(value)}`);
    return [];
  }
  const out: Selector[] = [];
  let quotes = 0;
  let positions = 0;
  let pages = 0;
  value.forEach((raw: unknown, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(raw)) {
      issues.add(p, `expected a selector object, got ${describe(raw)}`);
      return;
    }
    if (raw.type === 'TextQuoteSelector') {
      quotes++;
      const exact = issues.string(raw, 'exact', `${p}.exact`, LIMITS.maxQuoteLength, { nonEmpty: true });
      const prefix = issues.string(raw, 'prefix', `${p}.prefix`, LIMITS.maxContextLength);
      const suffix = issues.string(raw, 'suffix', `${p}.suffix`, LIMITS.maxContextLength);
      if (exact !== undefined && prefix !== undefined && suffix !== undefined) {
        out.push({ type: 'TextQuoteSelector', exact, prefix, suffix });
      }
    } else if (raw.type === 'TextPositionSelector') {
      positions++;
      const { start, end } = raw;
      let ok = true;
      if (!Number.isSafeInteger(start) || (start as number) < 0) {
        issues.add(`${p}.start`, `expected a non-negative integer, got ${describe(start)}`);
        ok = false;
      }
      if (!Number.isSafeInteger(end) || (end as number) < 0) {
        issues.add(`${p}.end`, `expected a non-negative integer, got ${describe(end)}`);
        ok = false;
      }
      if (ok && (end as number) < (start as number)) {
        issues.add(`${p}.end`, `must not be before start (${String(start)})`);
        ok = false;
      }
      if (ok) out.push({ type: 'TextPositionSelector', start: start as number, end: end as number });
    } else if (raw.type === 'PageSelector') {
      pages++;
      const page = validatePageSelector(raw, p, issues);
      if (page) out.push(page);
    } else {
      issues.add(
        `${p}.type`,
        `expected "TextQuoteSelector", "TextPositionSelector" or "PageSelector", got ${describe(raw.type)}`,
      );
    }
  });
  if (quotes !== 1) issues.add(path, `expected exactly one TextQuoteSelector, found ${quotes}`);
  if (positions > 1) issues.add(path, `expected at most one TextPositionSelector, found ${positions}`);
  if (pages > 1) issues.add(path, `expected at most one PageSelector, found ${pages}`);
  return out;
}

/** A PageSelector's fields (shared with the importer). */
export function validatePageSelector(raw: Obj, path: string, issues: Issues): PageSelector | undefined {
  const { index, label } = raw;
  if (!Number.isSafeInteger(index) || (index as number) < 0) {
    issues.add(`${path}.index`, `expected a non-negative integer, got ${describe(index)}`);
    return undefined;
  }
  if (label === undefined) return { type: 'PageSelector', index: index as number };
  if (typeof label !== 'string' || label.length > 32) {
    issues.add(`${path}.label`, `expected a short string, got ${describe(label)}`);
    return undefined;
  }
  return { type: 'PageSelector', index: index as number, label };
}

/** A `target.document` value (shared with the importer). */
export function validateDocumentRef(value: unknown, path: string, issues: Issues): DocumentRef | undefined {
  if (!isObject(value)) {
    issues.add(path, `expected an object with format and fingerprint, got ${describe(value)}`);
    return undefined;
  }
  const { format, fingerprint } = value;
  let ok = true;
  if (!(DOCUMENT_FORMATS as readonly unknown[]).includes(format)) {
    issues.add(`${path}.format`, `expected one of ${DOCUMENT_FORMATS.join(', ')}, got ${describe(format)}`);
    ok = false;
  }
  if (typeof fingerprint !== 'string' || !FINGERPRINT_RE.test(fingerprint)) {
    issues.add(`${path}.fingerprint`, `expected a lower-case hex fingerprint, got ${describe(fingerprint)}`);
    ok = false;
  }
  return ok ? { format: format as DocumentFormat, fingerprint: fingerprint as string } : undefined;
}

function validateTarget(
  value: unknown,
  url: string | undefined,
  issues: Issues,
): AnnotationTarget | undefined {
  if (!isObject(value)) {
    issues.add('target', `expected an object, got ${describe(value)}`);
    return undefined;
  }
  const source = issues.string(value, 'source', 'target.source', LIMITS.maxUrlLength);
  if (source !== undefined && url !== undefined && source !== url) {
    issues.add('target.source', 'expected the same value as url');
  }
  const selectors = validateSelectors(value.selectors, 'target.selectors', issues);
  const target: AnnotationTarget = { source: source ?? '', selectors };
  if (value.document !== undefined) {
    const document = validateDocumentRef(value.document, 'target.document', issues);
    if (document) target.document = document;
  }
  if (value.citationId !== undefined) {
    const id = issues.string(value, 'citationId', 'target.citationId', LIMITS.maxCitationIdLength, {
      nonEmpty: true,
    });
    if (id !== undefined) target.citationId = id;
  }
  if (value.citationKind !== undefined) {
    if (!isCitationKind(value.citationKind)) {
      issues.add(
        'target.citationKind',
        `expected a citation kind (unsc, kamerstuk, …), got ${describe(value.citationKind)}`,
      );
    } else if (value.citationId === undefined) {
      issues.add('target.citationKind', 'is set but target.citationId is missing');
    } else {
      target.citationKind = value.citationKind;
    }
  }
  return target;
}

/**
 * Checks a value against the current schema and returns a clean copy (unknown fields dropped).
 * Use `migrateAnnotation` for records that may have been written by an older schema version.
 */
export function validateAnnotation(value: unknown): Validated<Annotation> {
  const issues = new Issues();
  if (!isObject(value)) {
    issues.add('', `expected an annotation object, got ${describe(value)}`);
    return { ok: false, errors: issues.list };
  }
  if (value.schemaVersion !== ANNOTATION_SCHEMA_VERSION) {
    issues.add(
      'schemaVersion',
      `expected ${ANNOTATION_SCHEMA_VERSION}, got ${describe(value.schemaVersion)}`,
    );
  }
  const id = value.id;
  if (!isUuid(id)) issues.add('id', `expected a UUID, got ${describe(id)}`);
  const created = issues.timestamp(value, 'created', 'created');
  const updated = issues.timestamp(value, 'updated', 'updated');
  let url = issues.string(value, 'url', 'url', LIMITS.maxUrlLength);
  const urn = url === undefined ? undefined : parseDocumentUrn(url);
  if (urn) {
    // A local document's note: its URN must name the target's own document.
    const document = isObject(value.target) ? (value.target.document as Obj | undefined) : undefined;
    if (document?.format !== urn.format || document.fingerprint !== urn.fingerprint)
      issues.add('url', 'a document URN must name target.document');
  } else if (url !== undefined) {
    const normalized = tryNormalizePageUrl(url);
    if (normalized === undefined) {
      issues.add('url', 'expected an absolute http(s) URL');
      url = undefined;
    } else if (normalized !== url) {
      issues.add('url', `expected the normalized URL without fragment (${normalized})`);
    }
  }
  const title = issues.string(value, 'title', 'title', LIMITS.maxTitleLength);
  const target = validateTarget(value.target, url, issues);
  const body = issues.string(value, 'body', 'body', LIMITS.maxBodyLength);
  const colour = value.colour;
  if (!isColour(colour))
    issues.add('colour', `expected one of ${COLOURS.join(', ')}, got ${describe(colour)}`);
  const tags: string[] = [];
  if (!Array.isArray(value.tags)) {
    issues.add('tags', `expected an array of strings, got ${describe(value.tags)}`);
  } else {
    if (value.tags.length > LIMITS.maxTags)
      issues.add('tags', `too many tags (${value.tags.length}, at most ${LIMITS.maxTags})`);
    const seen = new Set<string>();
    value.tags.forEach((tag: unknown, i) => {
      if (typeof tag !== 'string') return issues.add(`tags[${i}]`, `expected a string, got ${describe(tag)}`);
      if (tag.length > LIMITS.maxTagLength) {
        issues.add(`tags[${i}]`, `is too long (${tag.length} characters, at most ${LIMITS.maxTagLength})`);
      }
      if (normalizeTags([tag])[0] !== tag)
        return issues.add(`tags[${i}]`, 'expected a trimmed, non-empty tag');
      if (seen.has(tag.toLowerCase())) return issues.add(`tags[${i}]`, `duplicate tag ${describe(tag)}`);
      seen.add(tag.toLowerCase());
      tags.push(tag);
    });
  }
  let deletedAt: string | undefined;
  if (value.deletedAt !== undefined) deletedAt = issues.timestamp(value, 'deletedAt', 'deletedAt');

  if (issues.list.length > 0) return { ok: false, errors: issues.list };
  const annotation: Annotation = {
    schemaVersion: ANNOTATION_SCHEMA_VERSION,
    id: id as string,
    created: created as string,
    updated: updated as string,
    url: url as string,
    title: title as string,
    target: target as AnnotationTarget,
    body: body as string,
    colour: colour as Colour,
    tags,
  };
  if (deletedAt !== undefined) annotation.deletedAt = deletedAt;
  return { ok: true, value: annotation };
}

/**
 * Upgrades a record written by any earlier schema version (a v1 record gains `colour` and `tags`)
 * and validates the result. Content (ids, times, text, selectors) is never changed.
 */
export function migrateAnnotation(record: unknown): Validated<Annotation> {
  if (!isObject(record)) return validateAnnotation(record);
  const version = record.schemaVersion ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      errors: [{ path: 'schemaVersion', message: `expected a version number, got ${describe(version)}` }],
    };
  }
  if (version > ANNOTATION_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message: `this note was written by a newer version of Bronwijzer (schema ${version}); update the extension`,
        },
      ],
    };
  }
  let upgraded: Obj = record;
  if (version < 2) {
    upgraded = {
      ...upgraded,
      schemaVersion: 2,
      colour: upgraded.colour ?? DEFAULT_COLOUR,
      tags: upgraded.tags ?? [],
    };
  }
  // Version 3 only added optional fields.
  if (version < 3) upgraded = { ...upgraded, schemaVersion: 3 };
  return validateAnnotation(upgraded);
}

// ---------------------------------------------------------------------------------------------
// Factory and updates
// ---------------------------------------------------------------------------------------------

export interface NewAnnotation {
  /** The page URL; its fragment is dropped. */
  url: string;
  title?: string;
  /** From `describeRange(text, start, end)` (anchor.ts). */
  selectors: Selector[];
  /** For a note made from a citation tooltip. */
  citation?: { id: string; kind?: CitationKind };
  /** For a note made in the reader on a PDF or Word document. */
  document?: DocumentRef;
  body?: string;
  colour?: Colour;
  tags?: readonly string[];
}

export interface FactoryOptions {
  now?: Date;
  /** Defaults to `crypto.randomUUID()`. */
  id?: string;
}

function unwrap(result: Validated<Annotation>): Annotation {
  if (!result.ok) throw new AnnotationValidationError(result.errors);
  return result.value;
}

/** Builds and validates a new annotation; throws `AnnotationValidationError` listing every problem. */
export function createAnnotation(input: NewAnnotation, options: FactoryOptions = {}): Annotation {
  const now = (options.now ?? new Date()).toISOString();
  const url = typeof input.url === 'string' ? (tryNormalizePageUrl(input.url) ?? input.url) : input.url;
  const target: AnnotationTarget = { source: url, selectors: input.selectors.map((s) => ({ ...s })) };
  if (input.document) target.document = { ...input.document };
  if (input.citation) {
    target.citationId = input.citation.id;
    if (input.citation.kind !== undefined) target.citationKind = input.citation.kind;
  }
  return unwrap(
    validateAnnotation({
      schemaVersion: ANNOTATION_SCHEMA_VERSION,
      id: options.id ?? globalThis.crypto.randomUUID(),
      created: now,
      updated: now,
      url,
      title: (input.title ?? '').replace(/\s+/g, ' ').trim(),
      target,
      body: input.body ?? '',
      colour: input.colour ?? DEFAULT_COLOUR,
      tags: normalizeTags(input.tags ?? []),
    }),
  );
}

export interface AnnotationPatch {
  body?: string;
  colour?: Colour;
  tags?: readonly string[];
  title?: string;
}

/** Applies an edit and bumps `updated` (strictly later than before). */
export function updateAnnotation(
  annotation: Annotation,
  patch: AnnotationPatch,
  now: Date = new Date(),
): Annotation {
  const next: Annotation = { ...annotation, updated: nextTimestamp(annotation.updated, now) };
  if (patch.body !== undefined) next.body = patch.body;
  if (patch.colour !== undefined) next.colour = patch.colour;
  if (patch.tags !== undefined) next.tags = normalizeTags(patch.tags);
  if (patch.title !== undefined) next.title = patch.title;
  return unwrap(validateAnnotation(next));
}

/** Moves a note to the trash; `updated` moves too, so an older export re-imported does not revive it. */
export function markDeleted(annotation: Annotation, now: Date = new Date()): Annotation {
  const updated = nextTimestamp(annotation.updated, now);
  return { ...annotation, updated, deletedAt: updated };
}

export function markRestored(annotation: Annotation, now: Date = new Date()): Annotation {
  const next: Annotation = { ...annotation, updated: nextTimestamp(annotation.updated, now) };
  delete next.deletedAt;
  return next;
}
