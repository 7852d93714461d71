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

/** What each kind comes with beyond its name. */
export interface CitationKindInfo {
  /** A normalized id of the kind (conventions.md): tests/unit/kinds.test.ts checks it parses back, links, describes. */
  example: string;
  /** Labelled in the gold corpus (../shared/corpus, LABELING.md), so `npm run eval` scores it. */
  scored: boolean;
}

/**
 * Every kind's info, in one table: a kind added to CITATION_KINDS without an entry here does not compile. README
 * "Adding a citation kind" lists the other places a kind needs (labels, links, description).
 */
export const CITATION_KIND_INFO: Record<CitationKind, CitationKindInfo> = {
  unsc: { example: 'unsc-1325', scored: true },
  unga: { example: 'unga-78-243', scored: true },
  treaty: { example: 'treaty-cedaw', scored: true },
  kamerstuk: { example: 'kst-36600-V-46', scored: true },
  handelingen: { example: 'h-tk-20232024-45-12', scored: true },
  aanhangsel: { example: 'ah-tk-20242025-1234', scored: true },
  staatsblad: { example: 'stb-2020-123', scored: true },
  staatscourant: { example: 'stcrt-2021-12345', scored: true },
  tractatenblad: { example: 'trb-2013-12', scored: true },
  ecli: { example: 'ECLI:NL:HR:2019:2006', scored: true },
  'tk-zaak': { example: '2024Z01234', scored: true },
  // Gold labels Tweede Kamer document numbers with kind tk-zaak: the evaluation tallies them there.
  'tk-document': { example: '2024D05678', scored: true },
  'eu-act': { example: 'eu-reg-2016-679', scored: false },
};

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
