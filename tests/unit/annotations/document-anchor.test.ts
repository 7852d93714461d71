import { describe, expect, it } from 'vitest';
import {
  anchorInDocument,
  describeDocumentRange,
  pageOfOffset,
  type ReaderDocument,
} from '../../../src/core/annotations/document-anchor';
import { exportJsonLd, exportMarkdown, exportCsv } from '../../../src/core/annotations/export';
import { EXPORT_LABELS } from '../../../src/core/annotations/export-labels';
import { importJsonLd } from '../../../src/core/annotations/import';
import {
  createAnnotation,
  migrateAnnotation,
  pageSelectorOf,
  validateAnnotation,
  type Annotation,
} from '../../../src/core/annotations/model';

const FINGERPRINT = '0123456789abcdef0123456789abcdef';
const PAGES = [
  'Kamerbrief over vrouwen, vrede en veiligheid. Geachte voorzitter, hierbij informeer ik u. ',
  'Nederland blijft zich inzetten voor de uitvoering van resolutie 1325 (2000) van de Veiligheidsraad. ',
  'Het Nationaal Actieplan loopt tot 2025; de motie 36 600 V, nr. 46 is uitgevoerd. Hoogachtend. ',
];

function pdf(pages = PAGES, fingerprint = FINGERPRINT, address?: string): ReaderDocument {
  const pageStarts = [0];
  for (const page of pages) pageStarts.push(pageStarts.at(-1)! + page.length);
  return {
    ref: { format: 'pdf', fingerprint },
    text: pages.join(''),
    pageStarts,
    ...(address ? { address } : {}),
  };
}

function noteOn(doc: ReaderDocument, quote: string): Annotation {
  const start = doc.text.indexOf(quote);
  const { url, document, selectors } = describeDocumentRange(doc, start, start + quote.length);
  return createAnnotation({ url, title: 'Kamerbrief', document, selectors, body: 'belangrijk' });
}

describe('notes on reader documents', () => {
  it('describes a PDF passage with quote, position, page and fingerprint; a local file gets its URN', () => {
    const note = noteOn(pdf(), 'resolutie 1325 (2000)');
    expect(note.url).toBe(`urn:x-pdf:${FINGERPRINT}`);
    expect(note.target.document).toEqual({ format: 'pdf', fingerprint: FINGERPRINT });
    expect(pageSelectorOf(note)).toEqual({ type: 'PageSelector', index: 1, label: '2' });
    expect(note.schemaVersion).toBe(3);
    const web = noteOn(
      pdf(PAGES, FINGERPRINT, 'https://www.tweedekamer.nl/downloads/document?id=1'),
      'motie',
    );
    expect(web.url).toBe('https://www.tweedekamer.nl/downloads/document?id=1');
  });

  it('anchors by position on the same text, and says which page the passage is on', () => {
    const doc = pdf();
    const note = noteOn(doc, 'motie 36 600 V, nr. 46');
    const found = anchorInDocument(doc, note);
    expect(found).toMatchObject({ method: 'position', page: 2, errors: 0 });
    expect(doc.text.slice(found!.start, found!.end)).toBe('motie 36 600 V, nr. 46');
  });

  it('finds the quote again when text before it moved (a page re-read with a header left out)', () => {
    const note = noteOn(pdf(), 'resolutie 1325 (2000)');
    const moved = pdf(['Vertrouwelijk. ', ...PAGES]);
    const found = anchorInDocument(moved, note);
    expect(found).toMatchObject({ method: 'quote', page: 2 });
    expect(moved.text.slice(found!.start, found!.end)).toBe('resolutie 1325 (2000)');
  });

  it('finds a slightly changed passage fuzzily (a hyphen joined differently, a typo fixed)', () => {
    const quote = 'Nederland blijft zich inzetten voor de uitvoering van resolutie 1325';
    const note = noteOn(pdf(), quote);
    const changed = pdf([
      PAGES[0]!,
      'Nederland blijft zich in- zetten voor de uitvoeringen van resolutie 1325 (2000) van de Veiligheidsraad. ',
      PAGES[2]!,
    ]);
    const found = anchorInDocument(changed, note);
    expect(found?.method).toBe('fuzzy');
    expect(found?.page).toBe(1);
    expect(changed.text.slice(found!.start, found!.end)).toMatch(/^Nederland blijft .* resolutie 1325$/);
  });

  it('refuses a document with another fingerprint, even with the very same text', () => {
    const note = noteOn(pdf(), 'resolutie 1325 (2000)');
    expect(anchorInDocument(pdf(PAGES, 'ffffffffffffffffffffffffffffffff'), note)).toBeUndefined();
    const docx: ReaderDocument = { ref: { format: 'docx', fingerprint: FINGERPRINT }, text: PAGES.join('') };
    expect(anchorInDocument(docx, note)).toBeUndefined();
    // A web page's note (no document) is never placed in the reader.
    const target = { ...note.target };
    delete target.document;
    expect(anchorInDocument(pdf(), { target })).toBeUndefined();
  });

  it('orphans a note whose passage is gone', () => {
    const note = noteOn(pdf(), 'resolutie 1325 (2000)');
    expect(anchorInDocument(pdf([PAGES[0]!, PAGES[2]!]), note)).toBeUndefined();
  });

  it('describes a Word passage without pages', () => {
    const docx: ReaderDocument = {
      ref: { format: 'docx', fingerprint: 'ab'.repeat(32) },
      text: PAGES.join(''),
    };
    const note = noteOn(docx, 'Nationaal Actieplan');
    expect(pageSelectorOf(note)).toBeUndefined();
    expect(note.url).toBe(`urn:x-docx:${'ab'.repeat(32)}`);
    expect(anchorInDocument(docx, note)).toMatchObject({ method: 'position', page: undefined });
  });

  it('finds the page of an offset, none in a document without pages', () => {
    expect(pageOfOffset({ pageStarts: [0, 10, 20, 30] }, 0)).toBe(0);
    expect(pageOfOffset({ pageStarts: [0, 10, 20, 30] }, 19)).toBe(1);
    expect(pageOfOffset({ pageStarts: [0, 10, 20, 30] }, 30)).toBe(2);
    expect(pageOfOffset({}, 3)).toBeUndefined();
  });
});

describe('validation of document notes', () => {
  it('refuses a URN that names another document, a bad fingerprint and two page selectors', () => {
    const note = noteOn(pdf(), 'resolutie 1325 (2000)') as unknown as Record<string, unknown>;
    const errors = (value: unknown) => {
      const result = validateAnnotation(value);
      return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
    };
    expect(errors({ ...note, url: `urn:x-pdf:${'e'.repeat(32)}` })).toEqual([
      'url: a document URN must name target.document',
      'target.source: expected the same value as url',
    ]);
    const target = note.target as Annotation['target'];
    expect(
      errors({ ...note, target: { ...target, document: { format: 'pdf', fingerprint: 'XYZ' } } }),
    ).toEqual([
      'url: a document URN must name target.document',
      'target.document.fingerprint: expected a lower-case hex fingerprint, got "XYZ"',
    ]);
    expect(
      errors({
        ...note,
        target: { ...target, selectors: [...target.selectors, { type: 'PageSelector', index: 0 }] },
      }),
    ).toEqual(['target.selectors: expected at most one PageSelector, found 2']);
    expect(errors({ ...note, url: 'javascript:alert(1)' })).toEqual([
      'url: expected an absolute http(s) URL',
    ]);
  });

  it('still loads a version 2 note unchanged (version 3 only adds optional fields)', () => {
    const current = createAnnotation({
      url: 'https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2025Z00001',
      selectors: [{ type: 'TextQuoteSelector', exact: 'resolutie 1325', prefix: '', suffix: '' }],
    });
    const migrated = migrateAnnotation({ ...current, schemaVersion: 2 });
    expect(migrated).toEqual({ ok: true, value: current });
  });
});

describe('exports of document notes', () => {
  const local = noteOn(pdf(), 'resolutie 1325 (2000)');
  const web = noteOn(pdf(PAGES, 'ab'.repeat(16), 'https://open.overheid.nl/documenten/brief.pdf'), 'motie');

  it('keeps the fingerprint and page selector through a JSON-LD round trip', () => {
    const result = importJsonLd(exportJsonLd([local, web]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const byId = new Map(result.annotations.map((a) => [a.id, a]));
    expect(byId.get(local.id)).toEqual(local);
    expect(byId.get(web.id)).toEqual(web);
  });

  it('names the document and the page in Markdown and CSV', () => {
    const md = exportMarkdown([local], { labels: EXPORT_LABELS.nl });
    expect(md).toContain(`## [Kamerbrief](<urn:x-pdf:${FINGERPRINT}>)`);
    expect(md).toContain('PDF, geopend vanaf deze computer');
    expect(md).toContain('Pagina: 2');
    const csv = exportCsv([web], { bom: false }).split('\r\n');
    expect(csv[0]!.endsWith(',page,document')).toBe(true);
    expect(csv[1]).toContain('Kamerbrief');
    expect(csv[1]!.endsWith(`,3,pdf:${'ab'.repeat(16)}`)).toBe(true);
  });
});
