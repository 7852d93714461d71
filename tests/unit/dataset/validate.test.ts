import { packDocuments } from '../../../src/core/dataset/documents';
import { describe as group, expect, it } from 'vitest';
import { assertDataset, validateDataset } from '../../../src/core/dataset/validate';

const valid = () => ({
  schemaVersion: 2,
  version: 'abc123',
  dataAsOf: '2025-05-30',
  sources: [
    { file: 'unsc-resolutions.csv', description: 'UNSC', licence: 'CC0', asOf: '2025-05-30', records: 1 },
  ],
  documents: packDocuments(
    [
      [
        'kst-36600-XVII-46',
        '2024D46077',
        0,
        'Nader gewijzigde motie van het lid Boswijk c.s. over X',
        '2024-11-26',
        2024,
        0,
      ],
    ],
    ['Motie'],
  ),
  records: [
    {
      id: 'unsc-1325',
      kind: 'unsc',
      title: 'Women and peace and security',
      date: '2000-10-31',
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
  ],
});

function errorsOf(mutate: (d: ReturnType<typeof valid>) => void): string[] {
  const d = valid();
  mutate(d);
  const r = validateDataset(d);
  return r.ok ? [] : r.errors;
}

group('validateDataset', () => {
  it('accepts a well-formed dataset', () => {
    const r = validateDataset(valid());
    expect(r.ok).toBe(true);
    expect(assertDataset(valid()).records).toHaveLength(2);
  });

  it('names what is wrong and where', () => {
    expect(validateDataset(null)).toEqual({ ok: false, errors: ['dataset: expected an object'] });
    expect(errorsOf((d) => void (d.schemaVersion = 1))).toEqual(['schemaVersion: expected 2, got 1']);
    expect(errorsOf((d) => void (d.version = ''))).toEqual(['version: expected a non-empty string']);
    expect(errorsOf((d) => void (d.dataAsOf = '2025-02-30'))[0]).toMatch(/^dataAsOf: expected an ISO date/);
    expect(errorsOf((d) => void (d.sources[0]!.licence = ''))).toEqual([
      'sources[0].licence: expected a non-empty string',
    ]);
    expect(errorsOf((d) => void ((d as { records: unknown }).records = {}))).toEqual([
      'records: expected an array',
    ]);
    expect(errorsOf((d) => void (d.records[0]!.date = '31-10-2000'))[0]).toMatch(
      /^records\[0\] \(unsc-1325\)\.date: expected an ISO date/,
    );
    expect(errorsOf((d) => void (d.records[0]!.verification = 'sure'))[0]).toMatch(
      /^records\[0\] \(unsc-1325\)\.verification: expected one of verified, derived, unverified/,
    );
    expect(errorsOf((d) => void (d.records[0]!.kind = 'treaty'))).toEqual([
      'records[0] (unsc-1325).kind: id is a unsc id, not treaty',
    ]);
    expect(errorsOf((d) => void (d.records[0]!.kind = 'resolution'))).toEqual([
      'records[0] (unsc-1325).kind: unknown kind "resolution"',
    ]);
    expect(errorsOf((d) => void (d.records[1]!.id = 'unsc-1325'))).toContain(
      'records[1] (unsc-1325): duplicate id',
    );
    expect(errorsOf((d) => void (d.records[1]!.id = 'kst-26150-v'))).toContain(
      'records[1] (kst-26150-v).id: not normalized (expected kst-26150-V)',
    );
    expect(errorsOf((d) => void (d.records[1]!.id = 'dossier 26150'))).toContain(
      'records[1] (dossier 26150).id: not a well-formed id',
    );
    expect(errorsOf((d) => void (d.records[1]!.title = ' '))).toEqual([
      'records[1] (kst-26150).title: expected a non-empty string',
    ]);
    expect(errorsOf((d) => void ((d.records[0]!.fields as Record<string, unknown>).year = 2000))).toEqual([
      'records[0] (unsc-1325).fields.year: expected a string',
    ]);
    expect(errorsOf((d) => void (d.records[0]!.factVerification = { date: 'maybe' }))).toEqual([
      'records[0] (unsc-1325).factVerification.date: expected one of verified, derived, unverified',
    ]);
    expect(errorsOf((d) => void ((d.records[1] as Record<string, unknown>).extra = 1))).toEqual([
      'records[1] (kst-26150).extra: unknown property',
    ]);
  });

  it('caps the error list', () => {
    const d = valid();
    d.records = Array.from({ length: 100 }, (_, i) => ({
      ...d.records[1]!,
      id: `kst-${26150 + i}`,
      title: '',
    }));
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(26);
      expect(r.errors.at(-1)).toBe('… more errors not shown');
    }
  });

  it('assertDataset throws one error listing the problems', () => {
    expect(() => assertDataset({ ...valid(), version: 7 })).toThrow(/Invalid reference dataset:\n- version/);
  });
});
