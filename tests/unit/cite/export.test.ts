import { describe as group, expect, it } from 'vitest';
import { toCsl, type CslItem } from '../../../src/core/cite/csl';
import { readReferences, writeReferences } from '../../../src/core/cite/export';
import { describe } from '../../../src/core/dataset/describe';
import { loadDataset } from '../../../scripts/dataset/load';

const { recordsByKey } = loadDataset();
const item = (id: string, language: 'nl' | 'en' = 'nl'): CslItem =>
  toCsl(id, describe(id, recordsByKey), language)!;

const IDS = [
  'kst-36600-XVII-46',
  'kst-26150-223',
  'h-tk-20232024-45-12',
  'stb-2020-123',
  'unsc-1325',
  'treaty-cedaw',
  'ECLI:NL:HR:2019:2006',
  'eu-reg-2016-679',
];

const year = (x: Record<string, unknown>) =>
  (x.issued as { 'date-parts': number[][] } | undefined)?.['date-parts']?.[0];

group('CSL items', () => {
  it('choose CSL types for what each kind is', () => {
    expect(IDS.map((id) => item(id).type)).toEqual([
      'bill',
      'bill',
      'hearing',
      'legislation',
      'legislation',
      'treaty',
      'legal_case',
      'legislation',
    ]);
  });

  it('carry the document facts: subject as title, date, number, body, session', () => {
    expect(item('kst-36600-XVII-46')).toMatchObject({
      id: 'kst-36600-XVII-46',
      title: expect.stringMatching(/^Nader gewijzigde motie van het lid Boswijk c\.s\./),
      issued: { 'date-parts': [[2024, 11, 26]] },
      number: '36 600 XVII, nr. 46',
      authority: 'Tweede Kamer der Staten-Generaal',
      'container-title': 'Kamerstukken II 2024/25',
      genre: 'Motie (gewijzigd/nader)',
      note: 'Kamerstukken II 2024/25, 36 600 XVII, nr. 46',
      URL: 'https://zoek.officielebekendmakingen.nl/kst-36600-XVII-46.html',
    });
  });
});

group('reference files, read back with the same library', () => {
  const items = IDS.map((id) => item(id));

  it('CSL-JSON keeps every field', () => {
    expect(JSON.parse(writeReferences(items, 'csl-json'))).toEqual(items);
  });

  for (const format of ['ris', 'bibtex'] as const) {
    it(`${format}: a round trip keeps type, title, date and URL`, () => {
      const text = writeReferences(items, format);
      const back = readReferences(text);
      expect(back).toHaveLength(items.length);
      for (const [i, original] of items.entries()) {
        const parsed = back[i]!;
        expect(parsed.title, `${original.id} title`).toBe(original.title);
        expect(parsed.URL, `${original.id} URL`).toBe(original.URL);
        expect(year(parsed), `${original.id} date`).toEqual(year(original));
        expect(parsed.type, `${original.id} type`).toBe(
          EXPECTED_TYPE[format][original.type] ?? original.type,
        );
      }
    });
  }

  it('CSV: one row per reference, formulas neutralised', () => {
    const csv = writeReferences(
      [...items, { id: 'x', type: 'document', title: '=HYPERLINK("evil")' }],
      'csv',
    );
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,type,citation,title,date,url');
    expect(lines).toHaveLength(items.length + 2);
    expect(lines[1]).toContain('Kamerstukken II 2024/25, 36 600 XVII, nr. 46');
    expect(lines.at(-1)).toBe(`x,document,,"'=HYPERLINK(""evil"")",,`);
  });
});

/** Where a format has no such type, what it comes back as (the closest it has). */
const EXPECTED_TYPE: Record<'ris' | 'bibtex', Record<string, string>> = {
  // RIS has no treaty type: citation-js writes GEN.
  ris: { treaty: 'document' },
  // BibLaTeX has no bill or hearing type: @legislation, and @legal (which citation-js reads as a treaty).
  bibtex: { bill: 'legislation', hearing: 'treaty' },
};
