/** Build the bundled reference dataset from ../shared/reference-data (see README-SOURCES.md there). */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { CITATION_KINDS } from '../../src/core/citation';
import {
  DATASET_SCHEMA_VERSION,
  type DatasetSource,
  type ReferenceDataset,
} from '../../src/core/dataset/types';
import { ReferenceDataError } from './csv';
import {
  BULK_FILE,
  buildKamerstukken,
  CHAPTERS_FILE,
  SEED_FILE,
  YEARS_FILE,
  type KamerstukResult,
} from './kamerstukken';
import { buildDocuments, DOCUMENTS_FILE, UNLINKED_FILE } from './documents';
import { compareIds } from './record';
import { packDocuments } from '../../src/core/dataset/documents';
import { validateDocumentLines } from '../../src/core/dataset/validate';
import { buildTreaties, BWBV_FILE, CURATED_FILE } from './treaties';
import { buildUnsc, UNSC_FILE, WPS_FILE } from './unsc';

/** README-SOURCES.md: the register snapshot's last commit. */
const BWBV_AS_OF = '2017-05-10';

export interface BuildOutput {
  dataset: ReferenceDataset;
  warnings: string[];
}

function maxDate(...dates: (string | undefined)[]): string {
  return (
    dates
      .filter((d): d is string => Boolean(d))
      .sort()
      .at(-1) ?? '1970-01-01'
  );
}

export function buildDataset(dir: string): BuildOutput {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new ReferenceDataError(`reference data directory not found: ${dir}`);
  const unsc = buildUnsc(dir);
  const treaties = buildTreaties(dir);
  const kst: KamerstukResult = buildKamerstukken(dir, unsc.wpsRows);
  const t = kst.tiers;
  const docs = buildDocuments(dir, new Set(kst.records.map((r) => r.id)));

  const sources: DatasetSource[] = [
    {
      file: UNSC_FILE,
      description:
        'UN Security Council resolutions 1–2781: adoption date, agenda item, outcome and UN Digital Library record, merged from SeanFobbe/cr-unsc, oliverunv/Voting-Agent (day/month swap fixed) and n-klotz/UNSC-Resolutions',
      licence:
        'facts only; cr-unsc data CC0 1.0; Voting-Agent: no licence stated, UN Secretariat voting data (UN terms of use); n-klotz: no licence stated, from un.org',
      asOf: unsc.asOf,
      records: unsc.records.length,
    },
    {
      file: WPS_FILE,
      description:
        'Women, Peace and Security: own factual one-line descriptions (resolution summaries, NAP 1325-IV)',
      licence: 'own work (this project, MIT)',
      asOf: maxDate(...unsc.wpsRows.map((w) => (/^\d{4}-\d{2}-\d{2}$/.test(w.date) ? w.date : undefined))),
      records: unsc.wpsUsed + (t.doc ?? 0),
    },
    {
      file: CURATED_FILE,
      description:
        'curated treaties: Dutch title and BWBV id from the treaty register; English titles, aliases, dates, UNTC and CoE numbers largely editor knowledge (marked unverified unless confirmed)',
      licence: 'own compilation of facts (this project, MIT)',
      records: treaties.curatedCount,
    },
    {
      file: BWBV_FILE,
      description:
        'Dutch treaty register (BWBV) titles, snapshot of wetten.overheid.nl via statengeneraal/laws-markdown',
      licence:
        'no licence stated; official treaty texts carry no copyright (art. 11 Auteurswet); titles are facts',
      asOf: BWBV_AS_OF,
      records: treaties.registerCount + treaties.redirectCount,
    },
    {
      file: SEED_FILE,
      description:
        'Kamerstukdossiers whose titles were read on officielebekendmakingen.nl, tweedekamer.nl and mirrors',
      licence: 'facts from official publications (art. 11 Auteurswet)',
      records: kst.seedCount,
    },
    {
      file: BULK_FILE,
      description:
        'Kamerstukdossier titles from TK Gegevensmagazijn records and official-publication XMLs stored in tommyvanderwal/motiematcher, erolk/wetgevingsmonitor and DavidZomerdijk/moties-toegelicht; verification per source tier (fields.src)',
      licence:
        'no licence file in the repositories; underlying data TK Gegevensmagazijn (CC0) and official publications (art. 11 Auteurswet); titles are facts',
      asOf: kst.asOf,
      records: kst.bulkCount,
    },
    {
      file: `${YEARS_FILE} + ${CHAPTERS_FILE}`,
      description:
        'budget year → dossier base number and chapter → ministry/fund; budget dossiers the lists lack are derived from these and the lists’ own budget titles',
      licence: 'own compilation of facts (this project, MIT)',
      records: kst.derivedBudget,
    },
    {
      file: DOCUMENTS_FILE,
      description:
        'Tweede Kamer documents (mostly Dec 2023 – Oct 2025): type, subject, date and vergaderjaar from TK open data (Gegevensmagazijn) exports stored in tommyvanderwal/motiematcher; each row says whether TK stated its Kamerstuk or it was matched by dossier title; dossiers only these rows name are titled as TK states them',
      licence: 'TK Gegevensmagazijn data CC0; facts from official publications (art. 11 Auteurswet)',
      asOf: docs.asOf,
      records: docs.linked + docs.dossiers.length,
    },
    {
      file: UNLINKED_FILE,
      description:
        'Tweede Kamer documents known by their document number (2024D…) without a Kamerstuk: letters, questions and answers, reports, bills; attachments, stenograms, speaker lists and invitations left out',
      licence: 'TK Gegevensmagazijn data CC0',
      asOf: docs.asOf,
      records: docs.unlinked,
    },
  ].map((s) => {
    const out: DatasetSource = { file: s.file, description: s.description, licence: s.licence };
    if (s.asOf) out.asOf = s.asOf;
    out.records = s.records;
    return out;
  });

  const kindOrder = new Map<string, number>(CITATION_KINDS.map((k, i) => [k, i]));
  const records = [...unsc.records, ...treaties.records, ...kst.records, ...docs.dossiers].sort(
    (a, b) => kindOrder.get(a.kind)! - kindOrder.get(b.kind)! || compareIds(a.id, b.id),
  );
  const ids = new Set<string>();
  for (const r of records) {
    if (ids.has(r.id)) throw new ReferenceDataError(`duplicate record id ${r.id}`);
    ids.add(r.id);
  }
  const dataAsOf = maxDate(...sources.map((s) => s.asOf));
  for (const [id] of docs.rows)
    if (ids.has(id)) throw new ReferenceDataError(`document ${id} is also a record id`);
  const documents = packDocuments(docs.rows, docs.types);
  const lineErrors = validateDocumentLines(documents);
  if (lineErrors.length) throw new ReferenceDataError(`document table: ${lineErrors.join('; ')}`);
  const body = { schemaVersion: DATASET_SCHEMA_VERSION, dataAsOf, sources, records, documents };
  const version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
  const dataset: ReferenceDataset = {
    schemaVersion: DATASET_SCHEMA_VERSION,
    version,
    dataAsOf,
    sources,
    records,
    documents,
  };
  return {
    dataset,
    warnings: [...unsc.warnings, ...treaties.warnings, ...kst.warnings, ...docs.warnings],
  };
}

/**
 * Compact, one record per line: small, byte-stable, and readable in a diff. The document table's buckets
 * are left out: they go to their own file (documentsText).
 */
export function serializeDataset(ds: ReferenceDataset): string {
  const { records, documents, ...head } = ds;
  const tables = { types: documents.types, methods: documents.methods, count: documents.count };
  const lines = (items: unknown[]) => items.map((x) => JSON.stringify(x)).join(',\n');
  return `${JSON.stringify(head).slice(0, -1)},"records":[\n${lines(records)}\n],\n"documents":${JSON.stringify(tables)}}\n`;
}
