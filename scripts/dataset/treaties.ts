/**
 * Treaties: the curated list (treaties-curated.csv) and the Dutch treaty register (nl-treaties-bwbv-index.csv).
 * Curated records are keyed `treaty-<key>`; register titles outside the curated list `treaty-bwbv0001234`.
 * A register id that belongs to a curated treaty becomes a small redirect record (`fields.see`).
 */
import type { ReferenceRecord, Verification } from '../../src/core/dataset/types';
import { readCsv, ReferenceDataError } from './csv';
import { makeRecord } from './record';

export const CURATED_FILE = 'treaties-curated.csv';
export const BWBV_FILE = 'nl-treaties-bwbv-index.csv';

const CURATED_COLUMNS = [
  'key',
  'title_nl',
  'aliases_nl',
  'title_en',
  'aliases_en',
  'adopted_date',
  'adopted_place',
  'in_force_date',
  'bwb_id',
  'untc_mtdsg_no',
  'untc_no_status',
  'untc_url',
  'coe_treaty_no',
  'category',
  'notes',
] as const;
const BWBV_COLUMNS = ['bwb_id', 'title_nl', 'title_authentic'] as const;

/** README-SOURCES.md: "dates were cross-checked for CEDAW, CRC, CRPD, Refugee Convention, ATT, TPNW". */
const DATES_CROSS_CHECKED = new Set(['cedaw', 'crc', 'crpd', 'refugees-1951', 'att', 'tpnw']);
/** UNTC numbers README-SOURCES.md reports as seen in public citations. */
const UNTC_SEEN = 'seen-in-public-citations';
const PATH_TITLE_MARK = /\s*\[title from file path; may be truncated\]\s*$/;

/** Compare titles the way a reader would: case, a leading article, punctuation and spacing ignored. */
function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return norm(a) !== '' && norm(a) === norm(b);
}

export interface TreatyResult {
  records: ReferenceRecord[];
  curatedCount: number;
  registerCount: number;
  redirectCount: number;
  warnings: string[];
}

export function buildTreaties(dir: string): TreatyResult {
  const curated = readCsv(dir, CURATED_FILE, CURATED_COLUMNS);
  const register = readCsv(dir, BWBV_FILE, BWBV_COLUMNS);
  const warnings: string[] = [];
  const byBwb = new Map(register.map((r) => [r.bwb_id, r]));
  const curatedByBwb = new Map<string, string>();
  const records: ReferenceRecord[] = [];
  const keys = new Set<string>();

  for (const c of curated) {
    const key = c.key.toLowerCase();
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key))
      throw new ReferenceDataError(`${CURATED_FILE}: bad key "${c.key}"`);
    if (keys.has(key)) throw new ReferenceDataError(`${CURATED_FILE}: key "${key}" appears twice`);
    keys.add(key);
    const reg = c.bwb_id ? byBwb.get(c.bwb_id) : undefined;
    if (c.bwb_id) {
      if (!reg) warnings.push(`${CURATED_FILE}: ${key}: ${c.bwb_id} not in ${BWBV_FILE}`);
      if (curatedByBwb.has(c.bwb_id))
        warnings.push(`${CURATED_FILE}: ${key} and ${curatedByBwb.get(c.bwb_id)} share ${c.bwb_id}`);
      else curatedByBwb.set(c.bwb_id, key);
    }
    // The Dutch title is verified when it is the register's official title for the BWBV id.
    const titleVerified: Verification = reg && reg.title_nl === c.title_nl ? 'verified' : 'unverified';
    const dates: Verification = DATES_CROSS_CHECKED.has(key) ? 'verified' : 'unverified';
    const untc: Verification = c.untc_no_status === UNTC_SEEN ? 'verified' : 'unverified';
    records.push(
      makeRecord({
        id: `treaty-${key}`,
        kind: 'treaty',
        title: c.title_nl || c.title_en,
        titleEn: c.title_en || undefined,
        date: c.adopted_date || undefined,
        verification: titleVerified,
        facts: {
          titleEn: reg && sameTitle(reg.title_authentic, c.title_en) ? 'verified' : 'unverified',
          date: dates,
          inForce: dates,
          place: dates,
          untc,
          untcNo: untc,
          coe: 'unverified',
          note: 'unverified',
        },
        fields: {
          bwb: c.bwb_id,
          untcNo: c.untc_mtdsg_no,
          untc: c.untc_mtdsg_no ? c.untc_url : undefined,
          coe: c.coe_treaty_no,
          inForce: c.in_force_date,
          place: c.adopted_place,
          cat: c.category,
          // Aliases (editor knowledge) name the treaty for detection; they are not shown as facts.
          aka: c.aliases_nl,
          akaEn: c.aliases_en,
          note: c.notes,
        },
      }),
    );
  }

  let registerCount = 0;
  let redirectCount = 0;
  const seenBwb = new Set<string>();
  for (const r of register) {
    if (!/^BWBV\d{7}$/.test(r.bwb_id))
      throw new ReferenceDataError(`${BWBV_FILE}: bad BWBV id "${r.bwb_id}"`);
    if (seenBwb.has(r.bwb_id)) throw new ReferenceDataError(`${BWBV_FILE}: ${r.bwb_id} appears twice`);
    seenBwb.add(r.bwb_id);
    const fromPath = PATH_TITLE_MARK.test(r.title_nl);
    let title = r.title_nl.replace(PATH_TITLE_MARK, '');
    if (fromPath) title = title.charAt(0).toUpperCase() + title.slice(1);
    if (!title) {
      warnings.push(`${BWBV_FILE}: ${r.bwb_id} has no title`);
      continue;
    }
    const see = curatedByBwb.get(r.bwb_id);
    if (see) redirectCount++;
    else registerCount++;
    records.push(
      makeRecord({
        id: `treaty-${r.bwb_id.toLowerCase()}`,
        kind: 'treaty',
        title,
        // A title rebuilt from the register's folder name (lower case, possibly cut off) is not the official one.
        verification: fromPath ? 'derived' : 'verified',
        fields: see
          ? { see }
          : {
              auth: r.title_authentic && r.title_authentic !== title ? r.title_authentic : undefined,
              note: fromPath ? 'title from the register folder name; may be truncated' : undefined,
            },
      }),
    );
  }
  return { records, curatedCount: curated.length, registerCount, redirectCount, warnings };
}
