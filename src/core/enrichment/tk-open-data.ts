/**
 * Queries and answers of the Tweede Kamer open data service (OData v4, gegevensmagazijn.tweedekamer.nl)
 * for Kamerstukken the bundled dataset does not know: the dossier's title (entity Kamerstukdossier:
 * Nummer, Toevoeging, Titel) and the document's own title, type and date (entity Document by its
 * dossier and Volgnummer). Pure: building URLs and reading answers; the fetching is the worker's.
 */
import type { KamerstukId } from '../ids';

export const TK_ODATA_BASE = 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0';

/** At most this many dossiers or documents per request, to keep URLs short. */
export const MAX_PER_QUERY = 10;

export interface OnlineFacts {
  id: string;
  /** The dossier's title, or the document's own title. */
  title?: string;
  /** Document type ("Motie", "Brief regering", …). */
  type?: string;
  /** ISO date of the document. */
  date?: string;
}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

function dossierClause(prefix: string, id: KamerstukId): string {
  const suffix = id.suffix ? `${prefix}Toevoeging eq ${quote(id.suffix)}` : `${prefix}Toevoeging eq null`;
  return `${prefix}Nummer eq ${Number(id.dossier)} and ${suffix}`;
}

export function dossierQuery(ids: readonly KamerstukId[]): string {
  const filter = ids.map((id) => `(${dossierClause('', id)})`).join(' or ');
  return `${TK_ODATA_BASE}/Kamerstukdossier?$filter=${encodeURIComponent(`Verwijderd eq false and (${filter})`)}&$select=Nummer,Toevoeging,Titel`;
}

export function documentQuery(ids: readonly KamerstukId[]): string {
  const filter = ids
    .filter((id) => id.document && /^\d+$/.test(id.document))
    .map(
      (id) =>
        `(Volgnummer eq ${Number(id.document)} and Kamerstukdossier/any(d: ${dossierClause('d/', id)}))`,
    )
    .join(' or ');
  return (
    `${TK_ODATA_BASE}/Document?$filter=${encodeURIComponent(`Verwijderd eq false and (${filter})`)}` +
    `&$select=Volgnummer,Soort,Titel,Onderwerp,Datum&$expand=Kamerstukdossier($select=Nummer,Toevoeging)`
  );
}

interface ODataList {
  value?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const dossierKeyOf = (nummer: unknown, toevoeging: unknown) =>
  `kst-${Number(nummer)}${text(toevoeging) ? `-${text(toevoeging)}` : ''}`;

/** Dossier titles by dossier key (`kst-36600-V`); anything malformed in the answer is skipped. */
export function readDossiers(answer: unknown): Map<string, string> {
  const titles = new Map<string, string>();
  const rows = (answer as ODataList | null)?.value;
  if (!Array.isArray(rows)) return titles;
  for (const row of rows as Record<string, unknown>[]) {
    const title = text(row?.Titel);
    if (title && Number.isFinite(Number(row.Nummer)))
      titles.set(dossierKeyOf(row.Nummer, row.Toevoeging), title);
  }
  return titles;
}

/** Document facts by document id (`kst-36600-V-46`). */
export function readDocuments(answer: unknown): Map<string, OnlineFacts> {
  const facts = new Map<string, OnlineFacts>();
  const rows = (answer as ODataList | null)?.value;
  if (!Array.isArray(rows)) return facts;
  for (const row of rows as Record<string, unknown>[]) {
    const dossiers = Array.isArray(row?.Kamerstukdossier)
      ? (row.Kamerstukdossier as Record<string, unknown>[])
      : [];
    if (!Number.isFinite(Number(row?.Volgnummer))) continue;
    const date = text(row.Datum)?.slice(0, 10);
    for (const dossier of dossiers) {
      const id = `${dossierKeyOf(dossier.Nummer, dossier.Toevoeging)}-${Number(row.Volgnummer)}`;
      facts.set(id, {
        id,
        title: text(row.Onderwerp) ?? text(row.Titel),
        type: text(row.Soort),
        date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
      });
    }
  }
  return facts;
}
