/**
 * Turn an id into what the tooltip, popup and `lookup` CLI show: the record's facts when the dataset
 * knows the id (directly, or a Kamerstuk document through its dossier), otherwise a description parsed
 * from the id alone — always with source links. Pure: records come from the caller.
 */
import { celexFor, linksFor, type LinkHints } from '../links';
import {
  formatDossierNumber,
  formatSessionYear,
  kamerstukReading,
  parseId,
  type EcliId,
  type EuActId,
  type KamerstukId,
  type ParsedId,
} from '../ids';
import { suffixCandidates, suffixIndexKey } from './documents';
import { inferSuffix, type SuffixEvidence } from './infer-suffix';
import type { DocumentMethod, LookupResult, ReferenceRecord, SuffixInference } from './types';

export type RecordsByKey = (key: string) => ReferenceRecord | undefined;

export interface DescribeHints extends SuffixEvidence {
  /** Year given in the text after a resolution number: completes undocs.org links for unknown resolutions. */
  resolutionYear?: number;
}

/** Language of a record's title: UN data is English, Dutch sources Dutch. */
function titleLanguage(kind: ParsedId['kind']): 'nl' | 'en' {
  return kind === 'unsc' || kind === 'unga' || kind === 'eu-act' ? 'en' : 'nl';
}

const NL_COURTS: Record<string, string> = {
  HR: 'Hoge Raad',
  PHR: 'Parket bij de Hoge Raad',
  RVS: 'Raad van State',
  CRVB: 'Centrale Raad van Beroep',
  CBB: 'College van Beroep voor het bedrijfsleven',
  GHAMS: 'Gerechtshof Amsterdam',
  GHARL: 'Gerechtshof Arnhem-Leeuwarden',
  GHDHA: 'Gerechtshof Den Haag',
  GHSHE: "Gerechtshof 's-Hertogenbosch",
  GHSGR: "Gerechtshof 's-Gravenhage",
  RBAMS: 'Rechtbank Amsterdam',
  RBDHA: 'Rechtbank Den Haag',
  RBGEL: 'Rechtbank Gelderland',
  RBLIM: 'Rechtbank Limburg',
  RBMNE: 'Rechtbank Midden-Nederland',
  RBNHO: 'Rechtbank Noord-Holland',
  RBNNE: 'Rechtbank Noord-Nederland',
  RBOBR: 'Rechtbank Oost-Brabant',
  RBOVE: 'Rechtbank Overijssel',
  RBROT: 'Rechtbank Rotterdam',
  RBZWB: 'Rechtbank Zeeland-West-Brabant',
  RBSGR: "Rechtbank 's-Gravenhage",
  OGEAA: 'Gerecht in eerste aanleg van Aruba',
  OGEAC: 'Gerecht in eerste aanleg van Curaçao',
  OGEAM: 'Gerecht in eerste aanleg van Sint Maarten',
  OGEABES: 'Gerecht in eerste aanleg van Bonaire, Sint Eustatius en Saba',
  OGHACMB:
    'Gemeenschappelijk Hof van Justitie van Aruba, Curaçao, Sint Maarten en van Bonaire, Sint Eustatius en Saba',
};

const EU_COURTS: Record<string, string> = {
  C: 'Court of Justice of the European Union',
  T: 'General Court of the European Union',
  F: 'European Union Civil Service Tribunal',
};

function courtName(p: EcliId): string {
  if (p.country === 'NL') return NL_COURTS[p.court] ?? `court ${p.court} (Netherlands)`;
  if (p.country === 'EU') return EU_COURTS[p.court] ?? `court ${p.court} (European Union)`;
  if (p.country === 'CE' && p.court === 'ECHR') return 'European Court of Human Rights';
  return `court ${p.court} (${p.country})`;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function euActLabel(p: EuActId): string {
  if (p.type === 'dir') return `Directive ${p.year}/${p.number}${p.year >= 2010 ? '/EU' : ''}`;
  if (p.type === 'dec') return `Decision ${p.year}/${p.number}`;
  return p.year >= 2015 ? `Regulation (EU) ${p.year}/${p.number}` : `Regulation No ${p.number}/${p.year}`;
}

const CHAMBER_NAME = { I: 'Eerste Kamer', II: 'Tweede Kamer' } as const;

function dossierWords(dossier: string, suffix: string | undefined): string {
  const n = formatDossierNumber(dossier);
  if (!suffix) return n;
  return /^\d/.test(suffix) ? `${n}-${suffix}` : `${n} ${suffix}`;
}

/** The citation in words, from the id alone. */
export function citationLabel(p: ParsedId, year?: number): string {
  switch (p.kind) {
    case 'unsc':
      return `Security Council resolution ${p.number}${year ? ` (${year})` : ''}`;
    case 'unga':
      return `General Assembly resolution ${p.session}/${p.number}`;
    case 'treaty':
      return p.bwbId ? `Treaty ${p.bwbId}` : `Treaty "${p.key}"`;
    case 'kamerstuk':
      return p.document
        ? `Kamerstuk ${dossierWords(p.dossier, p.suffix)}, nr. ${p.document}`
        : `Kamerstukdossier ${dossierWords(p.dossier, p.suffix)}`;
    case 'handelingen':
      return `Handelingen ${p.chamber === 'tk' ? 'II' : 'I'} ${formatSessionYear(p.sessionYear)}, nr. ${p.meeting}${
        p.item ? `, item ${p.item}` : ''
      }`;
    case 'aanhangsel':
      return `Aanhangsel Handelingen ${p.chamber === 'tk' ? 'II' : 'I'} ${formatSessionYear(p.sessionYear)}, nr. ${p.number}`;
    case 'staatsblad':
      return `Staatsblad ${p.year}, ${p.number}`;
    case 'staatscourant':
      return `Staatscourant ${p.year}, ${p.number}`;
    case 'tractatenblad':
      return `Tractatenblad ${p.year}, ${p.number}`;
    case 'ecli':
      return p.id;
    case 'tk-zaak':
      return `Zaak ${p.id}`;
    case 'tk-document':
      return `Document ${p.id}`;
    case 'eu-act':
      return euActLabel(p);
  }
}

/** What can be said of an id without data: "Kamerstuk 31 145, nr. AA — Eerste Kamer". */
function parsedTitle(p: ParsedId, label: string): string {
  switch (p.kind) {
    case 'unga':
      return `${label} — ${ordinal(p.session)} session (${1945 + p.session}–${1946 + p.session})`;
    case 'kamerstuk':
      return p.chamber ? `${label} — ${CHAMBER_NAME[p.chamber]}` : label;
    case 'handelingen':
    case 'aanhangsel':
      return `${label} — ${p.chamber === 'tk' ? 'Tweede Kamer' : 'Eerste Kamer'}`;
    case 'ecli':
      return `${label} — ${courtName(p)}`;
    case 'tk-zaak':
    case 'tk-document':
      return `${label} — Tweede Kamer`;
    case 'treaty':
      return p.bwbId ? `${label} (Dutch treaty register)` : label;
    default:
      return label;
  }
}

function fromRecord(
  p: ParsedId,
  record: ReferenceRecord,
  label: string,
  title: string,
  hints: LinkHints,
  linkRecord: ReferenceRecord | undefined = record,
): LookupResult {
  const out: LookupResult = {
    id: p.id,
    kind: p.kind,
    known: true,
    label,
    title,
    confidence: record.verification,
    scope: 'item',
    titleLang: titleLanguage(p.kind),
    links: linksFor(p, linkRecord, hints),
  };
  if (record.titleEn) out.titleEn = record.titleEn;
  if (record.date) out.date = record.date;
  if (record.summary) out.summary = record.summary;
  if (record.factVerification) out.factVerification = { ...record.factVerification };
  if (record.fields) out.fields = { ...record.fields };
  return out;
}

function parsedOnly(
  p: ParsedId,
  hints: LinkHints,
  extra: { label?: string; title?: string } = {},
): LookupResult {
  const label = extra.label ?? citationLabel(p, hints.resolutionYear);
  const out: LookupResult = {
    id: p.id,
    kind: p.kind,
    known: false,
    label,
    title: extra.title ?? parsedTitle(p, label),
    confidence: 'parsed',
    scope: 'none',
    titleLang: 'en',
    links: linksFor(p, undefined, hints),
  };
  if (p.kind === 'eu-act') out.fields = { celex: celexFor(p.type, p.year, p.number) };
  return out;
}

/** A document known only through its dossier record: the dossier's title, not its date. */
function viaDossier(p: KamerstukId, dossier: ReferenceRecord): LookupResult {
  const label = citationLabel(p);
  const out = fromRecord(p, dossier, label, `${label} — ${dossier.title}`, {}, undefined);
  out.scope = 'dossier';
  delete out.date;
  if (out.factVerification) {
    delete out.factVerification.date;
    if (Object.keys(out.factVerification).length === 0) delete out.factVerification;
  }
  out.fields = { dossier: dossier.id, ...dossier.fields };
  return out;
}

/** A record of one document: its subject, type, date and vergaderjaar, and its dossier's title. */
function documentResult(p: KamerstukId, doc: ReferenceRecord, recordsByKey: RecordsByKey): LookupResult {
  const label = citationLabel(p);
  const f = doc.fields ?? {};
  if (!f.type) return fromRecord(p, doc, label, `${label} — ${doc.title}`, {}); // a document named in wps-reference.csv
  const out = fromRecord(p, doc, label, doc.title, {});
  out.docType = f.type;
  if (f.vj) out.sessionYear = f.vj;
  if (f.how) out.how = f.how as DocumentMethod;
  const dossier = recordsByKey(p.dossierKey);
  if (dossier) out.dossierTitle = dossier.title;
  return out;
}

/** Keys describe() reads for a suffixless Kamerstuk number the data has under several suffixes. */
export function suffixCandidateKeys(id: string, recordsByKey: RecordsByKey): string[] {
  const p = parseId(id);
  if (p?.kind !== 'kamerstuk' || !p.document || p.suffix) return [];
  return suffixCandidates(p.dossier, p.document, recordsByKey(suffixIndexKey(p.dossier, p.document))).flatMap(
    (candidate) => [candidate, candidate.replace(/-[^-]+$/, '')],
  );
}

/**
 * `kst-36600-46` while the data has 36 600 V nr. 46, 36 600 XVII nr. 46, …: the candidate the words around
 * the citation point to, marked as inferred, with every candidate listed; or, when nothing points to one,
 * the list alone.
 */
function describeBySuffix(
  p: KamerstukId,
  recordsByKey: RecordsByKey,
  hints: DescribeHints,
): LookupResult | undefined {
  if (!p.document || p.suffix) return undefined;
  const ids = suffixCandidates(p.dossier, p.document, recordsByKey(suffixIndexKey(p.dossier, p.document)));
  const records = ids.map((id) => recordsByKey(id)).filter((r): r is ReferenceRecord => r !== undefined);
  if (records.length < 2 && !records.some((r) => r.id !== p.id)) return undefined;
  const { ranked, chosen } = inferSuffix(records, hints);
  const inference: SuffixInference = {
    reasons: chosen?.reasons ?? [],
    alternatives: ranked.map(({ record, score }) => {
      const cp = parseId(record.id) as KamerstukId;
      const alt = { id: record.id, label: citationLabel(cp), title: record.title, score };
      return {
        ...alt,
        ...(record.date ? { date: record.date } : {}),
        ...(record.fields?.type ? { docType: record.fields.type } : {}),
        ...(record.fields?.vj ? { sessionYear: record.fields.vj } : {}),
      };
    }),
  };
  const exact = recordsByKey(p.id);
  if (chosen && chosen.record.id !== p.id) {
    inference.chosen = chosen.record.id;
    const out = documentResult(parseId(chosen.record.id) as KamerstukId, chosen.record, recordsByKey);
    // The answer is about the cited id; its identity is inferred, however sure the document's own facts are.
    return { ...out, id: p.id, confidence: 'derived', inference };
  }
  if (exact) return { ...documentResult(p, exact, recordsByKey), inference };
  const label = citationLabel(p);
  return { ...parsedOnly(p, {}, { label, title: label }), inference };
}

function describeKamerstuk(p: KamerstukId, recordsByKey: RecordsByKey, hints: DescribeHints): LookupResult {
  const bySuffix = describeBySuffix(p, recordsByKey, hints);
  if (bySuffix) return bySuffix;
  const exact = recordsByKey(p.id);
  if (exact?.fields?.doc) return documentResult(p, exact, recordsByKey);
  if (exact) {
    // A dossier record: the id names a dossier (also when it could be a document: kst-21501-20, kst-36600-C).
    const d = kamerstukReading(p, 'dossier');
    return fromRecord(d, exact, citationLabel(d), exact.title, {});
  }
  if (p.ambiguous) {
    const asDocument = kamerstukReading(p, 'document');
    const asDossier = kamerstukReading(p, 'dossier');
    const base = recordsByKey(asDocument.dossierKey);
    if (base?.fields?.by && /^[A-Z]$/.test(asDocument.document ?? '')) {
      // `kst-36600-L`: a chapter of a known budget year the data lacks, not an Eerste Kamer document.
      const label = citationLabel(asDossier);
      return parsedOnly(asDossier, {}, { label, title: `${label} — Rijksbegroting ${base.fields.by}` });
    }
    if (base) return viaDossier(asDocument, base);
    return parsedOnly(p, {});
  }
  if (!p.document) return parsedOnly(p, {});
  const dossier = recordsByKey(p.dossierKey);
  return dossier ? viaDossier(p, dossier) : parsedOnly(p, {});
}

/** A TK document number: its own facts, or those of the Kamerstuk it is. */
function describeTkDocument(p: ParsedId, recordsByKey: RecordsByKey): LookupResult {
  const record = recordsByKey(p.id);
  if (!record) return parsedOnly(p, {});
  const kst = record.fields?.kst;
  const doc = kst ? recordsByKey(kst) : undefined;
  if (kst && doc) {
    const kp = parseId(kst) as KamerstukId;
    const out = documentResult(kp, doc, recordsByKey);
    // Said of the number: it is this Kamerstuk; the Kamerstuk's own links come first.
    return {
      ...out,
      id: p.id,
      kind: p.kind,
      label: `${citationLabel(p)} · ${out.label}`,
      fields: { ...out.fields, kst },
    };
  }
  const out = fromRecord(p, record, citationLabel(p), record.title, {});
  if (record.fields?.type) out.docType = record.fields.type;
  if (record.fields?.vj) out.sessionYear = record.fields.vj;
  if (record.fields?.how) out.how = record.fields.how as DocumentMethod;
  return out;
}

/**
 * Keys a record points to that describe() will also ask for: a register treaty id that redirects to its
 * curated record (`treaty-bwbv0002909` → `treaty-cedaw`). A caller that fetches records by
 * recordKeysFor() first can fetch these in a second round; without them describe() still answers from
 * the redirect record itself (its register title and wetten.overheid.nl link).
 */
export function linkedKeys(record: ReferenceRecord | undefined): string[] {
  if (record?.kind === 'treaty' && record.fields?.see) return [`treaty-${record.fields.see}`];
  // A TK document number that is a Kamerstuk: the Kamerstuk and its dossier.
  if (record?.kind === 'tk-document' && record.fields?.kst)
    return [record.fields.kst, record.fields.kst.replace(/-[^-]+$/, '')];
  return [];
}

/**
 * Describe one id. Known ids give the record's facts; unknown ids a description parsed from the id, with
 * confidence `parsed` and links. Undefined only for ids that are not well-formed (see conventions.md).
 */
export function describe(
  id: string,
  recordsByKey: RecordsByKey,
  hints: DescribeHints = {},
): LookupResult | undefined {
  const p = parseId(id);
  if (!p) return undefined;
  if (p.kind === 'kamerstuk') return describeKamerstuk(p, recordsByKey, hints);
  if (p.kind === 'tk-document') return describeTkDocument(p, recordsByKey);
  let record = recordsByKey(p.id);
  if (p.kind === 'treaty' && record?.fields?.see)
    record = recordsByKey(`treaty-${record.fields.see}`) ?? record;
  if (!record) return parsedOnly(p, hints);
  if (p.kind === 'unsc') {
    const year = Number(record.fields?.year ?? record.date?.slice(0, 4)) || hints.resolutionYear;
    return fromRecord(p, record, citationLabel(p, year), record.title, hints);
  }
  if (p.kind === 'treaty') {
    const out = fromRecord(p, record, record.title, record.title, hints);
    if (record.id !== p.id) out.fields = { ...out.fields, key: record.id.slice('treaty-'.length) };
    return out;
  }
  return fromRecord(p, record, citationLabel(p), record.title, hints);
}
