/**
 * A citation in words a writer can paste: the standard Dutch legal style (Leidraad voor juridische
 * auteurs) for a Dutch UI, the usual English forms for an English one. Pure: from a lookup answer (or
 * the id alone), no DOM.
 */
import { formatDossierNumber, formatSessionYear, parseId, type KamerstukId, type ParsedId } from '../ids';
import type { LookupResult } from '../dataset/types';

export type CiteLanguage = 'nl' | 'en';

export interface FormattedCitation {
  text: string;
  /** The source text's address, when there is one. */
  url?: string;
}

const MONTHS: Record<CiteLanguage, string[]> = {
  nl: 'januari februari maart april mei juni juli augustus september oktober november december'.split(' '),
  en: 'January February March April May June July August September October November December'.split(' '),
};

/** `1979-12-18` → `18 december 1979` / `18 December 1979`. */
export function longDate(iso: string, language: CiteLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[language][Number(m[2]) - 1]} ${m[1]}`;
}

function dossierWords(p: KamerstukId): string {
  const n = formatDossierNumber(p.dossier);
  if (!p.suffix) return n;
  return /^\d/.test(p.suffix) ? `${n}-${p.suffix}` : `${n} ${p.suffix}`;
}

const CHAMBER = { tk: 'II', ek: 'I' } as const;

function kamerstuk(p: KamerstukId, session: string | undefined, language: CiteLanguage): string {
  const series = language === 'nl' ? 'Kamerstukken' : 'Parliamentary Papers';
  if (!p.document) return `${series} ${dossierWords(p)}`;
  const chamber = /^\d/.test(p.document) ? 'II' : 'I';
  const year = session ? ` ${formatSessionYear(session)}` : '';
  return `${series} ${chamber}${year}, ${dossierWords(p)}, ${language === 'nl' ? 'nr.' : 'no.'} ${p.document}`;
}

function resolutionYear(r: LookupResult | undefined): string | undefined {
  const y = r?.fields?.year ?? r?.date?.slice(0, 4);
  return y && /^\d{4}$/.test(y) ? y : undefined;
}

function euAct(p: Extract<ParsedId, { kind: 'eu-act' }>, language: CiteLanguage): string {
  const names = {
    nl: { reg: 'Verordening', dir: 'Richtlijn', dec: 'Besluit' },
    en: { reg: 'Regulation', dir: 'Directive', dec: 'Decision' },
  }[language];
  if (p.type === 'dir') return `${names.dir} ${p.year}/${p.number}${p.year >= 2010 ? '/EU' : ''}`;
  if (p.type === 'reg' && p.year >= 2015) return `${names.reg} (EU) ${p.year}/${p.number}`;
  if (p.type === 'reg') return `${names.reg} ${language === 'nl' ? 'nr.' : 'No'} ${p.number}/${p.year}`;
  return `${names.dec} ${p.year}/${p.number}`;
}

function treaty(r: LookupResult | undefined, key: string, language: CiteLanguage): string {
  if (!r?.known) return r?.label ?? key;
  const title = language === 'en' && r.titleEn ? r.titleEn : r.title;
  const place = r.fields?.place;
  const date = r.date ? longDate(r.date, language) : undefined;
  return [title, place, date].filter(Boolean).join(', ');
}

/** The id the answer's facts are about: the inferred Kamerstuk when a suffix was inferred. */
function subjectId(id: string, r: LookupResult | undefined): string {
  return r?.inference?.chosen ?? id;
}

/** The citation of `id` in `language`, using the facts of its lookup answer where the style needs them. */
export function formatCitation(
  id: string,
  result: LookupResult | undefined,
  language: CiteLanguage,
): FormattedCitation | undefined {
  const p = parseId(subjectId(id, result));
  if (!p) return undefined;
  const nl = language === 'nl';
  let text: string;
  switch (p.kind) {
    case 'unsc': {
      const year = resolutionYear(result);
      const symbol = `S/RES/${p.number}${year ? ` (${year})` : ''}`;
      const name = `${p.number}${year ? ` (${year})` : ''}`;
      text = nl
        ? `Resolutie ${name} van de VN-Veiligheidsraad, ${symbol}`
        : `UN Security Council Resolution ${name}, ${symbol}`;
      break;
    }
    case 'unga':
      text = nl
        ? `Resolutie ${p.session}/${p.number} van de Algemene Vergadering van de VN, A/RES/${p.session}/${p.number}`
        : `UN General Assembly Resolution ${p.session}/${p.number}, A/RES/${p.session}/${p.number}`;
      break;
    case 'treaty':
      text = treaty(result, p.bwbId ?? p.key, language);
      break;
    case 'kamerstuk':
      text = kamerstuk(p, result?.scope === 'item' ? result.sessionYear : undefined, language);
      break;
    case 'handelingen':
      text = `${nl ? 'Handelingen' : 'Proceedings'} ${CHAMBER[p.chamber]} ${formatSessionYear(p.sessionYear)}, ${
        nl ? 'nr.' : 'no.'
      } ${p.meeting}${p.item ? `, item ${p.item}` : ''}`;
      break;
    case 'aanhangsel':
      text = `${nl ? 'Aanhangsel Handelingen' : 'Appendix to the Proceedings'} ${CHAMBER[p.chamber]} ${formatSessionYear(
        p.sessionYear,
      )}, ${nl ? 'nr.' : 'no.'} ${p.number}`;
      break;
    case 'staatsblad':
      text = `Stb. ${p.year}, ${p.number}`;
      break;
    case 'staatscourant':
      text = `Stcrt. ${p.year}, ${p.number}`;
      break;
    case 'tractatenblad':
      text = `Trb. ${p.year}, ${p.number}`;
      break;
    case 'ecli':
      text = p.id;
      break;
    case 'tk-document': {
      // A document number that is a Kamerstuk is cited as that Kamerstuk.
      const kst = result?.fields?.kst ? parseId(result.fields.kst) : undefined;
      text =
        kst?.kind === 'kamerstuk'
          ? kamerstuk(kst, result?.sessionYear, language)
          : `${nl ? 'Tweede Kamer, document' : 'House of Representatives, document'} ${p.id}`;
      break;
    }
    case 'tk-zaak':
      text = `${nl ? 'Tweede Kamer, zaak' : 'House of Representatives, case'} ${p.id}`;
      break;
    case 'eu-act':
      text = euAct(p, language);
      break;
  }
  const url = result?.links[0]?.url;
  return url ? { text, url } : { text };
}

/** The clipboard's HTML flavour: the citation as a link to its source. */
export function citationHtml(citation: FormattedCitation): string {
  const escape = (s: string) =>
    s.replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
    );
  return citation.url
    ? `<a href="${escape(citation.url)}">${escape(citation.text)}</a>`
    : escape(citation.text);
}
