import { describe as group, expect, it } from 'vitest';
import type { ReferenceRecord } from '../../../src/core/dataset/types';
import { celexFor, relatedDossierLinks, sourceLinks } from '../../../src/core/links';

const urls = (id: string, record?: ReferenceRecord, year?: number) =>
  sourceLinks(id, record, year ? { resolutionYear: year } : {}).map((l) => l.url);

group('sourceLinks', () => {
  it('UN resolutions: undocs.org with the year from the record, and the UN Digital Library record', () => {
    const r: ReferenceRecord = {
      id: 'unsc-1325',
      kind: 'unsc',
      title: 'Women and peace and security',
      date: '2000-10-31',
      verification: 'verified',
      fields: { year: '2000', undl: '426075' },
    };
    expect(urls('unsc-1325', r)).toEqual([
      'https://undocs.org/S/RES/1325(2000)',
      'https://digitallibrary.un.org/record/426075',
    ]);
    expect(urls('unsc-2790', undefined, 2025)).toEqual(['https://undocs.org/S/RES/2790(2025)']);
    expect(urls('unsc-2790')).toEqual(['https://digitallibrary.un.org/search?ln=en&p=S%2FRES%2F2790']);
    expect(urls('unga-78-243')).toEqual(['https://undocs.org/A/RES/78/243']);
  });

  it('Kamerstukken: document and dossier page', () => {
    expect(urls('kst-36600-V-46')).toEqual([
      'https://zoek.officielebekendmakingen.nl/kst-36600-V-46.html',
      'https://zoek.officielebekendmakingen.nl/dossier/36600-V',
    ]);
    expect(urls('kst-23908-(R1519)-131')[0]).toBe(
      'https://zoek.officielebekendmakingen.nl/kst-23908-131.html',
    );
    expect(urls('kst-35010-C')[0]).toBe('https://zoek.officielebekendmakingen.nl/kst-35010-C.html');
    expect(urls('kst-26150')).toEqual(['https://zoek.officielebekendmakingen.nl/dossier/26150']);
    expect(urls('kst-21501-02-1855')).toEqual([
      'https://zoek.officielebekendmakingen.nl/kst-21501-02-1855.html',
      'https://zoek.officielebekendmakingen.nl/dossier/21501-02',
    ]);
    const dossier: ReferenceRecord = {
      id: 'kst-21501-20',
      kind: 'kamerstuk',
      title: 'Europese Raad',
      verification: 'verified',
    };
    expect(urls('kst-21501-20', dossier)).toEqual([
      'https://zoek.officielebekendmakingen.nl/dossier/21501-20',
    ]);
    expect(urls('kst-36600-V')).toEqual(['https://zoek.officielebekendmakingen.nl/dossier/36600-V']);
    expect(relatedDossierLinks(['kst-36180', 'kst-36600-XVII', 'nonsense']).map((l) => l.url)).toEqual([
      'https://zoek.officielebekendmakingen.nl/dossier/36180',
      'https://zoek.officielebekendmakingen.nl/dossier/36600-XVII',
    ]);
  });

  it('Handelingen, Aanhangsel, Staatsblad, Staatscourant, Tractatenblad', () => {
    expect(urls('h-tk-20232024-45-12')).toEqual([
      'https://zoek.officielebekendmakingen.nl/h-tk-20232024-45-12.html',
      'https://www.tweedekamer.nl/kamerstukken/plenaire_verslagen/detail/2023-2024/45',
    ]);
    expect(urls('h-ek-20232024-5')).toEqual(['https://zoek.officielebekendmakingen.nl/h-ek-20232024-5.html']);
    expect(urls('ah-tk-20242025-1234')).toEqual([
      'https://zoek.officielebekendmakingen.nl/ah-tk-20242025-1234.html',
    ]);
    expect(urls('stb-2020-123')).toEqual(['https://zoek.officielebekendmakingen.nl/stb-2020-123.html']);
    expect(urls('stcrt-2021-12345')).toEqual([
      'https://zoek.officielebekendmakingen.nl/stcrt-2021-12345.html',
    ]);
    expect(urls('trb-2013-12')).toEqual(['https://zoek.officielebekendmakingen.nl/trb-2013-12.html']);
  });

  it('ECLI: rechtspraak.nl for Dutch courts, e-Justice otherwise', () => {
    expect(urls('ECLI:NL:HR:2019:2006')).toEqual([
      'https://uitspraken.rechtspraak.nl/inziendocument?id=ECLI:NL:HR:2019:2006',
    ]);
    expect(urls('ECLI:EU:C:2014:317')).toEqual(['https://e-justice.europa.eu/ecli/ECLI:EU:C:2014:317']);
  });

  it('Tweede Kamer zaak and document numbers', () => {
    expect(urls('2024Z01234')).toEqual(['https://www.tweedekamer.nl/kamerstukken/detail?id=2024Z01234']);
    expect(urls('2024D05678')).toEqual([
      'https://www.tweedekamer.nl/kamerstukken/detail?id=2024D05678&did=2024D05678',
    ]);
  });

  it('treaties: wetten.overheid.nl, UNTC, Council of Europe', () => {
    const echr: ReferenceRecord = {
      id: 'treaty-echr',
      kind: 'treaty',
      title: 'EVRM',
      verification: 'verified',
      fields: { bwb: 'BWBV0001000', coe: 'ETS 005' },
    };
    expect(urls('treaty-echr', echr)).toEqual([
      'https://wetten.overheid.nl/BWBV0001000',
      'https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=005',
    ]);
    const untc =
      'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-8&chapter=4&clang=_en';
    const cedaw: ReferenceRecord = {
      id: 'treaty-cedaw',
      kind: 'treaty',
      title: 'CEDAW',
      verification: 'verified',
      fields: { bwb: 'BWBV0002909', untc },
    };
    expect(urls('treaty-cedaw', cedaw)).toEqual(['https://wetten.overheid.nl/BWBV0002909', untc]);
    expect(urls('treaty-bwbv0001002')).toEqual(['https://wetten.overheid.nl/BWBV0001002']);
    expect(urls('treaty-unknown')).toEqual([]);
  });

  it('EU acts: EUR-Lex by CELEX', () => {
    expect(celexFor('reg', 2016, 679)).toBe('32016R0679');
    expect(celexFor('dir', 2011, 95)).toBe('32011L0095');
    expect(urls('eu-reg-2016-679')).toEqual([
      'https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679',
    ]);
    expect(urls('eu-dir-2011-95')).toEqual([
      'https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32011L0095',
    ]);
  });

  it('labels are English with stable keys; malformed ids get no links', () => {
    expect(sourceLinks('kst-26150-223')[0]).toEqual({
      key: 'source',
      label: 'Source text',
      url: 'https://zoek.officielebekendmakingen.nl/kst-26150-223.html',
    });
    expect(sourceLinks('nonsense')).toEqual([]);
  });
});
