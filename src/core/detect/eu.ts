/**
 * EU regulations and directives (kind eu-act; not scored by the corpus):
 *   Verordening (EU) 2016/679 · Verordening (EG) nr. 1049/2001 · Verordening (EU) nr. 1308/2013 ·
 *   Richtlijn 2011/95/EU · Richtlijn (EU) 2019/1937 · Richtlijn 95/46/EG · Regulation (EU) 2016/679 ·
 *   Directive 2011/95/EU
 */
import { RIGHT_PAREN, SMALL_E, SMALL_G, SMALL_N } from './chars';
import { emit, type Sink } from './common';
import { SLASH } from './chars';
import { EU_ACT_WORDS, EU_SERIES, alternation } from './spellings';
import { HS, SP, at, codeBeforeSpace, execBefore, gate, sticky, LETTER } from './text';

const EU_RE = sticky(
  `((?:[Uu]itvoerings|[Gg]edelegeerde${HS})?[Vv]erordening|[Rr]ichtlijn|(?:Implementing${HS}|Delegated${HS})?Regulation|Directive)` +
    `${SP}(?:\\((?:EU|EG|EEG|EC|EEC|EGKS|EU,${HS}?Euratom|EG,${HS}?Euratom|Euratom)\\)${SP})?` +
    `(?:(nr|no|No|n°)\\.?${SP})?(\\d{1,4})/(\\d{1,4})(?:/(EU|EG|EEG|EC|EEC|GBVB|JBZ|Euratom))?(?![${LETTER}\\d]|/\\d)`,
);

/** "nr. 85/374/EEG": an act numbered year/number/series after "nr." alone, as directives were. */
const NR_ACT_RE = sticky(
  `(?:nr|no|No|Nr)\\.?${SP}(\\d{2}|\\d{4})/(\\d{1,4})/(?:EU|EG|EEG|EC|EEC|Euratom)(?![${LETTER}\\d]|/\\d)`,
);

function fullYear(s: string): number {
  const n = Number(s);
  if (s.length === 4) return n;
  return n >= 50 ? 1900 + n : 2000 + n;
}

function isYear(s: string): boolean {
  if (s.length === 4) return /^(?:19[5-9]|20[0-9])\d$/.test(s);
  return s.length === 2;
}

/** An EU act keyword before "nr."/"(EU)": the text before ends in its last letter or a bracket, and spaces. */
const EU_BEFORE = gate(
  new RegExp(
    `(?:(?:[Uu]itvoerings|[Gg]edelegeerde[ \\u00a0])?${alternation(EU_ACT_WORDS)})[\\s\\u00a0]*(?:\\([^()\\n]{1,14}\\)[\\s\\u00a0]*)?$`,
  ),
  (text, end) => {
    const c = codeBeforeSpace(text, end, 48);
    return c === SMALL_G || c === SMALL_N || c === SMALL_E || c === RIGHT_PAREN;
  },
  { before: 48 },
);

/** Where the EU act keyword before `end` starts ("Verordening (EG) " before "nr."), or -1. */
export function euActKeywordBefore(text: string, end: number): number {
  const m = execBefore(EU_BEFORE, text, end);
  return m ? end - m[0].length : -1;
}

/** The series after an act keyword, "(EU)" … "Euratom)", as the keyword table lists them. */
export const EU_SERIES_FORMS = [...EU_SERIES.map((s) => `(${s})`), 'Euratom)'];

/** At the start of "Verordening"/"Richtlijn"/… Returns the end consumed or -1. */
export function parseEuAct(text: string, start: number, sink: Sink): number {
  const m = at(EU_RE, text, start);
  if (!m) return -1;
  const directive = /ichtlijn|irective/.test(m[1]!);
  const a = m[3]!;
  const b = m[4]!;
  let year: number;
  let num: number;
  if (directive) {
    if (!isYear(a)) return -1;
    year = fullYear(a);
    num = Number(b);
  } else if (m[2] !== undefined || !(a.length === 4 && isYear(a))) {
    // Old numbering: number/year ("(EG) nr. 1049/2001").
    if (!isYear(b)) return -1;
    year = fullYear(b);
    num = Number(a);
  } else {
    year = Number(a);
    num = Number(b);
  }
  const end = start + m[0].length;
  emit(sink, 'eu-act', `eu-${directive ? 'dir' : 'reg'}-${year}-${num}`, start, end);
  return end;
}

/** A "/" among the `max` characters from `pos` (the act number's slash, a quick test before NR_ACT_RE). */
function slashWithin(text: string, pos: number, max: number): boolean {
  const end = Math.min(text.length, pos + max);
  for (let i = pos; i < end; i++) if (text.charCodeAt(i) === SLASH) return true;
  return false;
}

/** At "nr."/"no." (`start`): "nr. 85/374/EEG", a directive by its number. Returns the end consumed or -1. */
export function parseNumberedEuAct(text: string, start: number, sink: Sink): number {
  if (!slashWithin(text, start, 16)) return -1;
  const m = at(NR_ACT_RE, text, start);
  if (!m || !isYear(m[1]!)) return -1;
  const end = start + m[0].length;
  emit(sink, 'eu-act', `eu-dir-${fullYear(m[1]!)}-${Number(m[2])}`, start, end);
  return end;
}
