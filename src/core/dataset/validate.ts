/**
 * Validate an unknown value (parsed dataset.json, or what IndexedDB holds) as a ReferenceDataset.
 * Used by the service worker before seeding and by tests. Pure.
 */
import { isCitationKind } from '../citation';
import { normalizeId, parseId } from '../ids';
import { BUCKET_COUNT, bucketOf } from './buckets';
import { recordOfLine } from './documents';
import {
  DATASET_SCHEMA_VERSION,
  DOCUMENT_METHODS,
  type DocumentTable,
  type ReferenceDataset,
  type Verification,
} from './types';

export type ValidationResult = { ok: true; dataset: ReferenceDataset } | { ok: false; errors: string[] };

const VERIFICATIONS: readonly string[] = ['verified', 'derived', 'unverified'] satisfies Verification[];
const MAX_ERRORS = 25;

function isIsoDate(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const RECORD_KEYS = new Set([
  'id',
  'kind',
  'title',
  'titleEn',
  'date',
  'summary',
  'verification',
  'factVerification',
  'fields',
]);

/** Check every part of a dataset; errors name the path (`records[12].date`) and what is wrong. */
export function validateDataset(value: unknown): ValidationResult {
  const errors: string[] = [];
  const err = (msg: string) => {
    if (errors.length < MAX_ERRORS) errors.push(msg);
    else if (errors.length === MAX_ERRORS) errors.push('… more errors not shown');
  };
  if (!isObject(value)) return { ok: false, errors: ['dataset: expected an object'] };
  if (value.schemaVersion !== DATASET_SCHEMA_VERSION)
    err(`schemaVersion: expected ${DATASET_SCHEMA_VERSION}, got ${JSON.stringify(value.schemaVersion)}`);
  if (typeof value.version !== 'string' || value.version.length === 0)
    err('version: expected a non-empty string');
  if (!isIsoDate(value.dataAsOf))
    err(`dataAsOf: expected an ISO date (YYYY-MM-DD), got ${JSON.stringify(value.dataAsOf)}`);

  if (!Array.isArray(value.sources)) err('sources: expected an array');
  else
    value.sources.forEach((s: unknown, i) => {
      const at = `sources[${i}]`;
      if (!isObject(s)) return err(`${at}: expected an object`);
      for (const k of ['file', 'description', 'licence'])
        if (typeof s[k] !== 'string' || s[k] === '') err(`${at}.${k}: expected a non-empty string`);
      if (s.asOf !== undefined && !isIsoDate(s.asOf)) err(`${at}.asOf: expected an ISO date`);
      if (s.records !== undefined && !(Number.isInteger(s.records) && (s.records as number) >= 0))
        err(`${at}.records: expected a non-negative integer`);
    });

  if (!Array.isArray(value.records)) err('records: expected an array');
  else {
    const seen = new Set<string>();
    value.records.forEach((r: unknown, i) => {
      const at = `records[${i}]`;
      if (!isObject(r)) return err(`${at}: expected an object`);
      const id = r.id;
      if (typeof id !== 'string' || id === '') return err(`${at}.id: expected a non-empty string`);
      const where = `${at} (${id})`;
      if (seen.has(id)) err(`${where}: duplicate id`);
      seen.add(id);
      if (!isCitationKind(r.kind)) err(`${where}.kind: unknown kind ${JSON.stringify(r.kind)}`);
      const parsed = parseId(id);
      if (!parsed) err(`${where}.id: not a well-formed id`);
      else {
        if (normalizeId(id) !== id) err(`${where}.id: not normalized (expected ${normalizeId(id)})`);
        if (isCitationKind(r.kind) && parsed.kind !== r.kind)
          err(`${where}.kind: id is a ${parsed.kind} id, not ${r.kind}`);
      }
      if (typeof r.title !== 'string' || r.title.trim() === '')
        err(`${where}.title: expected a non-empty string`);
      for (const k of ['titleEn', 'summary'])
        if (r[k] !== undefined && (typeof r[k] !== 'string' || r[k] === ''))
          err(`${where}.${k}: expected a non-empty string`);
      if (r.date !== undefined && !isIsoDate(r.date))
        err(`${where}.date: expected an ISO date, got ${JSON.stringify(r.date)}`);
      if (typeof r.verification !== 'string' || !VERIFICATIONS.includes(r.verification))
        err(
          `${where}.verification: expected one of ${VERIFICATIONS.join(', ')}, got ${JSON.stringify(r.verification)}`,
        );
      if (r.fields !== undefined) {
        if (!isObject(r.fields)) err(`${where}.fields: expected an object`);
        else
          for (const [k, v] of Object.entries(r.fields))
            if (typeof v !== 'string') err(`${where}.fields.${k}: expected a string`);
      }
      if (r.factVerification !== undefined) {
        if (!isObject(r.factVerification)) err(`${where}.factVerification: expected an object`);
        else
          for (const [k, v] of Object.entries(r.factVerification))
            if (typeof v !== 'string' || !VERIFICATIONS.includes(v))
              err(`${where}.factVerification.${k}: expected one of ${VERIFICATIONS.join(', ')}`);
      }
      for (const k of Object.keys(r)) if (!RECORD_KEYS.has(k)) err(`${where}.${k}: unknown property`);
    });
  }
  validateDocuments(value.documents, err);
  return errors.length ? { ok: false, errors } : { ok: true, dataset: value as unknown as ReferenceDataset };
}

/**
 * The packed document table's shape. Its lines are checked where the table is built (scripts/dataset) and
 * by validateDocumentLines; the worker skips a line that does not parse rather than spend a second on
 * checking 50,000 lines at every seed.
 */
function validateDocuments(documents: unknown, err: (msg: string) => void): void {
  if (!isObject(documents)) return err('documents: expected an object');
  const { types, methods, count, buckets } = documents;
  const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!isStrings(types)) err('documents.types: expected an array of strings');
  if (!isStrings(methods) || methods.join() !== DOCUMENT_METHODS.join())
    err(`documents.methods: expected ${JSON.stringify(DOCUMENT_METHODS)}`);
  if (!Number.isInteger(count) || (count as number) < 0)
    err('documents.count: expected a non-negative integer');
  if (!isStrings(buckets) || buckets.length !== BUCKET_COUNT)
    err(`documents.buckets: expected ${BUCKET_COUNT} strings`);
}

/** Every line of the packed document table parses, in the bucket of its id, and `count` matches. */
export function validateDocumentLines(table: DocumentTable): string[] {
  const errors: string[] = [];
  let documents = 0;
  table.buckets.forEach((text, bucket) => {
    if (!text) return;
    for (const line of text.split('\n')) {
      const record = recordOfLine(line, table.types);
      if (!record) errors.push(`documents.buckets[${bucket}]: bad line ${JSON.stringify(line.slice(0, 80))}`);
      else if (bucketOf(record.id) !== bucket)
        errors.push(`${record.id}: in bucket ${bucket}, not ${bucketOf(record.id)}`);
      else if (record.date !== undefined || line.split('\t').length === 7) {
        documents++;
        if (!record.date || !isIsoDate(record.date)) errors.push(`${record.id}: bad date`);
        if (!record.fields?.type) errors.push(`${record.id}: bad type index`);
      }
      if (errors.length >= MAX_ERRORS) return;
    }
  });
  if (documents !== table.count)
    errors.push(`documents.count: ${table.count}, but ${documents} document lines`);
  return errors.slice(0, MAX_ERRORS);
}

/** validateDataset, throwing one Error that lists the problems. */
export function assertDataset(value: unknown): ReferenceDataset {
  const result = validateDataset(value);
  if (!result.ok) throw new Error(`Invalid reference dataset:\n- ${result.errors.join('\n- ')}`);
  return result.dataset;
}

/** Alias: `validate(value)` is validateDataset. */
export { validateDataset as validate };
