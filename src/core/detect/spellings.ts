/**
 * Words the recognizers read, each spelled in one place: the keyword table (registry.ts) and the recognizers'
 * patterns are made from these lists.
 */

/** Dutch month names, for dates before a Staatsblad number ("wet van 12 mei 2003, Stb. 201"). */
export const MONTHS_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** Regex-escaped. */
export function escapeForPattern(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/**
 * An alternation of `words` for a pattern, the longest first: a sticky pattern then reads "nrs" whole, not "nr" and
 * a stray "s".
 */
export function alternation(words: readonly string[]): string {
  const longestFirst = [...words].sort((a, b) => b.length - a.length);
  return `(?:${longestFirst.map(escapeForPattern).join('|')})`;
}

/** "nr.", "nrs.", "nummer", "No." before a document number. */
export const NUMBER_WORDS = [
  ...['nr', 'Nr', 'nrs', 'Nrs', 'NR', 'NRS', 'nummer', 'Nummer', 'nummers', 'Nummers', 'No', 'no'],
] as const;

/** Words for UN resolutions, and the symbol prefixes of resolutions ("S/RES/2467"). */
export const RESOLUTION_WORDS = [
  ...['resolutie', 'resoluties', 'resolution', 'resolutions'],
  ...['Resolutie', 'Resoluties', 'Resolution', 'Resolutions', 'UNSCR', 'S/RES/', 'A/RES/'],
] as const;

/** The three official publications: their id prefix, abbreviation and name. */
export const PUBLICATIONS = [
  { kind: 'staatsblad', prefix: 'stb', abbreviation: 'Stb', name: 'Staatsblad' },
  { kind: 'staatscourant', prefix: 'stcrt', abbreviation: 'Stcrt', name: 'Staatscourant' },
  { kind: 'tractatenblad', prefix: 'trb', abbreviation: 'Trb', name: 'Tractatenblad' },
] as const;

export const PUBLICATION_WORDS = PUBLICATIONS.flatMap((p) => [p.abbreviation, p.name]);

/** "Kamerstuk(ken)" and the like, which start a Kamerstuk citation. */
export const KAMERSTUK_WORDS = [
  ...['kamerstuk', 'Kamerstuk', 'kamerstukken', 'Kamerstukken', 'kamerstukdossier', 'Kamerstukdossier'],
  ...['KAMERSTUK', 'KAMERSTUKKEN'],
] as const;

/** Moties and amendementen are Kamerstukken ("motie 32 623, nr. 345"). */
export const MOTION_WORDS = ['motie', 'Motie', 'MOTIE', 'amendement', 'Amendement', 'AMENDEMENT'] as const;

/** The chambers as abbreviations: II and TK the Tweede Kamer, I and EK the Eerste Kamer. */
export const CHAMBER_ABBREVIATIONS = ['II', 'I', 'TK', 'EK'] as const;

/** Words before a session year ("vergaderjaar 2024–2025", "Zitting 1961-1962"). */
export const SESSION_WORDS = ['vergaderjaar', 'Vergaderjaar', 'zitting', 'Zitting'] as const;

/** "Handelingen", written out (the abbreviation "Hand." has its dot). */
export const HANDELINGEN_WORDS = ['handelingen', 'Handelingen', 'HANDELINGEN'] as const;

/** EU act words before "(EU)" or a number. */
export const EU_ACT_WORDS = [
  'verordening',
  'Verordening',
  'richtlijn',
  'Richtlijn',
  'Regulation',
  'Directive',
] as const;

/** The series in brackets after an EU act word ("Verordening (EG) nr. 1049/2001"). */
export const EU_SERIES = ['EU', 'EG', 'EEG', 'EC', 'EEC'] as const;

/** Identifiers of officielebekendmakingen.nl and tkconv: "kst-22054-418", "KST23432475", "h-tk-…", "ah-tk-…". */
export const IDENTIFIER_PREFIXES = ['KST', 'kst-', 'ah-tk-', 'ah-ek-', 'h-tk-', 'h-ek-'] as const;

/** English month names, for dates in English treaty names ("Convention of Vienna of 23 May 1969"). */
export const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** The month (1–12) a Dutch or English month name names, any case; 0 for another word. */
export function monthNumber(word: string): number {
  const w = word.toLowerCase();
  const nl = (MONTHS_NL as readonly string[]).indexOf(w);
  return nl >= 0 ? nl + 1 : (MONTHS_EN as readonly string[]).indexOf(w) + 1;
}
