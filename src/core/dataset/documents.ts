/**
 * The dataset's document table. Tens of thousands of documents would cost the service worker seconds
 * to parse, validate and store as objects, so the build packs them as text, already split into the
 * storage buckets: one line per fact, tab-separated —
 *   a document:            id, TK document number, type index, subject, date, vergaderjaar start, method index
 *   a TK document number:  number, the Kamerstuk id it is
 *   a suffix index:        `kst-36600-46~alts`, the suffixes that number exists under (`V|XVII`)
 * The worker stores each bucket's text as is and turns lines into records when a lookup reads them. Pure.
 */
import { BUCKET_COUNT, bucketOf } from './buckets';
import {
  DOCUMENT_METHODS,
  type DocumentMethod,
  type DocumentRow,
  type DocumentTable,
  type ReferenceRecord,
  type Verification,
} from './types';

/** `kst-36600-XVII-46`, `kst-26150-223`: a Kamerstuk document with a Tweede Kamer number. */
export const KAMERSTUK_DOCUMENT = /^kst-([1-9]\d{2,5})(?:-(\d{2}|[A-Z]{1,5}))?-([1-9]\d{0,4})$/;
export const TK_DOCUMENT_NUMBER = /^\d{4}D\d{3,6}$/;

/** Key of the index record listing the suffixes under which `kst-36600-46` exists (`kst-36600-XVII-46`, …). */
export function suffixIndexKey(dossier: string, document: string): string {
  return `kst-${dossier}-${document}~alts`;
}

/** How sure a document's identity is, by how it was tied to its Kamerstuk. */
export function methodVerification(how: DocumentMethod): Verification {
  return how === 'stated' || how === 'number' ? 'verified' : 'derived';
}

/**
 * The packed table travels as its own text file beside dataset.json (`data/documents.tsv`): its buckets in
 * order, separated by form feeds. Text rather than JSON: nothing to parse at seed time, and no 5 MB JSON
 * file for Firefox's add-on linter to refuse.
 */
export const BUCKET_SEPARATOR = '\f';

export function documentsText(table: DocumentTable): string {
  return `${table.buckets.join(BUCKET_SEPARATOR)}\n`;
}

/** The dataset.json part and the documents text put back together (validate the result). */
export function withDocuments(dataset: unknown, text: string): unknown {
  if (typeof dataset !== 'object' || dataset === null) return dataset;
  const documents = (dataset as { documents?: unknown }).documents;
  if (typeof documents !== 'object' || documents === null) return dataset;
  const buckets = text.replace(/\n$/, '').split(BUCKET_SEPARATOR);
  return { ...dataset, documents: { ...documents, buckets } };
}

/** Packs document rows (ids checked by the caller) into BUCKET_COUNT texts, with their pointers and suffix index. */
export function packDocuments(rows: readonly DocumentRow[], types: readonly string[]): DocumentTable {
  const lines = Array.from({ length: BUCKET_COUNT }, (): string[] => []);
  const add = (key: string, fields: (string | number)[]) => lines[bucketOf(key)]!.push(fields.join('\t'));
  const bySuffix = new Map<string, string[]>();
  for (const row of rows) {
    if (row[3].includes('\t') || row[3].includes('\n'))
      throw new Error(`${row[0]}: subject with a tab or newline`);
    add(row[0], row);
    const kst = KAMERSTUK_DOCUMENT.exec(row[0]);
    if (!kst) continue;
    if (row[1]) add(row[1], [row[1], row[0]]);
    const key = suffixIndexKey(kst[1]!, kst[3]!);
    bySuffix.set(key, [...(bySuffix.get(key) ?? []), kst[2] ?? '']);
  }
  for (const [key, suffixes] of bySuffix) if (suffixes.some(Boolean)) add(key, [key, suffixes.join('|')]);
  return {
    types: [...types],
    methods: [...DOCUMENT_METHODS],
    count: rows.length,
    buckets: lines.map((bucket) => bucket.join('\n')),
  };
}

function documentRecord(fields: string[], types: readonly string[]): ReferenceRecord | undefined {
  const [id = '', number = '', type, subject = '', date = '', session, method] = fields;
  const how = DOCUMENT_METHODS[Number(method)];
  const start = Number(session);
  const kst = KAMERSTUK_DOCUMENT.exec(id);
  if (!how || !subject || !Number.isInteger(start) || (!kst && !TK_DOCUMENT_NUMBER.test(id)))
    return undefined;
  const out: Record<string, string> = { type: types[Number(type)] ?? '', vj: `${start}${start + 1}`, how };
  if (kst) {
    out.doc = kst[3]!;
    if (number) out.dn = number;
  }
  const record: ReferenceRecord = {
    id,
    kind: kst ? 'kamerstuk' : 'tk-document',
    title: subject,
    verification: methodVerification(how),
    fields: out,
  };
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) record.date = date;
  return record;
}

/** One line of a bucket as a record; undefined for a line that does not parse (it is skipped). */
export function recordOfLine(line: string, types: readonly string[]): ReferenceRecord | undefined {
  const fields = line.split('\t');
  if (fields.length === 7) return documentRecord(fields, types);
  if (fields.length !== 2) return undefined;
  const [key, value] = fields as [string, string];
  if (TK_DOCUMENT_NUMBER.test(key) && KAMERSTUK_DOCUMENT.test(value))
    return { id: key, kind: 'tk-document', title: '', verification: 'verified', fields: { kst: value } };
  if (key.endsWith('~alts'))
    return { id: key, kind: 'kamerstuk', title: '', verification: 'derived', fields: { alts: value } };
  return undefined;
}

/** The records of one bucket's text. */
export function bucketRecords(text: string, types: readonly string[]): ReferenceRecord[] {
  if (!text) return [];
  return text.split('\n').flatMap((line) => recordOfLine(line, types) ?? []);
}

/** Every record the table stands for (the CLI's in-memory index, tests). */
export function documentRecords(table: DocumentTable): ReferenceRecord[] {
  return table.buckets.flatMap((text) => bucketRecords(text, table.types));
}

/** The document rows back from the packed table (tests, reports). */
export function documentRows(table: DocumentTable): DocumentRow[] {
  return table.buckets.flatMap((text) =>
    text
      ? text
          .split('\n')
          .map((line) => line.split('\t'))
          .filter((f) => f.length === 7)
          .map(([id, dn, type, subject, date, session, method]): DocumentRow => [
            id!,
            dn!,
            Number(type),
            subject!,
            date!,
            Number(session),
            Number(method),
          ])
      : [],
  );
}

/** Keys beyond recordKeysFor(id) that a lookup of `id` reads in its first round: the suffix index. */
export function documentKeysFor(id: string): string[] {
  const m = /^kst-(\d+)-([1-9]\d{0,4})$/.exec(id);
  return m ? [suffixIndexKey(m[1]!, m[2]!)] : [];
}

/** The Kamerstuk ids a suffix index record names. */
export function suffixCandidates(
  dossier: string,
  document: string,
  index: ReferenceRecord | undefined,
): string[] {
  const alts = index?.fields?.alts;
  if (alts === undefined) return [];
  return alts.split('|').map((s) => `kst-${dossier}${s ? '-' + s : ''}-${document}`);
}
