/**
 * Tweede Kamer documents (tk-documents.csv, tk-documents-unlinked.csv): type, subject, date and
 * vergaderjaar of each Kamerstuk and of TK documents known by their number, in the dataset's compact
 * document table; and dossier records for dossiers the lists lack, titled as TK states them.
 */
import {
  DOCUMENT_METHODS,
  type DocumentMethod,
  type DocumentRow,
  type ReferenceRecord,
} from '../../src/core/dataset/types';
import { readCsv, ReferenceDataError } from './csv';
import { makeRecord } from './record';

export const DOCUMENTS_FILE = 'tk-documents.csv';
export const UNLINKED_FILE = 'tk-documents-unlinked.csv';

const DOCUMENT_COLUMNS = [
  'dossier',
  'suffix',
  'nr',
  'document_number',
  'soort',
  'onderwerp',
  'titel',
  'date',
  'vergaderjaar',
  'method',
] as const;
const UNLINKED_COLUMNS = ['document_number', 'soort', 'onderwerp', 'date', 'vergaderjaar'] as const;

/**
 * Unlinked document types kept: what a reader meets cited by number (letters, questions and answers,
 * reports, bills). Attachments, stenograms, speaker lists and invitations are left out to keep the
 * bundle small: they are rarely cited and would double its size.
 */
const UNLINKED_TYPES = new RegExp(
  '^(?:Brief|Antwoord schriftelijke vragen|Schriftelijke vragen|Mondelinge vragen|Mededeling|Motie|Amendement|' +
    'Voorstel van wet|Memorie van|Nota|Verslag|Lijst van vragen|Advies|Nader rapport|Jaarverslag|Initiatiefnota|' +
    'Position paper|Besluitenlijst|Rapport|Wetenschappelijke factsheet|Koninklijke boodschap)',
);

const METHOD_OF: Record<string, DocumentMethod> = {
  'externe-identifier': 'stated',
  'title-match': 'title',
  'title-match-bulklist': 'title-list',
};

/** `2024-2025` → 2024. */
function sessionStart(vergaderjaar: string, where: string): number {
  const m = /^(\d{4})-(\d{4})$/.exec(vergaderjaar);
  if (!m || Number(m[2]) !== Number(m[1]) + 1)
    throw new ReferenceDataError(`${where}: bad vergaderjaar "${vergaderjaar}"`);
  return Number(m[1]);
}

function checkDate(date: string, where: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ReferenceDataError(`${where}: bad date "${date}"`);
  return date;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface DocumentsResult {
  rows: DocumentRow[];
  /** Type names the rows' type indexes refer to. */
  types: string[];
  /** Dossier records for dossiers only the document list names (title as TK states it). */
  dossiers: ReferenceRecord[];
  linked: number;
  unlinked: number;
  asOf: string | undefined;
  warnings: string[];
}

/** @param knownDossiers ids of dossier records already built (from the dossier lists). */
export function buildDocuments(dir: string, knownDossiers: ReadonlySet<string>): DocumentsResult {
  const linkedRows = readCsv(dir, DOCUMENTS_FILE, DOCUMENT_COLUMNS);
  const unlinkedRows = readCsv(dir, UNLINKED_FILE, UNLINKED_COLUMNS);
  const warnings: string[] = [];
  const types = new Map<string, number>();
  const typeIndex = (soort: string) => {
    if (!types.has(soort)) types.set(soort, types.size);
    return types.get(soort)!;
  };
  const rows: DocumentRow[] = [];
  const ids = new Set<string>();
  const numbers = new Set<string>();
  const newDossiers = new Map<string, string>();
  let asOf: string | undefined;
  const seeDate = (d: string) => {
    if (!asOf || d > asOf) asOf = d;
  };

  for (const [i, r] of linkedRows.entries()) {
    const where = `${DOCUMENTS_FILE} row ${i + 2}`;
    if (!/^[1-9]\d{2,5}$/.test(r.dossier) || !/^[1-9]\d{0,4}$/.test(r.nr))
      throw new ReferenceDataError(`${where}: bad dossier or number "${r.dossier}" / "${r.nr}"`);
    if (r.suffix && !/^(\d{2}|[A-Z]{1,5})$/.test(r.suffix))
      throw new ReferenceDataError(`${where}: bad suffix "${r.suffix}"`);
    const method = METHOD_OF[r.method];
    if (!method) throw new ReferenceDataError(`${where}: unknown method "${r.method}"`);
    const dossierKey = `kst-${r.dossier}${r.suffix ? '-' + r.suffix : ''}`;
    const id = `${dossierKey}-${r.nr}`;
    if (ids.has(id)) throw new ReferenceDataError(`${where}: ${id} appears twice`);
    ids.add(id);
    if (r.document_number) numbers.add(r.document_number);
    const subject = clean(r.onderwerp) || clean(r.soort);
    const date = checkDate(r.date, where);
    seeDate(date);
    rows.push([
      id,
      r.document_number,
      typeIndex(clean(r.soort)),
      subject,
      date,
      sessionStart(r.vergaderjaar, where),
      DOCUMENT_METHODS.indexOf(method),
    ]);
    // TK states the dossier of these rows, and Document.Titel is that dossier's title.
    const title = clean(r.titel);
    if (method === 'stated' && title && !knownDossiers.has(dossierKey) && !newDossiers.has(dossierKey))
      newDossiers.set(dossierKey, title);
  }

  let unlinked = 0;
  for (const [i, r] of unlinkedRows.entries()) {
    const where = `${UNLINKED_FILE} row ${i + 2}`;
    if (!/^\d{4}D\d{3,6}$/.test(r.document_number))
      throw new ReferenceDataError(`${where}: bad document number "${r.document_number}"`);
    if (numbers.has(r.document_number)) {
      warnings.push(`${where}: ${r.document_number} is also a linked Kamerstuk; the linked row is kept`);
      continue;
    }
    if (!UNLINKED_TYPES.test(r.soort)) continue;
    numbers.add(r.document_number);
    const date = checkDate(r.date, where);
    seeDate(date);
    rows.push([
      r.document_number,
      '',
      typeIndex(clean(r.soort)),
      clean(r.onderwerp) || clean(r.soort),
      date,
      sessionStart(r.vergaderjaar, where),
      DOCUMENT_METHODS.indexOf('number'),
    ]);
    unlinked++;
  }

  const dossiers = [...newDossiers].map(([id, title]) =>
    makeRecord({ id, kind: 'kamerstuk', title, verification: 'verified', fields: { src: 'tkdoc' } }),
  );
  return {
    rows,
    types: [...types.keys()],
    dossiers,
    linked: linkedRows.length,
    unlinked,
    asOf,
    warnings,
  };
}
