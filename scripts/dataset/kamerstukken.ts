/**
 * Kamerstuk dossiers: the verified seed list, the bulk list (verification per source tier), Kamerstuk
 * documents named in wps-reference.csv, and budget dossiers the lists lack, derived from the budget-year
 * and chapter tables.
 */
import type { ReferenceRecord, Verification } from '../../src/core/dataset/types';
import { readCsv, ReferenceDataError } from './csv';
import type { WpsRow } from './unsc';
import { makeRecord } from './record';

export const SEED_FILE = 'nl-kamerstukdossiers-seed.csv';
export const BULK_FILE = 'nl-kamerstukdossiers-bulk.csv';
export const YEARS_FILE = 'nl-rijksbegroting-years.csv';
export const CHAPTERS_FILE = 'nl-rijksbegroting-chapters.csv';

const SEED_COLUMNS = ['nummer', 'toevoeging', 'titel', 'verified_at', 'notes'] as const;
const BULK_COLUMNS = ['nummer', 'toevoeging', 'titel', 'source'] as const;
const YEARS_COLUMNS = ['begrotingsjaar', 'dossier_base_number', 'verified_by'] as const;
const CHAPTERS_COLUMNS = ['toevoeging', 'begrotingshoofdstuk', 'verified_in_this_survey', 'notes'] as const;

/** Source tiers of the bulk list (README-SOURCES.md) and how sure each is. */
export const TIERS = {
  seed: { verification: 'verified', about: 'seed list: title read on the dossier page' },
  page: { verification: 'verified', about: 'title read on an official or mirror page during the survey' },
  pub: { verification: 'verified', about: 'official-publication XML (dossiernummer + titel)' },
  zaak: { verification: 'verified', about: 'TK Zaak.Titel of the bill, joined on dossier number' },
  motie: { verification: 'verified', about: 'motion text header + Document.Titel' },
  agenda: {
    verification: 'derived',
    about: 'TK agenda "<titel> (<nummer>)": number and title from an agenda text; may be a short title',
  },
  inferred: {
    verification: 'derived',
    about: 'budget row: title from TK Zaak.Titel, dossier number inferred from the budget year',
  },
  budget: { verification: 'derived', about: 'derived here from the budget-year and chapter tables' },
  doc: { verification: 'verified', about: 'a document named in wps-reference.csv' },
  other: { verification: 'unverified', about: 'source not recognised' },
} as const satisfies Record<string, { verification: Verification; about: string }>;

export type Tier = keyof typeof TIERS;

export function tierOf(source: string): Tier {
  if (/dossiernummer afgeleid/i.test(source)) return 'inferred';
  if (/document_publications/.test(source)) return 'pub';
  if (/ek-status\.json/.test(source)) return 'zaak';
  if (/moties-toegelicht/.test(source)) return 'motie';
  if (/\/(activiteit|agendapunt)\//.test(source)) return 'agenda';
  if (/^https?:\/\//.test(source) || /^officielebekendmakingen RSS/i.test(source)) return 'page';
  return 'other';
}

/** `(R2114)` in a toevoeging is a rijkswet number, not part of the id (conventions.md). */
function cleanSuffix(toevoeging: string): string {
  return toevoeging.replace(/\(\s*R\s*\d+\s*\)/gi, '').trim();
}

function dossierKey(nummer: string, toevoeging: string, file: string): string {
  if (!/^[1-9]\d{2,5}$/.test(nummer)) throw new ReferenceDataError(`${file}: bad dossier number "${nummer}"`);
  const suffix = cleanSuffix(toevoeging);
  if (suffix && !/^(\d{2}|[A-Z]{1,5})$/.test(suffix))
    throw new ReferenceDataError(`${file}: dossier ${nummer}: bad toevoeging "${toevoeging}"`);
  return `kst-${nummer}${suffix ? '-' + suffix : ''}`;
}

/** The entity part of a budget title: "begrotingsstaten van het Ministerie van Justitie (VI)" and its year. */
const BUDGET_PHRASE = /(begrotingssta(?:at|ten) (?:van|behorende bij) .+?) voor het jaar (\d{4})/;

interface Evidence {
  phrase: string;
  count: number;
}

export interface KamerstukResult {
  records: ReferenceRecord[];
  tiers: Record<string, number>;
  seedCount: number;
  bulkCount: number;
  derivedBudget: number;
  asOf: string | undefined;
  warnings: string[];
}

export function buildKamerstukken(dir: string, wpsRows: WpsRow[]): KamerstukResult {
  const seed = readCsv(dir, SEED_FILE, SEED_COLUMNS);
  const bulk = readCsv(dir, BULK_FILE, BULK_COLUMNS);
  const years = readCsv(dir, YEARS_FILE, YEARS_COLUMNS);
  const chapters = readCsv(dir, CHAPTERS_FILE, CHAPTERS_COLUMNS);
  const warnings: string[] = [];
  const tiers: Record<string, number> = {};
  const byKey = new Map<string, { title: string; tier: Tier; nummer: string; suffix: string }>();

  let seedCount = 0;
  for (const s of seed) {
    const key = dossierKey(s.nummer, s.toevoeging, SEED_FILE);
    if (!s.titel) continue; // e.g. 32 623: "title could not be found" — the bulk list may have it
    if (byKey.has(key)) throw new ReferenceDataError(`${SEED_FILE}: ${key} appears twice`);
    byKey.set(key, { title: s.titel, tier: 'seed', nummer: s.nummer, suffix: cleanSuffix(s.toevoeging) });
    seedCount++;
  }
  let bulkCount = 0;
  let asOf: string | undefined;
  const bulkKeys = new Set<string>();
  for (const b of bulk) {
    const key = dossierKey(b.nummer, b.toevoeging, BULK_FILE);
    if (bulkKeys.has(key)) throw new ReferenceDataError(`${BULK_FILE}: ${key} appears twice`);
    bulkKeys.add(key);
    const stamp = /_(20\d\d)(\d\d)(\d\d)_\d{6}/.exec(b.source);
    if (stamp) {
      const d = `${stamp[1]}-${stamp[2]}-${stamp[3]}`;
      if (!asOf || d > asOf) asOf = d;
    }
    if (!b.titel) continue;
    const known = byKey.get(key);
    if (known) {
      if (known.title !== b.titel) warnings.push(`${BULK_FILE}: ${key}: seed title kept over "${b.titel}"`);
      continue;
    }
    const tier = tierOf(b.source);
    if (tier === 'other') warnings.push(`${BULK_FILE}: ${key}: unrecognised source "${b.source}"`);
    byKey.set(key, { title: b.titel, tier, nummer: b.nummer, suffix: cleanSuffix(b.toevoeging) });
    bulkCount++;
  }

  // Budget years: base number → year, and how sure the base number is.
  const yearOfBase = new Map<string, string>();
  const yearRows = years
    .filter((y) => /^\d{4}$/.test(y.begrotingsjaar) && /^[1-9]\d{4}$/.test(y.dossier_base_number))
    .sort((a, b) => Number(a.begrotingsjaar) - Number(b.begrotingsjaar));
  for (const y of yearRows) yearOfBase.set(y.dossier_base_number, y.begrotingsjaar);

  // Evidence per (year, chapter): the entity phrase of budget titles of that year in the lists.
  const evidence = new Map<string, Map<string, Evidence>>();
  const corroborated = new Set<string>(); // base numbers whose year the lists confirm
  for (const [, e] of [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const m = BUDGET_PHRASE.exec(e.title);
    if (!m) continue;
    const [, phrase, year] = m as unknown as [string, string, string];
    // A title of that year under the base number, read rather than inferred, confirms the base number.
    if (yearOfBase.get(e.nummer) === year && e.tier !== 'inferred') corroborated.add(e.nummer);
    if (!e.suffix || /^\d/.test(e.suffix)) continue;
    const k = `${year}|${e.suffix}`;
    const phrases = evidence.get(k) ?? new Map<string, Evidence>();
    const ev = phrases.get(phrase) ?? { phrase, count: 0 };
    ev.count++;
    phrases.set(phrase, ev);
    evidence.set(k, phrases);
  }
  const bestPhrase = (year: string, suffix: string): string | undefined => {
    const phrases = evidence.get(`${year}|${suffix}`);
    if (!phrases) return undefined;
    return [...phrases.values()].sort((a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : 1))[0]!
      .phrase;
  };

  const records: ReferenceRecord[] = [];
  for (const [key, e] of byKey) {
    tiers[e.tier] = (tiers[e.tier] ?? 0) + 1;
    const by = yearOfBase.get(e.nummer);
    records.push(
      makeRecord({
        id: key,
        kind: 'kamerstuk',
        title: e.title,
        verification: TIERS[e.tier].verification,
        fields: { src: e.tier, by },
      }),
    );
  }

  // Budget dossiers the lists lack. A chapter is derived for a year only when the lists show that chapter
  // existed that year (a supplementary budget or other title "… (V) voor het jaar 2008"), using that title's
  // wording; chapters the lists show without a gap from their first year to the last, under a name the
  // chapter table confirms, are carried back to earlier years of the years table (marked unverified).
  const chapterRows = chapters.filter((c) => /^[A-Z]{1,5}$/.test(c.toevoeging));
  const allYears = yearRows.map((y) => y.begrotingsjaar);
  // Indexes (into the years table) of the years whose budget titles show the chapter.
  const seenAt = (suffix: string) => allYears.flatMap((y, i) => (bestPhrase(y, suffix) ? [i] : []));
  // The lists' budget coverage starts with the first year any chapter is seen.
  const coverageStart = Math.min(...chapterRows.map((c) => seenAt(c.toevoeging)[0] ?? Infinity));
  const continuous = new Map<string, { first: number; phrase: string }>();
  for (const c of chapterRows) {
    const seen = seenAt(c.toevoeging);
    const first = seen[0];
    // Seen from the start of the coverage (or the year after) to the last year, without a gap.
    if (first === undefined || first > coverageStart + 1 || seen.length !== allYears.length - first) continue;
    const name = c.begrotingshoofdstuk.toLowerCase();
    if (!seen.every((i) => bestPhrase(allYears[i]!, c.toevoeging)!.toLowerCase().includes(name))) continue;
    continuous.set(c.toevoeging, {
      first: Number(allYears[first]),
      phrase: bestPhrase(allYears[first]!, c.toevoeging)!,
    });
  }

  let derivedBudget = 0;
  const present = new Set(byKey.keys());
  for (const y of yearRows) {
    const year = y.begrotingsjaar;
    const base = y.dossier_base_number;
    const yearSure: Verification =
      /editor recollection/i.test(y.verified_by) && !corroborated.has(base) ? 'unverified' : 'derived';
    const add = (suffix: string, title: string, verification: Verification, summary?: string) => {
      const id = `kst-${base}${suffix ? '-' + suffix : ''}`;
      if (present.has(id)) return;
      present.add(id);
      derivedBudget++;
      tiers.budget = (tiers.budget ?? 0) + 1;
      records.push(
        makeRecord({
          id,
          kind: 'kamerstuk',
          title,
          summary,
          verification,
          fields: { src: 'budget', by: year },
        }),
      );
    };
    add('', 'Nota over de toestand van ’s Rijks Financiën', yearSure, `Miljoenennota ${year}`);
    const suffixes = new Set<string>([...chapterRows.map((c) => c.toevoeging)]);
    for (const k of evidence.keys()) if (k.startsWith(`${year}|`)) suffixes.add(k.slice(year.length + 1));
    for (const suffix of [...suffixes].sort()) {
      const phrase = bestPhrase(year, suffix);
      if (phrase) {
        add(suffix, `Vaststelling van de ${phrase} voor het jaar ${year}`, yearSure);
        continue;
      }
      const c = continuous.get(suffix);
      if (c && Number(year) < c.first)
        add(suffix, `Vaststelling van de ${c.phrase} voor het jaar ${year}`, 'unverified');
    }
  }

  // Kamerstuk documents named in wps-reference.csv (the fourth NAP 1325 is kst-26150-190).
  for (const w of wpsRows) {
    const m = /officielebekendmakingen\.nl\/kst-(\d+)(?:-([A-Z]+|\d{2}))?-(\d+)\.html/.exec(
      w.notes_or_sources,
    );
    if (!m || w.type === 'unsc-resolution') continue;
    const id = `kst-${m[1]}${m[2] ? '-' + m[2] : ''}-${m[3]}`;
    if (present.has(id)) continue;
    present.add(id);
    tiers.doc = (tiers.doc ?? 0) + 1;
    records.push(
      makeRecord({
        id,
        kind: 'kamerstuk',
        title: w.official_subject_or_title,
        date: /^\d{4}-\d{2}-\d{2}$/.test(w.date) ? w.date : undefined,
        summary: w.short_description || undefined,
        verification: 'verified',
        fields: { doc: m[3], src: 'doc' },
      }),
    );
  }

  return { records, tiers, seedCount, bulkCount, derivedBudget, asOf, warnings };
}
