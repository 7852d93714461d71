/**
 * The treaty matcher's lookup tables, computed from the names in data/treaty-aliases.json when that file is built
 * (scripts/dataset/treaty-aliases.ts), so the detector does no set-up work on a page load. Everything here is
 * plain JSON: arrays of pairs that the detector turns into Maps and Sets. A unit test checks that the committed
 * file's index equals buildTreatyIndex() of its names.
 */
import { STOPWORDS, nameKey, stem } from './treaty-text';

export interface TreatyIndexInput {
  words: string[];
  treaties: { key: string; names: string[]; exact: string[] }[];
}

export interface TreatyIndex {
  /**
   * Name keys (folded letters and digits, at least 3), sorted by UTF-16 code unit, each with the treaty it names
   * (the first treaty in data order that has a name with this key). The detector walks it as a trie.
   */
  names: [string, string][];
  /** How many words before the first treaty word a name can start. */
  maxBack: number;
  /** Longest stretch of text a name match may span. */
  maxRaw: number;
  /** One-word names of at least 10 letters ending in a treaty word ("landmijnenverdrag") → treaty. */
  compounds: [string, string][];
  /** Folded words of names that contain a treaty word ("wapenhandelsverdrag", "verdrag", "protocol"). */
  nameWords: string[];
  /** Treaty → treaty words its names start with ("Verdrag inzake …" → verdrag). */
  heads: [string, string[]][];
  /**
   * Stem of a content word of the names → treaties whose names contain it, in data order. (The detector derives
   * each treaty's vocabulary and each stem's document frequency from it.)
   */
  byStem: [string, string[]][];
  /** Leading capitals → exact forms starting with them ([text, treaty]), longest first. */
  exactByLead: [string, [string, string][]][];
  /** Letter-only acronyms (3–6 letters) → treaty, for names spelled out ("Non-Proliferation Treaty"). */
  acronymKey: [string, string][];
}

export function buildTreatyIndex(data: TreatyIndexInput): TreatyIndex {
  const words = data.words.map((w) => w.toLowerCase());
  const names = new Map<string, string>();
  let maxBack = 0;
  let maxRaw = 0;
  const compounds = new Map<string, string>();
  const nameWords = new Set<string>();
  const heads = new Map<string, Set<string>>();
  const byStem = new Map<string, string[]>();
  const exactByLead = new Map<string, { text: string; key: string }[]>();
  const acronymKey = new Map<string, string>();
  for (const t of data.treaties) {
    const v = new Set<string>();
    const h = new Set<string>();
    heads.set(t.key, h);
    for (const name of t.names) {
      const key = nameKey(name);
      if (key.length < 3) continue;
      if (!names.has(key)) names.set(key, t.key);
      maxRaw = Math.max(maxRaw, name.length);
      const parts = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      const firstKw = parts.findIndex((p) => words.some((w) => p.toLowerCase().includes(w)));
      if (firstKw > maxBack) maxBack = firstKw;
      const head = parts[0]?.toLowerCase() ?? '';
      for (const w of words) if (head.endsWith(w)) h.add(w);
      if (!/\s/.test(name) && key.length >= 10 && words.some((w) => key.endsWith(w))) {
        if (!compounds.has(key)) compounds.set(key, t.key);
      }
      for (const p of parts) {
        const lw = p.toLowerCase();
        if (words.some((w) => lw.includes(w))) nameWords.add(nameKey(lw));
        if (lw.length >= 4 && !STOPWORDS.has(lw) && !words.includes(lw)) v.add(stem(nameKey(lw)));
      }
    }
    for (const s of v) {
      const l = byStem.get(s) ?? [];
      l.push(t.key);
      byStem.set(s, l);
    }
    for (const ex of t.exact) {
      if (/^[A-Z]{3,6}$/.test(ex) && !acronymKey.has(ex)) acronymKey.set(ex, t.key);
      const lead = /^[A-Z]+/.exec(ex)?.[0];
      if (!lead) continue;
      const list = exactByLead.get(lead) ?? [];
      list.push({ text: ex, key: t.key });
      list.sort((a, b) => b.text.length - a.text.length);
      exactByLead.set(lead, list);
    }
  }
  const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    names: [...names].sort((a, b) => byCodeUnit(a[0], b[0])),
    maxBack,
    maxRaw: maxRaw * 2 + 16,
    compounds: [...compounds],
    nameWords: [...nameWords],
    heads: [...heads].map(([k, s]) => [k, [...s]]),
    byStem: [...byStem],
    exactByLead: [...exactByLead].map(([lead, list]) => [lead, list.map((e) => [e.text, e.key])]),
    acronymKey: [...acronymKey],
  };
}
