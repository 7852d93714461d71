/**
 * Source links ("jump to source") for every citation kind, per ../shared/conventions.md and
 * reference-data/url-schemes.csv. Labels are English; `key` is stable so the UI can localize.
 */
import type { ReferenceRecord, SourceLink } from './dataset/types';
import { parseId, type KamerstukId, type ParsedId } from './ids';

export interface LinkHints {
  /** Year from the text ("resolutie 1325 (2000)"): used for undocs.org when the dataset has no year. */
  resolutionYear?: number;
}

const OB = 'https://zoek.officielebekendmakingen.nl';

export const LINK_LABELS = {
  source: 'Source text',
  dossier: 'Dossier overview',
  undl: 'UN Digital Library record',
  'undl-search': 'Search the UN Digital Library',
  'tk-page': 'Tweede Kamer page',
  'tk-report': 'Plenary report (tweedekamer.nl)',
  wetten: 'Dutch text (wetten.overheid.nl)',
  untc: 'UN Treaty Collection',
  coe: 'Council of Europe Treaty Office',
  eurlex: 'EUR-Lex',
  rechtspraak: 'Judgment (rechtspraak.nl)',
  ejustice: 'ECLI search (e-Justice portal)',
} as const;

export type LinkKey = keyof typeof LINK_LABELS;

function link(key: LinkKey, url: string): SourceLink {
  return { key, label: LINK_LABELS[key], url };
}

function yearOf(record: ReferenceRecord | undefined): number | undefined {
  const y = record?.fields?.year ?? record?.date?.slice(0, 4);
  return y && /^\d{4}$/.test(y) ? Number(y) : undefined;
}

/** CELEX number of an EU act: regulation `32016R0679`, directive `32011L0095`, decision `32019D1234`. */
export function celexFor(type: 'reg' | 'dir' | 'dec', year: number, number: number): string {
  const letter = type === 'reg' ? 'R' : type === 'dir' ? 'L' : 'D';
  return `3${year}${letter}${String(number).padStart(4, '0')}`;
}

/** Council of Europe treaty number from `ETS 005` / `CETS 210` → `005` / `210`. */
function coeNumber(value: string | undefined): string | undefined {
  const m = value && /(\d{1,3})\s*$/.exec(value);
  return m ? m[1]!.padStart(3, '0') : undefined;
}

/**
 * A dossier's overview page, suffix kept: `dossier/36600-V` is the form official publications link
 * dossiers by (`<extref doc="dossier/36600-XXIII">`); the suffixless `dossier/36600` lists another
 * dossier (the Miljoenennota's). Verified only as that reference form, not by loading the pages here.
 */
export function dossierLink(p: Pick<KamerstukId, 'dossier' | 'suffix'>): SourceLink {
  return link('dossier', `${OB}/dossier/${p.dossier}${p.suffix ? `-${p.suffix}` : ''}`);
}

/** The dossier links of a citation's related dossiers (`kst-36180`, `kst-36600-V`): "26 150 en 36 180". */
export function relatedDossierLinks(dossierKeys: readonly string[]): SourceLink[] {
  return dossierKeys.flatMap((key) => {
    const p = parseId(key);
    return p?.kind === 'kamerstuk' ? [dossierLink(p)] : [];
  });
}

/** Links for an id already parsed (describe() passes its reading of an ambiguous Kamerstuk id). */
export function linksFor(
  p: ParsedId,
  record: ReferenceRecord | undefined,
  hints: LinkHints = {},
): SourceLink[] {
  const f = record?.fields ?? {};
  switch (p.kind) {
    case 'unsc': {
      const year = yearOf(record) ?? hints.resolutionYear;
      const out: SourceLink[] = [];
      if (year) out.push(link('source', `https://undocs.org/S/RES/${p.number}(${year})`));
      if (f.undl) out.push(link('undl', `https://digitallibrary.un.org/record/${f.undl}`));
      if (!year && !f.undl)
        out.push(
          link(
            'undl-search',
            `https://digitallibrary.un.org/search?ln=en&p=${encodeURIComponent(`S/RES/${p.number}`)}`,
          ),
        );
      return out;
    }
    case 'unga':
      return [link('source', `https://undocs.org/A/RES/${p.session}/${p.number}`)];
    case 'treaty': {
      const out: SourceLink[] = [];
      const bwb = f.bwb ?? p.bwbId;
      if (bwb) out.push(link('wetten', `https://wetten.overheid.nl/${bwb}`));
      if (f.untc) out.push(link('untc', f.untc));
      const coe = coeNumber(f.coe);
      if (coe)
        out.push(
          link(
            'coe',
            `https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=${coe}`,
          ),
        );
      return out;
    }
    case 'kamerstuk': {
      const out: SourceLink[] = [];
      // A record under the id itself without a document number is a dossier record (`kst-21501-20`).
      const namesDossier = !p.document || (record !== undefined && record.id === p.id && !f.doc);
      if (!namesDossier) out.push(link('source', `${OB}/${p.id}.html`));
      // A dossier record under a document-shaped id (`kst-21501-20`): its last part is the dossier's suffix.
      const recordNamesDossier = namesDossier && p.document !== undefined && !p.suffix;
      out.push(dossierLink(recordNamesDossier ? { dossier: p.dossier, suffix: p.document } : p));
      return out;
    }
    case 'handelingen': {
      const out = [link('source', `${OB}/${p.id}.html`)];
      if (p.chamber === 'tk') {
        const vj = `${p.sessionYear.slice(0, 4)}-${p.sessionYear.slice(4)}`;
        out.push(
          link(
            'tk-report',
            `https://www.tweedekamer.nl/kamerstukken/plenaire_verslagen/detail/${vj}/${p.meeting}`,
          ),
        );
      }
      return out;
    }
    case 'aanhangsel':
    case 'staatsblad':
    case 'staatscourant':
    case 'tractatenblad':
      return [link('source', `${OB}/${p.id}.html`)];
    case 'ecli':
      return p.country === 'NL'
        ? [link('rechtspraak', `https://uitspraken.rechtspraak.nl/inziendocument?id=${p.id}`)]
        : [link('ejustice', `https://e-justice.europa.eu/ecli/${p.id}`)];
    case 'tk-zaak':
      return [link('tk-page', `https://www.tweedekamer.nl/kamerstukken/detail?id=${p.id}`)];
    case 'tk-document':
      return [link('tk-page', `https://www.tweedekamer.nl/kamerstukken/detail?id=${p.id}&did=${p.id}`)];
    case 'eu-act':
      return [
        link(
          'eurlex',
          `https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:${celexFor(p.type, p.year, p.number)}`,
        ),
      ];
  }
}

/**
 * Links for an id, using facts of its record where the link needs them (the year of a resolution,
 * a treaty's BWBV id / UNTC page / CETS number, the UN Digital Library record). Malformed ids: [].
 */
export function sourceLinks(id: string, record?: ReferenceRecord, hints: LinkHints = {}): SourceLink[] {
  const p = parseId(id);
  return p ? linksFor(p, record, hints) : [];
}
