/**
 * npm run dataset:report [-- --dataset FILE]
 * Counts per kind, facts missing, and how sure the data is (verified / derived / unverified).
 */
import type { ReferenceRecord } from '../src/core/dataset/types';
import { loadDataset } from './dataset/load';
import { markdownTable } from './lib/markdown-table';

function table(title: string, header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  // Numbers right-aligned, text left-aligned.
  const numeric = header.map((_, i) => cells.slice(1).every((r) => /^\d*$/.test(r[i]!)));
  return `${title}\n${markdownTable(cells, numeric)}`;
}

function count<T>(items: T[], pred: (t: T) => boolean): number {
  return items.reduce((n, t) => n + (pred(t) ? 1 : 0), 0);
}

function main(argv: string[]): number {
  const i = argv.indexOf('--dataset');
  const { dataset } = loadDataset(i >= 0 ? argv[i + 1] : undefined);
  const recs = dataset.records;
  const groups = new Map<string, ReferenceRecord[]>();
  const groupOf = (r: ReferenceRecord): string => {
    if (r.kind === 'treaty') {
      if (r.fields?.see) return 'treaty (register → curated)';
      return /^treaty-bwbv\d{7}$/.test(r.id) ? 'treaty (register)' : 'treaty (curated)';
    }
    if (r.kind === 'kamerstuk') return r.fields?.doc ? 'kamerstuk (document)' : 'kamerstuk (dossier)';
    return r.kind;
  };
  for (const r of recs) groups.set(groupOf(r), [...(groups.get(groupOf(r)) ?? []), r]);

  const out: string[] = [];
  out.push(
    `Dataset ${dataset.version} · data as of ${dataset.dataAsOf} · schema ${dataset.schemaVersion} · ${recs.length} records`,
    '',
  );
  const weakFacts = (r: ReferenceRecord) => Object.keys(r.factVerification ?? {}).length > 0;
  out.push(
    table(
      'Records per kind',
      ['kind', 'records', 'verified', 'derived', 'unverified', 'with weaker facts'],
      [...groups].map(([g, rs]) => [
        g,
        rs.length,
        count(rs, (r) => r.verification === 'verified'),
        count(rs, (r) => r.verification === 'derived'),
        count(rs, (r) => r.verification === 'unverified'),
        count(rs, weakFacts),
      ]),
    ),
    '',
  );

  const missing: (string | number)[][] = [];
  const g = (k: string) => groups.get(k) ?? [];
  const unsc = g('unsc');
  missing.push(['unsc', 'date', count(unsc, (r) => !r.date), unsc.length]);
  missing.push([
    'unsc',
    'subject (gap in every source)',
    count(unsc, (r) => r.fields?.gap === '1'),
    unsc.length,
  ]);
  missing.push(['unsc', 'UN Digital Library record', count(unsc, (r) => !r.fields?.undl), unsc.length]);
  missing.push(['unsc', 'summary', count(unsc, (r) => !r.summary), unsc.length]);
  const cur = g('treaty (curated)');
  missing.push(['treaty (curated)', 'English title', count(cur, (r) => !r.titleEn), cur.length]);
  missing.push(['treaty (curated)', 'adoption date', count(cur, (r) => !r.date), cur.length]);
  missing.push(['treaty (curated)', 'entry into force', count(cur, (r) => !r.fields?.inForce), cur.length]);
  missing.push(['treaty (curated)', 'BWBV id', count(cur, (r) => !r.fields?.bwb), cur.length]);
  missing.push(['treaty (curated)', 'UNTC number', count(cur, (r) => !r.fields?.untcNo), cur.length]);
  missing.push(['treaty (curated)', 'Verdragenbank id / Trb.', cur.length, cur.length]);
  const reg = g('treaty (register)');
  missing.push([
    'treaty (register)',
    'authentic-language title',
    count(reg, (r) => !r.fields?.auth),
    reg.length,
  ]);
  missing.push(['treaty (register)', 'date', count(reg, (r) => !r.date), reg.length]);
  const dos = g('kamerstuk (dossier)');
  missing.push(['kamerstuk (dossier)', 'date', count(dos, (r) => !r.date), dos.length]);
  out.push(table('Facts missing', ['kind', 'fact', 'missing', 'of'], missing), '');

  const tiers = new Map<string, ReferenceRecord[]>();
  for (const r of dos) tiers.set(r.fields?.src ?? '?', [...(tiers.get(r.fields?.src ?? '?') ?? []), r]);
  out.push(
    table(
      'Kamerstuk dossiers per source tier (fields.src)',
      ['tier', 'dossiers', 'verified', 'derived', 'unverified'],
      [...tiers]
        .sort((a, b) => b[1].length - a[1].length)
        .map(([t, rs]) => [
          t,
          rs.length,
          count(rs, (r) => r.verification === 'verified'),
          count(rs, (r) => r.verification === 'derived'),
          count(rs, (r) => r.verification === 'unverified'),
        ]),
    ),
    '',
  );

  const facts = new Map<string, { derived: number; unverified: number }>();
  for (const r of recs)
    for (const [f, v] of Object.entries(r.factVerification ?? {})) {
      const k = `${r.kind}.${f}`;
      const c = facts.get(k) ?? { derived: 0, unverified: 0 };
      if (v === 'derived') c.derived++;
      if (v === 'unverified') c.unverified++;
      facts.set(k, c);
    }
  out.push(
    table(
      'Facts less certain than their record (factVerification)',
      ['fact', 'derived', 'unverified'],
      [...facts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, c]) => [k, c.derived, c.unverified]),
    ),
    '',
  );
  out.push(
    table(
      'Sources',
      ['file', 'records', 'as of'],
      dataset.sources.map((s) => [s.file, s.records ?? '', s.asOf ?? '']),
    ),
  );
  console.log(out.join('\n'));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
