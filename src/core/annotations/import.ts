/**
 * Import of W3C Web Annotation JSON-LD: our own export (lossless round trip) and, as far as they
 * fit our model, annotations from Hypothesis-style tools.
 *
 * All or nothing: the file is checked completely first (size, JSON, shape, every field, with the
 * path of each problem such as `first.items[3].target.selector[0].exact: expected a string`), and
 * only a file without errors yields annotations. The caller then writes them with the store's
 * `putMany` in one transaction, so a bad file changes nothing.
 *
 * Ids are kept (`urn:uuid:<id>` → `<id>`), so importing the same file twice does not duplicate; a
 * foreign id that is not a UUID is turned into a stable UUID derived from it.
 *
 * Note text is taken as text whatever its declared format: nothing is parsed as HTML.
 */
import { isCitationKind } from '../citation';
import { ANNO_CONTEXT, EXTENSION_PREFIX } from './export';
import {
  ANNOTATION_SCHEMA_VERSION,
  COLOURS,
  DEFAULT_COLOUR,
  formatIssue,
  isColour,
  isIsoTimestamp,
  Issues,
  isUuid,
  LIMITS,
  migrateAnnotation,
  normalizeTags,
  parseDocumentUrn,
  tryNormalizePageUrl,
  validateDocumentRef,
  validatePageSelector,
  type Annotation,
  type DocumentRef,
  type Selector,
} from './model';

/** Files above this size are refused before they are read or parsed. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Problems listed at most; a file with more is clearly not a notes export. */
const MAX_ERRORS = 50;

export type ImportResult =
  { ok: true; annotations: Annotation[]; warnings: string[] } | { ok: false; errors: string[] };

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The size check alone, for the UI to call with `file.size` before reading the file.
 * Returns a message for a file that is too large, undefined otherwise.
 */
export function checkImportSize(byteLength: number): string | undefined {
  if (byteLength > MAX_IMPORT_BYTES) {
    return `The file is too large to import (${megabytes(byteLength)}; at most ${megabytes(MAX_IMPORT_BYTES)}). Nothing was imported.`;
  }
  return undefined;
}

/** UTF-8 length of a string without encoding it (stops counting once past `limit`). */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length; // at least one byte per code unit
  if (text.length * 3 <= limit) return text.length; // at most three bytes per code unit
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function refuse(...errors: string[]): ImportResult {
  return { ok: false, errors };
}

/**
 * Parses and validates an export file. Accepts the file's bytes or its text; the size limit is
 * checked before anything is decoded or parsed.
 */
export function importJsonLd(
  input: string | ArrayBuffer | Uint8Array,
  options: { now?: Date } = {},
): ImportResult {
  let text: string;
  if (typeof input === 'string') {
    const tooLarge = checkImportSize(utf8Length(input, MAX_IMPORT_BYTES));
    if (tooLarge) return refuse(tooLarge);
    text = input;
  } else {
    const tooLarge = checkImportSize(input.byteLength);
    if (tooLarge) return refuse(tooLarge);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return refuse('The file is not UTF-8 text. Nothing was imported.');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return refuse('The file is empty. Nothing was imported.');

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse(`The file is not valid JSON (${detail}). Nothing was imported.`);
  }
  return fromJsonLd(data, options);
}

// ---------------------------------------------------------------------------------------------
// Shape validation
// ---------------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** JSON-LD values may be one value or an array of them. */
function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function hasType(value: Obj, type: string): boolean {
  return asArray(value.type).includes(type);
}

class Collector {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  /** Bodies declared as HTML: kept as plain text, markup and all. */
  htmlBodies = 0;
  private dropped = 0;
  error(path: string, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push(path ? `${path}: ${message}` : message);
    else this.dropped++;
  }
  finish(): string[] {
    return this.dropped > 0 ? [...this.errors, `… and ${this.dropped} more problems`] : this.errors;
  }
}

/** Finds the annotations in the document: a collection, a page, one annotation, or an array. */
function locateItems(data: unknown, c: Collector): { items: unknown[]; path: string } | undefined {
  if (Array.isArray(data)) return { items: data, path: '' };
  if (!isObject(data)) {
    c.error('', `expected a JSON object (an AnnotationCollection), got ${describe(data)}`);
    return undefined;
  }
  const context = asArray(data['@context']);
  if (!context.includes(ANNO_CONTEXT)) {
    c.error(
      '@context',
      `expected "${ANNO_CONTEXT}" (a W3C Web Annotation file), got ${describe(data['@context'])}`,
    );
    return undefined;
  }
  if (hasType(data, 'Annotation')) return { items: [data], path: '' };
  if (hasType(data, 'AnnotationPage') && data.items !== undefined)
    return { items: asArray(data.items), path: '' };
  if (hasType(data, 'AnnotationCollection')) {
    if (data.items !== undefined) return { items: asArray(data.items), path: '' };
    const first = data.first;
    if (first === undefined && data.total === 0) return { items: [], path: '' };
    if (!isObject(first)) {
      c.error('first', `expected the embedded AnnotationPage with the items, got ${describe(first)}`);
      return undefined;
    }
    if (first.next !== undefined) {
      c.error(
        'first.next',
        'collections split over several pages are not supported; export everything into one file',
      );
      return undefined;
    }
    if (!Array.isArray(first.items)) {
      c.error('first.items', `expected an array of annotations, got ${describe(first.items)}`);
      return undefined;
    }
    return { items: first.items, path: 'first.' };
  }
  c.error(
    'type',
    `expected "AnnotationCollection", "AnnotationPage" or "Annotation", got ${describe(data.type)}`,
  );
  return undefined;
}

/**
 * A UUID derived from a string (128 bits from four FNV-1a variants, formatted as a version-8
 * UUID): the same foreign id always maps to the same note, so re-importing does not duplicate.
 */
export function stableUuid(seed: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((offset, round) => {
    let h = offset ^ round;
    for (let i = 0; i < seed.length; i++) {
      h ^= seed.charCodeAt(i);
      h = Math.imul(h, 0x01000193 + round * 2);
      h ^= h >>> 15;
    }
    return (h >>> 0).toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function readId(item: Obj, path: string, c: Collector): string | undefined {
  const id = item.id ?? item['@id'];
  if (id === undefined) return undefined;
  if (typeof id !== 'string' || id === '') {
    c.error(`${path}.id`, `expected a string, got ${describe(id)}`);
    return undefined;
  }
  const uuid = id.replace(/^urn:uuid:/i, '');
  if (isUuid(uuid)) return uuid.toLowerCase();
  return stableUuid(id);
}

function readString(item: Obj, key: string, path: string, c: Collector, max: number): string | undefined {
  const value = item[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    c.error(`${path}.${key}`, `expected a string, got ${describe(value)}`);
    return undefined;
  }
  if (value.length > max) {
    c.error(`${path}.${key}`, `is too long (${value.length} characters, at most ${max})`);
    return undefined;
  }
  return value;
}

function readTimestamp(item: Obj, key: string, path: string, c: Collector): string | undefined {
  const value = item[key];
  if (value === undefined) return undefined;
  if (!isIsoTimestamp(value)) {
    c.error(
      `${path}.${key}`,
      `expected an ISO 8601 date-time like "2025-01-31T12:00:00.000Z", got ${describe(value)}`,
    );
    return undefined;
  }
  return new Date(value).toISOString();
}

/** Runs one of the model's validators and files its issues with the importer's. */
function collected<T>(c: Collector, validate: (issues: Issues) => T): T {
  const issues = new Issues();
  const value = validate(issues);
  for (const issue of issues.list) c.error(issue.path, issue.message);
  return value;
}

function readSelectors(value: unknown, path: string, c: Collector): Selector[] {
  const out: Selector[] = [];
  const list = asArray(value);
  const arrayPath = (i: number) => (Array.isArray(value) ? `${path}[${i}]` : path);
  list.forEach((raw, i) => {
    const p = arrayPath(i);
    if (!isObject(raw)) {
      c.error(p, `expected a selector object, got ${describe(raw)}`);
      return;
    }
    if (hasType(raw, 'TextQuoteSelector')) {
      const exact = raw.exact;
      if (typeof exact !== 'string')
        return c.error(`${p}.exact`, `expected a string, got ${describe(exact)}`);
      if (exact === '') return c.error(`${p}.exact`, 'must not be empty');
      if (exact.length > LIMITS.maxQuoteLength) {
        return c.error(
          `${p}.exact`,
          `is too long (${exact.length} characters, at most ${LIMITS.maxQuoteLength})`,
        );
      }
      const prefix = readString(raw, 'prefix', p, c, LIMITS.maxContextLength) ?? '';
      const suffix = readString(raw, 'suffix', p, c, LIMITS.maxContextLength) ?? '';
      out.push({ type: 'TextQuoteSelector', exact, prefix, suffix });
    } else if (hasType(raw, 'TextPositionSelector')) {
      const { start, end } = raw;
      if (!Number.isSafeInteger(start) || (start as number) < 0) {
        return c.error(`${p}.start`, `expected a non-negative integer, got ${describe(start)}`);
      }
      if (!Number.isSafeInteger(end) || (end as number) < (start as number)) {
        return c.error(
          `${p}.end`,
          `expected an integer not below start (${String(start)}), got ${describe(end)}`,
        );
      }
      out.push({ type: 'TextPositionSelector', start: start as number, end: end as number });
    } else if (hasType(raw, 'PageSelector') && !out.some((s) => s.type === 'PageSelector')) {
      const page = collected(c, (issues) => validatePageSelector(raw, p, issues));
      if (page) out.push(page);
    }
    // Other selector types (XPath, CSS, Range, …) cannot be used on plain text: skipped.
  });
  const quotes = out.filter((s) => s.type === 'TextQuoteSelector').length;
  if (quotes === 0) {
    c.error(path, 'expected a TextQuoteSelector (a Bronwijzer note is anchored to a quoted passage)');
  } else if (quotes > 1) {
    c.error(path, `expected one TextQuoteSelector, found ${quotes}`);
  }
  const positions = out.filter((s) => s.type === 'TextPositionSelector');
  // Keep the first position only: the model allows one.
  return out.filter((s) => s.type !== 'TextPositionSelector' || s === positions[0]);
}

interface ReadBody {
  text: string[];
  tags: string[];
}

function readBodies(item: Obj, path: string, c: Collector): ReadBody {
  const result: ReadBody = { text: [], tags: [] };
  const value = item.body;
  const bodies = asArray(value);
  bodies.forEach((raw, i) => {
    const p = Array.isArray(value) ? `${path}.body[${i}]` : `${path}.body`;
    if (typeof raw === 'string') return; // a link to an external body: nothing we can show
    if (!isObject(raw)) return c.error(p, `expected a body object, got ${describe(raw)}`);
    const isTextual = hasType(raw, 'TextualBody') || (raw.type === undefined && raw.value !== undefined);
    if (!isTextual) return; // SpecificResource, Choice, … : not note text
    if (typeof raw.value !== 'string')
      return c.error(`${p}.value`, `expected a string, got ${describe(raw.value)}`);
    const purposes = asArray(raw.purpose).concat(raw.purpose === undefined ? asArray(item.motivation) : []);
    if (purposes.includes('tagging')) {
      if (raw.value.length > LIMITS.maxTagLength) {
        return c.error(
          `${p}.value`,
          `is too long for a tag (${raw.value.length} characters, at most ${LIMITS.maxTagLength})`,
        );
      }
      result.tags.push(raw.value);
    } else {
      if (asArray(raw.format).some((f) => typeof f === 'string' && /html/i.test(f))) c.htmlBodies++;
      result.text.push(raw.value);
    }
  });
  return result;
}

function readItem(raw: unknown, path: string, now: Date, c: Collector): Annotation | undefined {
  if (!isObject(raw)) {
    c.error(path, `expected an annotation object, got ${describe(raw)}`);
    return undefined;
  }
  const before = c.errors.length;
  if (!hasType(raw, 'Annotation'))
    c.error(`${path}.type`, `expected "Annotation", got ${describe(raw.type)}`);

  const target = Array.isArray(raw.target) ? raw.target[0] : raw.target;
  const targetPath = Array.isArray(raw.target) ? `${path}.target[0]` : `${path}.target`;
  if (Array.isArray(raw.target) && raw.target.length !== 1) {
    c.error(`${path}.target`, `expected one target, found ${raw.target.length}`);
  }
  let url: string | undefined;
  let selectors: Selector[] = [];
  let document: DocumentRef | undefined;
  if (!isObject(target)) {
    c.error(targetPath, `expected a SpecificResource with a source and selectors, got ${describe(target)}`);
  } else {
    const source = target.source;
    if (typeof source !== 'string') {
      c.error(`${targetPath}.source`, `expected the page URL as a string, got ${describe(source)}`);
    } else if (
      source.length > LIMITS.maxUrlLength ||
      (url = tryNormalizePageUrl(source) ?? (parseDocumentUrn(source) ? source : undefined)) === undefined
    ) {
      c.error(`${targetPath}.source`, 'expected an absolute http(s) URL of at most 8192 characters');
    }
    selectors = readSelectors(target.selector, `${targetPath}.selector`, c);
    const documentKey = `${EXTENSION_PREFIX}document`;
    if (target[documentKey] !== undefined) {
      document = collected(c, (issues) =>
        validateDocumentRef(target[documentKey], `${targetPath}.${documentKey}`, issues),
      );
    }
  }

  const bodies = readBodies(raw, path, c);
  const body = bodies.text.join('\n\n');
  if (body.length > LIMITS.maxBodyLength) {
    c.error(
      `${path}.body`,
      `the note is too long (${body.length} characters, at most ${LIMITS.maxBodyLength})`,
    );
  }
  const tags = normalizeTags(bodies.tags);
  if (tags.length > LIMITS.maxTags)
    c.error(`${path}.body`, `too many tags (${tags.length}, at most ${LIMITS.maxTags})`);

  const created = readTimestamp(raw, 'created', path, c);
  const modified = readTimestamp(raw, 'modified', path, c);
  const deletedAt = readTimestamp(raw, `${EXTENSION_PREFIX}deletedAt`, path, c);
  const title = readString(raw, `${EXTENSION_PREFIX}pageTitle`, path, c, LIMITS.maxTitleLength) ?? '';
  const citationId = readString(raw, `${EXTENSION_PREFIX}citationId`, path, c, LIMITS.maxCitationIdLength);
  const kind = raw[`${EXTENSION_PREFIX}citationKind`];
  if (kind !== undefined && !isCitationKind(kind)) {
    c.error(
      `${path}.${EXTENSION_PREFIX}citationKind`,
      `expected a citation kind (unsc, kamerstuk, …), got ${describe(kind)}`,
    );
  }
  const colour = raw[`${EXTENSION_PREFIX}colour`] ?? DEFAULT_COLOUR;
  if (!isColour(colour)) {
    c.error(
      `${path}.${EXTENSION_PREFIX}colour`,
      `expected one of ${COLOURS.join(', ')}, got ${describe(colour)}`,
    );
  }
  const version = raw[`${EXTENSION_PREFIX}schemaVersion`];
  if (
    version !== undefined &&
    (!Number.isInteger(version) || (version as number) > ANNOTATION_SCHEMA_VERSION)
  ) {
    c.error(
      `${path}.${EXTENSION_PREFIX}schemaVersion`,
      `this file was written by a newer version of Bronwijzer (schema ${String(version)}); update the extension`,
    );
  }
  const id = readId(raw, path, c);
  if (c.errors.length > before || url === undefined) return undefined;

  const updated = modified ?? created ?? now.toISOString();
  const record: Record<string, unknown> = {
    schemaVersion: ANNOTATION_SCHEMA_VERSION,
    // Without an id, derive one from the content so a second import finds the same note.
    id: id ?? stableUuid(JSON.stringify([url, selectors, body, tags, created ?? ''])),
    created: created ?? updated,
    updated,
    url,
    title,
    target: {
      source: url,
      selectors,
      ...(citationId !== undefined ? { citationId } : {}),
      ...(citationId !== undefined && kind !== undefined ? { citationKind: kind } : {}),
      ...(document ? { document } : {}),
    },
    body,
    colour,
    tags,
    ...(deletedAt !== undefined ? { deletedAt } : {}),
  };
  // The model's own validation is the last word (and catches what the shape checks above miss).
  const checked = migrateAnnotation(record);
  if (!checked.ok) {
    for (const issue of checked.errors) c.error(path, formatIssue(issue));
    return undefined;
  }
  return checked.value;
}

/** Validates an already parsed JSON-LD document (see `importJsonLd`). */
export function fromJsonLd(data: unknown, options: { now?: Date } = {}): ImportResult {
  const c = new Collector();
  const located = locateItems(data, c);
  if (!located) return { ok: false, errors: c.finish() };
  const now = options.now ?? new Date();
  const byId = new Map<string, Annotation>();
  let duplicates = 0;
  located.items.forEach((raw, i) => {
    const annotation = readItem(raw, `${located.path}items[${i}]`, now, c);
    if (!annotation) return;
    const existing = byId.get(annotation.id);
    if (existing) {
      duplicates++;
      if (existing.updated >= annotation.updated) return;
    }
    byId.set(annotation.id, annotation);
  });
  if (c.errors.length > 0) return { ok: false, errors: c.finish() };
  if (duplicates > 0)
    c.warnings.push(`${duplicates} notes appeared twice in the file; the newest version of each was kept.`);
  if (c.htmlBodies > 0) {
    c.warnings.push(
      `${c.htmlBodies} notes were written as HTML; they were imported as plain text, so any markup shows as typed.`,
    );
  }
  return { ok: true, annotations: [...byId.values()], warnings: c.warnings };
}
