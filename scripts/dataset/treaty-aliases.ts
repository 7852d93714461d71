/**
 * Builds data/treaty-aliases.json from <referenceDir>/treaties-curated.csv: per treaty key the names the
 * citation detector matches (titles, aliases and generated spelling variants) and the case-sensitive
 * acronyms. A new treaty is a new CSV row; nothing in the detector names a treaty.
 *
 *   npm run dataset:aliases -- [REFERENCE_DIR]      (default ../shared/reference-data)
 *
 * Cleaning rules (generic, no treaty is special-cased):
 * - an alias without lower-case letters is an acronym: matched case-sensitively on word boundaries;
 * - a name that contains a treaty word (verdrag, protocol, convention, …) is matched case-insensitively;
 * - a name whose treaty word is plural ("Verdragen van Genève") names a group of treaties and is dropped;
 * - a name without a treaty word is kept only when it starts like an acronym ("VN-…", "ESH (herzien)") and is
 *   then matched exactly; otherwise it is a common word ("Kernwapenverbod") and is dropped;
 * - variants: without a linking -s- before "verdrag", adjective endings -isch/-ische and -ees/-ese, and the
 *   name without a leading "VN-"/"UN " (the detector re-attaches such a prefix to any match).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildTreatyIndex, type TreatyIndex } from '../../src/core/detect/treaty-index';

/** Words that make a phrase a treaty name; the detector scans for these (case-insensitive, inside compounds). */
export const TREATY_WORDS = [
  'verdrag',
  'protocol',
  'statuut',
  'handvest',
  'overeenkomst',
  'akkoord',
  'conventie',
  'convention',
  'treaty',
  'covenant',
  'charter',
  'statute',
  'agreement',
] as const;

export interface TreatyAliasEntry {
  key: string;
  nl: string;
  en: string;
  /** Matched case-insensitively, separators (spaces, hyphens) ignored. */
  names: string[];
  /** Matched exactly (case-sensitive) on word boundaries. */
  exact: string[];
  /** Where and when it was adopted, for "het Verdrag van Wenen van 23 mei 1969": places in English and Dutch. */
  adopted?: { date: string; places: string[] };
}

export interface TreatyAliasFile {
  schema: 2;
  source: string;
  words: string[];
  treaties: TreatyAliasEntry[];
  /** The detector's lookup tables, precomputed from `words` and `treaties` (src/core/detect/treaty-index.ts). */
  index: TreatyIndex;
}

interface CsvRow {
  key: string;
  title_nl: string;
  aliases_nl: string;
  title_en: string;
  aliases_en: string;
  adopted_date?: string;
  adopted_place?: string;
}

/** Dutch names of the places treaties were adopted in, where they differ from the English ones. */
const DUTCH_PLACE_NAMES: Record<string, string[]> = {
  Geneva: ['Genève'],
  Vienna: ['Wenen'],
  London: ['Londen'],
  Moscow: ['Moskou'],
  Strasbourg: ['Straatsburg'],
  Warsaw: ['Warschau'],
  Turin: ['Turijn'],
  Paris: ['Parijs'],
  'The Hague': ['Den Haag', "'s-Gravenhage"],
  Brussels: ['Brussel'],
  Lisbon: ['Lissabon'],
};

/** The adoption of a row with a date and places ("London, Moscow, Washington"); undefined without either. */
function adoptionOf(row: CsvRow): TreatyAliasEntry['adopted'] {
  const date = row.adopted_date?.trim();
  const places = splitPlaces(row.adopted_place);
  if (!date || !/^\d{4}-\d\d-\d\d$/.test(date) || !places.length) return undefined;
  return { date, places: places.flatMap((p) => [p, ...(DUTCH_PLACE_NAMES[p] ?? [])]) };
}

function splitPlaces(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const WORD_RE = new RegExp(TREATY_WORDS.join('|'), 'i');
/** "Verdragen van Genève", "Geneva Conventions": the first treaty word of the name is a plural. */
const PLURAL_RE =
  /^(?:verdragen|protocollen|conventies|conventions|treaties|protocols|agreements|statuten)$/i;
function headIsPlural(alias: string): boolean {
  const head = alias.split(/[^\p{L}]+/u).find((w) => WORD_RE.test(w));
  return head !== undefined && PLURAL_RE.test(head);
}
const DUTCH_WORD_RE = /verdrag|statuut|handvest|overeenkomst|akkoord|conventie/i;

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split('|')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
}

function isAcronym(alias: string): boolean {
  return !/\p{Ll}/u.test(alias) && /\p{Lu}.*\p{Lu}/u.test(alias);
}

/** Spelling variants people use for the same name. */
export function nameVariants(name: string): string[] {
  const out = new Set<string>([name]);
  const add = (fn: (s: string) => string): void => {
    for (const s of [...out]) out.add(fn(s));
  };
  // Linking -s- in compounds on -verdrag: Wapenhandelsverdrag / wapenhandelverdrag.
  add((s) => s.replace(/(\p{L}{3,}?)s(verdrag)/giu, '$1$2'));
  // Adjective inflection of capitalised words in Dutch names: Chemisch/Chemische Wapenverdrag, Europees/Europese.
  if (DUTCH_WORD_RE.test(name)) {
    add((s) => s.replace(/(\p{Lu}\p{L}*isch)e(?![\p{L}])/gu, '$1'));
    add((s) => s.replace(/(\p{Lu}\p{L}*isch)(?![\p{L}])/gu, '$1e'));
    add((s) => s.replace(/(\p{Lu}\p{L}*e)es(?![\p{L}])/gu, '$1se'));
  }
  // Without a leading UN prefix, when what remains is still a treaty name longer than the bare word.
  for (const s of [...out]) {
    const m = /^(?:VN|UN)(?:-\s?|\s)(.+)$/u.exec(s);
    if (m?.[1] && WORD_RE.test(m[1]) && !TREATY_WORDS.includes(m[1].toLowerCase() as never)) out.add(m[1]);
  }
  return [...out];
}

export function buildTreatyAliases(
  csvText: string,
  source: string,
): { file: TreatyAliasFile; dropped: string[] } {
  const rows = parse(csvText, { columns: true, skip_empty_lines: true, trim: true }) as CsvRow[];
  const dropped: string[] = [];
  const treaties: TreatyAliasEntry[] = [];
  for (const row of rows) {
    const key = row.key?.trim();
    if (!key) continue;
    const names = new Set<string>();
    const exact = new Set<string>();
    const all = [row.title_nl, row.title_en, ...splitList(row.aliases_nl), ...splitList(row.aliases_en)]
      .map((s) => (s ?? '').replace(/\s+/g, ' ').trim())
      .filter((s) => s.length > 0);
    for (const alias of all) {
      if (headIsPlural(alias)) {
        dropped.push(`${key}: "${alias}" (a plural names a group of treaties, not this one)`);
      } else if (isAcronym(alias)) {
        exact.add(alias);
      } else if (WORD_RE.test(alias)) {
        for (const v of nameVariants(alias)) names.add(v);
      } else if (/^\p{Lu}{2,}/u.test(alias)) {
        exact.add(alias);
      } else {
        dropped.push(`${key}: "${alias}" (no treaty word, not an acronym)`);
      }
    }
    const entry: TreatyAliasEntry = {
      key,
      nl: row.title_nl ?? '',
      en: row.title_en ?? '',
      names: [...names].sort(),
      exact: [...exact].sort(),
    };
    const adopted = adoptionOf(row);
    if (adopted) entry.adopted = adopted;
    treaties.push(entry);
  }
  treaties.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const words = [...TREATY_WORDS];
  const index = buildTreatyIndex({ words, treaties });
  return { file: { schema: 2, source, words, treaties, index }, dropped };
}

/** Compact but diff-friendly: one treaty per line, then one line per index table. */
export function serialize(file: TreatyAliasFile): string {
  const head = `{"schema":${file.schema},"source":${JSON.stringify(file.source)},"words":${JSON.stringify(file.words)},"treaties":[\n`;
  const index = Object.entries(file.index)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(',\n');
  return (
    head + file.treaties.map((t) => JSON.stringify(t)).join(',\n') + '\n],\n"index":{\n' + index + '\n}}\n'
  );
}

function main(): void {
  const refDir = resolve(process.argv[2] ?? '../shared/reference-data');
  const csvPath = join(refDir, 'treaties-curated.csv');
  if (!existsSync(csvPath)) {
    console.error(
      `dataset:aliases: ${csvPath} not found.\n` +
        'Pass the reference-data directory: npm run dataset:aliases -- /path/to/shared/reference-data',
    );
    process.exit(2);
  }
  const { file, dropped } = buildTreatyAliases(readFileSync(csvPath, 'utf8'), 'treaties-curated.csv');
  const out = resolve('data/treaty-aliases.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, serialize(file));
  const nNames = file.treaties.reduce((n, t) => n + t.names.length, 0);
  const nExact = file.treaties.reduce((n, t) => n + t.exact.length, 0);
  console.log(`wrote ${out}: ${file.treaties.length} treaties, ${nNames} names, ${nExact} exact forms`);
  for (const d of dropped) console.log(`  dropped ${d}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) main();
