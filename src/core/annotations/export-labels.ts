/**
 * The words of the Markdown and CSV exports, in the language the notes page speaks. Pure data, so the
 * worker (which writes the file) and the tests use the same text; the JSON-LD export has none.
 */
import type { CSV_COLUMNS } from './export';

export type ExportLanguage = 'nl' | 'en';

export interface ExportLabels {
  title: string;
  /** "Exported <time> · <n> notes" */
  exported: (time: string, count: number) => string;
  /** Whether the file holds the notes in the trash. */
  trash: (included: boolean) => string;
  citation: string;
  tags: string;
  colour: string;
  updated: string;
  inTrashSince: string;
  /** A PDF page's number. */
  page: string;
  /** Where a reader document's notes come from, in place of a web site. */
  documentSource: (format: 'pdf' | 'docx', local: boolean) => string;
  columns: Record<(typeof CSV_COLUMNS)[number], string>;
  /** Appended to the file name when the trash is included. */
  trashFileSuffix: string;
}

export const EXPORT_LABELS: Record<ExportLanguage, ExportLabels> = {
  en: {
    title: 'Bronwijzer notes',
    exported: (time, count) => `Exported ${time} · ${count} ${count === 1 ? 'note' : 'notes'}`,
    trash: (included) =>
      included ? 'Notes in the trash are included.' : 'Notes in the trash are not included.',
    citation: 'Citation',
    tags: 'Tags',
    colour: 'Colour',
    updated: 'Updated',
    inTrashSince: 'In the trash since',
    page: 'Page',
    documentSource: (format, local) =>
      `${format === 'pdf' ? 'PDF' : 'Word document'}${local ? ', opened from this computer' : ''}`,
    columns: {
      id: 'id',
      created: 'created',
      updated: 'updated',
      url: 'url',
      site: 'site',
      title: 'title',
      quote: 'quote',
      prefix: 'prefix',
      suffix: 'suffix',
      start: 'start',
      end: 'end',
      note: 'note',
      colour: 'colour',
      tags: 'tags',
      citation_id: 'citation_id',
      citation_kind: 'citation_kind',
      deleted_at: 'deleted_at',
      page: 'page',
      document: 'document',
    },
    trashFileSuffix: 'with-trash',
  },
  nl: {
    title: 'Bronwijzer-notities',
    exported: (time, count) => `Geëxporteerd ${time} · ${count} ${count === 1 ? 'notitie' : 'notities'}`,
    trash: (included) =>
      included
        ? 'Notities in de prullenbak zijn meegenomen.'
        : 'Notities in de prullenbak zijn niet meegenomen.',
    citation: 'Verwijzing',
    tags: 'Labels',
    colour: 'Kleur',
    updated: 'Bijgewerkt',
    inTrashSince: 'In de prullenbak sinds',
    page: 'Pagina',
    documentSource: (format, local) =>
      `${format === 'pdf' ? 'PDF' : 'Word-document'}${local ? ', geopend vanaf deze computer' : ''}`,
    columns: {
      id: 'id',
      created: 'aangemaakt',
      updated: 'bijgewerkt',
      url: 'url',
      site: 'site',
      title: 'titel',
      quote: 'citaat',
      prefix: 'ervoor',
      suffix: 'erna',
      start: 'begin',
      end: 'eind',
      note: 'notitie',
      colour: 'kleur',
      tags: 'labels',
      citation_id: 'verwijzing_id',
      citation_kind: 'verwijzing_soort',
      deleted_at: 'verwijderd_op',
      page: 'pagina',
      document: 'document',
    },
    trashFileSuffix: 'met-prullenbak',
  },
};
