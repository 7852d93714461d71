/**
 * Export of saved notes: W3C Web Annotation JSON-LD (the lossless format, read back by import.ts
 * and by Hypothesis-style tools), Markdown (to read) and CSV (for a spreadsheet).
 *
 * JSON-LD mapping (https://www.w3.org/TR/annotation-model/):
 * - the file is an `AnnotationCollection` whose embedded first `AnnotationPage` holds the items;
 * - `id` is `urn:uuid:<id>`, `created`/`modified` are our `created`/`updated`;
 * - the note is a `TextualBody` (`format: text/plain`, `purpose: commenting`); each tag is a
 *   `TextualBody` with `purpose: tagging`; a note without text has `motivation: highlighting`;
 * - the target is a `SpecificResource` on the page with our TextQuote/TextPosition selectors (and,
 *   for a PDF, Hypothesis's `PageSelector`); a reader document's format and fingerprint go in
 *   `bronwijzer:document` on the target;
 * - fields the model has no term for use keys prefixed `bronwijzer:` (colour, page title, citation
 *   id and kind, deletion time, schema version). Tools that do not know them ignore them.
 *
 * Note text is text: JSON escapes it, Markdown escapes every character with a meaning in Markdown
 * (so `<img src=x onerror=…>` renders literally), CSV quotes it and defuses formula prefixes.
 */
import {
  ANNOTATION_SCHEMA_VERSION,
  quoteSelectorOf,
  positionSelectorOf,
  pageSelectorOf,
  parseDocumentUrn,
  type Annotation,
  type DocumentRef,
} from './model';
import { groupByPage, siteOf } from './search';
import { EXPORT_LABELS, type ExportLabels } from './export-labels';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Prefix of our own JSON-LD keys. */
export const EXTENSION_PREFIX = 'bronwijzer:';

export const EXPORT_FORMATS = {
  jsonld: { extension: 'jsonld', mimeType: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"' },
  markdown: { extension: 'md', mimeType: 'text/markdown;charset=utf-8' },
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** `bronwijzer-notities-2025-01-31.jsonld`; with the trash, `…-2025-01-31-with-trash.jsonld` (in the labels' language). */
export function exportFileName(
  format: ExportFormat,
  now: Date = new Date(),
  options: Pick<ExportOptions, 'includeDeleted' | 'labels'> = {},
): string {
  const trash = options.includeDeleted ? `-${(options.labels ?? EXPORT_LABELS.en).trashFileSuffix}` : '';
  return `bronwijzer-notities-${now.toISOString().slice(0, 10)}${trash}.${EXPORT_FORMATS[format].extension}`;
}

export interface ExportOptions {
  /** Include notes in the trash (default: no). */
  includeDeleted?: boolean;
  /** The export time written into Markdown (default: now). */
  now?: Date;
  /** The words of Markdown and CSV (default: English). */
  labels?: ExportLabels;
}

function selected(annotations: readonly Annotation[], options: ExportOptions): Annotation[] {
  return options.includeDeleted ? [...annotations] : annotations.filter((a) => a.deletedAt === undefined);
}

// ---------------------------------------------------------------------------------------------
// JSON-LD
// ---------------------------------------------------------------------------------------------

export interface WebTextualBody {
  type: 'TextualBody';
  value: string;
  format?: string;
  purpose?: string;
  language?: string;
}

export type WebSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number }
  | { type: 'PageSelector'; index: number; label?: string };

export interface WebAnnotation {
  '@context'?: typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body?: WebTextualBody[];
  target: {
    type: 'SpecificResource';
    source: string;
    selector: WebSelector[];
    'bronwijzer:document'?: DocumentRef;
  };
  'bronwijzer:schemaVersion': number;
  'bronwijzer:colour': string;
  'bronwijzer:pageTitle': string;
  'bronwijzer:citationId'?: string;
  'bronwijzer:citationKind'?: string;
  'bronwijzer:deletedAt'?: string;
}

export interface WebAnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  /** Whether the notes in the trash are in the file. */
  'bronwijzer:includesTrash': boolean;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** One note as a W3C Web Annotation (`withContext` for a standalone document). */
export function toWebAnnotation(a: Annotation, withContext = false): WebAnnotation {
  const body: WebTextualBody[] = [];
  if (a.body !== '')
    body.push({ type: 'TextualBody', value: a.body, format: 'text/plain', purpose: 'commenting' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const web: WebAnnotation = {
    ...(withContext ? { '@context': ANNO_CONTEXT } : {}),
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.body !== '' ? 'commenting' : 'highlighting',
    created: a.created,
    modified: a.updated,
    ...(body.length > 0 ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: a.target.source,
      selector: a.target.selectors.map((s) => ({ ...s })),
      ...(a.target.document ? { 'bronwijzer:document': { ...a.target.document } } : {}),
    },
    'bronwijzer:schemaVersion': ANNOTATION_SCHEMA_VERSION,
    'bronwijzer:colour': a.colour,
    'bronwijzer:pageTitle': a.title,
  };
  if (a.target.citationId !== undefined) web['bronwijzer:citationId'] = a.target.citationId;
  if (a.target.citationKind !== undefined) web['bronwijzer:citationKind'] = a.target.citationKind;
  if (a.deletedAt !== undefined) web['bronwijzer:deletedAt'] = a.deletedAt;
  return web;
}

export function toWebAnnotationCollection(
  annotations: readonly Annotation[],
  options: ExportOptions = {},
): WebAnnotationCollection {
  const items = selected(annotations, options).map((a) => toWebAnnotation(a));
  return {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Bronwijzer notes',
    total: items.length,
    'bronwijzer:includesTrash': options.includeDeleted === true,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

/**
 * The JSON-LD export file's text (UTF-8 when written out): the collection laid out readably, each
 * annotation compact on its own line, which keeps the file about half the size of fully indented
 * JSON (10,000 notes ≈ 8 MB, well under the import limit).
 */
export function exportJsonLd(annotations: readonly Annotation[], options: ExportOptions = {}): string {
  const { first, ...collection } = toWebAnnotationCollection(annotations, options);
  const head = JSON.stringify(collection, null, 2).replace(/\n}$/, '');
  const items = first.items.map((item) => `      ${JSON.stringify(item)}`).join(',\n');
  const page = `  "first": {\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": [\n${items}\n    ]\n  }`;
  return `${head},\n${page.replace('[\n\n    ]', '[]')}\n}\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

/** Escapes text so Markdown renders it literally: no HTML, no links, no emphasis, no code. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .trimStart()
        .replace(/[\\`*_[\]<>&|~]/g, '\\$&')
        // Block syntax at the start of a line: headings, quotes, lists, setext underlines.
        .replace(/^([#>+=-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** A PDF note's page as the reader numbers it (1-based). */
function pageNumber(a: Annotation): string | undefined {
  const page = pageSelectorOf(a);
  return page && (page.label ?? String(page.index + 1));
}

/** A URL safe inside `<…>` in a Markdown link. */
function markdownUrl(url: string): string {
  return url.replace(/[<>\s]/g, (c) => encodeURIComponent(c));
}

function markdownNote(a: Annotation, labels: ExportLabels): string {
  const lines: string[] = [];
  const quote = quoteSelectorOf(a)?.exact ?? '';
  if (quote) {
    for (const line of escapeMarkdown(quote).split('\n')) lines.push(line ? `> ${line}` : '>');
    lines.push('');
  }
  if (a.body) {
    // Blank lines stay paragraph breaks; single line breaks become hard breaks.
    lines.push(
      escapeMarkdown(a.body)
        .split('\n')
        .map((line, i, all) => (i < all.length - 1 && line !== '' && all[i + 1] !== '' ? `${line}  ` : line))
        .join('\n'),
      '',
    );
  }
  const facts: string[] = [];
  if (a.target.citationId !== undefined) {
    const kind = a.target.citationKind ? ` (${a.target.citationKind})` : '';
    facts.push(`${labels.citation}: ${escapeMarkdown(a.target.citationId)}${kind}`);
  }
  if (a.tags.length > 0) facts.push(`${labels.tags}: ${a.tags.map(escapeMarkdown).join(', ')}`);
  const page = pageNumber(a);
  if (page !== undefined) facts.push(`${labels.page}: ${page}`);
  facts.push(`${labels.colour}: ${a.colour}`);
  facts.push(`${labels.updated}: ${a.updated}`);
  if (a.deletedAt !== undefined) facts.push(`${labels.inTrashSince} ${a.deletedAt}`);
  lines.push(`*${facts.join(' · ')}*`, '');
  return lines.join('\n');
}

/** Notes per page (newest page first), in reading order within a page. */
export function exportMarkdown(annotations: readonly Annotation[], options: ExportOptions = {}): string {
  const notes = selected(annotations, options);
  const now = (options.now ?? new Date()).toISOString();
  const labels = options.labels ?? EXPORT_LABELS.en;
  const out: string[] = [
    `# ${labels.title}`,
    '',
    `${labels.exported(now, notes.length)} · ${labels.trash(options.includeDeleted === true)}`,
    '',
  ];
  for (const group of groupByPage(notes)) {
    const title = escapeMarkdown(group.title.replace(/\s+/g, ' ') || group.url);
    const document = group.annotations[0]!.target.document;
    const source = document
      ? labels.documentSource(document.format, parseDocumentUrn(group.url) !== undefined)
      : group.site;
    out.push(`## [${title}](<${markdownUrl(group.url)}>)`, '', `${escapeMarkdown(source)}`, '');
    const ordered = [...group.annotations].sort(
      (x, y) =>
        (positionSelectorOf(x)?.start ?? Infinity) - (positionSelectorOf(y)?.start ?? Infinity) ||
        (x.created < y.created ? -1 : x.created > y.created ? 1 : 0),
    );
    ordered.forEach((a, i) => {
      if (i > 0) out.push('---', '');
      out.push(markdownNote(a, labels));
    });
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

export const CSV_COLUMNS = [
  'id',
  'created',
  'updated',
  'url',
  'site',
  'title',
  'quote',
  'prefix',
  'suffix',
  'start',
  'end',
  'note',
  'colour',
  'tags',
  'citation_id',
  'citation_kind',
  'deleted_at',
  /** A PDF note's page number, and the reader document's format and fingerprint (`pdf:<hex>`). */
  'page',
  'document',
] as const;

/**
 * One CSV cell: a text starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`
 * so a spreadsheet shows it instead of evaluating it (CSV formula injection); then RFC 4180
 * quoting when the cell holds a comma, a quote or a line break.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvOptions extends ExportOptions {
  /** Start with a UTF-8 byte order mark so Excel reads accents right (default: yes). */
  bom?: boolean;
}

/** RFC 4180 CSV: a header row, CRLF line ends, one row per note. */
export function exportCsv(annotations: readonly Annotation[], options: CsvOptions = {}): string {
  const columns = (options.labels ?? EXPORT_LABELS.en).columns;
  const rows: string[] = [CSV_COLUMNS.map((column) => columns[column]).join(',')];
  for (const a of selected(annotations, options)) {
    const quote = quoteSelectorOf(a);
    const position = positionSelectorOf(a);
    const cells: (string | number | undefined)[] = [
      a.id,
      a.created,
      a.updated,
      a.url,
      siteOf(a.url),
      a.title,
      quote?.exact,
      quote?.prefix,
      quote?.suffix,
      position?.start,
      position?.end,
      a.body,
      a.colour,
      a.tags.join('; '),
      a.target.citationId,
      a.target.citationKind,
      a.deletedAt,
      pageNumber(a),
      a.target.document && `${a.target.document.format}:${a.target.document.fingerprint}`,
    ];
    rows.push(cells.map(csvCell).join(','));
  }
  return `${options.bom === false ? '' : '\uFEFF'}${rows.join('\r\n')}\r\n`;
}
