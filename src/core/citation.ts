/**
 * The citation model shared by detection, the dataset, saved annotations and the CLI.
 * Ids follow ../shared/conventions.md exactly: they are the contract with the evaluation corpus.
 */
export const CITATION_KINDS = [
  'unsc',
  'unga',
  'treaty',
  'kamerstuk',
  'handelingen',
  'aanhangsel',
  'staatsblad',
  'staatscourant',
  'tractatenblad',
  'ecli',
  'tk-zaak',
  'tk-document',
  'eu-act',
] as const;

export type CitationKind = (typeof CITATION_KINDS)[number];

export interface Citation {
  kind: CitationKind;
  /** Normalized id, e.g. `unsc-1325`, `kst-36600-V-46`, `treaty-cedaw`. */
  id: string;
  /** UTF-16 offsets into the scanned text: `text.slice(start, end)` is the citation's surface. */
  start: number;
  end: number;
  /** Kind-specific facts read from the text itself (not from the dataset). */
  extras?: CitationExtras;
}

export interface CitationExtras {
  /** `I` (Eerste Kamer) or `II` (Tweede Kamer). */
  chamber?: 'I' | 'II';
  /** Vergaderjaar as `20242025`. */
  sessionYear?: string;
  /** Other dossiers a document is filed in: `['kst-36180']`. */
  relatedDossiers?: string[];
  /** Year given in brackets after a resolution number. */
  resolutionYear?: number;
  /** Set when the id was completed from context (e.g. "de motie op stuk nr. 351"). */
  implicit?: boolean;
  /**
   * A document a range leaves out ("nrs. 4–6" → nr. 5): its span is the range's dash or "t/m", shared with the
   * other numbers of the same range (the one place where citations share a span).
   */
  withinRange?: boolean;
}

export function isCitationKind(value: unknown): value is CitationKind {
  return typeof value === 'string' && (CITATION_KINDS as readonly string[]).includes(value);
}
