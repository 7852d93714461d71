/** UN Security Council resolutions (unsc-resolutions.csv) with WPS one-liners (wps-reference.csv). */
import type { ReferenceRecord, Verification } from '../../src/core/dataset/types';
import { readCsv, ReferenceDataError, type Row } from './csv';
import { makeRecord } from './record';

export const UNSC_FILE = 'unsc-resolutions.csv';
export const WPS_FILE = 'wps-reference.csv';

const UNSC_COLUMNS = ['number', 'year', 'date', 'subject', 'outcome', 'undl_record', 'date_source'] as const;
export const WPS_COLUMNS = [
  'id',
  'type',
  'unsc_number',
  'date',
  'official_subject_or_title',
  'short_description',
  'notes_or_sources',
] as const;
export type WpsRow = Row<(typeof WPS_COLUMNS)[number]>;

/**
 * Resolutions whose dates README-SOURCES.md says were spot-checked against known dates: a date that was
 * corrected from the day/month-swapped voting table counts as verified for these.
 */
const SPOT_CHECKED = new Set([
  1, 82, 242, 598, 660, 687, 827, 955, 1244, 1325, 1373, 1441, 1483, 1701, 1820, 1888, 1889, 1960, 1970, 1973,
  2106, 2118, 2122, 2231, 2242, 2254, 2334, 2397, 2467, 2493, 2532, 2538, 2664, 2712, 2720, 2728, 2735,
]);

function dateVerification(row: Row<(typeof UNSC_COLUMNS)[number]>, n: number): Verification {
  switch (row.date_source) {
    case 'dppa-voting-swapfix':
      // Day and month were swapped back from a defective source: a correction, not a reading.
      return SPOT_CHECKED.has(n) ? 'verified' : 'derived';
    case 'manual-unverified':
      return 'unverified';
    default:
      return 'verified';
  }
}

export interface UnscResult {
  records: ReferenceRecord[];
  asOf: string | undefined;
  warnings: string[];
  wpsRows: WpsRow[];
  wpsUsed: number;
}

export function buildUnsc(dir: string): UnscResult {
  const rows = readCsv(dir, UNSC_FILE, UNSC_COLUMNS);
  const wpsRows = readCsv(dir, WPS_FILE, WPS_COLUMNS);
  const warnings: string[] = [];
  const wps = new Map<number, WpsRow>();
  for (const w of wpsRows)
    if (w.type === 'unsc-resolution' && w.unsc_number) wps.set(Number(w.unsc_number), w);

  const records: ReferenceRecord[] = [];
  const seen = new Set<number>();
  let asOf: string | undefined;
  let wpsUsed = 0;
  for (const row of rows) {
    const n = Number(row.number);
    if (!Number.isInteger(n) || n < 1)
      throw new ReferenceDataError(`${UNSC_FILE}: bad resolution number "${row.number}"`);
    if (seen.has(n)) throw new ReferenceDataError(`${UNSC_FILE}: resolution ${n} appears twice`);
    seen.add(n);
    const year = row.date ? row.date.slice(0, 4) : row.year;
    if (row.date && row.year && row.date.slice(0, 4) !== row.year)
      warnings.push(`${UNSC_FILE}: resolution ${n}: year ${row.year} but date ${row.date}`);
    if (row.date && (!asOf || row.date > asOf)) asOf = row.date;
    const gap = row.date_source === 'missing-in-sources' || !row.subject;
    const w = wps.get(n);
    if (w) {
      wpsUsed++;
      if (w.date && row.date && w.date !== row.date)
        warnings.push(`${WPS_FILE}: resolution ${n} dated ${w.date}, ${UNSC_FILE} says ${row.date}`);
    }
    records.push(
      makeRecord({
        id: `unsc-${n}`,
        kind: 'unsc',
        title: row.subject || `Security Council resolution ${n} (${year})`,
        date: row.date || undefined,
        summary: w?.short_description || undefined,
        // A gap row has no facts of its own: only a year inferred from its neighbours.
        verification: gap ? 'derived' : 'verified',
        facts: { date: dateVerification(row, n) },
        fields: {
          year,
          undl: row.undl_record,
          outcome: row.outcome,
          gap: gap ? '1' : undefined,
        },
      }),
    );
  }
  for (const n of wps.keys())
    if (!seen.has(n)) warnings.push(`${WPS_FILE}: resolution ${n} not in ${UNSC_FILE}`);
  return { records, asOf, warnings, wpsRows, wpsUsed };
}
