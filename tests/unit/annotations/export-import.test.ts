import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  ANNO_CONTEXT,
  csvCell,
  escapeMarkdown,
  exportCsv,
  exportFileName,
  exportJsonLd,
  exportMarkdown,
  toWebAnnotation,
} from '../../../src/core/annotations/export';
import {
  checkImportSize,
  fromJsonLd,
  importJsonLd,
  MAX_IMPORT_BYTES,
  stableUuid,
} from '../../../src/core/annotations/import';
import { markDeleted, type Annotation } from '../../../src/core/annotations/model';
import { EXPORT_LABELS } from '../../../src/core/annotations/export-labels';
import { makeNote } from './helpers';

const XSS = '<img src=x onerror=alert(1)>';

function sampleNotes(): Annotation[] {
  return [
    makeNote({
      body: `Eerste regel\nTweede regel met ${XSS} en "aanhalingstekens", komma's`,
      tags: ['opvolgen', 'VN'],
      colour: 'green',
      citation: { id: 'unsc-1325', kind: 'unsc' },
      title: `Titel met ${XSS}`,
    }),
    makeNote({ body: '', tags: [], title: '' }),
    makeNote({ body: '=HYPERLINK("http://evil")', tags: ['+1', '@home'] }),
    makeNote({ body: 'Emoji 😀 en accenten: financiële, Curaçao' }),
  ];
}

function ok(result: ReturnType<typeof importJsonLd>): Annotation[] {
  if (!result.ok) throw new Error(`import failed:\n${result.errors.join('\n')}`);
  return result.annotations;
}

function errors(result: ReturnType<typeof importJsonLd>): string[] {
  if (result.ok) throw new Error('import unexpectedly succeeded');
  return result.errors;
}

function exported(): Record<string, unknown> {
  return JSON.parse(exportJsonLd(sampleNotes())) as Record<string, unknown>;
}

describe('JSON-LD export', () => {
  it('writes a W3C AnnotationCollection', () => {
    const [note] = sampleNotes();
    const doc = JSON.parse(exportJsonLd([note!])) as {
      '@context': string;
      type: string;
      total: number;
      first: { items: Record<string, unknown>[] };
    };
    expect(doc['@context']).toBe(ANNO_CONTEXT);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(1);
    const item = doc.first.items[0]!;
    expect(item).toMatchObject({
      id: `urn:uuid:${note!.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: note!.created,
      modified: note!.updated,
      body: [
        { type: 'TextualBody', value: note!.body, format: 'text/plain', purpose: 'commenting' },
        { type: 'TextualBody', value: 'opvolgen', purpose: 'tagging' },
        { type: 'TextualBody', value: 'VN', purpose: 'tagging' },
      ],
      target: {
        type: 'SpecificResource',
        source: note!.url,
        selector: [
          { type: 'TextQuoteSelector', exact: 'resolutie 1325 (2000)' },
          { type: 'TextPositionSelector' },
        ],
      },
      'bronwijzer:colour': 'green',
      'bronwijzer:citationId': 'unsc-1325',
      'bronwijzer:citationKind': 'unsc',
    });
  });

  it('marks a note without text as a highlight and can stand alone', () => {
    const web = toWebAnnotation(sampleNotes()[1]!, true);
    expect(web['@context']).toBe(ANNO_CONTEXT);
    expect(web.motivation).toBe('highlighting');
    expect(web.body).toBeUndefined();
  });

  it('leaves the trash out unless asked', () => {
    const notes = sampleNotes();
    notes[0] = markDeleted(notes[0]!);
    expect(ok(importJsonLd(exportJsonLd(notes)))).toHaveLength(3);
    const all = ok(importJsonLd(exportJsonLd(notes, { includeDeleted: true })));
    expect(all.find((a) => a.id === notes[0]!.id)?.deletedAt).toBe(notes[0]!.deletedAt);
  });

  it('names files by format and date', () => {
    expect(exportFileName('jsonld', new Date('2025-03-04T10:00:00Z'))).toBe(
      'bronwijzer-notities-2025-03-04.jsonld',
    );
    expect(exportFileName('csv', new Date('2025-03-04T10:00:00Z'))).toMatch(/\.csv$/);
  });
});

describe('round trip', () => {
  it('export → import is lossless, markup included, from text and from bytes', () => {
    const notes = sampleNotes();
    const file = exportJsonLd(notes);
    expect(ok(importJsonLd(file))).toEqual(notes);
    expect(ok(importJsonLd(new TextEncoder().encode(file)))).toEqual(notes);
    // Markup stays a literal string in the body and the title: nothing was parsed or stripped.
    const back = ok(importJsonLd(file))[0]!;
    expect(back.body).toContain(XSS);
    expect(back.title).toContain(XSS);
  });

  it('round-trips an empty collection', () => {
    expect(ok(importJsonLd(exportJsonLd([])))).toEqual([]);
  });

  it('importing the same file twice yields the same ids (no duplicates)', () => {
    const file = exportJsonLd(sampleNotes());
    expect(ok(importJsonLd(file)).map((a) => a.id)).toEqual(ok(importJsonLd(file)).map((a) => a.id));
  });

  it('keeps the newest of a note that appears twice in one file', () => {
    const [note] = sampleNotes();
    const newer = { ...note!, body: 'nieuwer', updated: '2999-01-01T00:00:00.000Z' };
    const result = importJsonLd(exportJsonLd([newer, note!]));
    expect(ok(result)).toEqual([newer]);
    expect(result.ok && result.warnings[0]).toMatch(/appeared twice/);
  });
});

describe('import of other W3C annotations', () => {
  const foreign = {
    '@context': ANNO_CONTEXT,
    id: 'https://hypothes.is/a/abc123',
    type: 'Annotation',
    created: '2024-05-01T10:00:00+02:00',
    body: [
      { type: 'TextualBody', value: '<b>vet</b> commentaar', format: 'text/html' },
      { type: 'TextualBody', value: ' VN ', purpose: 'tagging' },
    ],
    target: {
      source: 'https://www.tweedekamer.nl/stuk#p3',
      selector: [
        { type: 'RangeSelector', startSelector: {}, endSelector: {} },
        { type: 'TextPositionSelector', start: 10, end: 24 },
        { type: 'TextQuoteSelector', exact: 'resolutie 1325' },
      ],
    },
  };

  it('accepts a single annotation with a foreign id, mapped to a stable UUID', () => {
    const result = importJsonLd(JSON.stringify(foreign));
    expect(result.ok && result.warnings).toEqual([
      '1 notes were written as HTML; they were imported as plain text, so any markup shows as typed.',
    ]);
    const [a] = ok(result);
    expect(a).toMatchObject({
      id: stableUuid('https://hypothes.is/a/abc123'),
      url: 'https://www.tweedekamer.nl/stuk',
      created: '2024-05-01T08:00:00.000Z',
      updated: '2024-05-01T08:00:00.000Z',
      body: '<b>vet</b> commentaar', // kept as text, never rendered as HTML
      tags: ['VN'],
      colour: 'yellow',
      title: '',
    });
    expect(a!.target.selectors).toEqual([
      { type: 'TextPositionSelector', start: 10, end: 24 },
      { type: 'TextQuoteSelector', exact: 'resolutie 1325', prefix: '', suffix: '' },
    ]);
  });

  it('derives a stable id from the content when there is none', () => {
    const withoutId: Record<string, unknown> = { ...foreign };
    delete withoutId.id;
    const first = ok(importJsonLd(JSON.stringify(withoutId)))[0]!.id;
    expect(ok(importJsonLd(JSON.stringify(withoutId)))[0]!.id).toBe(first);
    expect(stableUuid('a')).not.toBe(stableUuid('b'));
    expect(stableUuid('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('accepts an AnnotationPage and a bare array', () => {
    expect(
      ok(
        importJsonLd(JSON.stringify({ '@context': ANNO_CONTEXT, type: 'AnnotationPage', items: [foreign] })),
      ),
    ).toHaveLength(1);
    expect(ok(importJsonLd(JSON.stringify([foreign])))).toHaveLength(1);
    expect(
      ok(importJsonLd(JSON.stringify({ '@context': ANNO_CONTEXT, type: 'AnnotationCollection', total: 0 }))),
    ).toEqual([]);
  });
});

describe('malformed imports are refused with clear messages', () => {
  it('refuses invalid JSON, empty files and non-UTF-8 bytes', () => {
    expect(errors(importJsonLd('{"type": "AnnotationCollection",'))[0]).toMatch(
      /^The file is not valid JSON \(.+\)\. Nothing was imported\.$/,
    );
    expect(errors(importJsonLd('  \n'))[0]).toMatch(/empty/);
    expect(errors(importJsonLd(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))[0]).toMatch(/not UTF-8/);
  });

  it('refuses a file over 20 MB before reading it', () => {
    expect(checkImportSize(MAX_IMPORT_BYTES)).toBeUndefined();
    expect(checkImportSize(50 * 1024 * 1024)).toMatch(/too large to import \(50\.0 MB; at most 20\.0 MB\)/);
    // 50 MB of bytes: refused on the byte length alone, without decoding.
    expect(errors(importJsonLd(new Uint8Array(50 * 1024 * 1024)))[0]).toMatch(/too large/);
    // A string that is small in characters but large in UTF-8 bytes.
    expect(errors(importJsonLd('€'.repeat(7_500_000)))[0]).toMatch(/too large/);
    expect(errors(importJsonLd(' '.repeat(MAX_IMPORT_BYTES + 1)))[0]).toMatch(/too large/);
  });

  it('refuses documents of the wrong shape', () => {
    expect(errors(fromJsonLd(42))).toEqual([
      'expected a JSON object (an AnnotationCollection), got number 42',
    ]);
    expect(errors(fromJsonLd({ type: 'AnnotationCollection' }))[0]).toMatch(
      /^@context: expected "http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/,
    );
    expect(errors(fromJsonLd({ '@context': ANNO_CONTEXT, type: 'Thing' }))[0]).toMatch(
      /^type: expected "AnnotationCollection"/,
    );
    expect(
      errors(fromJsonLd({ '@context': ANNO_CONTEXT, type: 'AnnotationCollection', first: 'p1' }))[0],
    ).toMatch(/^first: expected the embedded AnnotationPage/);
    expect(
      errors(
        fromJsonLd({
          '@context': ANNO_CONTEXT,
          type: 'AnnotationCollection',
          first: { items: [], next: 'p2' },
        }),
      )[0],
    ).toMatch(/^first\.next: /);
  });

  it('names the path of every problem in an item', () => {
    const doc = exported() as { first: { items: Record<string, unknown>[] } };
    const items = doc.first.items;
    (items[1]!.target as { selector: Record<string, unknown>[] }).selector[0]!.exact = 42;
    items[2]!['bronwijzer:colour'] = 'magenta';
    items[3]!.created = 'gisteren';
    (items[3]!.target as Record<string, unknown>).source = 'geen url';
    const problems = errors(fromJsonLd(doc));
    expect(problems).toEqual([
      'first.items[1].target.selector[0].exact: expected a string, got number 42',
      'first.items[1].target.selector: expected a TextQuoteSelector (a Bronwijzer note is anchored to a quoted passage)',
      'first.items[2].bronwijzer:colour: expected one of yellow, green, blue, pink, purple, got "magenta"',
      'first.items[3].target.source: expected an absolute http(s) URL of at most 8192 characters',
      'first.items[3].created: expected an ISO 8601 date-time like "2025-01-31T12:00:00.000Z", got "gisteren"',
    ]);
  });

  it('refuses items that are not annotations, bodies of the wrong type and newer schemas', () => {
    const doc = exported() as { first: { items: unknown[] } };
    const items = doc.first.items as Record<string, unknown>[];
    doc.first.items.push('een string');
    items[0]!.body = [{ type: 'TextualBody', value: { html: XSS } }];
    items[1]!['bronwijzer:schemaVersion'] = 99;
    items[2]!.type = 'Note';
    const problems = errors(fromJsonLd(doc));
    expect(problems).toContain('first.items[0].body[0].value: expected a string, got an object');
    expect(
      problems.some((p) =>
        p.startsWith('first.items[1].bronwijzer:schemaVersion: this file was written by a newer version'),
      ),
    ).toBe(true);
    expect(problems).toContain('first.items[2].type: expected "Annotation", got "Note"');
    expect(problems).toContain('first.items[4]: expected an annotation object, got "een string"');
  });

  it('refuses a page URL that is not http(s), such as javascript:', () => {
    const doc = exported() as { first: { items: Record<string, unknown>[] } };
    (doc.first.items[0]!.target as Record<string, unknown>).source = 'javascript:alert(document.domain)';
    expect(errors(fromJsonLd(doc))).toEqual([
      'first.items[0].target.source: expected an absolute http(s) URL of at most 8192 characters',
    ]);
  });

  it('lists at most 50 problems', () => {
    const items = Array.from({ length: 80 }, () => ({ type: 'Annotation', target: 'x' }));
    const problems = errors(fromJsonLd({ '@context': ANNO_CONTEXT, type: 'AnnotationPage', items }));
    expect(problems).toHaveLength(51);
    expect(problems.at(-1)).toMatch(/and \d+ more problems/);
  });
});

describe('exports in the notes page’s language', () => {
  it('writes Dutch Markdown and CSV headings, and says whether the trash is in the file', () => {
    const labels = EXPORT_LABELS.nl;
    const now = new Date('2025-02-01T00:00:00Z');
    const md = exportMarkdown(sampleNotes(), { now, labels, includeDeleted: true });
    expect(md).toMatch(
      /^# Bronwijzer-notities\n\nGeëxporteerd 2025-02-01T00:00:00\.000Z · \d+ notities · Notities in de prullenbak zijn meegenomen\./,
    );
    expect(md).toContain('Verwijzing: unsc-1325 (unsc) · Labels: opvolgen, VN · Kleur: green');
    const csv = exportCsv(sampleNotes(), { labels, bom: false });
    expect(csv.split('\r\n')[0]).toBe(
      'id,aangemaakt,bijgewerkt,url,site,titel,citaat,ervoor,erna,begin,eind,notitie,kleur,labels,verwijzing_id,verwijzing_soort,verwijderd_op,pagina,document',
    );
    expect(exportFileName('csv', now, { includeDeleted: true, labels })).toBe(
      'bronwijzer-notities-2025-02-01-met-prullenbak.csv',
    );
    expect(exportFileName('csv', now, { labels })).toBe('bronwijzer-notities-2025-02-01.csv');
    expect(
      JSON.parse(exportJsonLd(sampleNotes(), { includeDeleted: true }))['bronwijzer:includesTrash'],
    ).toBe(true);
  });
});

describe('Markdown export', () => {
  it('groups by page and keeps markup literal', () => {
    const md = exportMarkdown(sampleNotes(), { now: new Date('2025-02-01T00:00:00Z') });
    expect(md).toMatch(
      /^# Bronwijzer notes\n\nExported 2025-02-01T00:00:00\.000Z · 4 notes · Notes in the trash are not included\.\n/,
    );
    expect(md).not.toMatch(/[^\\]<img/);
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(md).toContain('> resolutie 1325 (2000)');
    expect(md).toContain('## [Titel met \\<img src=x onerror=alert(1)\\>](<https://www.tweedekamer.nl/');
    expect(md).toContain('Citation: unsc-1325 (unsc) · Tags: opvolgen, VN · Colour: green');
    expect(md).toContain('Eerste regel  \nTweede regel');
  });

  it('escapes block syntax at the start of a line and inline syntax anywhere', () => {
    expect(escapeMarkdown('# kop\n- lijst\n1. genummerd\n> citaat\n    code')).toBe(
      '\\# kop\n\\- lijst\n1\\. genummerd\n\\> citaat\ncode',
    );
    expect(escapeMarkdown('[link](javascript:x) *vet* `code` a|b ~x~ &amp;')).toBe(
      '\\[link\\](javascript:x) \\*vet\\* \\`code\\` a\\|b \\~x\\~ \\&amp;',
    );
  });
});

describe('CSV export', () => {
  it('is RFC 4180 CSV a parser reads back, with formula injection defused', () => {
    const notes = sampleNotes();
    const csv = exportCsv(notes, { bom: false });
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(rows[0]!.note).toBe(notes[0]!.body);
    expect(rows[0]!.tags).toBe('opvolgen; VN');
    expect(rows[0]!.citation_id).toBe('unsc-1325');
    expect(rows[0]!.quote).toBe('resolutie 1325 (2000)');
    expect(rows[2]!.note).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows[3]!.note).toBe(notes[3]!.body);
    expect(exportCsv(notes).startsWith('\uFEFFid,created')).toBe(true);
  });

  it('quotes and guards single cells', () => {
    expect(csvCell('gewoon')).toBe('gewoon');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('regel\nregel')).toBe('"regel\nregel"');
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(undefined)).toBe('');
  });
});
