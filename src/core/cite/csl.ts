/**
 * A citation as a CSL-JSON item: the common ground of reference managers (Zotero, Mendeley, EndNote via
 * RIS/BibTeX). CSL types chosen for what each kind is: Kamerstukken are parliamentary papers, which Zotero
 * and Juris-M keep as `bill` (number, legislative body, session); Handelingen are `hearing`s; Staatsblad,
 * Staatscourant, EU acts and UN resolutions `legislation`; treaties `treaty`; judgments `legal_case`. Pure.
 */
import { parseId, formatDossierNumber, formatSessionYear } from '../ids';
import type { LookupResult } from '../dataset/types';
import { formatCitation, type CiteLanguage } from './style';

export interface CslItem {
  id: string;
  type: string;
  title: string;
  [field: string]: unknown;
}

const TYPE: Record<string, string> = {
  unsc: 'legislation',
  unga: 'legislation',
  treaty: 'treaty',
  kamerstuk: 'bill',
  'tk-document': 'bill',
  'tk-zaak': 'bill',
  handelingen: 'hearing',
  aanhangsel: 'hearing',
  staatsblad: 'legislation',
  staatscourant: 'legislation',
  tractatenblad: 'treaty',
  ecli: 'legal_case',
  'eu-act': 'legislation',
};

const AUTHORITY: Record<string, string> = {
  unsc: 'UN Security Council',
  unga: 'UN General Assembly',
  staatsblad: 'Staatsblad van het Koninkrijk der Nederlanden',
  staatscourant: 'Staatscourant',
  tractatenblad: 'Tractatenblad van het Koninkrijk der Nederlanden',
  'eu-act': 'European Union',
};

function issued(date: string | undefined): { issued?: { 'date-parts': number[][] } } {
  const m = date && /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? { issued: { 'date-parts': [[Number(m[1]), Number(m[2]), Number(m[3])]] } } : {};
}

/** The CSL item for one cited id; undefined for an id that is not well-formed. */
export function toCsl(
  id: string,
  result: LookupResult | undefined,
  language: CiteLanguage,
): CslItem | undefined {
  const citation = formatCitation(id, result, language);
  const subject = parseId(result?.inference?.chosen ?? result?.fields?.kst ?? id);
  if (!citation || !subject) return undefined;
  const known = result?.known === true;
  const item: CslItem = {
    id: subject.id,
    type: TYPE[subject.kind] ?? 'document',
    title: known ? result!.title : citation.text,
    ...issued(result?.date),
    note: citation.text,
  };
  if (citation.url) item.URL = citation.url;
  if (result?.docType) item.genre = result.docType;
  item.language = result?.titleLang ?? language;
  switch (subject.kind) {
    case 'kamerstuk': {
      const chamber = subject.document && /^[A-Z]/.test(subject.document) ? 'Eerste' : 'Tweede';
      item.authority = `${chamber} Kamer der Staten-Generaal`;
      const dossier = `${formatDossierNumber(subject.dossier)}${subject.suffix ? ` ${subject.suffix}` : ''}`;
      item.number = subject.document ? `${dossier}, nr. ${subject.document}` : dossier;
      item['container-title'] =
        `Kamerstukken${subject.document ? (chamber === 'Eerste' ? ' I' : ' II') : ''}${
          result?.sessionYear ? ` ${formatSessionYear(result.sessionYear)}` : ''
        }`;
      if (result?.dossierTitle) item['collection-title'] = result.dossierTitle;
      break;
    }
    case 'handelingen':
    case 'aanhangsel':
      item.authority = `${subject.chamber === 'tk' ? 'Tweede' : 'Eerste'} Kamer der Staten-Generaal`;
      item.number = citation.text;
      break;
    case 'unsc':
    case 'unga':
      item.title = known ? `${result!.label ?? citation.text}: ${result!.title}` : citation.text;
      item.number = citation.text.replace(/^.*, /, '');
      break;
    case 'treaty':
      if (language === 'en' && result?.titleEn) item.title = result.titleEn;
      if (result?.fields?.place) item['event-place'] = result.fields.place;
      break;
    case 'ecli':
      item.number = subject.id;
      item.title = subject.id;
      if (known || result) item.authority = result?.title.replace(/^.* — /, '');
      break;
    default:
      item.number = citation.text;
  }
  if (AUTHORITY[subject.kind]) item.authority = AUTHORITY[subject.kind];
  return item;
}
