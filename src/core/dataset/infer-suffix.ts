/**
 * A Kamerstuk cited without its dossier suffix ("motie 36 600, nr. 46") while the data has that number
 * under several suffixes (36 600 V nr. 46, 36 600 XVII nr. 46, …): weigh what the words around the
 * citation say of each candidate. One is chosen only when the evidence clearly points to it. Pure.
 */
import type { ReferenceRecord, SuffixReason } from './types';

export interface SuffixEvidence {
  /** Page text around the citation (the sentence or footnote it stands in). */
  context?: string;
  /** The other ids cited on the page. */
  pageIds?: readonly string[];
}

export interface ScoredCandidate {
  record: ReferenceRecord;
  score: number;
  reasons: SuffixReason[];
}

/** Weights: a mover's name is strong evidence, a shared document type weak. */
const WEIGHT: Record<SuffixReason['kind'], number> = { name: 3, amended: 2, page: 2, subject: 1, type: 1 };
/** The best must score at least this, and this much more than the next. */
const MIN_SCORE = 3;
const MIN_MARGIN = 2;

const STOP_WORDS = new Set(
  'binnen tussen zonder tegen onder boven tijdens vanwege daarom waarin waarbij hierover kabinet regering motie motion nader gewijzigde verzoekt overwegende'.split(
    ' ',
  ),
);

/** Surnames of the movers in "Motie van het lid Boswijk c.s. over …", "van de leden Stoffer en Paternotte over …". */
export function moverNames(subject: string): string[] {
  const m = /\bvan (?:het lid|de leden) (.+?)(?: c\.s\.)? over\b/.exec(subject);
  if (!m) return [];
  return m[1]!
    .split(/,\s*|\s+en\s+/)
    .map((name) => name.trim().split(/\s+/).at(-1) ?? '')
    .filter((surname) => surname.length >= 3);
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}[\p{L}-]{5,}/gu) ?? []);
}

function hasWord(text: string, word: string): boolean {
  return new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(
    text,
  );
}

const TYPE_WORDS: [RegExp, RegExp][] = [
  [/\bmoties?\b/i, /^Motie/],
  [/\bamendement(en)?\b/i, /^Amendement/],
  [/\bbrief\b/i, /^Brief/],
  [/\bverslag\b/i, /^Verslag/],
];

/** What the text says for one candidate. */
export function scoreCandidate(record: ReferenceRecord, evidence: SuffixEvidence): ScoredCandidate {
  const context = evidence.context ?? '';
  const subject = record.title;
  const type = record.fields?.type ?? '';
  const reasons: SuffixReason[] = [];
  const names = moverNames(subject).filter((name) => hasWord(context, name));
  if (names.length) reasons.push({ kind: 'name', value: names.join(', ') });
  const amendedInText = /\bgewijzigde\b/i.exec(context)?.[0];
  if (amendedInText && /\bgewijzigde? motie\b/i.test(subject)) {
    const naderInText = /\bnader gewijzigde\b/i.test(context);
    const naderHere = /^nader gewijzigde\b/i.test(subject);
    if (naderInText === naderHere)
      reasons.push({ kind: 'amended', value: naderInText ? 'nader gewijzigde' : 'gewijzigde' });
  }
  for (const [inText, ofType] of TYPE_WORDS) {
    const m = inText.exec(context);
    if (m && ofType.test(type)) reasons.push({ kind: 'type', value: m[0].toLowerCase() });
  }
  const contextWords = words(context);
  const named = new Set(names.map((name) => name.toLowerCase()));
  const shared = [...words(subject)]
    .filter((w) => contextWords.has(w) && !STOP_WORDS.has(w) && !named.has(w))
    .slice(0, 3);
  for (const word of shared) reasons.push({ kind: 'subject', value: word });
  const dossierKey = record.id.replace(/-[^-]+$/, '');
  if (
    evidence.pageIds?.some((id) => id !== record.id && (id === dossierKey || id.startsWith(`${dossierKey}-`)))
  )
    reasons.push({ kind: 'page', value: dossierKey });
  const score = reasons.reduce((sum, r) => sum + WEIGHT[r.kind], 0);
  return { record, score, reasons };
}

/** Candidates best first (ties in id order), and the one the evidence points to, if any. */
export function inferSuffix(
  candidates: readonly ReferenceRecord[],
  evidence: SuffixEvidence,
): { ranked: ScoredCandidate[]; chosen?: ScoredCandidate } {
  const ranked = candidates
    .map((record) => scoreCandidate(record, evidence))
    .sort((a, b) => b.score - a.score || (a.record.id < b.record.id ? -1 : 1));
  const [best, next] = ranked;
  const clear = best && best.score >= MIN_SCORE && best.score - (next?.score ?? 0) >= MIN_MARGIN;
  return clear ? { ranked, chosen: best } : { ranked };
}
