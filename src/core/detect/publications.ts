/**
 * Staatsblad, Staatscourant, Tractatenblad: "Stb. 2001, 343", "Staatsblad 2016, 478", "Stcrt. 2021, nr. 12345",
 * "Trb. 2013, 143", elided lists "Trb. 1998, 170 en 1999, 110" and "Stb. 2001, 343 en 344".
 */
import type { CitationKind } from '../citation';
import { emit, type Sink } from './common';
import { SP, at, plausibleYear, sticky, LETTER } from './text';

const PREFIX_RE = sticky(`(Stb|Stcrt|Trb)\\.?|(Staatsblad|Staatscourant|Tractatenblad)(?![${LETTER}])`);
const YEAR_NUM_RE = sticky(
  `${SP}((?:18|19|20)\\d\\d)${SP}[,/]${SP}(?:(?:nr|no)\\.?${SP})?(\\d{1,6})(?![${LETTER}\\d]|[.,]\\d)`,
);
const ELIDED_RE = sticky(
  `${SP}(?:en|,|;)${SP}(?:((?:18|19|20)\\d\\d)${SP},${SP}(?:(?:nr|no)\\.?${SP})?)?(\\d{1,6})(?![${LETTER}\\d]|[.,]\\d)`,
);

const KIND: Record<string, [CitationKind, string]> = {
  Stb: ['staatsblad', 'stb'],
  Staatsblad: ['staatsblad', 'stb'],
  Stcrt: ['staatscourant', 'stcrt'],
  Staatscourant: ['staatscourant', 'stcrt'],
  Trb: ['tractatenblad', 'trb'],
  Tractatenblad: ['tractatenblad', 'trb'],
};

export function parsePublication(text: string, start: number, sink: Sink): number {
  const p = at(PREFIX_RE, text, start);
  if (!p) return -1;
  const [kind, pfx] = KIND[p[1] ?? p[2]!]!;
  let pos = start + p[0].length;
  const m = at(YEAR_NUM_RE, text, pos);
  if (!m) return -1;
  let year = Number(m[1]);
  if (!plausibleYear(year, 1813, 2099)) return -1;
  pos += m[0].length;
  emit(sink, kind, `${pfx}-${year}-${Number(m[2])}`, start, pos);
  for (let guard = 0; guard < 30; guard++) {
    const e = at(ELIDED_RE, text, pos);
    if (!e) break;
    const num = e[2]!;
    if (e[1] !== undefined) {
      const y = Number(e[1]);
      if (!plausibleYear(y, 1813, 2099)) break;
      year = y;
    } else if (/^(?:18|19|20)\d\d$/.test(num)) {
      break; // "Stb. 2001, 343 en 2002" is not an elided number
    } else if (/^\s+\p{Ll}/u.test(text.slice(pos + e[0].length, pos + e[0].length + 3))) {
      break; // "… 343 en 1 juli": a date, not a second number
    }
    const numStart = pos + e[0].length - num.length;
    const itemStart = e[1] !== undefined ? pos + e[0].indexOf(e[1]) : numStart;
    const end = pos + e[0].length;
    emit(sink, kind, `${pfx}-${year}-${Number(num)}`, itemStart, end);
    pos = end;
  }
  return pos;
}
