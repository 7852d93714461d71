import { documentRecords, packDocuments } from '../../../src/core/dataset/documents';
import { describe as group, expect, it } from 'vitest';
import { describe, linkedKeys } from '../../../src/core/dataset/describe';
import type { ReferenceRecord } from '../../../src/core/dataset/types';

const records: ReferenceRecord[] = [
  {
    id: 'unsc-1325',
    kind: 'unsc',
    title: 'Women and peace and security',
    date: '2000-10-31',
    summary: 'First WPS resolution',
    verification: 'verified',
    fields: { year: '2000', undl: '426075' },
  },
  {
    id: 'unsc-1322',
    kind: 'unsc',
    title: 'The situation in the Middle East',
    date: '2000-10-07',
    verification: 'verified',
    factVerification: { date: 'derived' },
    fields: { year: '2000' },
  },
  {
    id: 'kst-26150',
    kind: 'kamerstuk',
    title: 'Algemene Vergadering der Verenigde Naties',
    verification: 'verified',
  },
  {
    id: 'kst-26150-190',
    kind: 'kamerstuk',
    title: 'Vierde Nationaal Actieplan 1325',
    date: '2020-12-16',
    verification: 'verified',
    fields: { doc: '190' },
  },
  {
    id: 'kst-36600',
    kind: 'kamerstuk',
    title: 'Nota over de toestand van ’s Rijks Financiën',
    verification: 'derived',
    fields: { by: '2025' },
  },
  {
    id: 'kst-36600-C',
    kind: 'kamerstuk',
    title: 'Vaststelling van de begrotingsstaat van het provinciefonds voor het jaar 2025',
    verification: 'derived',
  },
  {
    id: 'kst-35010',
    kind: 'kamerstuk',
    title: 'Wijziging van de Wet op het kindgebonden budget',
    verification: 'verified',
  },
  { id: 'kst-21501-20', kind: 'kamerstuk', title: 'Europese Raad', verification: 'verified' },
  { id: 'kst-31200-V', kind: 'kamerstuk', title: 'Begroting BZ 2008', verification: 'unverified' },
  {
    id: 'treaty-cedaw',
    kind: 'treaty',
    title: 'Verdrag inzake de uitbanning van alle vormen van discriminatie van vrouwen',
    titleEn: 'Convention on the Elimination of All Forms of Discrimination against Women',
    date: '1979-12-18',
    verification: 'verified',
    fields: { bwb: 'BWBV0002909' },
  },
  {
    id: 'treaty-echr',
    kind: 'treaty',
    title: 'Verdrag tot bescherming van de rechten van de mens en de fundamentele vrijheden',
    date: '1950-11-04',
    verification: 'verified',
    factVerification: { date: 'unverified' },
    fields: { bwb: 'BWBV0001000', coe: 'ETS 005' },
  },
  {
    id: 'treaty-bwbv0002909',
    kind: 'treaty',
    title: 'Verdrag inzake de uitbanning van alle vormen van discriminatie van vrouwen',
    verification: 'verified',
    fields: { see: 'cedaw' },
  },
];
const byId = new Map(records.map((r) => [r.id, r]));
const lookup = (id: string) => describe(id, (k) => byId.get(k));

group('describe: known ids', () => {
  it('gives a resolution its facts and links', () => {
    expect(lookup('unsc-1325')).toEqual({
      id: 'unsc-1325',
      kind: 'unsc',
      known: true,
      label: 'Security Council resolution 1325 (2000)',
      title: 'Women and peace and security',
      date: '2000-10-31',
      summary: 'First WPS resolution',
      confidence: 'verified',
      scope: 'item',
      titleLang: 'en',
      fields: { year: '2000', undl: '426075' },
      links: [
        { key: 'source', label: 'Source text', url: 'https://undocs.org/S/RES/1325(2000)' },
        {
          key: 'undl',
          label: 'UN Digital Library record',
          url: 'https://digitallibrary.un.org/record/426075',
        },
      ],
    });
  });

  it('keeps less certain facts marked', () => {
    expect(lookup('unsc-1322')?.factVerification).toEqual({ date: 'derived' });
    expect(lookup('treaty-echr')).toMatchObject({
      confidence: 'verified',
      factVerification: { date: 'unverified' },
    });
    expect(lookup('kst-31200-V')?.confidence).toBe('unverified');
  });

  it('describes a Kamerstuk document through its dossier, with the dossier’s confidence', () => {
    const r = lookup('kst-26150-223');
    expect(r).toMatchObject({
      known: true,
      label: 'Kamerstuk 26 150, nr. 223',
      title: 'Kamerstuk 26 150, nr. 223 — Algemene Vergadering der Verenigde Naties',
      confidence: 'verified',
      fields: { dossier: 'kst-26150' },
    });
    expect(r?.links.map((l) => l.url)).toEqual([
      'https://zoek.officielebekendmakingen.nl/kst-26150-223.html',
      'https://zoek.officielebekendmakingen.nl/dossier/26150',
    ]);
  });

  it('uses a record of the document itself when there is one', () => {
    expect(lookup('kst-26150-190')).toMatchObject({
      known: true,
      title: 'Kamerstuk 26 150, nr. 190 — Vierde Nationaal Actieplan 1325',
      date: '2020-12-16',
    });
  });

  it('lets the data decide ambiguous Kamerstuk ids', () => {
    // A dossier record under the id: the id names that dossier.
    expect(lookup('kst-36600-C')).toMatchObject({ known: true, label: 'Kamerstukdossier 36 600 C' });
    expect(lookup('kst-21501-20')).toMatchObject({
      known: true,
      label: 'Kamerstukdossier 21 501-20',
      title: 'Europese Raad',
    });
    expect(lookup('kst-21501-20')?.links.map((l) => l.key)).toEqual(['dossier']);
    // No such dossier, but a bill dossier: an Eerste Kamer document.
    expect(lookup('kst-35010-C')).toMatchObject({
      known: true,
      label: 'Kamerstuk 35 010, nr. C',
      title: 'Kamerstuk 35 010, nr. C — Wijziging van de Wet op het kindgebonden budget',
    });
    expect(lookup('kst-35010-C')?.links[0]?.url).toBe(
      'https://zoek.officielebekendmakingen.nl/kst-35010-C.html',
    );
    // A budget base number: an unknown chapter, not a document of the Miljoenennota.
    expect(lookup('kst-36600-L')).toMatchObject({
      known: false,
      confidence: 'parsed',
      label: 'Kamerstukdossier 36 600 L',
      title: 'Kamerstukdossier 36 600 L — Rijksbegroting 2025',
    });
    expect(lookup('kst-36600-L')?.links.map((l) => l.key)).toEqual(['dossier']);
  });

  it('follows a register id to the curated treaty', () => {
    const r = lookup('treaty-bwbv0002909');
    expect(r).toMatchObject({
      known: true,
      titleEn: 'Convention on the Elimination of All Forms of Discrimination against Women',
    });
    expect(r?.fields?.key).toBe('cedaw');
    expect(r?.links[0]?.url).toBe('https://wetten.overheid.nl/BWBV0002909');
  });
});

group('describe: unknown ids still answer', () => {
  it.each([
    ['kst-31145-AA', 'Kamerstuk 31 145, nr. AA — Eerste Kamer'],
    ['kst-31145-12', 'Kamerstuk 31 145, nr. 12 — Tweede Kamer'],
    ['kst-31145', 'Kamerstukdossier 31 145'],
    ['kst-99999-V', 'Kamerstukdossier 99 999 V'],
    ['unsc-9999', 'Security Council resolution 9999'],
    ['unga-78-243', 'General Assembly resolution 78/243 — 78th session (2023–2024)'],
    ['unga-1-1', 'General Assembly resolution 1/1 — 1st session (1946–1947)'],
    ['ECLI:NL:HR:2019:2006', 'ECLI:NL:HR:2019:2006 — Hoge Raad'],
    ['ECLI:NL:RVS:2022:1', 'ECLI:NL:RVS:2022:1 — Raad van State'],
    ['ECLI:EU:C:2014:317', 'ECLI:EU:C:2014:317 — Court of Justice of the European Union'],
    ['ECLI:CE:ECHR:2019:1', 'ECLI:CE:ECHR:2019:1 — European Court of Human Rights'],
    ['h-tk-20232024-45-12', 'Handelingen II 2023/24, nr. 45, item 12 — Tweede Kamer'],
    ['h-ek-20232024-5', 'Handelingen I 2023/24, nr. 5 — Eerste Kamer'],
    ['ah-tk-20242025-1234', 'Aanhangsel Handelingen II 2024/25, nr. 1234 — Tweede Kamer'],
    ['stb-2020-123', 'Staatsblad 2020, 123'],
    ['stcrt-2021-12345', 'Staatscourant 2021, 12345'],
    ['trb-2013-12', 'Tractatenblad 2013, 12'],
    ['2024Z01234', 'Zaak 2024Z01234 — Tweede Kamer'],
    ['2024D05678', 'Document 2024D05678 — Tweede Kamer'],
    ['eu-reg-2016-679', 'Regulation (EU) 2016/679'],
    ['eu-reg-2001-1049', 'Regulation No 1049/2001'],
    ['eu-dir-2011-95', 'Directive 2011/95/EU'],
    ['treaty-bwbv0009999', 'Treaty BWBV0009999 (Dutch treaty register)'],
    ['treaty-nonexistent', 'Treaty "nonexistent"'],
  ])('%s → %s', (id, title) => {
    const r = lookup(id);
    expect(r).toMatchObject({ known: false, confidence: 'parsed', title });
    expect(r).not.toHaveProperty('date');
  });

  it('gives links for unknown ids', () => {
    expect(lookup('kst-31145-AA')?.links.map((l) => l.url)).toEqual([
      'https://zoek.officielebekendmakingen.nl/kst-31145-AA.html',
      'https://zoek.officielebekendmakingen.nl/dossier/31145',
    ]);
    expect(describe('unsc-2790', () => undefined, { resolutionYear: 2025 })).toMatchObject({
      label: 'Security Council resolution 2790 (2025)',
      links: [{ url: 'https://undocs.org/S/RES/2790(2025)' }],
    });
    expect(lookup('eu-dir-2011-95')?.fields).toEqual({ celex: '32011L0095' });
  });

  it('returns undefined only for malformed ids', () => {
    expect(lookup('artikel 1325')).toBeUndefined();
    expect(lookup('')).toBeUndefined();
  });

  it('normalizes before looking up', () => {
    expect(lookup('kst-26150-(R1234)-223')?.id).toBe('kst-26150-223');
    expect(lookup('TREATY-CEDAW')?.known).toBe(true);
  });
});

it('linkedKeys names the redirect target of a register treaty record', () => {
  expect(linkedKeys(byId.get('treaty-bwbv0002909'))).toEqual(['treaty-cedaw']);
  expect(linkedKeys(byId.get('treaty-cedaw'))).toEqual([]);
  expect(linkedKeys(undefined)).toEqual([]);
  // Without the target, the redirect record still answers.
  const only = byId.get('treaty-bwbv0002909')!;
  expect(describe('treaty-bwbv0002909', (k) => (k === only.id ? only : undefined))).toMatchObject({
    known: true,
    title: only.title,
    links: [{ url: 'https://wetten.overheid.nl/BWBV0002909' }],
  });
});

group('describe: document facts and suffix inference', () => {
  const table = packDocuments(
    [
      [
        'kst-36600-V-46',
        '2024D45378',
        0,
        'Motie van de leden Stoffer en Paternotte over verhinderen dat leiders en leden van Hamas zich in Turkije vestigen',
        '2024-11-21',
        2024,
        0,
      ],
      [
        'kst-36600-XVII-46',
        '2024D46077',
        1,
        'Nader gewijzigde motie van het lid Boswijk c.s. over nader onderzoeken wat de mogelijkheden zijn om het WPS-instrument voort te zetten na 2025',
        '2024-11-26',
        2024,
        0,
      ],
      [
        'kst-26150-223',
        '2025D07508',
        2,
        'Rapportage 2022-2023 National Actieplan Vrouwen, Vrede en Veiligheid',
        '2025-02-20',
        2024,
        1,
      ],
      ['2025D01234', '', 2, 'Een brief zonder Kamerstuk', '2025-01-10', 2024, 3],
    ],
    ['Motie', 'Motie (gewijzigd/nader)', 'Brief regering'],
  );
  const all = new Map([...records, ...documentRecords(table)].map((r) => [r.id, r]));
  const find = (id: string, hints = {}) => describe(id, (k) => all.get(k), hints);

  it('says what a document is: type, subject, date, vergaderjaar, how it was linked', () => {
    expect(find('kst-26150-223')).toMatchObject({
      known: true,
      scope: 'item',
      label: 'Kamerstuk 26 150, nr. 223',
      title: 'Rapportage 2022-2023 National Actieplan Vrouwen, Vrede en Veiligheid',
      docType: 'Brief regering',
      date: '2025-02-20',
      sessionYear: '20242025',
      how: 'title',
      confidence: 'derived',
      dossierTitle: 'Algemene Vergadering der Verenigde Naties',
    });
  });

  it('says when only the dossier is known', () => {
    expect(find('kst-26150-999')).toMatchObject({ known: true, scope: 'dossier' });
  });

  it('answers a TK document number with its Kamerstuk, or its own facts', () => {
    expect(find('2024D46077')).toMatchObject({
      id: '2024D46077',
      kind: 'tk-document',
      label: 'Document 2024D46077 · Kamerstuk 36 600 XVII, nr. 46',
      how: 'stated',
    });
    expect(find('2025D01234')).toMatchObject({
      title: 'Een brief zonder Kamerstuk',
      how: 'number',
      scope: 'item',
    });
  });

  it('infers the suffix from the movers and "nader gewijzigde", with the alternatives listed', () => {
    const r = find('kst-36600-46', {
      context: 'Nader gewijzigde motie 36 600, nr. 46 van het lid Boswijk c.s..',
    })!;
    expect(r).toMatchObject({
      id: 'kst-36600-46',
      label: 'Kamerstuk 36 600 XVII, nr. 46',
      confidence: 'derived',
    });
    expect(r.title).toMatch(/^Nader gewijzigde motie van het lid Boswijk/);
    expect(r.inference?.chosen).toBe('kst-36600-XVII-46');
    expect(r.inference?.reasons).toContainEqual({ kind: 'name', value: 'Boswijk' });
    expect(r.inference?.alternatives.map((a) => a.id)).toEqual(['kst-36600-XVII-46', 'kst-36600-V-46']);
  });

  it('never guesses silently: without evidence nothing is chosen', () => {
    const r = find('kst-36600-46', { context: 'zie motie 36 600, nr. 46.' })!;
    expect(r.inference?.chosen).toBeUndefined();
    expect(r).toMatchObject({ known: false, scope: 'none', title: 'Kamerstuk 36 600, nr. 46' });
    expect(r.inference?.alternatives).toHaveLength(2);
  });

  it("takes the page's other citations of a suffixed dossier as evidence", () => {
    const r = find('kst-36600-46', {
      context: 'de motie 36 600, nr. 46 over Turkije',
      pageIds: ['kst-36600-46', 'kst-36600-V-2'],
    })!;
    expect(r.inference?.chosen).toBe('kst-36600-V-46');
    expect(r.inference?.reasons.map((x) => x.kind)).toEqual(expect.arrayContaining(['page', 'type']));
  });
});
