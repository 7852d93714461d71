import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe as group, expect, it } from 'vitest';
import { describe } from '../../../src/core/dataset/describe';
import { documentRows, documentsText, withDocuments } from '../../../src/core/dataset/documents';
import { validateDocumentLines } from '../../../src/core/dataset/validate';
import type { ReferenceRecord } from '../../../src/core/dataset/types';
import { validateDataset } from '../../../src/core/dataset/validate';
import { buildDataset, serializeDataset } from '../../../scripts/dataset/build';
import { tierOf } from '../../../scripts/dataset/kamerstukken';

const FIXTURES = resolve(__dirname, '../../fixtures/reference-data');
const ROOT = resolve(__dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'bronwijzer-dataset-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const { dataset, warnings } = buildDataset(FIXTURES);
const byId = new Map(dataset.records.map((r) => [r.id, r]));
const rec = (id: string): ReferenceRecord => {
  const r = byId.get(id);
  if (!r) throw new Error(`no record ${id}`);
  return r;
};

function copyFixtures(): string {
  const dir = mkdtempSync(join(tmp, 'ref-'));
  for (const f of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, f), join(dir, f));
  return dir;
}

group('buildDataset on fixtures', () => {
  it('builds a valid dataset with sources, licences and dataAsOf', () => {
    expect(validateDataset(dataset).ok).toBe(true);
    expect(dataset.dataAsOf).toBe('2025-10-03'); // newest: the bulk list's harvest date
    expect(dataset.sources.map((s) => s.file)).toContain('unsc-resolutions.csv');
    for (const s of dataset.sources) expect(s.licence).not.toBe('');
    expect(warnings).toEqual([
      'nl-kamerstukdossiers-bulk.csv: kst-30000: unrecognised source "ergens anders"',
    ]);
  });

  it('is deterministic, and its version is a content hash', () => {
    const again = buildDataset(FIXTURES).dataset;
    expect(serializeDataset(again)).toBe(serializeDataset(dataset));
    const dir = copyFixtures();
    const f = join(dir, 'unsc-resolutions.csv');
    writeFileSync(
      f,
      readFileSync(f, 'utf8').replace('Military Staff Committee', 'Military Staff Committee (changed)'),
    );
    expect(buildDataset(dir).dataset.version).not.toBe(dataset.version);
  });

  it('serializes compactly and parses back', () => {
    const text = serializeDataset(dataset);
    expect(withDocuments(JSON.parse(text), documentsText(dataset.documents))).toEqual(dataset);
    expect(text).not.toMatch(/\n {2}/);
    expect(text.split('\n')).toHaveLength(dataset.records.length + 4);
  });

  it('UNSC: date verification follows the date source', () => {
    expect(rec('unsc-1')).toMatchObject({
      date: '1946-01-25',
      verification: 'verified',
      fields: { undl: '111946' },
    });
    expect(rec('unsc-1').factVerification).toBeUndefined();
    expect(rec('unsc-2').factVerification).toEqual({ date: 'derived' }); // swapped back from a defective source
    expect(rec('unsc-1820').factVerification).toBeUndefined(); // swapped back, but spot-checked
    expect(rec('unsc-462').factVerification).toEqual({ date: 'unverified' }); // editor recollection
    expect(rec('unsc-3')).toMatchObject({ title: 'The Iranian Question', fields: { year: '1946' } });
    expect(rec('unsc-3')).not.toHaveProperty('date');
    expect(rec('unsc-4')).toMatchObject({
      title: 'Security Council resolution 4 (1946)',
      verification: 'derived',
      fields: { gap: '1', year: '1946' },
    });
    expect(rec('unsc-1325')).toMatchObject({
      summary: 'First WPS resolution',
      fields: { outcome: 'Adopted unanimously' },
    });
  });

  it('treaties: curated facts marked per source, register titles, redirects', () => {
    expect(rec('treaty-cedaw')).toMatchObject({
      verification: 'verified',
      date: '1979-12-18',
      fields: { bwb: 'BWBV0002909' },
    });
    expect(rec('treaty-cedaw').factVerification).toBeUndefined(); // dates cross-checked, UNTC number seen
    expect(rec('treaty-echr').factVerification).toEqual({
      coe: 'unverified',
      date: 'unverified',
      inForce: 'unverified',
      place: 'unverified',
      titleEn: 'unverified', // not the register's authentic title
    });
    expect(rec('treaty-tpnw').verification).toBe('unverified'); // no BWBV id: descriptive Dutch title
    expect(rec('treaty-bwbv0001002')).toMatchObject({
      title: 'Verdrag betreffende de status van vluchtelingen',
      verification: 'verified',
      fields: { auth: 'CONVENTION RELATING TO THE STATUS OF REFUGEES' },
    });
    expect(rec('treaty-bwbv0001987')).toMatchObject({
      title: 'Wijziging nr 1 van het multilateraal verdrag inzake de exploitatie van etc',
      verification: 'derived',
    });
    expect(rec('treaty-bwbv0002909').fields).toEqual({ see: 'cedaw' });
    expect(describe('treaty-bwbv0002909', (k) => byId.get(k))?.fields?.key).toBe('cedaw');
  });

  it('Kamerstukken: seed wins, bulk tiers decide verification, rijkswet numbers stripped', () => {
    expect(rec('kst-26150')).toMatchObject({ verification: 'verified', fields: { src: 'seed' } });
    expect(rec('kst-35099').fields?.src).toBe('seed');
    expect(rec('kst-32623')).toMatchObject({
      title: 'Actuele situatie in Noord-Afrika en het Midden-Oosten',
      verification: 'verified',
      fields: { src: 'pub' },
    });
    expect(rec('kst-21501-02').fields?.src).toBe('page');
    expect(rec('kst-31792-VI')).toMatchObject({ verification: 'derived', fields: { src: 'inferred' } });
    expect(rec('kst-31792-V')).toMatchObject({ verification: 'derived', fields: { src: 'agenda' } });
    expect(rec('kst-33400-V')).toMatchObject({
      verification: 'verified',
      fields: { src: 'zaak', by: '2013' },
    });
    expect(rec('kst-34000').fields?.src).toBe('motie');
    expect(rec('kst-30000').verification).toBe('unverified');
    expect(tierOf('https://zoek.officielebekendmakingen.nl/kst-1.html')).toBe('page');
  });

  it('Kamerstukken: budget dossiers derived from the years and chapters tables', () => {
    // Base numbers: derived where the years table is verified or the lists confirm it, else unverified.
    expect(rec('kst-36600')).toMatchObject({ summary: 'Miljoenennota 2025', verification: 'derived' });
    expect(rec('kst-33400').verification).toBe('derived');
    expect(rec('kst-33000').verification).toBe('derived'); // editor recollection, confirmed by an agenda title
    expect(rec('kst-31200').verification).toBe('unverified');
    // Chapters seen that year in the lists' budget titles, in their wording.
    expect(rec('kst-31200-VI')).toMatchObject({
      title: 'Vaststelling van de begrotingsstaten van het Ministerie van Justitie (VI) voor het jaar 2008',
      verification: 'unverified',
      fields: { src: 'budget', by: '2008' },
    });
    // A chapter seen every year with the name of the chapter table is carried back, unverified.
    expect(rec('kst-26800-V')).toMatchObject({
      title:
        'Vaststelling van de begrotingsstaten van het Ministerie van Buitenlandse Zaken (V) voor het jaar 2000',
      verification: 'unverified',
    });
    // Not carried back: VI (name changed), B (not seen every year).
    expect(byId.has('kst-26800-VI')).toBe(false);
    expect(byId.has('kst-26800-B')).toBe(false);
    // Lists win over derivation.
    expect(rec('kst-36600-V')).toMatchObject({ verification: 'verified', fields: { src: 'seed' } });
  });

  it('adds Kamerstuk documents named in wps-reference.csv', () => {
    expect(rec('kst-26150-190')).toMatchObject({
      title: 'Vierde Nationaal Actieplan 1325 (NAP 1325-IV)',
      date: '2020-12-16',
      verification: 'verified',
      fields: { doc: '190' },
    });
  });

  it('fails clearly on a missing directory, file or column', () => {
    expect(() => buildDataset(join(tmp, 'nope'))).toThrow(/reference data directory not found/);
    const dir = copyFixtures();
    rmSync(join(dir, 'treaties-curated.csv'));
    expect(() => buildDataset(dir)).toThrow(/missing reference file .*treaties-curated\.csv/);
    const dir2 = copyFixtures();
    const f = join(dir2, 'nl-kamerstukdossiers-bulk.csv');
    writeFileSync(
      f,
      readFileSync(f, 'utf8').replace('nummer,toevoeging,titel,source', 'nummer,toevoeging,titel,bron'),
    );
    expect(() => buildDataset(dir2)).toThrow(/missing column\(s\) source/);
  });
});

group('build-dataset CLI', () => {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  it('writes the same bytes twice', () => {
    const out = join(tmp, 'cli.json');
    execFileSync(tsx, ['scripts/build-dataset.ts', FIXTURES, '--out', out], { cwd: ROOT });
    const first = readFileSync(out);
    execFileSync(tsx, ['scripts/build-dataset.ts', FIXTURES, '--out', out], { cwd: ROOT });
    expect(readFileSync(out).equals(first)).toBe(true);
    expect(first.toString()).toBe(serializeDataset(dataset));
  });
  it('exits non-zero with a clear message when the reference directory is missing', () => {
    const r = spawnSync(
      tsx,
      ['scripts/build-dataset.ts', join(tmp, 'missing'), '--out', join(tmp, 'x.json')],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/reference data directory not found: .*missing/);
  });
});

group('document facts (tk-documents.csv, tk-documents-unlinked.csv)', () => {
  const rows = new Map(documentRows(dataset.documents).map((r) => [r[0], r]));
  const type = (i: number) => dataset.documents.types[i];

  it('keeps type, subject, date, vergaderjaar and how each Kamerstuk was linked', () => {
    const [, number, t, subject, date, session, method] = rows.get('kst-36600-XVII-46')!;
    expect([number, type(t), subject, date, session]).toEqual([
      '2024D46077',
      'Motie (gewijzigd/nader)',
      'Nader gewijzigde motie van het lid Boswijk c.s. over nader onderzoeken wat de mogelijkheden zijn om het WPS-instrument voort te zetten na 2025 (t.v.v. 36600-XVII-27)',
      '2024-11-26',
      2024,
    ]);
    expect(dataset.documents.methods[method]).toBe('stated');
    expect(dataset.documents.methods[rows.get('kst-26150-223')![6]]).toBe('title');
  });

  it('keeps unlinked documents people cite by number, not attachments', () => {
    expect(rows.get('2008D02489')?.[3]).toBe('Het inburgeringsfiasco in Amsterdam');
    expect(rows.has('2008D05490')).toBe(false); // a Bijlage
    expect(dataset.sources.find((s) => s.file === 'tk-documents-unlinked.csv')?.records).toBe(3);
  });

  it('titles a dossier only the document list names, as TK states it', () => {
    expect(rec('kst-36999')).toMatchObject({
      title: 'Een dossier dat alleen de documentlijst noemt',
      verification: 'verified',
      fields: { src: 'tkdoc' },
    });
  });

  it('packs every line where the worker will look for it', () => {
    expect(validateDocumentLines(dataset.documents)).toEqual([]);
    expect(dataset.documents.count).toBe(documentRows(dataset.documents).length);
    const broken = { ...dataset.documents, buckets: [...dataset.documents.buckets] };
    broken.buckets[0] = `${broken.buckets[0]}\nnot a line`.replace(/^\n/, '');
    expect(validateDocumentLines(broken)[0]).toMatch(/documents\.buckets\[0\]: bad line "not a line"/);
  });

  it('says which file is missing', () => {
    const dir = copyFixtures();
    rmSync(join(dir, 'tk-documents.csv'));
    expect(() => buildDataset(dir)).toThrow(/missing reference file .*tk-documents\.csv/);
  });
});
