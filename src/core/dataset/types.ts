import type { CitationKind } from '../citation';

/** Bumped when the shape of the bundled dataset changes; the service worker re-seeds on any change. */
export const DATASET_SCHEMA_VERSION = 1;

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
   * only on records of a single document, absent on dossier records).
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

export interface ReferenceDataset {
  schemaVersion: typeof DATASET_SCHEMA_VERSION;
  /** Content hash: identical sources give an identical version. */
  version: string;
  /** The newest date the sources speak for. */
  dataAsOf: string;
  sources: DatasetSource[];
  records: ReferenceRecord[];
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
  /** Facts shown here that are less certain than `confidence` (`{ date: 'unverified' }`). */
  factVerification?: Record<string, Verification>;
  /** Kind-specific facts of the record (see ReferenceRecord.fields). */
  fields?: Record<string, string>;
  links: SourceLink[];
}
