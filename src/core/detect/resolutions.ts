/**
 * UN resolutions.
 *   unsc: "resolutie 1325", "Resoluties 1325 (2000), 1820 (2008) … en 2538 (2020)", "resoluties 1325, 1820 en 1888",
 *         "VN-Veiligheidsraadresolutie 2334", "VNVR-resolutie 2417", "S/RES/2467 (2019)", "UNSCR 1325",
 *         "Security Council resolution 2231 (2015)"
 *   unga: "A/RES/78/243", "AVVN-resolutie 77/247", "General Assembly resolution 67/19"
 * A bracketed year checks the number (it is never a resolution itself). Resolutions of other bodies (European
 * Parliament, Human Rights Council, ICC "RC/Res.5", a municipal council) are not UN resolutions.
 */
import { emit, type Sink } from './common';
import {
  HS,
  SP,
  at,
  digitsValue,
  endOf,
  execAfter,
  gate,
  isWordAt,
  isWsLike,
  sticky,
  wordStartBefore,
  LETTER,
} from './text';

/** First Security Council resolution adopted in each year from 1946 (UN Security Council records). */
const FIRST_OF_YEAR: readonly number[] = [
  1, 16, 38, 67, 79, 90, 97, 99, 104, 106, 111, 122, 127, 132, 133, 161, 171, 178, 186, 200, 220, 233, 245,
  263, 276, 292, 308, 325, 345, 367, 385, 403, 423, 444, 462, 485, 500, 529, 546, 560, 581, 594, 607, 627,
  647, 684, 726, 800, 893, 970, 1036, 1093, 1147, 1220, 1285, 1335, 1387, 1455, 1522, 1581, 1652, 1739, 1795,
  1860, 1908, 1967, 2033, 2086, 2133, 2196, 2260, 2337, 2398, 2452, 2504, 2561, 2618, 2672, 2722, 2768,
];
const FIRST_YEAR = 1946;
/** Highest number accepted without a year; the Council adopts roughly 50–60 a year. */
const MAX_UNSC = 3400;

/** Year in which resolution `n` was adopted (the last table year for newer numbers). */
export function unscYear(n: number): number {
  let lo = 0;
  let hi = FIRST_OF_YEAR.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (FIRST_OF_YEAR[mid]! <= n) lo = mid;
    else hi = mid - 1;
  }
  return FIRST_YEAR + lo;
}

function yearFits(n: number, year: number): boolean {
  const expected = unscYear(n);
  const last = FIRST_YEAR + FIRST_OF_YEAR.length - 1;
  if (expected === last) return year >= last - 1 && year <= last + 12;
  return Math.abs(year - expected) <= 1;
}

const SC_BODY = /(?:Veiligheidsraad|Security[\s\u00a0]+Council|UNSC|VNVR|VN-VR|\bVR)[\s\u00a0-]*$/i;
const GA_BODY =
  /(?:Algemene[\s\u00a0]+Vergadering(?:[\s\u00a0]+(?:der|van[\s\u00a0]+de)[\s\u00a0]+Verenigde[\s\u00a0]+Naties)?|General[\s\u00a0]+Assembly|AVVN|UNGA|VN-AV)[\s\u00a0-]*$/;
const OTHER_BODY =
  /(?:Parlement|Parliament|EP|Mensenrechtenraad|Human[\s\u00a0]+Rights[\s\u00a0]+Council|HRC|Raad[\s\u00a0]+van[\s\u00a0]+Europa|Council[\s\u00a0]+of[\s\u00a0]+Europe|PACE|Assemblee|Assembly[\s\u00a0]+of[\s\u00a0]+States[\s\u00a0]+Parties|gemeenteraad|raad|Staten|IAEA|WHO|ICC|OVSE|OSCE|NAVO|NATO|Unie|Union|Kamer)[\s\u00a0-]*$/;
/** "… van de Wereldgezondheidsvergadering": a resolution of a body named after the number. */
const BODY_AFTER_RE =
  /^[\s\u00a0]*(?:\(\d{4}\)[\s\u00a0]*)?(?:van|of|by)[\s\u00a0]+(?:de|het|der|the)[\s\u00a0]+((?:[A-Z][\w\u00c0-\u024f-]*[\s\u00a0]*){1,4})/;
const UN_BODY_RE = /^(?:VN|UN|Verenigde|United|Veiligheidsraad|Security|Algemene|General|AVVN|UNGA|UNSC)/;

function otherBodyAfter(after: string): boolean {
  const m = BODY_AFTER_RE.exec(after);
  return m !== null && !UN_BODY_RE.test(m[1]!);
}

const GA_AFTER =
  /^[\s\u00a0]*(?:\(\d{4}\)[\s\u00a0]*)?(?:van|of)[\s\u00a0]+(?:de|the)[\s\u00a0]+(?:Algemene[\s\u00a0]+Vergadering|General[\s\u00a0]+Assembly)/;

/** A date after the number ("1325 van 31 oktober"… "1 juli"): a space first. */
const MONTH_AFTER = gate(
  /^[\s\u00a0]+(?:jan(?:uari|uary)?|feb(?:ruari|ruary)?|maart|march|mrt|apr(?:il)?|mei|may|jun[ie]?|jul[iy]?|aug(?:ustus|ust)?|sep(?:t|tember)?|o[kc]t(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![\p{L}])/iu,
  (text, pos) => isWsLike(text.charCodeAt(pos)),
  { after: 12 },
);
const NUM_SEP_RE = sticky(`${SP}(?:(?:nr|no|number)\\.?${SP})?`);
const SC_NUM_RE = sticky(`(\\d{1,4})(?![${LETTER}\\d]|[./]\\d|${HS}?%)`);
const GA_NUM_RE = sticky(`(\\d{1,3})/(\\d{1,4})(?![${LETTER}\\d]|[./]\\d)`);
const YEAR_RE = sticky(`${HS}{0,2}\\((\\d{4})\\)`);
const LIST_RE = sticky(`${SP}(?:,|;|en|and|&|t/m)(?![${LETTER}])${SP}`);

type Body = 'sc' | 'ga' | 'other' | undefined;

function bodyOf(s: string): Body {
  if (SC_BODY.test(s)) return 'sc';
  if (GA_BODY.test(s)) return 'ga';
  if (OTHER_BODY.test(s)) return 'other';
  return undefined;
}

/**
 * At a resolution keyword: `kwStart`..`kwEnd` is the matched keyword text ("resolutie", "Resoluties",
 * "resolution", "UNSCR", "S/RES/", "A/RES/"). Returns the end consumed or -1.
 */
export function parseResolution(text: string, kwStart: number, kwEnd: number, sink: Sink): number {
  const kw = text.slice(kwStart, kwEnd);
  let start = kwStart;
  let body: Body;
  if (kw.endsWith('RES/')) {
    if (isWordAt(text, kwStart - 1)) return -1;
    body = kw.startsWith('A') ? 'ga' : 'sc';
  } else if (kw === 'UNSCR') {
    if (isWordAt(text, kwStart - 1)) return -1;
    body = 'sc';
  } else {
    // The whole compound: "VN-Veiligheidsraadresolutie", "VNVR-resolutie", "AVVN-resolutie", "EP-resolutie".
    const ws = wordStartBefore(text, kwStart, 40);
    start = ws;
    const compound = text.slice(ws, kwStart);
    body = compound ? bodyOf(compound) : undefined;
    if (compound && body === undefined) {
      // An unknown compound ("ontwerpresolutie", "slotresolutie"): not a UN resolution by itself.
      if (!/^(?:VN|UN)-?$/.test(compound)) return -1;
    }
    if (body === undefined) body = bodyOf(text.slice(Math.max(0, ws - 48), ws));
  }
  if (body === 'other') return -1;

  let pos = kwEnd;
  pos = endOf(NUM_SEP_RE, text, pos); // always matches (it may be empty)

  // General Assembly: session/number.
  const ga = at(GA_NUM_RE, text, pos);
  if (ga) {
    const after = text.slice(pos + ga[0].length, pos + ga[0].length + 60);
    if (body !== 'ga' && !GA_AFTER.test(after)) return -1;
    if (otherBodyAfter(after)) return -1;
    let end = pos + ga[0].length;
    emit(sink, 'unga', `unga-${Number(ga[1])}-${Number(ga[2])}`, start, end);
    for (let guard = 0; guard < 30; guard++) {
      const s = endOf(LIST_RE, text, end);
      if (s < 0) break;
      const n = at(GA_NUM_RE, text, s);
      if (!n) break;
      end = s + n[0].length;
      emit(sink, 'unga', `unga-${Number(n[1])}-${Number(n[2])}`, s, end);
    }
    return end;
  }
  if (body === 'ga') return -1; // old-style GA numbers ("resolutie 181 (II)") have no id here

  let end = pos;
  let count = 0;
  let firstHadYear = false;
  let itemStart = start;
  for (let guard = 0; guard < 60; guard++) {
    // Numbers read from the ends of the matches (test() builds no match array): SC_NUM_RE matches the digits
    // alone, YEAR_RE ends in "(NNNN)".
    let e = endOf(SC_NUM_RE, text, end);
    if (e < 0) break;
    const n = digitsValue(text, end, e);
    if (!(n >= 1 && n <= MAX_UNSC)) break;
    const yEnd = endOf(YEAR_RE, text, e);
    let year: number | undefined;
    if (yEnd >= 0) {
      year = digitsValue(text, yEnd - 5, yEnd - 1);
      if (!yearFits(n, year)) break;
      e = yEnd;
    } else if (firstHadYear) {
      break; // "1325 (2000), 1820 (2008), 12 …": a list with years keeps them
    }
    if (execAfter(MONTH_AFTER, text, e)) break;
    if (count === 0 && otherBodyAfter(text.slice(e, e + 80))) return -1;
    emit(sink, 'unsc', `unsc-${n}`, itemStart, e, year !== undefined ? { resolutionYear: year } : undefined);
    if (count === 0) firstHadYear = year !== undefined;
    count++;
    end = e;
    itemStart = endOf(LIST_RE, text, end);
    if (itemStart < 0 || endOf(SC_NUM_RE, text, itemStart) < 0) break;
    end = itemStart;
  }
  return count ? end : -1;
}
