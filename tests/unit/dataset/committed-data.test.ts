/** Facts of the seed document against the committed data/dataset.json (no ../shared needed). */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe as group, expect, it } from 'vitest';
import { describe } from '../../../src/core/dataset/describe';
import { withDocuments } from '../../../src/core/dataset/documents';
import type { ReferenceDataset } from '../../../src/core/dataset/types';
import { validateDataset } from '../../../src/core/dataset/validate';

const ROOT = resolve(__dirname, '../../..');
const FILE = join(ROOT, 'data/dataset.json');
const text = readFileSync(FILE, 'utf8');
const documentsText = readFileSync(join(ROOT, 'data/documents.tsv'), 'utf8');
const dataset = withDocuments(JSON.parse(text), documentsText) as ReferenceDataset;
const byId = new Map(dataset.records.map((r) => [r.id, r]));
const lookup = (id: string) => describe(id, (k) => byId.get(k));

group('data/dataset.json', () => {
  it('is valid, and its version is the hash of its content', () => {
    const r = validateDataset(dataset);
    expect(r.ok ? [] : r.errors).toEqual([]);
    const { schemaVersion, dataAsOf, sources, records, documents } = dataset;
    const hash = createHash('sha256')
      .update(JSON.stringify({ schemaVersion, dataAsOf, sources, records, documents }))
      .digest('hex')
      .slice(0, 16);
    expect(dataset.version).toBe(hash);
  });

  it('stays within the size budget (≤ 8 MB unpacked, as issue 13 sets; ≤ 2 MB compressed)', () => {
    const all = text + documentsText;
    expect(Buffer.byteLength(all)).toBeLessThanOrEqual(8 * 1000 * 1000);
    expect(gzipSync(all, { level: 9 }).length).toBeLessThan(2 * 1024 * 1024);
    // Firefox's add-on linter refuses to parse a file of 5 MiB or more.
    expect(Buffer.byteLength(text)).toBeLessThan(5 * 1024 * 1024);
  });

  it('has every Security Council resolution 1–2781', () => {
    for (let n = 1; n <= 2781; n++) expect(byId.has(`unsc-${n}`), `unsc-${n}`).toBe(true);
    const unsc = dataset.records.filter((r) => r.kind === 'unsc');
    const gaps = unsc.filter((r) => r.fields?.gap).map((r) => r.id);
    expect(gaps).toEqual(['unsc-2403', 'unsc-2487', 'unsc-2580', 'unsc-2583', 'unsc-2638', 'unsc-2775']);
    const undated = unsc.filter((r) => !r.date).map((r) => Number(r.id.slice(5)));
    expect(undated).toEqual([966, 967, 968, 969, 970, 971, 2403, 2487, 2580, 2583, 2638, 2775]);
  });

  it('has the seed facts right', () => {
    expect(byId.get('unsc-1325')).toMatchObject({
      title: 'Women and peace and security',
      date: '2000-10-31',
      verification: 'verified',
    });
    expect(byId.get('kst-26150')).toMatchObject({
      title: 'Algemene Vergadering der Verenigde Naties',
      verification: 'verified',
    });
    expect(byId.get('kst-32623')?.title).toBe('Actuele situatie in Noord-Afrika en het Midden-Oosten');
    expect(byId.get('kst-36600-V')?.title).toBe(
      'Vaststelling van de begrotingsstaat van het Ministerie van Buitenlandse Zaken (V) voor het jaar 2025',
    );
    expect(byId.get('kst-36180')?.title).toMatch(/^Doen waar Nederland goed in is/);
    expect(byId.get('unsc-462')?.factVerification).toEqual({ date: 'unverified' });
  });

  it('describes the seed citations', () => {
    expect(lookup('kst-26150-223')).toMatchObject({
      known: true,
      title: 'Kamerstuk 26 150, nr. 223 — Algemene Vergadering der Verenigde Naties',
      confidence: 'verified',
    });
    expect(lookup('kst-36600-V-46')?.title).toBe(
      'Kamerstuk 36 600 V, nr. 46 — Vaststelling van de begrotingsstaat van het Ministerie van Buitenlandse Zaken (V) voor het jaar 2025',
    );
    expect(lookup('treaty-cedaw')).toMatchObject({ known: true, date: '1979-12-18' });
    expect(lookup('kst-31145-AA')).toMatchObject({
      known: false,
      title: 'Kamerstuk 31 145, nr. AA — Eerste Kamer',
    });
  });

  it('has derived budget dossiers for years the lists lack, marked by how sure they are', () => {
    const derived = dataset.records.filter((r) => r.fields?.src === 'budget');
    expect(derived.length).toBeGreaterThan(0);
    for (const r of derived) expect(r.verification).not.toBe('verified');
    expect(byId.get('kst-29800-V')).toMatchObject({
      title:
        'Vaststelling van de begrotingsstaten van het Ministerie van Buitenlandse Zaken (V) voor het jaar 2005',
      verification: 'unverified',
    });
  });
});

group('lookup CLI', () => {
  it('prints one JSON object per id, also for thousands of ids from stdin', () => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const ids = Array.from({ length: 3000 }, (_, i) => `unsc-${i + 1}`).join('\n');
    const out = execFileSync(tsx, ['scripts/lookup.ts', 'kst-26150-223', '-'], {
      cwd: ROOT,
      input: ids,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3001);
    expect(lines[0]).toMatchObject({
      id: 'kst-26150-223',
      kind: 'kamerstuk',
      known: true,
      title: 'Rapportage 2022-2023 National Actieplan Vrouwen, Vrede en Veiligheid',
      date: '2025-02-20',
      // Tied to its Kamerstuk by its dossier's title, not stated by TK: not "verified".
      verified: false,
    });
    expect(Object.keys(lines[0]).slice(0, 4)).toEqual(['id', 'kind', 'known', 'title']);
    expect(lines[1325]).toMatchObject({
      id: 'unsc-1325',
      date: '2000-10-31',
      title: 'Women and peace and security',
      links: [
        { label: 'Source text', url: 'https://undocs.org/S/RES/1325(2000)' },
        { label: 'UN Digital Library record', url: 'https://digitallibrary.un.org/record/426075' },
      ],
    });
    expect(lines[2790]).toMatchObject({
      id: 'unsc-2790',
      known: false,
      title: 'Security Council resolution 2790',
    });
    expect(lines[2790]).not.toHaveProperty('verified');
  });
});
