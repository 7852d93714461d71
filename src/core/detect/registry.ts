/**
 * The keyword groups of the digit trigger, each with its recognizer: one table. A number right after one of a
 * group's spellings (past up to eight separators) is handed to that group's recognizer, which returns the end of
 * what it consumed, or -1. The order is the priority: where spellings of two groups end at the same place, the
 * earlier group gets the number. Numbers without a keyword (dossier shapes, zaak numbers) are dispatched in index.ts.
 *
 * | group       | spellings (spellings.ts)                       | recognizer                                  |
 * |-------------|------------------------------------------------|---------------------------------------------|
 * | resolution  | resolutie(s), resolution(s), UNSCR, S/RES/ …   | parseResolution (resolutions.ts)            |
 * | number      | nr(s), nummer(s), No                           | recognizeAtNumber: Handelingen glued to a   |
 * |             |                                                | session, EU act, "resolutie nr.", a         |
 * |             |                                                | reversed Kamerstuk "nr. 346 (32847)"        |
 * | publication | Stb, Staatsblad, Stcrt, Trb …                  | parsePublication (publications.ts)          |
 * | kamerstuk   | Kamerstuk(ken), motie, amendement …            | parsePrefixed (kamerstuk.ts)                |
 * | chamber     | II, I, TK, EK, Kamer, vergaderjaar, zitting,   | recognizeAfterChamber: the keyword phrase   |
 * |             | Handelingen, Hand, Staten-Generaal             | further back (prefix.ts), or a metadata row |
 * | eu-act      | Verordening, Richtlijn, (EU), (EG) …           | recognizeEuAct (eu.ts)                      |
 * | identifier  | kst-, KST, h-tk-, ah-tk- …                     | parseKstId, parseParliamentId               |
 */
import type { DetectContext } from './common';
import { EU_SERIES_FORMS, euActKeywordBefore, parseEuAct, parseNumberedEuAct } from './eu';
import { parseAtNr, parseKstId, parseOldStyle, parsePrefixed } from './kamerstuk';
import { KeywordTable, type KeywordSpelling } from './keywords';
import { parseGluedHandelingen, parseMetadataRow, parseParliament, parseParliamentId } from './parliament';
import { findPrefixStart } from './prefix';
import { parsePublication } from './publications';
import { parseResolution } from './resolutions';
import {
  CHAMBER_ABBREVIATIONS,
  EU_ACT_WORDS,
  HANDELINGEN_WORDS,
  IDENTIFIER_PREFIXES,
  KAMERSTUK_WORDS,
  MOTION_WORDS,
  NUMBER_WORDS,
  PUBLICATION_WORDS,
  RESOLUTION_WORDS,
  SESSION_WORDS,
} from './spellings';
import { isDigitAt, skipSpaceBack, wordStartBefore } from './text';

export interface KeywordGroup extends KeywordSpelling {
  name: string;
  /**
   * What to make of a number after this group's keyword `form`, which starts at `start`: the end of what was
   * consumed, or -1 (the number is then read by its shape, if it has one).
   */
  recognize: (text: string, start: number, form: string, ctx: DetectContext) => number;
}

/** "resolutie nr. 2231 (2015)": a resolution keyword before "nr." (at `nrStart`) reads the number after it. */
function resolutionBeforeNumber(text: string, nrStart: number, ctx: DetectContext): number {
  const end = skipSpaceBack(text, nrStart);
  const kw = KEYWORDS.endingAt(text, end);
  if (kw?.group !== RESOLUTION) return -1;
  return parseResolution(text, end - kw.form.length, end, ctx.sink);
}

/** After "nr.": each reading in turn, the first that consumes anything wins. */
function recognizeAtNumber(text: string, start: number, _form: string, ctx: DetectContext): number {
  let r = isDigitAt(text, start - 1) ? parseGluedHandelingen(text, start, ctx) : -1;
  if (r < 0) {
    const eu = euActKeywordBefore(text, start);
    if (eu >= 0) r = parseEuAct(text, eu, ctx.sink);
  }
  if (r < 0) r = resolutionBeforeNumber(text, start, ctx);
  if (r < 0) r = parseNumberedEuAct(text, start, ctx.sink);
  if (r < 0) r = parseAtNr(text, start, ctx);
  return r;
}

const EERSTE_KAMER_DER_RE = /Eerste[\s\u00a0]+Kamer[\s\u00a0]+der[\s\u00a0]+$/;

/** After a chamber, session or Handelingen word: the citation its keyword phrase starts. */
function recognizeAfterChamber(text: string, start: number, form: string, ctx: DetectContext): number {
  const end = start + form.length;
  if (form === 'Staten-Generaal') {
    const house = EERSTE_KAMER_DER_RE.test(text.slice(Math.max(0, start - 24), start)) ? 'ek' : 'tk';
    const r = parseMetadataRow(text, end, house, ctx.sink);
    if (r >= 0) return r;
  }
  const prefix = findPrefixStart(text, end);
  if (!prefix) return form === 'Zitting' || form === 'zitting' ? parseOldStyle(text, start, end, ctx) : -1;
  return prefix.type === 'kst'
    ? parsePrefixed(text, prefix.start, ctx)
    : parseParliament(text, prefix.start, ctx);
}

/** After an EU act word or series: the act from the start of its keyword ("Uitvoeringsverordening (EU)"). */
function recognizeEuAct(text: string, start: number, form: string, ctx: DetectContext): number {
  if (form.startsWith('(') || form.startsWith('Euratom')) {
    const eu = euActKeywordBefore(text, start + form.length);
    return eu >= 0 ? parseEuAct(text, eu, ctx.sink) : -1;
  }
  return parseEuAct(text, wordStartBefore(text, start, 40, false), ctx.sink);
}

/** "kst-22054-418", "KST23432475", "h-tk-20192020-31-8": the identifier, glued to its digits. */
function recognizeIdentifier(text: string, start: number, form: string, ctx: DetectContext): number {
  const end = start + form.length;
  if (!isDigitAt(text, end)) return -1;
  return form.startsWith('k') || form.startsWith('K')
    ? parseKstId(text, start, ctx)
    : parseParliamentId(text, start, ctx.sink);
}

const RESOLUTION: KeywordGroup = {
  name: 'resolution',
  word: false,
  forms: RESOLUTION_WORDS,
  recognize: (text, start, form, ctx) => parseResolution(text, start, start + form.length, ctx.sink),
};

export const KEYWORD_GROUPS: readonly KeywordGroup[] = [
  RESOLUTION,
  { name: 'number', word: true, forms: NUMBER_WORDS, recognize: recognizeAtNumber },
  {
    name: 'publication',
    word: true,
    forms: PUBLICATION_WORDS,
    recognize: (text, start, _form, ctx) => parsePublication(text, start, ctx.sink),
  },
  {
    // A Kamerstuk keyword or motie/amendement starts its own citation: no prefix further back can include it
    // (findPrefixStart from its end would stop at it).
    name: 'kamerstuk',
    word: true,
    forms: [...KAMERSTUK_WORDS, ...MOTION_WORDS],
    recognize: (text, start, _form, ctx) => parsePrefixed(text, start, ctx),
  },
  {
    name: 'chamber',
    word: true,
    forms: [
      ...CHAMBER_ABBREVIATIONS,
      'Kamer',
      ...SESSION_WORDS,
      ...HANDELINGEN_WORDS,
      'Hand',
      'Staten-Generaal',
    ],
    recognize: recognizeAfterChamber,
  },
  { name: 'eu-act', word: false, forms: [...EU_ACT_WORDS, ...EU_SERIES_FORMS], recognize: recognizeEuAct },
  { name: 'identifier', word: true, forms: IDENTIFIER_PREFIXES, recognize: recognizeIdentifier },
];

/** The keyword groups' spellings, as the digit trigger finds them. */
export const KEYWORDS = new KeywordTable(KEYWORD_GROUPS);
