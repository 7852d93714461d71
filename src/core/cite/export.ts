/**
 * References out: CSL-JSON, RIS and BibTeX (BibLaTeX, which has legislation and case types) through
 * citation-js, and a CSV table. For extension pages and the CLI only: citation-js stays out of the content
 * script.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import type { CslItem } from './csl';

export const REFERENCE_FORMATS = ['csl-json', 'ris', 'bibtex', 'csv'] as const;
export type ReferenceFormat = (typeof REFERENCE_FORMATS)[number];

export const REFERENCE_FILES: Record<ReferenceFormat, { extension: string; mimeType: string }> = {
  'csl-json': { extension: 'json', mimeType: 'application/vnd.citationstyles.csl+json' },
  ris: { extension: 'ris', mimeType: 'application/x-research-info-systems' },
  bibtex: { extension: 'bib', mimeType: 'application/x-bibtex' },
  csv: { extension: 'csv', mimeType: 'text/csv' },
};

const CSV_COLUMNS = ['id', 'type', 'citation', 'title', 'date', 'url'] as const;

function csvCell(value: string): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function dateOf(item: CslItem): string {
  const parts = (item.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  return parts ? parts.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-') : '';
}

export function writeReferences(items: readonly CslItem[], format: ReferenceFormat): string {
  switch (format) {
    case 'csl-json':
      return `${JSON.stringify(items, null, 2)}\n`;
    case 'ris':
      return unwrapRis(new Cite(items).format('ris'));
    case 'bibtex':
      return new Cite(items).format('biblatex');
    case 'csv': {
      const rows = items.map((item) =>
        [item.id, item.type, String(item.note ?? ''), item.title, dateOf(item), String(item.URL ?? '')]
          .map(csvCell)
          .join(','),
      );
      return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
    }
  }
}

/**
 * citation-js cuts RIS values every 70 characters onto continuation lines, which readers join with a space
 * or drop (a URL or title comes out broken). Our values hold no line breaks, so every line that does not
 * start with a tag is joined back to the one before it, exactly.
 */
function unwrapRis(text: string): string {
  return text.replace(/\n(?![A-Z][A-Z0-9] {2}- ?)/g, (match, offset: number) =>
    offset + 1 >= text.length ? match : '',
  );
}

/** Reads references back with the same library (tests, and a check that what we write parses). */
export function readReferences(text: string): Record<string, unknown>[] {
  return new Cite(text).data;
}
