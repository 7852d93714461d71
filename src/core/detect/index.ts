/**
 * Citation detection: `detectCitations(text)` returns every citation in `text` with its kind, normalized id
 * (../shared/conventions.md) and UTF-16 span, sorted by start and non-overlapping.
 *
 * Design (after eyecite): cheap trigger scans find anchor positions, and per-kind recognizers parse only there
 * with sticky, bounded regexes.
 * - One digit scan finds digits that follow a citation keyword (looked up behind the digit), five-digit numbers,
 *   dossier-shaped numbers ("36 600") and Tweede Kamer zaak/document numbers. A number after a keyword goes to the
 *   recognizer of the keyword's group (registry.ts); the others are dispatched here by their shape.
 * - A treaty-word scan finds treaty names (data/treaty-aliases.json).
 * - A scan for capitals finds treaty acronyms and ECLI.
 * Every pattern is linear: no nested unbounded quantifiers, all windows bounded.
 */
import { CAPITAL_D, CAPITAL_T, CAPITAL_Z, COLON, COMMA, HYPHEN_MINUS } from './chars';
import type { Citation, CitationExtras, CitationKind } from '../citation';
import { emit, newSink, type DetectContext, type PendingImplicit, type Sink } from './common';
import { dossierOf, parseBare, parseKstId, parsePrefixed } from './kamerstuk';
import { KW_SEP, keywordEndBeforeDigit, type KeywordForm } from './keywords';
import { parseParliament, parseParliamentId } from './parliament';
import { findPrefixStart } from './prefix';
import { KEYWORDS, type KeywordGroup } from './registry';
import { endOf, inUrlAt, isSpaceCode, isWordAt } from './text';
import { acronymLeadPattern, findTreatyNames, treatyAcronymAt } from './treaties';

export interface DetectOptions {
  /** Only return these kinds (default: all). */
  kinds?: readonly CitationKind[];
  /**
   * Resolve references whose dossier is fixed by the discourse ("de motie op stuk nr. 351" after
   * "Zij krijgt nr. 346 (32847)"). Default true; such citations carry `extras.implicit`.
   */
  implicit?: boolean;
  /**
   * The house of Handelingen citations that name none, for a text that is part of a longer document (scan's chunks
   * of a big file: `textHouse` of the document). Default: counted from the text itself.
   */
  house?: 'tk' | 'ek';
}

/**
 * The digit trigger: the first digit of a run that
 * 1. starts a dossier-shaped number: five digits, or "NN NNN" / "NN.NNN" / "NN-NNN" (DOSSIER_AT_RE);
 * 2. follows a keyword (lookbehind, evaluated only at digits; see KEYWORD_RE);
 * 3. starts a Tweede Kamer zaak/document number 2024Z01234 / 2024D05678 (TK_AT_RE).
 * It matches that one digit, so the scan runs by test() and builds no match array for each of its many hits;
 * detectCitations tells the three apart. Starting on the digit keeps the regex's quick skip to the next digit.
 */
const TK_REST = `\\d\\d[ZD]\\d{5}(?![\\d])`;
export const TRIGGER_RE = new RegExp(
  `(?<![\\d])\\d(?:(?=\\d(?:\\d|[ \\u00a0\\u2009\\u202f.\\-]\\d)\\d\\d(?![\\d]))` +
    `|(?<=${KEYWORDS.fast}(?<!${KW_SEP})${KW_SEP}{0,8}\\d)` +
    `|(?<=1)(?=9${TK_REST})|(?<=2)(?=0${TK_REST}))`,
  'g',
);
const DOSSIER_AT_RE = /\d\d(?:\d|[ \u00a0\u2009\u202f.-]\d)\d\d(?!\d)/y;
const TK_AT_RE = /(?:19|20)\d\d[ZD]\d{5}(?!\d)/y;

/** "Z" or "D", the letter of a zaak/document number (a quick test before TK_AT_RE). */
function isTkLetterCode(c: number): boolean {
  return c === CAPITAL_Z || c === CAPITAL_D;
}

/** ECLI, found by its literal prefix (findCapitalCitations) and then read in full. */
const ECLI_RE = /ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\d{4}:[A-Z0-9]{1,25}(?:\.[A-Z0-9]{1,25}){0,4}/y;

/** The ECLI at `p` (where "ECLI:" is): emitted unless glued to a word before it. Returns its end, or -1. */
function ecliAt(text: string, p: number, sink: Sink): number {
  ECLI_RE.lastIndex = p;
  const e = ECLI_RE.exec(text);
  if (!e) return -1;
  let id = e[0];
  while (id.endsWith('.')) id = id.slice(0, -1);
  if (!isWordAt(text, p - 1)) emit(sink, 'ecli', id, p, p + id.length);
  return p + e[0].length;
}

/**
 * One scan for what starts with capitals: the prefix of an ECLI, and the acronyms and exact forms of treaties
 * (treaties.ts). Made on first use: the treaty pattern comes from the alias data.
 */
let capitalsRe: RegExp | undefined;

/** The pattern of that scan (global; set lastIndex before use). */
export function capitalsRegex(): RegExp {
  return (capitalsRe ??= new RegExp(`ECLI:|${acronymLeadPattern()}`, 'g'));
}

function findCapitalCitations(text: string, sink: Sink, named: Set<string>, unsupported: Set<string>): void {
  const re = capitalsRegex();
  re.lastIndex = 0;
  let hit: RegExpExecArray | null;
  while ((hit = re.exec(text))) {
    const p = hit.index;
    const end = text.startsWith('ECLI:', p)
      ? ecliAt(text, p, sink)
      : treatyAcronymAt(text, p, hit[0], sink, named, unsupported);
    if (end > re.lastIndex) re.lastIndex = end;
  }
}

/**
 * Hands the trigger at `p` to its recognizer: a zaak/document number `tk`, a keyword `kw` starting at `kwStart`
 * (its group's recognizer, registry.ts), or else a number by its shape. Returns the end of what was consumed, or -1.
 */
function dispatch(
  text: string,
  p: number,
  tk: string | undefined,
  kw: KeywordForm<KeywordGroup> | undefined,
  kwStart: number,
  ctx: DetectContext,
): number {
  if (tk !== undefined) {
    if (isWordAt(text, p - 1) || isWordAt(text, p + tk.length) || inUrlAt(text, p)) return -1;
    const kind: CitationKind = tk[4] === 'Z' ? 'tk-zaak' : 'tk-document';
    emit(ctx.sink, kind, tk, p, p + tk.length);
    return p + tk.length;
  }
  if (kw !== undefined) {
    const r = kw.group.recognize(text, kwStart, kw.form, ctx);
    if (r >= 0 || endOf(DOSSIER_AT_RE, text, p) < 0) return r;
  }
  // Five digits or a dossier shape without a keyword.
  const b1 = text.charCodeAt(p - 1);
  if (b1 === CAPITAL_T && text.startsWith('KST', p - 3)) return parseKstId(text, p - 3, ctx);
  if (b1 === HYPHEN_MINUS) {
    if (text.startsWith('kst-', p - 4)) return parseKstId(text, p - 4, ctx);
    const idm = /(?:^|[^a-z])(a?h-[te]k-)$/.exec(text.slice(Math.max(0, p - 7), p));
    if (idm) return parseParliamentId(text, p - idm[1]!.length, ctx.sink);
  }
  if (b1 === COLON) return -1; // inside an ECLI or a time
  // A keyword phrase further back ("Kamerstukken II 2019/20, 35 300"): only when a word precedes.
  let q = p;
  while (q > 0 && p - q < 4 && (isSpaceCode(text.charCodeAt(q - 1)) || text.charCodeAt(q - 1) === COMMA)) q--;
  if (q < p && isWordAt(text, q - 1)) {
    const prefix = findPrefixStart(text, p);
    if (prefix) {
      const r =
        prefix.type === 'kst'
          ? parsePrefixed(text, prefix.start, ctx)
          : parseParliament(text, prefix.start, ctx);
      if (r >= 0) return r;
    }
  }
  return parseBare(text, p, ctx);
}

function byPosition(a: Citation, b: Citation): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * The candidates sorted by start, the longest first at the same start (a stable sort: otherwise in the order
 * given), keeping the first of any that overlap. Sorted and shortened in place and returned: no second array of
 * candidates per call.
 */
export function resolveOverlaps(cands: Citation[]): Citation[] {
  cands.sort(byPosition);
  return keepFirstOfOverlaps(cands);
}

/** Two numbers of the same range: both left out by it, on its separator's span. */
function sharesRangeSpan(kept: Citation, c: Citation): boolean {
  return kept.extras?.withinRange === true && kept.start === c.start && kept.end === c.end;
}

/**
 * Keeps, of sorted candidates, the first of any that overlap, moving the kept ones to the front of the same
 * array. An index loop: for-of would allocate an iterator result per candidate until the loop is optimized,
 * and this loop runs only twice per call.
 */
function keepFirstOfOverlaps(cands: Citation[]): Citation[] {
  let kept = 0;
  let lastEnd = -1;
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    if (c.start >= lastEnd && c.end > c.start) {
      cands[kept++] = c;
      lastEnd = c.end;
    } else if (c.extras?.withinRange && kept > 0 && sharesRangeSpan(cands[kept - 1]!, c)) {
      cands[kept++] = c;
    }
  }
  cands.length = kept;
  return cands;
}

/**
 * resolveOverlaps(found.concat(extra)) for a `found` that resolveOverlaps returned: `extra` is sorted (a stable sort)
 * and merged into `found` from the back, ties going to `found` as the stable sort of the concatenation would
 * order them. No sort of all citations a second time.
 */
export function addResolved(found: Citation[], extra: Citation[]): Citation[] {
  extra.sort(byPosition);
  let i = found.length - 1;
  let j = extra.length - 1;
  for (let k = 0; k <= j; k++) found.push(extra[k]!);
  // The slot written is never before the next `found` element to read (k = i + j + 1 > i while j >= 0).
  for (let k = found.length - 1; j >= 0; k--) {
    if (i >= 0 && byPosition(found[i]!, extra[j]!) > 0) found[k] = found[i--]!;
    else found[k] = extra[j--]!;
  }
  return keepFirstOfOverlaps(found);
}

/** The extras of an implicit reference (emit copies them into each citation). */
const IMPLICIT: CitationExtras = { implicit: true };

/**
 * Emits the pending implicit references into `sink`, their dossier from the citations `scanned` found, and
 * records in `sources` each reference's start and where its dossier came from.
 */
function resolveImplicit(
  found: Citation[],
  pending: PendingImplicit[],
  scanned: Sink,
  sink: Sink,
  sources: ImplicitSource[],
): void {
  // Both lists are in text order: walk them together. The dossier is that of the last citation before the
  // reference that has one; it is looked up backwards from there, so most citations are never asked.
  let ctxKey: string | undefined;
  let ctxFrom = -1;
  let j = 0;
  for (let n = 0; n < pending.length; n++) {
    const p = pending[n]!;
    const from = j;
    while (j < found.length && found[j]!.end <= p.start) j++;
    for (let k = j - 1; k >= from; k--) {
      const key = dossierOf(found[k]!, scanned);
      if (key) {
        ctxKey = key;
        ctxFrom = found[k]!.start;
        break;
      }
    }
    sources.push({ start: p.start, from: ctxFrom });
    if (!ctxKey) continue;
    const key = ctxKey;
    for (let i = 0; i < p.docs.length; i++) {
      const d = p.docs[i]!;
      emit(sink, 'kamerstuk', `${key}-${d.doc}`, i === 0 ? p.start : d.start, d.end, IMPLICIT);
    }
  }
}

/** Every citation in `text`, sorted by start, non-overlapping. Never throws on any string. */
export function detectCitations(text: string, options: DetectOptions = {}): Citation[] {
  return detectInText(text, options).citations;
}

/**
 * A detection with what it took from the text as a whole, beyond the places of its citations: what a caller that
 * detects the parts of one long text apart (scan's chunks of a big file) checks to know its parts read as the
 * whole would.
 */
export interface TextDetection {
  citations: Citation[];
  /** Treaty keys the text names (they support their short acronyms anywhere in it). */
  named: ReadonlySet<string>;
  /** Treaty keys of short acronyms left out because nothing in the text supported them. */
  unsupported: ReadonlySet<string>;
  /** The implicit references ("de motie op stuk nr. 351") in text order, and where each took its dossier from. */
  implicit: ImplicitSource[];
}

export interface ImplicitSource {
  /** The reference's start. */
  start: number;
  /** The start of the citation whose dossier it took; -1: none before it, so it was left out. */
  from: number;
}

export function detectInText(text: string, options: DetectOptions = {}): TextDetection {
  const detection: TextDetection = {
    citations: [],
    named: new Set(),
    unsupported: new Set(),
    implicit: [],
  };
  if (typeof text !== 'string' || text.length === 0) return detection;
  const sink = newSink();
  const ctx: DetectContext = { sink, implicit: [], house: options.house };

  const re = TRIGGER_RE;
  re.lastIndex = 0;
  while (re.test(text)) {
    const p = re.lastIndex - 1;
    // What the trigger found, in the order of its alternatives before they were lookarounds: a zaak/document
    // number, a keyword, a dossier shape. The scan goes on after a number it found by its shape.
    let tk: string | undefined;
    let kw: KeywordForm<KeywordGroup> | undefined;
    let kwEnd = p;
    const tkEnd = isTkLetterCode(text.charCodeAt(p + 4)) ? endOf(TK_AT_RE, text, p) : -1;
    if (tkEnd >= 0) {
      tk = text.slice(p, tkEnd);
      re.lastIndex = tkEnd;
    } else {
      kwEnd = keywordEndBeforeDigit(text, p);
      kw = KEYWORDS.endingAt(text, kwEnd);
    }
    const end = dispatch(text, p, tk, kw, kw ? kwEnd - kw.form.length : 0, ctx);
    if (end > re.lastIndex) re.lastIndex = end;
    // Past a number found by its shape, also when nothing was made of it (a dossier shape is at most six long).
    if (tk === undefined && kw === undefined && end < p + 6) {
      re.lastIndex = Math.max(re.lastIndex, endOf(DOSSIER_AT_RE, text, p));
    }
  }

  // Treaties and ECLI go into the same sink after the digit triggers: the order of a concatenation, which
  // resolveOverlaps keeps on ties, without building one.
  const named = findTreatyNames(text, sink);
  const unsupported = new Set<string>();
  findCapitalCitations(text, sink, named, unsupported);

  let found = resolveOverlaps(sink.out);
  if (options.implicit !== false && ctx.implicit.length) {
    const extra = newSink();
    resolveImplicit(found, ctx.implicit, sink, extra, detection.implicit);
    if (extra.out.length) found = addResolved(found, extra.out);
  }
  if (options.kinds) {
    const allow = new Set(options.kinds);
    found = found.filter((c) => allow.has(c.kind));
  }
  detection.citations = found;
  detection.named = named;
  detection.unsupported = unsupported;
  return detection;
}

export { textHouse } from './parliament';
export type { Citation, CitationKind } from '../citation';
