/**
 * Treaties by name, from data/treaty-aliases.json (built from the reference data: a new treaty is a data change).
 *
 * - Names (titles, Dutch and English aliases): matched case-insensitively with a character trie that ignores
 *   spaces, hyphens, brackets and accents, starting at word starts near a treaty word ("verdrag", "protocol",
 *   "Convention" …) and ending at a word end. A "VN-"/"UN " prefix is added to the span ("VN- Vrouwenrechtenverdrag").
 * - Compounds ending in a one-word name: "Anti-Landmijnenverdrag" (…mijnenverdrag).
 * - Descriptions: "VN-Verdrag inzake het gebruik van conventionele wapens" is matched against the words of the
 *   titles; it must cover the description, include a rare word and beat every other treaty.
 * - Acronyms and other exact forms (EVRM, CEDAW, NPV, ATT, "GC I"): case-sensitive on word boundaries; "CEDAW-comité"
 *   is a committee, not the treaty. Acronyms of up to three letters need support: the treaty named in the text,
 *   a treaty word nearby, or an article reference ("art. 8 EVRM").
 */
import { ASCII_END, CAPITAL_N, CAPITAL_U, CAPITAL_V, HYPHEN_MINUS, NO_BREAK_SPACE, SPACE } from './chars';
import aliasData from '../../../data/treaty-aliases.json';
import { emit, type Sink } from './common';
import { execAfter, gate, isWordAt, isWordCode, wordStartBefore } from './text';
import { datedIndex, datedTreatyAt, type AdoptedTreaty, type DatedIndex } from './treaty-dated';
import type { TreatyIndex } from './treaty-index';
import { SEP, STOP, STOPWORDS, fold, isUpperCode, nameKey, stem } from './treaty-text';

interface AliasTreaty extends AdoptedTreaty {
  names: string[];
  exact: string[];
}

interface AliasFile {
  words: string[];
  treaties: AliasTreaty[];
  index: TreatyIndex;
}

export interface Matcher {
  /** Name keys, sorted by code unit, and the treaty each names: a trie walked by binary search (walk()). */
  nameKeys: string[];
  nameTreaty: string[];
  /** nameKeys[firstLo[c]..firstHi[c]) start with character c (c < ASCII_END). */
  firstLo: Int32Array;
  firstHi: Int32Array;
  /** The trie over nameKeys, grown as walks visit it (see child()). */
  root: TrieNode;
  maxBack: number;
  maxRaw: number;
  compounds: Map<string, string>;
  /** Folded words of names that contain a treaty word ("wapenhandelsverdrag", "verdrag", "protocol"). */
  nameWords: Set<string>;
  vocab: Map<string, Set<string>>;
  /** Treaty words that names of a treaty start with ("Verdrag inzake …" → verdrag). */
  heads: Map<string, Set<string>>;
  df: Map<string, number>;
  /** Stem → treaties whose names contain it. */
  byStem: Map<string, string[]>;
  exactByLead: Map<string, { text: string; key: string }[]>;
  /** Letter-only acronyms (3–6 letters) → treaty key, for names spelled out ("Non-Proliferation Treaty"). */
  acronymKey: Map<string, string>;
  /** Any treaty word, ASCII case-insensitive (each a run of ASCII letters). */
  wordRe: RegExp;
  /** Wu–Manber tables over the treaty words (case-insensitive for ASCII letters); wmMin: the shortest word. */
  wmMin: number;
  /** The window (see WM_WINDOW). */
  wmWindow: number;
  wmShift: Uint8Array;
  /**
   * Words (their indexes in wordSet) by the hash of the last block of their window (`wmHash`), in data order;
   * undefined where none.
   */
  wmBucket: (number[] | undefined)[];
  /** By the same hash, the characters before the last block of those words' windows (see wmMayEnd). */
  wmBefore: Uint32Array;
  /** A run of capitals that is the lead of an exact form, on a word boundary (see leadPattern). */
  acronymLeads: string;
  nearbyRe: RegExp;
  wordSet: string[];
  /** Treaties by the date of their adoption (treaty-dated.ts). */
  dated: DatedIndex;
}

let matcher: Matcher | undefined;

const WM_MASK = 0x3ff;
/**
 * The Wu–Manber window, at most one character longer than the shortest word. A scan step moves at most
 * window - 1 characters, so a longer window means fewer steps; words shorter than it ("treaty") are padded on the
 * left with "any character", which costs far less than shortening the window for every word. (Padding by one
 * keeps the hits in text order: a padded word is found at the end of its window, the others at its start.)
 */
const WM_WINDOW = 7;

/**
 * Two characters as a 10-bit block hash, their low five bits each: an ASCII letter in either case gives its
 * place in the alphabet. The halves are separate, so a block of the padding ("any character", then a letter) is
 * the 32 values `c & 31` takes.
 */
function wmHash(a: number, b: number): number {
  return ((a & 31) << 5) | (b & 31);
}

/**
 * Whether a word's window can end at `i`, where the shift is 0 (block hash `h`): the character before the block
 * must be the one before the last block of some word in bucket h (wmBefore[h] has a bit for each, by its low
 * five bits, the same in either case). Most zero shifts are a common pair ("er", "an", "te") ending the window of
 * one word or another; this test turns away ~80% of them (on the dev corpus) before wmVerify is called.
 */
function wmMayEnd(m: Matcher, text: string, i: number, h: number): boolean {
  return ((m.wmBefore[h]! >>> (text.charCodeAt(i - 2) & 31)) & 1) === 1;
}

/** A word whose window ends at `i` (block hash `h`): pushed to `out` as [position, index in wordSet]. */
function wmVerify(m: Matcher, text: string, i: number, h: number, out: number[]): void {
  const bucket = m.wmBucket[h];
  if (bucket === undefined) return;
  for (let j = 0; j < bucket.length; j++) {
    const w = m.wordSet[bucket[j]!]!;
    // The window holds the first characters of a word, or all of a shorter one at its end.
    const st = i + 1 - (w.length < m.wmWindow ? w.length : m.wmWindow);
    let k = 0;
    while (k < w.length && (text.charCodeAt(st + k) | 32) === w.charCodeAt(k)) k++;
    if (k === w.length) {
      out.push(st, bucket[j]!);
      return;
    }
  }
}

/** Windows ending at `from` up to `to` (exclusive), one Wu–Manber step at a time. */
function wmScan(m: Matcher, text: string, from: number, to: number, out: number[]): void {
  const shift = m.wmShift;
  let i = from;
  while (i < to) {
    const h = ((text.charCodeAt(i - 1) & 31) << 5) | (text.charCodeAt(i) & 31);
    const s = shift[h]!;
    if (s !== 0) {
      i += s;
      continue;
    }
    if (wmMayEnd(m, text, i, h)) wmVerify(m, text, i, h, out);
    i++;
  }
}

/**
 * Positions where a treaty word starts (any ASCII case), in text order, as [position, index in wordSet] pairs:
 * Wu–Manber with 2-character blocks (hash inlined from wmHash).
 *
 * Each step waits on the table load of the step before, so the two halves of the text are scanned in one loop:
 * two independent chains of loads overlap, and the pair takes little more time than one. The first half takes
 * the windows that end before `mid`, the second the rest, so every window is seen once.
 */
export function treatyWordHits(m: Matcher, text: string): number[] {
  const L = text.length;
  const shift = m.wmShift;
  const first: number[] = [];
  const second: number[] = [];
  let i = m.wmMin - 1;
  const mid = Math.max(i, L >> 1);
  let j = mid;
  while (i < mid && j < L) {
    const hi = ((text.charCodeAt(i - 1) & 31) << 5) | (text.charCodeAt(i) & 31);
    const hj = ((text.charCodeAt(j - 1) & 31) << 5) | (text.charCodeAt(j) & 31);
    const si = shift[hi]!;
    const sj = shift[hj]!;
    if (si !== 0) i += si;
    else if (wmMayEnd(m, text, i, hi)) wmVerify(m, text, i++, hi, first);
    else i++;
    if (sj !== 0) j += sj;
    else if (wmMayEnd(m, text, j, hj)) wmVerify(m, text, j++, hj, second);
    else j++;
  }
  wmScan(m, text, i, mid, first);
  wmScan(m, text, j, L, second);
  for (let k = 0; k < second.length; k++) first.push(second[k]!);
  return first;
}

/**
 * The same hits by a regular expression (`verdrag|protocol|…`, case-insensitive), minus hits inside an earlier hit
 * (findTreatyNames skips those anyway: every hit moves on to the end of its word). Native code from the first
 * call, where the Wu–Manber loop is fast only once the JIT has optimized it.
 */
export function treatyWordHitsByRegex(m: Matcher, text: string): number[] {
  const out: number[] = [];
  const re = m.wordRe;
  re.lastIndex = 0;
  let hit: RegExpExecArray | null;
  while ((hit = re.exec(text))) out.push(hit.index, m.wordSet.indexOf(hit[0].toLowerCase()));
  return out;
}

/**
 * Texts up to this length are scanned for treaty words by treatyWordHitsByRegex: the content script detects in
 * chunks of 20k characters in a fresh context on every page load, where a JavaScript loop runs unoptimized.
 */
export const WORD_REGEX_MAX = 1 << 16;

/**
 * `\b[A-Z]{2,}` restricted to the runs that lead an exact form: the same hits as scanning every capital run and
 * looking it up, without visiting the thousands of other capital runs a page has. A pattern that never matches
 * when there are none.
 */
function leadPattern(leads: string[]): string {
  const runs = leads.filter((l) => /^[A-Z]{2,}$/.test(l)).sort((a, b) => b.length - a.length);
  return runs.length ? `\\b(?:${runs.join('|')})(?![A-Z])` : '[^\\s\\S]';
}

/** The lookup tables come precomputed in data/treaty-aliases.json (treaty-index.ts); this only wraps them. */
function build(): Matcher {
  const data = aliasData as unknown as AliasFile;
  const ix = data.index;
  const words = data.words.map((w) => w.toLowerCase());
  const vocab = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  for (const [st, keys] of ix.byStem) {
    df.set(st, keys.length);
    for (const k of keys) {
      let v = vocab.get(k);
      if (!v) vocab.set(k, (v = new Set()));
      v.add(st);
    }
  }
  const wmMin = Math.min(...words.map((w) => w.length));
  const wmWindow = Math.min(WM_WINDOW, wmMin + 1);
  const wmShift = new Uint8Array(WM_MASK + 1).fill(wmWindow - 1);
  const wmBucket: (number[] | undefined)[] = new Array<number[] | undefined>(WM_MASK + 1).fill(undefined);
  const wmBefore = new Uint32Array(WM_MASK + 1);
  // The window's characters, a short word padded on the left with ANY: every value a hash half can take.
  const ANY = Array.from({ length: 32 }, (_, k) => k);
  const W = wmWindow;
  words.forEach((w, wordIndex) => {
    const win: number[][] = [];
    for (let k = w.length; k < W; k++) win.push(ANY);
    for (let k = 0; win.length < W; k++) win.push([w.charCodeAt(k)]);
    for (let j = 1; j < W; j++) {
      for (const a of win[j - 1]!) {
        for (const b of win[j]!) {
          const h = wmHash(a, b);
          wmShift[h] = Math.min(wmShift[h]!, W - 1 - j);
        }
      }
    }
    // Words end their window (or fill it), so the last block is two real characters; so is the one before it
    // (the window pads at most one character, WM_WINDOW).
    const h = wmHash(win[W - 2]![0]!, win[W - 1]![0]!);
    (wmBucket[h] ??= []).push(wordIndex);
    wmBefore[h]! |= 1 << (win[W - 3]![0]! & 31);
  });
  const nameKeys = ix.names.map((n) => n[0]);
  const firstLo = new Int32Array(ASCII_END);
  const firstHi = new Int32Array(ASCII_END);
  for (let k = nameKeys.length - 1; k >= 0; k--) {
    const c = nameKeys[k]!.charCodeAt(0);
    if (c >= ASCII_END) continue;
    if (firstHi[c] === 0) firstHi[c] = k + 1;
    firstLo[c] = k;
  }
  return {
    nameKeys,
    nameTreaty: ix.names.map((n) => n[1]),
    firstLo,
    firstHi,
    root: {
      lo: 0,
      hi: nameKeys.length,
      depth: 0,
      term: undefined,
      kids: new Map(),
      ascii: asciiKids(0),
      lastChar: -1,
      last: null,
    },
    maxBack: ix.maxBack,
    maxRaw: ix.maxRaw,
    compounds: new Map(ix.compounds),
    nameWords: new Set(ix.nameWords),
    vocab,
    heads: new Map(ix.heads.map(([k, v]) => [k, new Set(v)])),
    df,
    byStem: new Map(ix.byStem),
    exactByLead: new Map(
      ix.exactByLead.map(([lead, list]) => [lead, list.map(([text, key]) => ({ text, key }))]),
    ),
    acronymKey: new Map(ix.acronymKey),
    wmMin,
    wmWindow,
    wmShift,
    wmBucket,
    wmBefore,
    acronymLeads: leadPattern(ix.exactByLead.map((e) => e[0])),
    wordRe: new RegExp(words.join('|'), 'gi'),
    nearbyRe: new RegExp(words.join('|'), 'i'),
    wordSet: words,
    dated: datedIndex(data.treaties, words),
  };
}

export function getMatcher(): Matcher {
  return (matcher ??= build());
}

/**
 * A trie node: the names nameKeys[lo..hi) start with the `depth` characters on the path to it (the shortest, when
 * it has exactly `depth` characters, comes first; it is `term`'s name).
 */
interface TrieNode {
  lo: number;
  hi: number;
  depth: number;
  term: string | undefined;
  /** Children looked up so far, by folded character; null where no name continues with it. */
  kids: Map<number, TrieNode | null>;
  /**
   * Near the root, the same for ASCII characters in an array (undefined: not yet looked up): walks start at the
   * root on any word, where the one-child shortcut of deeper nodes rarely helps.
   */
  ascii: (TrieNode | null | undefined)[] | undefined;
  /** The last child looked up and its character: deeper in a name a node has one child, found without the map. */
  lastChar: number;
  last: TrieNode | null;
}

/** Nodes at depth 0 and 1 keep their ASCII children in an array. */
function asciiKids(depth: number): (TrieNode | null | undefined)[] | undefined {
  return depth <= 1 ? new Array<TrieNode | null | undefined>(ASCII_END).fill(undefined) : undefined;
}

/**
 * The child of `node` for folded character `f`, or undefined. Found by narrowing the node's range of names (a
 * table for the first character), then kept, so a name read again is one map lookup per character; so is a
 * character no name continues with (most walks end on one, after a word that starts no name).
 */
function child(m: Matcher, node: TrieNode, f: number): TrieNode | undefined {
  if (node.lastChar === f) return node.last ?? undefined;
  if (node.ascii !== undefined && f < ASCII_END) {
    const kid = node.ascii[f];
    if (kid !== undefined) return kid ?? undefined;
    return (node.ascii[f] = newChild(m, node, f)) ?? undefined;
  }
  const known = node.kids.get(f);
  if (known !== undefined) {
    node.lastChar = f;
    node.last = known;
    return known ?? undefined;
  }
  const kid = newChild(m, node, f);
  node.kids.set(f, kid);
  return kid ?? undefined;
}

/** The child of `node` for folded character `f` made from the names (null when no name continues with f). */
function newChild(m: Matcher, node: TrieNode, f: number): TrieNode | null {
  const keys = m.nameKeys;
  const depth = node.depth;
  let a: number;
  let b: number;
  if (depth === 0 && f < ASCII_END) {
    a = m.firstLo[f]!;
    b = m.firstHi[f]!;
  } else {
    a = keys[node.lo]!.length === depth ? node.lo + 1 : node.lo;
    while (a < node.hi && keys[a]!.charCodeAt(depth) < f) a++;
    b = a;
    while (b < node.hi && keys[b]!.charCodeAt(depth) === f) b++;
  }
  if (a === b) return null;
  return {
    lo: a,
    hi: b,
    depth: depth + 1,
    term: keys[a]!.length === depth + 1 ? m.nameTreaty[a] : undefined,
    kids: new Map(),
    ascii: asciiKids(depth + 1),
    lastChar: -1,
    last: null,
  };
}

/** Longest name starting at `start` (a word start) and ending at a word end: [end, treaty key], or undefined. */
function walk(m: Matcher, text: string, start: number): [number, string] | undefined {
  let node = m.root;
  let bestEnd = -1;
  let best: string | undefined;
  const limit = Math.min(text.length, start + m.maxRaw);
  let i = start;
  while (i < limit) {
    const f = fold(text.charCodeAt(i));
    if (f === SEP) {
      i++;
      continue;
    }
    if (f === STOP) break;
    const next = child(m, node, f);
    if (next === undefined) break;
    node = next;
    i++;
    if (node.term !== undefined && !isWordAt(text, i)) {
      bestEnd = i;
      best = node.term;
    }
  }
  return best === undefined ? undefined : [bestEnd, best];
}

/** The start of the word (letters and digits) that ends at `i`. */
function wordStart(text: string, i: number): number {
  return wordStartBefore(text, i, i, false);
}

function wordEnd(text: string, i: number): number {
  let e = i;
  while (e < text.length && isWordAt(text, e)) e++;
  return e;
}

/**
 * Word starts before `pos` (nearest first), at most `out.length`, not crossing sentence punctuation: written to
 * `out` (one buffer for every treaty word), their number returned.
 */
function previousWordStarts(text: string, pos: number, out: Int32Array): number {
  let count = 0;
  let i = pos;
  const min = Math.max(0, pos - 200);
  while (count < out.length && i > min) {
    let j = i;
    while (j > min && !isWordAt(text, j - 1)) {
      const f = fold(text.charCodeAt(j - 1));
      if (f === STOP) return count;
      j--;
    }
    if (j <= min) break;
    const s = wordStart(text, j);
    out[count++] = s;
    i = s;
  }
  return count;
}

/**
 * `start` moved back over a "VN"/"UN" prefix before it ("VN-", "VN- ", "VN ", with a non-breaking space too), when
 * the prefix starts a word. Read character by character: it runs for every treaty found.
 */
function withPrefix(text: string, start: number): number {
  let i = start;
  const c = text.charCodeAt(i - 1);
  if (c === SPACE || c === NO_BREAK_SPACE) {
    i--;
    if (text.charCodeAt(i - 1) === HYPHEN_MINUS) i--;
  } else if (c === HYPHEN_MINUS) {
    i--;
  } else {
    return start;
  }
  const v = text.charCodeAt(i - 2);
  if (text.charCodeAt(i - 1) !== CAPITAL_N || (v !== CAPITAL_V && v !== CAPITAL_U)) return start;
  return isWordAt(text, i - 3) ? start : i - 2;
}

const DESC_LEAD_RE = gate(
  /^[ \u00a0]+(?:inzake|betreffende|tegen|tot|ter|voor|over|van de|van het|on|against|for|relating to|concerning)[ \u00a0]/i,
  (text, pos) => {
    const c = text.charCodeAt(pos);
    return c === SPACE || c === NO_BREAK_SPACE;
  },
  { after: 16 },
);

/** How well a treaty's title words cover a description (describe()). */
interface Score {
  key: string;
  score: number;
  hits: number;
  rare: boolean;
}

/** "Verdrag inzake biologische en ziekteverwekkende wapens" → bwc, by the words of the titles. */
function describe(m: Matcher, text: string, anchor: string, kwEnd: number): [number, string] | undefined {
  const lead = execAfter(DESC_LEAD_RE, text, kwEnd);
  if (!lead) return undefined;
  let i = kwEnd + lead[0].length;
  const seen: { stem: string; end: number }[] = [];
  const limit = Math.min(text.length, i + 160);
  let words = 0;
  while (i < limit && words < 16) {
    const c = text.charCodeAt(i);
    if (isWordCode(c)) {
      const e = wordEnd(text, i);
      const w = text.slice(i, e).toLowerCase();
      if (m.wordSet.includes(w)) break; // the next treaty name begins
      words++;
      if (w.length >= 4 && !STOPWORDS.has(w)) seen.push({ stem: stem(nameKey(w)), end: e });
      i = e;
    } else if (c === SPACE || c === NO_BREAK_SPACE || c === HYPHEN_MINUS) {
      i++;
    } else {
      break;
    }
  }
  let best: [number, string] | undefined;
  const stems: string[] = [];
  for (let len = seen.length; len >= 2 && !best; len--) {
    // The distinct stems of the first `len` words, in order (a description has at most 16 words).
    stems.length = 0;
    for (let k = 0; k < len; k++) if (!stems.includes(seen[k]!.stem)) stems.push(seen[k]!.stem);
    const scores = new Map<string, Score>();
    for (let k = 0; k < stems.length; k++) {
      const st = stems[k]!;
      const d = m.df.get(st) ?? 1;
      const keys = m.byStem.get(st);
      if (!keys) continue;
      for (let q = 0; q < keys.length; q++) {
        const key = keys[q]!;
        if (!m.heads.get(key)!.has(anchor)) continue;
        let e = scores.get(key);
        if (!e) scores.set(key, (e = { key, score: 0, hits: 0, rare: false }));
        e.score += 1 / d;
        e.hits++;
        if (d <= 3) e.rare = true;
      }
    }
    let top: Score | undefined;
    let secondScore = 0;
    let secondHits = 0;
    for (const e of scores.values()) {
      if (!top || e.score > top.score) {
        if (top) {
          secondScore = top.score;
          secondHits = top.hits;
        }
        top = e;
      } else if (e.score > secondScore) {
        secondScore = e.score;
        secondHits = e.hits;
      }
    }
    const lastMatched = top !== undefined && m.vocab.get(top.key)!.has(seen[len - 1]!.stem);
    if (
      top &&
      lastMatched &&
      top.hits >= 2 &&
      top.hits * 3 >= stems.length * 2 &&
      top.rare &&
      top.hits > secondHits &&
      top.score >= secondScore * 1.5 - 1e-9
    ) {
      best = [seen[len - 1]!.end, top.key];
    }
  }
  return best;
}

/** Lower-case words inside a title-case name ("Convention against Torture"). */
const SMALL_WORDS = new Set(['of', 'on', 'the', 'against', 'and', 'for', 'to', 'in']);

/**
 * A name spelled out in title case whose initials are a treaty's acronym: "Non-Proliferation Treaty" (NPT),
 * "Chemical Weapons Convention" (CWC), "Convention against Torture" (CAT). Returns [start, end, key].
 */
function expandedAcronym(
  m: Matcher,
  text: string,
  ws: number,
  we: number,
): [number, number, string] | undefined {
  const kwInitial = text[ws]!;
  // Words before the treaty word: "Non-Proliferation Treaty".
  let initials = '';
  let start = ws;
  let i = ws;
  for (let n = 0; n < 6; n++) {
    let j = i;
    while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\u00a0' || text[j - 1] === '-')) j--;
    if (j === i || j === 0 || !isWordAt(text, j - 1)) break;
    const s = wordStart(text, j);
    if (!isUpperCode(text.charCodeAt(s))) break;
    initials = text[s]! + initials;
    start = s;
    i = s;
    const key = m.acronymKey.get(initials + kwInitial);
    if (key && initials.length >= 2) return [start, we, key];
  }
  // Words after it: "Convention against Torture".
  let after = kwInitial;
  let allCaps = kwInitial;
  i = we;
  for (let n = 0; n < 6; n++) {
    let j = i;
    while (j < text.length && (text[j] === ' ' || text[j] === '\u00a0')) j++;
    if (j === i || !isWordAt(text, j)) break;
    const e = wordEnd(text, j);
    const w = text.slice(j, e);
    const small = SMALL_WORDS.has(w);
    if (!small && !/^\p{Lu}/u.test(w)) break;
    after += w[0]!.toUpperCase();
    if (!small) allCaps += w[0]!;
    i = e;
    if (!small) {
      const key = m.acronymKey.get(after) ?? m.acronymKey.get(allCaps);
      if (key && n >= 1) return [ws, e, key];
    }
  }
  return undefined;
}

function endsWithWord(m: Matcher, w: string): boolean {
  for (const k of m.wordSet) if (w.endsWith(k)) return true;
  return false;
}

/** Names, compounds and descriptions. Returns the treaty keys named in the text (support for acronyms). */
export function findTreatyNames(text: string, sink: Sink): Set<string> {
  const m = getMatcher();
  const keys = new Set<string>();
  let lastEnd = 0;
  const before = new Int32Array(m.maxBack);
  const hits = text.length <= WORD_REGEX_MAX ? treatyWordHitsByRegex(m, text) : treatyWordHits(m, text);
  for (let h = 0; h < hits.length; h += 2) {
    const kwPos = hits[h]!;
    if (kwPos < lastEnd) continue;
    const hitWord = m.wordSet[hits[h + 1]!]!;
    const hitLen = hitWord.length;
    const ws = wordStart(text, kwPos);
    const we = wordEnd(text, kwPos + hitLen);
    // "verdragspartijen", "overeenkomsten": a word no name contains and no compound name ends with.
    if (we - ws !== hitLen) {
      const w = nameKey(text.slice(ws, we));
      if (!m.nameWords.has(w) && !endsWithWord(m, w)) {
        lastEnd = we;
        continue;
      }
    }
    // "het Verdrag van Wenen van 23 mei 1969": named by the place and date of its adoption.
    const dated = we - ws === hitLen ? datedTreatyAt(m.dated, text, hitWord, we) : undefined;
    if (dated) {
      emit(sink, 'treaty', `treaty-${dated[1]}`, ws, dated[0]);
      keys.add(dated[1]);
      lastEnd = dated[0];
      continue;
    }
    // Names starting at this word or at one of the words before it; the longest wins.
    const nBefore = previousWordStarts(text, ws, before);
    let best: [number, number, string] | undefined;
    for (let k = -1; k < nBefore; k++) {
      const s = k < 0 ? ws : before[k]!;
      if (isWordAt(text, s - 1)) continue;
      const r = walk(m, text, s);
      if (r && r[0] > kwPos && (!best || r[0] - s > best[1] - best[0])) best = [s, r[0], r[1]];
    }
    if (!best) {
      // Compound ending in a one-word name: "Anti-Landmijnenverdrag".
      let cs = ws;
      while (cs > 1 && text.charCodeAt(cs - 1) === HYPHEN_MINUS && isWordAt(text, cs - 2))
        cs = wordStart(text, cs - 1);
      // A compound name has at least ten letters after a part of three: no key to make for a shorter word.
      if (we - cs >= 13) {
        const key = nameKey(text.slice(cs, we));
        for (let k = 3; k <= key.length - 10; k++) {
          const t = m.compounds.get(key.slice(k));
          if (t) {
            best = [cs, we, t];
            break;
          }
        }
      }
    }
    if (!best) {
      // The bare treaty word: a description after it, or a title-case name around it.
      const anchor = we - ws === hitLen ? hitWord : text.slice(ws, we).toLowerCase();
      if (anchor === hitWord || m.wordSet.includes(anchor)) {
        const d = describe(m, text, anchor, we);
        if (d) best = [ws, d[0], d[1]];
        else if (isUpperCode(text.charCodeAt(ws))) best = expandedAcronym(m, text, ws, we);
      }
    }
    if (best) {
      const start = withPrefix(text, best[0]);
      emit(sink, 'treaty', `treaty-${best[2]}`, start, best[1]);
      keys.add(best[2]);
      lastEnd = best[1];
    } else {
      lastEnd = we;
    }
  }
  return keys;
}

const ARTICLE_BEFORE_RE =
  /(?:art\.|artikel|artikelen|article|Art\.|Artikel|Article)[\s\u00a0]*\d+[a-z]?(?:[\s\u00a0]*(?:lid|para\.?)[\s\u00a0]*\d+)?[\s\u00a0,]*$/;

/**
 * The pattern of the capitals treatyAcronymAt reads from (a global regex of it finds every acronym and exact form,
 * and no run of capitals that leads none).
 */
export function acronymLeadPattern(): string {
  return getMatcher().acronymLeads;
}

/**
 * The acronym or exact form led by the capitals `lead` at `p` (EVRM, CEDAW, "GC I"), if the text supports it.
 * `named` holds treaty keys already named in the text; a short acronym left out for want of support adds its key to
 * `unsupported`. Returns the end of the citation emitted, or -1.
 */
export function treatyAcronymAt(
  text: string,
  p: number,
  lead: string,
  sink: Sink,
  named: Set<string>,
  unsupported: Set<string>,
): number {
  const m = getMatcher();
  const cands = m.exactByLead.get(lead);
  if (!cands || isWordAt(text, p - 1)) return -1;
  for (const cand of cands) {
    if (!text.startsWith(cand.text, p)) continue;
    let end = p + cand.text.length;
    if (isWordAt(text, end)) continue;
    let start = p;
    // Glued to a compound: "CEDAW-comité" names the committee; "CCW-verdrag" is the treaty.
    if (text.charCodeAt(end) === HYPHEN_MINUS && isWordAt(text, end + 1)) {
      const tailEnd = wordEnd(text, end + 1);
      const tail = text.slice(end + 1, tailEnd).toLowerCase();
      if (!m.wordSet.includes(tail)) return -1;
      end = tailEnd;
    }
    if (text.charCodeAt(p - 1) === HYPHEN_MINUS && isWordAt(text, p - 2)) {
      const s = withPrefix(text, p);
      if (s === p) return -1;
      start = s;
    }
    const letters = cand.text.replace(/[^A-Z]/g, '').length;
    if (letters <= 3 && !named.has(cand.key)) {
      const near = text.slice(Math.max(0, p - 200), Math.min(text.length, end + 200));
      const before = text.slice(Math.max(0, p - 30), p);
      if (!m.nearbyRe.test(near) && !ARTICLE_BEFORE_RE.test(before)) {
        unsupported.add(cand.key);
        return -1;
      }
    }
    emit(sink, 'treaty', `treaty-${cand.key}`, start, end);
    return end;
  }
  return -1;
}
