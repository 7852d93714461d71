import type { CitationKind } from '../citation';

/** Bumped when the shape of the bundled dataset changes; the service worker re-seeds on any change. */
export const DATASET_SCHEMA_VERSION = 1;

/**
 * How sure we are of a fact:
 * - `verified`: confirmed in a public source (see the record's source);
 * - `derived`: computed from verified tables (a budget dossier title from year and chapter);
 * - `unverified`: supplied from editor knowledge and still to be checked — never shown as certain.
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
  /** Kind-specific facts used for links, e.g. `undlRecord`, `year`, `bwbId`, `untcUrl`, `coeTreatyNo`. */
  fields?: Record<string, string>;
}

export interface DatasetSource {
  file: string;
  description: string;
  licence: string;
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
  title: string;
  date?: string;
  summary?: string;
  confidence: Confidence;
  links: SourceLink[];
}
