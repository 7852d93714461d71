/** Build records with a fixed property order, so the serialized dataset is byte-stable. */
import type { CitationKind } from '../../src/core/citation';
import type { ReferenceRecord, Verification } from '../../src/core/dataset/types';

const RANK: Record<Verification, number> = { verified: 2, derived: 1, unverified: 0 };

export function weakest(...vs: Verification[]): Verification {
  return vs.reduce((a, b) => (RANK[b] < RANK[a] ? b : a), 'verified');
}

export interface RecordInput {
  id: string;
  kind: CitationKind;
  title: string;
  titleEn?: string | undefined;
  date?: string | undefined;
  summary?: string | undefined;
  verification: Verification;
  /** Verification per fact; only facts weaker than `verification` (and actually present) are kept. */
  facts?: Record<string, Verification | undefined>;
  fields?: Record<string, string | undefined>;
}

export function makeRecord(input: RecordInput): ReferenceRecord {
  const r: ReferenceRecord = {
    id: input.id,
    kind: input.kind,
    title: input.title,
    verification: input.verification,
  };
  // Property order: id, kind, title, titleEn, date, summary, verification, factVerification, fields.
  const out: Record<string, unknown> = { id: r.id, kind: r.kind, title: r.title };
  if (input.titleEn) out.titleEn = input.titleEn;
  if (input.date) out.date = input.date;
  if (input.summary) out.summary = input.summary;
  out.verification = input.verification;
  const fields: Record<string, string> = {};
  for (const k of Object.keys(input.fields ?? {}).sort()) {
    const v = input.fields![k];
    if (v !== undefined && v !== '') fields[k] = v;
  }
  const present = (k: string) =>
    k === 'titleEn' || k === 'date' || k === 'summary' ? Boolean(out[k]) : k in fields;
  const fv: Record<string, Verification> = {};
  for (const k of Object.keys(input.facts ?? {}).sort()) {
    const v = input.facts![k];
    if (v && RANK[v] < RANK[input.verification] && present(k)) fv[k] = v;
  }
  if (Object.keys(fv).length) out.factVerification = fv;
  if (Object.keys(fields).length) out.fields = fields;
  return out as unknown as ReferenceRecord;
}

/** Compare ids so that numbers sort as numbers: unsc-9 < unsc-10, kst-2150 < kst-21501. */
export function compareIds(a: string, b: string): number {
  const ca = a.match(/\d+|\D+/g) ?? [];
  const cb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return ca.length - cb.length;
}
