/**
 * Normalized citation ids (../shared/conventions.md): parse an id into its parts, and list the dataset
 * keys to try for it. Pure: no DOM, no browser or Node APIs.
 */
import type { CitationKind } from './citation';

export type Chamber = 'tk' | 'ek';

interface Base<K extends CitationKind> {
  kind: K;
  /** The id in normalized form (rijkswet number removed, case fixed). */
  id: string;
}

export interface UnscId extends Base<'unsc'> {
  number: number;
}
export interface UngaId extends Base<'unga'> {
  session: number;
  number: number;
}
export interface TreatyId extends Base<'treaty'> {
  /** Dataset key without the `treaty-` prefix: `cedaw`, `bwbv0001002`. */
  key: string;
  /** Set for keys of the Dutch treaty register: `BWBV0001002`. */
  bwbId?: string;
}
export interface KamerstukId extends Base<'kamerstuk'> {
  /** Dossier number, digits only: `36600`. */
  dossier: string;
  /** Begrotingshoofdstuk or sub-dossier: `V`, `IIA`, `02`. */
  suffix?: string;
  /** Document number (ondernummer): digits, or letters for the Eerste Kamer. */
  document?: string;
  /** Chamber implied by the document number: letters → Eerste Kamer (`I`), digits → Tweede Kamer (`II`). */
  chamber?: 'I' | 'II';
  /**
   * The id has one part after the dossier number that could be read either way: a single letter
   * (`kst-36600-C`: provinciefonds chapter, or Eerste Kamer document C) or a two-digit number
   * (`kst-21501-20`: sub-dossier, or document 20). The parse is the likelier reading — `I`, `V`, `X` as
   * chapter (`suffix`), other letters and numbers as `document` — and recordKeysFor gives keys for both;
   * describe() lets the data decide.
   */
  ambiguous?: boolean;
  /** `kst-36600-V` form: the dossier itself, no document. */
  dossierKey: string;
}
export interface HandelingenId extends Base<'handelingen'> {
  chamber: Chamber;
  /** `20232024`. */
  sessionYear: string;
  meeting: number;
  item?: number;
}
export interface AanhangselId extends Base<'aanhangsel'> {
  chamber: Chamber;
  sessionYear: string;
  number: number;
}
export interface PublicationId extends Base<'staatsblad' | 'staatscourant' | 'tractatenblad'> {
  year: number;
  number: number;
}
export interface EcliId extends Base<'ecli'> {
  country: string;
  court: string;
  year: number;
  number: string;
}
export interface TkNumberId extends Base<'tk-zaak' | 'tk-document'> {
  year: number;
  number: string;
}
export type EuActType = 'reg' | 'dir' | 'dec';
export interface EuActId extends Base<'eu-act'> {
  type: EuActType;
  year: number;
  number: number;
}

export type ParsedId =
  | UnscId
  | UngaId
  | TreatyId
  | KamerstukId
  | HandelingenId
  | AanhangselId
  | PublicationId
  | EcliId
  | TkNumberId
  | EuActId;

/** Roman-numeral begrotingshoofdstukken of two or more letters (`II`, `IIA`, `IXB`, `XVIII`, `XXIII`). */
const MULTI_LETTER_CHAPTER = /^(?=[IVX]{2})X{0,2}(?:IX|IV|V?I{0,3})(?:A|B)?$/;
/** Single letters that are also a begrotingshoofdstuk or budget fund (`V`, `X`, `B` gemeentefonds, …). */
const SINGLE_LETTER_CHAPTER = /^[A-FHIJKLVX]$/;
/** Single-letter roman chapters (`36 600 V`): read as a chapter unless the data says otherwise. */
const SINGLE_ROMAN_CHAPTER = /^[IVX]$/;

const PUBLICATION_PREFIX: Record<string, PublicationId['kind']> = {
  stb: 'staatsblad',
  stcrt: 'staatscourant',
  trb: 'tractatenblad',
};

function validSessionYear(s: string): boolean {
  return Number(s.slice(4)) === Number(s.slice(0, 4)) + 1;
}

/** Put an id in normalized form without validating it: trims, strips a rijkswet number, fixes case. */
export function normalizeId(raw: string): string {
  const id = raw.trim();
  if (/^ecli:/i.test(id)) return id.toUpperCase();
  if (/^kst-/i.test(id)) {
    return ('kst-' + id.slice(4).toUpperCase())
      .replace(/-\(\s*R\s*\d+\s*\)(?=-|$)/gi, '')
      .replace(/-R\d+(?=-|$)/g, '')
      .replace(/-{2,}/g, '-');
  }
  if (/^treaty-/i.test(id)) return id.toLowerCase();
  if (/^\d{4}[zd]\d+$/i.test(id)) return id.toUpperCase();
  if (/^(unsc|unga|h|ah|stb|stcrt|trb|eu)-/i.test(id)) return id.toLowerCase();
  return id;
}

function parseKamerstuk(id: string): KamerstukId | undefined {
  const m = /^kst-(\d{3,6})((?:-[0-9A-Za-z]+){0,2})$/.exec(id);
  if (!m) return undefined;
  const dossier = m[1]!;
  if (dossier.startsWith('0')) return undefined;
  const parts = m[2] ? m[2].slice(1).split('-') : [];
  const isSuffix = (p: string) => /^\d{2}$/.test(p) || /^[A-Z]{1,5}$/.test(p);
  const isDocument = (p: string) => /^[1-9]\d{0,4}$/.test(p) || /^[A-Z]{1,3}$/.test(p);
  let suffix: string | undefined;
  let document: string | undefined;
  let ambiguous = false;
  if (parts.length === 2) {
    if (!isSuffix(parts[0]!) || !isDocument(parts[1]!)) return undefined;
    [suffix, document] = parts;
  } else if (parts.length === 1) {
    const p = parts[0]!;
    if (/^0\d$/.test(p)) suffix = p;
    else if (MULTI_LETTER_CHAPTER.test(p)) suffix = p;
    else if (SINGLE_ROMAN_CHAPTER.test(p)) {
      suffix = p;
      ambiguous = true;
    } else if (isDocument(p)) {
      document = p;
      ambiguous = SINGLE_LETTER_CHAPTER.test(p) || /^\d{2}$/.test(p);
    } else return undefined;
  }
  const dossierKey = `kst-${dossier}${suffix ? '-' + suffix : ''}`;
  const out: KamerstukId = {
    kind: 'kamerstuk',
    id: `${dossierKey}${document ? '-' + document : ''}`,
    dossier,
    dossierKey,
  };
  if (suffix) out.suffix = suffix;
  if (document) {
    out.document = document;
    out.chamber = /^\d/.test(document) ? 'II' : 'I';
  }
  if (ambiguous) out.ambiguous = true;
  return out;
}

/** Parse a normalized id (see conventions.md) into its parts; undefined when it is not a well-formed id. */
export function parseId(raw: string): ParsedId | undefined {
  if (typeof raw !== 'string') return undefined;
  const id = normalizeId(raw);
  let m: RegExpExecArray | null;
  if ((m = /^unsc-([1-9]\d{0,4})$/.exec(id))) return { kind: 'unsc', id, number: Number(m[1]) };
  if ((m = /^unga-([1-9]\d{0,2})-([1-9]\d{0,4})$/.exec(id)))
    return { kind: 'unga', id, session: Number(m[1]), number: Number(m[2]) };
  if ((m = /^treaty-([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(id))) {
    const out: TreatyId = { kind: 'treaty', id, key: m[1]! };
    if (/^bwbv\d{7}$/.test(m[1]!)) out.bwbId = m[1]!.toUpperCase();
    return out;
  }
  if (id.startsWith('kst-')) return parseKamerstuk(id);
  if ((m = /^h-(tk|ek)-(\d{8})-([1-9]\d{0,3})(?:-([1-9]\d{0,3}))?$/.exec(id))) {
    if (!validSessionYear(m[2]!)) return undefined;
    const out: HandelingenId = {
      kind: 'handelingen',
      id,
      chamber: m[1] as Chamber,
      sessionYear: m[2]!,
      meeting: Number(m[3]),
    };
    if (m[4]) out.item = Number(m[4]);
    return out;
  }
  if ((m = /^ah-(tk|ek)-(\d{8})-([1-9]\d{0,5})$/.exec(id))) {
    if (!validSessionYear(m[2]!)) return undefined;
    return { kind: 'aanhangsel', id, chamber: m[1] as Chamber, sessionYear: m[2]!, number: Number(m[3]) };
  }
  if ((m = /^(stb|stcrt|trb)-(1[89]\d\d|20\d\d)-([1-9]\d{0,6})$/.exec(id)))
    return { kind: PUBLICATION_PREFIX[m[1]!]!, id, year: Number(m[2]), number: Number(m[3]) };
  if ((m = /^ECLI:([A-Z]{2}):([A-Z0-9]{1,7}):(\d{4}):([A-Z0-9.]{1,25})$/.exec(id)))
    return { kind: 'ecli', id, country: m[1]!, court: m[2]!, year: Number(m[3]), number: m[4]! };
  if ((m = /^(\d{4})([ZD])(\d{3,6})$/.exec(id)))
    return {
      kind: m[2] === 'Z' ? 'tk-zaak' : 'tk-document',
      id,
      year: Number(m[1]),
      number: m[3]!,
    };
  if ((m = /^eu-(reg|dir|dec)-(19[5-9]\d|20\d\d)-([1-9]\d{0,4})$/.exec(id)))
    return { kind: 'eu-act', id, type: m[1] as EuActType, year: Number(m[2]), number: Number(m[3]) };
  return undefined;
}

/**
 * The dataset keys to try for an id, most specific first:
 * `kst-26150-223` → [`kst-26150-223`, `kst-26150`]; `kst-21501-02-1855` → [`kst-21501-02-1855`, `kst-21501-02`];
 * `kst-23908-(R1519)-131` → [`kst-23908-131`, `kst-23908`]. Malformed ids give the trimmed id itself.
 */
export function recordKeysFor(raw: string): string[] {
  const p = parseId(raw);
  if (!p) {
    const id = typeof raw === 'string' ? raw.trim() : '';
    return id ? [id] : [];
  }
  if (p.kind === 'kamerstuk' && p.document) return [p.id, p.dossierKey];
  if (p.kind === 'kamerstuk' && p.ambiguous) return [p.id, `kst-${p.dossier}`];
  return [p.id];
}

/** The other reading of an ambiguous Kamerstuk id: its one part as document, or as chapter/sub-dossier. */
export function kamerstukReading(p: KamerstukId, as: 'dossier' | 'document'): KamerstukId {
  const part = p.document ?? p.suffix;
  if (!p.ambiguous || part === undefined) return p;
  const dossierKey = as === 'dossier' ? `kst-${p.dossier}-${part}` : `kst-${p.dossier}`;
  const out: KamerstukId = { kind: 'kamerstuk', id: p.id, dossier: p.dossier, dossierKey, ambiguous: true };
  if (as === 'dossier') out.suffix = part;
  else {
    out.document = part;
    out.chamber = /^\d/.test(part) ? 'II' : 'I';
  }
  return out;
}

/** `26150` → `26 150` (the way Dutch texts write dossier numbers). */
export function formatDossierNumber(n: string): string {
  return n.length > 3 ? `${n.slice(0, -3)} ${n.slice(-3)}` : n;
}

/** `20232024` → `2023/24`. */
export function formatSessionYear(s: string): string {
  return `${s.slice(0, 4)}/${s.slice(6, 8)}`;
}
