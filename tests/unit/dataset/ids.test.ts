import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { formatDossierNumber, normalizeId, parseId, recordKeysFor } from '../../../src/core/ids';

group('parseId', () => {
  it('parses every kind of conventions.md', () => {
    expect(parseId('unsc-1325')).toEqual({ kind: 'unsc', id: 'unsc-1325', number: 1325 });
    expect(parseId('unga-78-243')).toEqual({ kind: 'unga', id: 'unga-78-243', session: 78, number: 243 });
    expect(parseId('treaty-cedaw')).toEqual({ kind: 'treaty', id: 'treaty-cedaw', key: 'cedaw' });
    expect(parseId('treaty-bwbv0001002')).toMatchObject({ key: 'bwbv0001002', bwbId: 'BWBV0001002' });
    expect(parseId('kst-36600-V-46')).toEqual({
      kind: 'kamerstuk',
      id: 'kst-36600-V-46',
      dossier: '36600',
      suffix: 'V',
      document: '46',
      chamber: 'II',
      dossierKey: 'kst-36600-V',
    });
    expect(parseId('kst-36600-V')).toMatchObject({
      dossier: '36600',
      suffix: 'V',
      dossierKey: 'kst-36600-V',
      ambiguous: true,
    });
    expect(parseId('kst-36600-V')).not.toHaveProperty('document');
    expect(parseId('h-tk-20232024-45-12')).toEqual({
      kind: 'handelingen',
      id: 'h-tk-20232024-45-12',
      chamber: 'tk',
      sessionYear: '20232024',
      meeting: 45,
      item: 12,
    });
    expect(parseId('h-ek-20232024-45')).toMatchObject({ chamber: 'ek', meeting: 45 });
    expect(parseId('h-ek-20232024-45')).not.toHaveProperty('item');
    expect(parseId('ah-tk-20242025-1234')).toMatchObject({
      kind: 'aanhangsel',
      sessionYear: '20242025',
      number: 1234,
    });
    expect(parseId('stb-2020-123')).toMatchObject({ kind: 'staatsblad', year: 2020, number: 123 });
    expect(parseId('stcrt-2021-12345')).toMatchObject({ kind: 'staatscourant', year: 2021, number: 12345 });
    expect(parseId('trb-2013-12')).toMatchObject({ kind: 'tractatenblad', year: 2013, number: 12 });
    expect(parseId('ECLI:NL:HR:2019:2006')).toEqual({
      kind: 'ecli',
      id: 'ECLI:NL:HR:2019:2006',
      country: 'NL',
      court: 'HR',
      year: 2019,
      number: '2006',
    });
    expect(parseId('2024Z01234')).toMatchObject({ kind: 'tk-zaak', year: 2024, number: '01234' });
    expect(parseId('2024D05678')).toMatchObject({ kind: 'tk-document', year: 2024, number: '05678' });
    expect(parseId('eu-reg-2016-679')).toMatchObject({
      kind: 'eu-act',
      type: 'reg',
      year: 2016,
      number: 679,
    });
    expect(parseId('eu-dir-2011-95')).toMatchObject({ kind: 'eu-act', type: 'dir', year: 2011, number: 95 });
  });

  it('reads Kamerstuk parts: sub-dossiers, Eerste Kamer letters, chapters', () => {
    expect(parseId('kst-21501-02-1855')).toMatchObject({ dossier: '21501', suffix: '02', document: '1855' });
    expect(parseId('kst-21501-02')).toMatchObject({ suffix: '02', dossierKey: 'kst-21501-02' });
    expect(parseId('kst-31145-AA')).toMatchObject({ document: 'AA', chamber: 'I', dossierKey: 'kst-31145' });
    expect(parseId('kst-31145-AA')).not.toHaveProperty('ambiguous');
    expect(parseId('kst-36600-IIA')).toMatchObject({ suffix: 'IIA' });
    expect(parseId('kst-36600-XVIII-3')).toMatchObject({ suffix: 'XVIII', document: '3' });
    expect(parseId('kst-36600-V-A')).toMatchObject({ suffix: 'V', document: 'A', chamber: 'I' });
    // One letter or two digits could be a chapter/sub-dossier or a document: the data decides.
    expect(parseId('kst-35010-C')).toMatchObject({ document: 'C', ambiguous: true });
    expect(parseId('kst-21501-20')).toMatchObject({ document: '20', ambiguous: true });
    expect(parseId('kst-26150-223')).not.toHaveProperty('ambiguous');
  });

  it('normalizes: rijkswet numbers, case, spaces', () => {
    expect(parseId('kst-23908-(R1519)-131')?.id).toBe('kst-23908-131');
    expect(parseId('kst-27484-(R 1669)-3')?.id).toBe('kst-27484-3');
    expect(normalizeId(' kst-36600-v-46 ')).toBe('kst-36600-V-46');
    expect(parseId('ecli:nl:hr:2019:2006')?.id).toBe('ECLI:NL:HR:2019:2006');
    expect(parseId('2024z01234')?.id).toBe('2024Z01234');
    expect(parseId('TREATY-CEDAW')?.id).toBe('treaty-cedaw');
  });

  it('rejects malformed ids', () => {
    for (const bad of [
      '',
      'unsc-',
      'unsc-0',
      'unsc-12a',
      'unga-78',
      'kst-',
      'kst-0150-1',
      'kst-26150-1-2-3',
      'kst-26150-v-',
      'kst-26150-!',
      'h-tk-20232025-45',
      'h-xx-20232024-45',
      'ah-tk-2024-12',
      'stb-99-1',
      'ECLI:NL:HR:19:1',
      'eu-reg-2016',
      'eu-foo-2016-1',
      '2024X01234',
      'treaty-',
      'treaty-Foo Bar',
      'artikel 1325',
    ])
      expect(parseId(bad), bad).toBeUndefined();
  });
});

group('recordKeysFor', () => {
  it('tries the document, then its dossier', () => {
    expect(recordKeysFor('kst-26150-223')).toEqual(['kst-26150-223', 'kst-26150']);
    expect(recordKeysFor('kst-23908-(R1519)-131')).toEqual(['kst-23908-131', 'kst-23908']);
    expect(recordKeysFor('kst-21501-02-1855')).toEqual(['kst-21501-02-1855', 'kst-21501-02']);
    expect(recordKeysFor('kst-36600-V-46')).toEqual(['kst-36600-V-46', 'kst-36600-V']);
    expect(recordKeysFor('kst-35010-C')).toEqual(['kst-35010-C', 'kst-35010']);
    // `V` reads as a chapter, but could be an Eerste Kamer document of dossier 36 600: both keys.
    expect(recordKeysFor('kst-36600-V')).toEqual(['kst-36600-V', 'kst-36600']);
  });
  it('gives one key for dossiers and other kinds', () => {
    expect(recordKeysFor('kst-36600-IIA')).toEqual(['kst-36600-IIA']);
    expect(recordKeysFor('kst-26150')).toEqual(['kst-26150']);
    expect(recordKeysFor('unsc-1325')).toEqual(['unsc-1325']);
    expect(recordKeysFor('treaty-CEDAW')).toEqual(['treaty-cedaw']);
    expect(recordKeysFor('  nonsense ')).toEqual(['nonsense']);
    expect(recordKeysFor('')).toEqual([]);
  });
  it('holds for any dossier and document number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 999_999 }), fc.integer({ min: 100, max: 99_999 }), (d, n) => {
        expect(recordKeysFor(`kst-${d}-${n}`)).toEqual([`kst-${d}-${n}`, `kst-${d}`]);
      }),
    );
  });
});

it('formats dossier numbers the Dutch way', () => {
  expect(formatDossierNumber('26150')).toBe('26 150');
  expect(formatDossierNumber('150')).toBe('150');
});
