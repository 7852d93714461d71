import type { Citation, CitationExtras, CitationKind } from '../citation';
import { COMMA, DIGIT_1, DIGIT_2, SMALL_B, SMALL_P } from './chars';
import { DASH, SP, codeAfterSpace, endOf, gate, isDigitAt, sessionId, sticky, LETTER } from './text';

/** Where recognizers put what they find; the engine resolves overlaps afterwards. */
export interface Sink {
  out: Citation[];
  /** The Kamerstuk citations of a whole dossier (no document number): `kst-21501-20` is one, or document 20. */
  wholeDossiers: WeakSet<Citation>;
}

export function newSink(): Sink {
  return { out: [], wholeDossiers: new WeakSet() };
}

/** A reference whose dossier the discourse fixes ("de motie op stuk nr. 351"), resolved after the scan. */
export interface PendingImplicit {
  start: number;
  end: number;
  docs: { doc: string; start: number; end: number }[];
}

/** What recognizers write to during one detectCitations call: found citations and pending implicit references. */
export interface DetectContext {
  sink: Sink;
  implicit: PendingImplicit[];
  /** The house the text is from, counted on first use (parliament.ts documentHouse). */
  house?: 'tk' | 'ek';
}

export function emit(
  sink: Sink,
  kind: CitationKind,
  id: string,
  start: number,
  end: number,
  extras?: CitationExtras,
): Citation {
  const c: Citation = { kind, id, start, end };
  if (extras) {
    let clean: Record<string, unknown> | undefined;
    for (const k in extras) {
      const v = extras[k as keyof CitationExtras];
      if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      (clean ??= {})[k] = v;
    }
    if (clean) c.extras = clean as CitationExtras;
  }
  sink.out.push(c);
  return c;
}

export interface Session {
  id: string;
  start: number;
  end: number;
}

/** "2024/25", "2024-2025", "2006–2007", "1985/- 86", "2022–203" (typo) at `pos`. */
const SESSION_RE = sticky(`((?:18|19|20)\\d\\d)${SP}(?:[/]|${DASH})${SP}(?:${DASH}${SP})?(\\d{2,4})(?!\\d)`);

export function parseSession(text: string, pos: number): Session | undefined {
  const c = text.charCodeAt(pos);
  if (c !== DIGIT_1 && c !== DIGIT_2) return undefined;
  const end = endOf(SESSION_RE, text, pos);
  if (end < 0) return undefined;
  // The first year is the four digits at `pos`; the second, the digits the match ends with.
  let s = end;
  while (isDigitAt(text, s - 1)) s--;
  const id = sessionId(text.slice(pos, pos + 4), text.slice(s, end));
  if (!id) return undefined;
  return { id, start: pos, end };
}

/** A page reference that may follow a document number: ", blz. 3", ", p. 5892–5931", " p. 12 e.v.". */
const PAGES_RE = sticky(
  `${SP},?${SP}(?:blz|bl|p|pp|pag|pagina|pagina's|bladzijde|bladzijden)\\.?${SP}(\\d{1,5})(?:${SP}(?:${DASH}|en|t/m)${SP}(\\d{1,5}))?(?:${SP}e\\.?v\\.?)?(?![${LETTER}\\d])`,
);

/** PAGES_RE can match at `pos`: after up to 8 spaces comes the comma or the "b"/"p" of the page word. */
function pagesMayFollow(text: string, pos: number): boolean {
  const c = codeAfterSpace(text, pos, 8);
  return c === COMMA || c === SMALL_B || c === SMALL_P;
}
gate(PAGES_RE, pagesMayFollow);

/** The end of a page reference (PAGES_RE) at `pos`, or -1. Tried after every document number; rarely there. */
export function pagesEnd(text: string, pos: number): number {
  return pagesMayFollow(text, pos) ? endOf(PAGES_RE, text, pos) : -1;
}
