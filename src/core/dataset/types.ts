import type { CitationKind } from '../citation';

/** Bumped when the shape of the bundled dataset changes; the service worker re-seeds on any change. */
export const DATASET_SCHEMA_VERSION = 2;

/**
 * How sure we are of a fact:
 * - `verified`: confirmed in a public source (see the record's source);
 * - `derived`: computed from verified tables (a budget dossier title from year and chapter);
 * - `unverified`: supplied from editor knowledge and still to be checked — never shown as certain.
 *
 * A record's `verification` is that of its identity and title; a fact that is less certain than the
 * title (a treaty date from editor knowledge, a resolution date corrected from a defective source)
 * is named in `factVerification`.
 */
export type Verification = 'verified' | 'derived' | 'unverified';

export interface ReferenceRecord {
  /** Normalized id (../shared/conventions.md). Kamerstuk dossiers are keyed without a document number: `kst-36600-V`. */
  id: string;
  kind: CitationKind;
  title: string;
  /** English title where the source has one (treaties). */
  titleEn?: string;
  /** ISO date: adoption (resolutions, treaties) or publication. */
  date?: string;
  /** One line of explanation. */
  summary?: string;
  verification: Verification;
  /**
   * Per-fact verification where a fact is less certain than the record's `verification`:
   * `{ date: 'unverified', untc: 'unverified' }`. Keys are `date`, `titleEn`, `summary` or a key of `fields`.
   */
  factVerification?: Record<string, Verification>;
  /**
   * Kind-specific facts used for links and display. Keys in use (see scripts/build-dataset.ts):
   * unsc: `year`, `undl` (UN Digital Library record), `outcome`, `gap` (absent from every source);
   * treaty: `bwb`, `untcNo`, `untc` (URL), `coe` (`ETS 005`), `inForce`, `place`, `cat`, `aka` / `akaEn`
   * (aliases, `|`-separated), `note`, `see` (redirect: key of the curated record for the same BWBV id),
   * `auth` (title in the authentic language(s));
   * kamerstuk: `src` (source tier), `by` (budget year of a budget dossier), `doc` (document number: set
   * only on records of a single document, absent on dossier records); documents expanded from the
   * document table also `type` (TK document type), `vj` (vergaderjaar `20242025`), `dn` (TK document
   * number), `how` (a DocumentMethod);
   * tk-document: the same document fields, or `kst` (the Kamerstuk id the number belongs to);
   * kamerstuk index records `kst-36600-46~` (see documentKeysFor): `alts`, the suffixes under which
   * the data has a document with that number, `|`-separated.
   */
  fields?: Record<string, string>;
}

export interface DatasetSource {
  file: string;
  description: string;
  licence: string;
  /** Newest date this source speaks for, where known. */
  asOf?: string;
  /** Records this source contributed to. */
  records?: number;
}

/**
 * How a document row was tied to its Kamerstuk (tk-documents.csv `method`): `stated` by TK itself
 * (the document's external identifier), matched by its dossier `title` to a dossier seen in stated rows,
 * matched by title to the dossier list (`title-list`); `number`: known by its TK document number only.
 */
export const DOCUMENT_METHODS = ['stated', 'title', 'title-list', 'number'] as const;
export type DocumentMethod = (typeof DOCUMENT_METHODS)[number];

/**
 * One parliamentary document, compact because there are tens of thousands:
 * [id (`kst-36600-XVII-46`, or the TK document number `2024D12345` when no Kamerstuk is known),
 *  TK document number (`''` when the id is one), type index, subject, date (ISO),
 *  first year of the vergaderjaar, method index].
 */
export type DocumentRow = [string, string, number, string, string, number, number];

/** The document table, packed by the build into storage buckets (see src/core/dataset/documents.ts). */
export interface DocumentTable {
  /** Document types as TK names them (`Motie`, `Brief regering`), indexed by a row's type. */
  types: string[];
  /** DOCUMENT_METHODS, indexed by a row's method. */
  methods: string[];
  /** Number of documents. */
  count: number;
  /** BUCKET_COUNT texts, one line per fact. */
  buckets: string[];
}

export interface ReferenceDataset {
  schemaVersion: typeof DATASET_SCHEMA_VERSION;
  /** Content hash: identical sources give an identical version. */
  version: string;
  /** The newest date the sources speak for. */
  dataAsOf: string;
  sources: DatasetSource[];
  records: ReferenceRecord[];
  /** Document facts (type, subject, date) of Tweede Kamer documents. */
  documents: DocumentTable;
}

export interface SourceLink {
  /** Stable short key for the UI to localize: `source`, `dossier`, `undl`, `wetten`, `untc`, `coe`, … */
  key?: string;
  /** English label. */
  label: string;
  url: string;
}

/** How sure a lookup answer is: from the data (per its verification), or parsed from the id alone. */
export type Confidence = Verification | 'parsed';

/** What the tooltip, the popup and the `lookup` CLI show for one id. */
export interface LookupResult {
  id: string;
  kind: CitationKind;
  known: boolean;
  /** The citation itself in words: `Kamerstuk 26 150, nr. 223`, `Security Council resolution 1325 (2000)`. */
  label?: string;
  title: string;
  /** English title (treaties). */
  titleEn?: string;
  date?: string;
  summary?: string;
  confidence: Confidence;
  /**
   * What the facts are about: the exact `item`, only its `dossier` (the document itself is not in the
   * offline data), or `none` (read from the citation alone).
   */
  scope: 'item' | 'dossier' | 'none';
  /** How the item was identified, when known: see DocumentMethod (`stated`, `title`, `title-list`, `number`). */
  how?: DocumentMethod;
  /** Language of `title` (UN titles are English, Dutch records Dutch). */
  titleLang?: 'nl' | 'en';
  /** A document's type as TK names it (`Motie`, `Brief regering`). */
  docType?: string;
  /** The dossier's title, for a document known with its own subject. */
  dossierTitle?: string;
  /** Vergaderjaar `20242025`, where known. */
  sessionYear?: string;
  /**
   * A Kamerstuk cited without its dossier suffix while the data has that number under several suffixes:
   * `chosen` is set only when the words around the citation support one; the others stay one click away.
   */
  inference?: SuffixInference;
  /** Facts shown here that are less certain than `confidence` (`{ date: 'unverified' }`). */
  factVerification?: Record<string, Verification>;
  /** Kind-specific facts of the record (see ReferenceRecord.fields). */
  fields?: Record<string, string>;
  links: SourceLink[];
}

export interface SuffixAlternative {
  id: string;
  /** `Kamerstuk 36 600 XVII, nr. 46`. */
  label: string;
  title: string;
  date?: string;
  docType?: string;
  sessionYear?: string;
  /** Score of the evidence for this one (0: none). */
  score: number;
}

export interface SuffixInference {
  /** The id the evidence points to, when it points to one. */
  chosen?: string;
  /** What in the text supports the choice. */
  reasons: SuffixReason[];
  /** Every candidate, best first. */
  alternatives: SuffixAlternative[];
}

/**
 * Evidence for a candidate: a mover's `name` in the text, the text calling it an `amended` (gewijzigde)
 * motion as the candidate is, its document `type` word (motie, amendement, brief), a `subject` word it
 * shares, or the `page` citing the same suffixed dossier elsewhere.
 */
export interface SuffixReason {
  kind: 'name' | 'amended' | 'type' | 'subject' | 'page';
  /** The words that matched. */
  value: string;
}
