/**
 * Text anchoring over a plain string: the page's text as the content script extracts it.
 *
 * `describeRange` turns a range into W3C selectors (a TextQuoteSelector with ~32 characters of
 * context each side, plus a TextPositionSelector). `anchor` places them again on a possibly changed
 * text, trying in order:
 *  1. position: the old offsets still hold the exact quote;
 *  2. quote: the quote occurs exactly; occurrences are ranked by how much of the prefix/suffix
 *     context matches and by nearness to the old position;
 *  3. fuzzy: an approximate search tolerating edits up to a quarter of the quote's length
 *     (fewer for very long quotes, see `maxErrorsFor`).
 * When nothing fits well enough it returns `undefined` and the note is shown as orphaned.
 *
 * The fuzzy search is bounded: Myers' bit-parallel approximate matcher scans the text with a probe
 * of at most 64 characters (the whole quote, or the quote's head and tail for longer quotes), so the
 * scan costs O(n) word operations however long the quote; at most a few candidates are then
 * verified with a banded edit distance (O(m·k) each, cut off early) within a fixed cell budget.
 * Texts longer than `MAX_SCAN_LENGTH` are scanned in a window around the old position.
 *
 * All offsets are UTF-16 code units, like `Citation.start`/`end`. Pure: no DOM.
 */
import { LIMITS, type Selector, type TextPositionSelector, type TextQuoteSelector } from './model';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface AnchorResult {
  start: number;
  end: number;
  method: AnchorMethod;
  /**
   * Edit distance between the stored quote and the text found (0 unless `fuzzy`); for a quote too
   * long to verify in full, an estimate from its head, its tail and the change in length.
   */
  errors: number;
}

/** Longest probe handed to the bit-parallel scanner (two 32-bit words). */
const PROBE_LENGTH = 64;
/** Fuzzy matching tolerates at most this share of the quote's length as edits… */
const MAX_ERROR_RATE = 0.25;
/** Exact occurrences inspected at most (a one-letter quote in a long text). */
const MAX_OCCURRENCES = 100_000;
/** Candidates kept per probe for verification. */
const MAX_CANDIDATES = 16;
/** Banded-DP cells spent at most on verifying candidates of one `anchor` call. */
const VERIFY_BUDGET = 40_000_000;
/** Context compared at most (other tools may store much longer prefixes and suffixes). */
const MAX_CONTEXT_COMPARED = 64;
/** Longest stretch of text scanned by the fuzzy search. */
export const MAX_SCAN_LENGTH = 4_000_000;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The selectors for `text.slice(start, end)`: the quote with up to `LIMITS.contextLength`
 * characters of context on each side (never splitting a surrogate pair), and the offsets.
 */
export function describeRange(
  text: string,
  start: number,
  end: number,
): [TextQuoteSelector, TextPositionSelector] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(
      `describeRange: invalid range ${start}..${end} for a text of ${text.length} characters`,
    );
  }
  let prefixStart = Math.max(0, start - LIMITS.contextLength);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + LIMITS.contextLength);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

export interface AnchorOptions {
  /** Longest stretch scanned by the fuzzy search (default `MAX_SCAN_LENGTH`). */
  maxScanLength?: number;
}

/** Places the selectors on `text`, or returns `undefined` (the note is orphaned). */
export function anchor(
  text: string,
  selectors: readonly Selector[],
  options: AnchorOptions = {},
): AnchorResult | undefined {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  const positionValid =
    position !== undefined &&
    Number.isInteger(position.start) &&
    Number.isInteger(position.end) &&
    position.start >= 0 &&
    position.start <= position.end &&
    position.end <= text.length;

  if (!quote || quote.exact.length === 0) {
    // Nothing to check the offsets against: trust them if they still fit.
    return positionValid
      ? { start: position.start, end: position.end, method: 'position', errors: 0 }
      : undefined;
  }
  if (positionValid && position.end - position.start === quote.exact.length) {
    if (text.startsWith(quote.exact, position.start)) {
      return { start: position.start, end: position.end, method: 'position', errors: 0 };
    }
  }
  // The old start is a useful hint even when the text has since become shorter than the range.
  const hint =
    position !== undefined && Number.isInteger(position.start) && position.start >= 0
      ? Math.min(position.start, text.length)
      : undefined;
  const exact = exactQuote(text, quote, hint);
  if (exact?.strong) return exact.result;
  // A weak exact match (a short quote whose context barely agrees) competes with the fuzzy
  // candidates: the edited original with its context intact should win over a lookalike elsewhere.
  return fuzzyQuote(text, quote, hint, options.maxScanLength ?? MAX_SCAN_LENGTH) ?? exact?.result;
}

// ---------------------------------------------------------------------------------------------
// Context scoring
// ---------------------------------------------------------------------------------------------

/** Share of `prefix` (read backwards) that matches the text just before `start`. */
function prefixAgreement(text: string, start: number, prefix: string): number {
  if (prefix.length === 0) return start === 0 ? 1 : 0.5;
  let n = 0;
  while (
    n < prefix.length &&
    start - n - 1 >= 0 &&
    text.charCodeAt(start - n - 1) === prefix.charCodeAt(prefix.length - n - 1)
  ) {
    n++;
  }
  return n / prefix.length;
}

/** Share of `suffix` that matches the text just after `end`. */
function suffixAgreement(text: string, end: number, suffix: string): number {
  if (suffix.length === 0) return end === text.length ? 1 : 0.5;
  let n = 0;
  while (n < suffix.length && end + n < text.length && text.charCodeAt(end + n) === suffix.charCodeAt(n)) n++;
  return n / suffix.length;
}

/** 1 − normalized edit distance; tolerant to a shifted or slightly edited context. */
function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - levenshtein(a, b) / longest;
}

function levenshtein(a: string, b: string): number {
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ac === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

function contextSimilarity(text: string, start: number, end: number, selector: TextQuoteSelector): number {
  const quote = {
    prefix: selector.prefix.slice(-MAX_CONTEXT_COMPARED),
    suffix: selector.suffix.slice(0, MAX_CONTEXT_COMPARED),
  };
  const prefix =
    quote.prefix.length === 0
      ? start === 0
        ? 1
        : 0.5
      : similarity(quote.prefix, text.slice(Math.max(0, start - quote.prefix.length), start));
  const suffix =
    quote.suffix.length === 0
      ? end === text.length
        ? 1
        : 0.5
      : similarity(quote.suffix, text.slice(end, end + quote.suffix.length));
  return (prefix + suffix) / 2;
}

function nearness(start: number, hint: number | undefined, length: number): number {
  if (hint === undefined || length === 0) return 0.5;
  return 1 - Math.min(1, Math.abs(start - hint) / length);
}

// ---------------------------------------------------------------------------------------------
// Step 2: exact quote
// ---------------------------------------------------------------------------------------------

/**
 * The best exact occurrence: `strong` when it can be taken without looking further, a `result`
 * only when it is acceptable at all, undefined when the quote does not occur.
 */
function exactQuote(
  text: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
): { result?: AnchorResult; strong: boolean } | undefined {
  const { exact } = quote;
  const m = exact.length;
  const prefix = quote.prefix.slice(-MAX_CONTEXT_COMPARED);
  const suffix = quote.suffix.slice(0, MAX_CONTEXT_COMPARED);
  let best = -1;
  let bestScore = -1;
  let bestContext = 0;
  let count = 0;
  for (let at = text.indexOf(exact); at !== -1 && count < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1)) {
    count++;
    const context = (prefixAgreement(text, at, prefix) + suffixAgreement(text, at + m, suffix)) / 2;
    const score = 0.9 * context + 0.1 * nearness(at, hint, text.length);
    if (score > bestScore) {
      bestScore = score;
      bestContext = context;
      best = at;
    }
  }
  if (best < 0) return undefined;
  const noContext = quote.prefix.length === 0 && quote.suffix.length === 0;
  const result: AnchorResult = { start: best, end: best + m, method: 'quote', errors: 0 };
  // A long quote is distinctive by itself; a short one needs its context, or a note about "1325"
  // would jump to any other "1325" once its own passage is edited or gone.
  if (noContext || m >= 32 || bestContext >= 0.75) return { result, strong: true };
  return bestContext >= 0.25 ? { result, strong: false } : { strong: false };
}

// ---------------------------------------------------------------------------------------------
// Step 3: fuzzy quote
// ---------------------------------------------------------------------------------------------

/**
 * The candidates worth verifying: the fewest errors, and (since a short probe may match exactly
 * elsewhere while the edited original has an error or two) the nearest to the old position.
 */
function keepBest(matches: ProbeMatch[], hint: number): ProbeMatch[] {
  const distance = (a: ProbeMatch) => Math.abs(a.end - hint);
  const byErrors = [...matches].sort((a, b) => a.errors - b.errors || distance(a) - distance(b));
  const byNearness = matches.sort((a, b) => distance(a) - distance(b));
  const kept = new Set(byErrors.slice(0, MAX_CANDIDATES));
  for (const match of byNearness.slice(0, MAX_CANDIDATES)) kept.add(match);
  return [...kept];
}

export interface ProbeMatch {
  /** End offset (exclusive) of the probe's best alignment. */
  end: number;
  errors: number;
}

/**
 * Myers' bit-parallel approximate string matching (J. ACM 46(3), 1999), in its block form unrolled
 * for patterns of up to `PROBE_LENGTH` = 2 × 32 characters: reports each end offset in [from, to) where `pattern` matches
 * with at most `k` edits, collapsed to the best end of each run of neighbouring ends.
 */
export function scanApproximate(
  text: string,
  from: number,
  to: number,
  pattern: string,
  k: number,
  hint: number,
): ProbeMatch[] {
  if (pattern.length === 0 || pattern.length > PROBE_LENGTH) {
    throw new RangeError(`scanApproximate: pattern length must be 1..${PROBE_LENGTH}`);
  }
  const m = pattern.length;
  // Pattern bitmasks per UTF-16 code unit: word 0 holds pattern rows 0–31, word 1 rows 32–63.
  const peq0 = new Int32Array(65536);
  const peq1 = new Int32Array(m > 32 ? 65536 : 0);
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    if (i < 32) peq0[c] = peq0[c]! | (1 << i);
    else peq1[c] = peq1[c]! | (1 << (i - 32));
  }
  const twoWords = m > 32;
  const lastBit = 1 << ((m - 1) & 31);
  const high0 = twoWords ? -0x80000000 : lastBit;
  let pv0 = -1;
  let mv0 = 0;
  let pv1 = -1;
  let mv1 = 0;
  let score = m;

  let found: ProbeMatch[] = [];
  let runEnd = -2;
  let run: ProbeMatch | undefined;
  const flush = () => {
    if (!run) return;
    found.push(run);
    run = undefined;
    if (found.length > 8 * MAX_CANDIDATES) found = keepBest(found, hint);
  };

  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    // Word 0 (the top row's horizontal delta is 0: a match may start anywhere).
    let eq = peq0[c]!;
    let xv = eq | mv0;
    let xh = (((eq & pv0) + pv0) ^ pv0) | eq;
    let ph = mv0 | ~(xh | pv0);
    let mh = pv0 & xh;
    let hout = ph & high0 ? 1 : mh & high0 ? -1 : 0;
    ph <<= 1;
    mh <<= 1;
    pv0 = mh | ~(xv | ph);
    mv0 = ph & xv;
    if (twoWords) {
      // Word 1, fed with word 0's horizontal delta.
      const hin = hout;
      eq = peq1[c]!;
      xv = eq | mv1;
      if (hin < 0) eq |= 1;
      xh = (((eq & pv1) + pv1) ^ pv1) | eq;
      ph = mv1 | ~(xh | pv1);
      mh = pv1 & xh;
      hout = ph & lastBit ? 1 : mh & lastBit ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pv1 = mh | ~(xv | ph);
      mv1 = ph & xv;
    }
    score += hout;
    if (score <= k) {
      if (j !== runEnd + 1) flush();
      if (!run || score < run.errors) run = { end: j + 1, errors: score };
      runEnd = j;
    }
  }
  flush();
  return keepBest(found, hint);
}

interface Alignment {
  errors: number;
  /** Length of the text run aligned with the pattern. */
  length: number;
}

class Budget {
  constructor(public cells: number) {}
}

/**
 * Edit distance between `pattern` and the text run starting (dir = 1) or ending (dir = −1) at
 * `at`, with the run's length free: a banded DP of width 2k+1 that gives up as soon as every cell
 * of a row exceeds `k`. Returns undefined beyond `k` edits or when the budget is spent.
 */
function alignAnchored(
  text: string,
  at: number,
  dir: 1 | -1,
  pattern: string,
  k: number,
  budget: Budget,
): Alignment | undefined {
  const m = pattern.length;
  const available = dir > 0 ? text.length - at : at;
  const maxLength = Math.min(available, m + k);
  if (maxLength < m - k) return undefined;
  const INF = 1 << 29;
  let prev = new Int32Array(maxLength + 2).fill(INF);
  let cur = new Int32Array(maxLength + 2).fill(INF);
  for (let j = 0; j <= Math.min(k, maxLength); j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(0, i - k);
    const hi = Math.min(maxLength, i + k);
    if (lo > hi) return undefined;
    budget.cells -= hi - lo + 1;
    if (budget.cells < 0) return undefined;
    const pc = dir > 0 ? pattern.charCodeAt(i - 1) : pattern.charCodeAt(m - i);
    let rowMin = INF;
    if (lo === 0) {
      cur[0] = i;
      rowMin = i;
    } else {
      cur[lo - 1] = INF;
    }
    for (let j = Math.max(lo, 1); j <= hi; j++) {
      const tc = dir > 0 ? text.charCodeAt(at + j - 1) : text.charCodeAt(at - j);
      const value = Math.min(prev[j - 1]! + (tc === pc ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
      cur[j] = value;
      if (value < rowMin) rowMin = value;
    }
    cur[hi + 1] = INF;
    if (rowMin > k) return undefined;
    [prev, cur] = [cur, prev];
  }
  let best: Alignment | undefined;
  for (let j = Math.max(0, m - k); j <= Math.min(maxLength, m + k); j++) {
    const errors = prev[j]!;
    if (errors > k) continue;
    if (
      !best ||
      errors < best.errors ||
      (errors === best.errors && Math.abs(j - m) < Math.abs(best.length - m))
    ) {
      best = { errors, length: j };
    }
  }
  return best;
}

/**
 * An approximate match of a short quote is found almost anywhere in a long text, so the shorter the
 * quote, the more its context must agree (context similarity of unrelated text is ~0.1–0.3).
 */
function fuzzyAcceptable(quoteLength: number, errors: number, context: number): boolean {
  if (quoteLength < 32) return context >= 0.5;
  if (quoteLength < 64) return context >= 0.4 || errors <= quoteLength / 10;
  return true;
}

/**
 * Edits tolerated for a quote: a quarter of its length, bounded so that one banded verification
 * (m·(2k+1) cells) stays within an eighth of the budget.
 */
export function maxErrorsFor(quoteLength: number): number {
  const byBudget = Math.floor((VERIFY_BUDGET / 8 / Math.max(1, quoteLength) - 1) / 2);
  return Math.max(0, Math.min(Math.floor(quoteLength * MAX_ERROR_RATE), byBudget));
}

function fuzzyQuote(
  text: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
  maxScan: number,
): AnchorResult | undefined {
  const { exact } = quote;
  const m = exact.length;
  const k = maxErrorsFor(m);
  if (k === 0 || text.length < m - k) return undefined;

  // The stretch to scan: all of it, or a window around the old position for a huge text.
  let from = 0;
  let to = text.length;
  if (to - from > maxScan) {
    const centre = hint ?? 0;
    from = Math.max(0, Math.min(text.length - maxScan, centre - Math.floor(maxScan / 2)));
    to = from + maxScan;
  }
  const budget = new Budget(VERIFY_BUDGET);
  const seen = new Set<string>();
  const found: { start: number; end: number; errors: number }[] = [];
  const consider = (start: number, end: number, errors: number) => {
    const key = `${start}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ start, end, errors });
  };
  const hintEnd = (hint ?? 0) + m;

  if (m <= PROBE_LENGTH) {
    for (const match of scanApproximate(text, from, to, exact, k, hintEnd)) {
      const alignment = alignAnchored(text, match.end, -1, exact, k, budget);
      if (alignment) consider(match.end - alignment.length, match.end, alignment.errors);
    }
  } else {
    // Head probe: find the quote's start, then align the whole quote forwards from it.
    const head = exact.slice(0, PROBE_LENGTH);
    const probeK = maxErrorsFor(PROBE_LENGTH);
    const heads: { start: number; errors: number }[] = [];
    for (const match of scanApproximate(text, from, to, head, probeK, (hint ?? 0) + PROBE_LENGTH)) {
      const headAlignment = alignAnchored(text, match.end, -1, head, probeK, budget);
      if (!headAlignment) continue;
      const start = match.end - headAlignment.length;
      heads.push({ start, errors: headAlignment.errors });
      const alignment = alignAnchored(text, start, 1, exact, k, budget);
      if (alignment) consider(start, start + alignment.length, alignment.errors);
    }
    const acceptable = () =>
      found.some((c) => fuzzyAcceptable(m, c.errors, contextSimilarity(text, c.start, c.end, quote)));
    if (!acceptable()) {
      // Tail probe: catches quotes whose head was edited beyond the probe's tolerance.
      const tail = exact.slice(m - PROBE_LENGTH);
      const tails: { end: number; errors: number }[] = [];
      for (const match of scanApproximate(text, from, to, tail, probeK, hintEnd)) {
        const tailAlignment = alignAnchored(text, match.end, -1, tail, probeK, budget);
        if (tailAlignment) tails.push({ end: match.end, errors: tailAlignment.errors });
        const alignment = alignAnchored(text, match.end, -1, exact, k, budget);
        if (alignment) consider(match.end - alignment.length, match.end, alignment.errors);
      }
      if (!acceptable()) {
        // A very long quote edited beyond what one verification may cost: accept a head and a
        // tail that both match and frame a passage of about the same length. The errors are then
        // estimated from the two ends and the change in length.
        const slack = Math.floor(m * MAX_ERROR_RATE);
        for (const h of heads) {
          for (const t of tails) {
            const length = t.end - h.start;
            if (length >= 2 * PROBE_LENGTH && Math.abs(length - m) <= slack) {
              consider(h.start, t.end, h.errors + t.errors + Math.abs(length - m));
            }
          }
        }
      }
    }
  }

  let best: { start: number; end: number; errors: number; context: number; score: number } | undefined;
  for (const candidate of found) {
    const context = contextSimilarity(text, candidate.start, candidate.end, quote);
    const score =
      0.6 * (1 - candidate.errors / m) + 0.3 * context + 0.1 * nearness(candidate.start, hint, text.length);
    if (!best || score > best.score) best = { ...candidate, context, score };
  }
  if (!best || !fuzzyAcceptable(m, best.errors, best.context)) return undefined;
  return {
    start: best.start,
    end: best.end,
    method: best.errors === 0 ? 'quote' : 'fuzzy',
    errors: best.errors,
  };
}
