/** Load data/dataset.json (or another file) for the CLI scripts, validated, with a by-id index. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RecordsByKey } from '../../src/core/dataset/describe';
import type { ReferenceDataset, ReferenceRecord } from '../../src/core/dataset/types';
import { dirname, join } from 'node:path';
import { documentRecords, withDocuments } from '../../src/core/dataset/documents';
import { assertDataset } from '../../src/core/dataset/validate';

export const DEFAULT_DATASET = fileURLToPath(new URL('../../data/dataset.json', import.meta.url));
/** The packed document table, beside dataset.json. */
export const DOCUMENTS_TEXT_FILE = 'documents.tsv';

export interface LoadedDataset {
  dataset: ReferenceDataset;
  byId: Map<string, ReferenceRecord>;
  recordsByKey: RecordsByKey;
}

export function loadDataset(file: string = DEFAULT_DATASET): LoadedDataset {
  if (!existsSync(file)) throw new Error(`dataset not found: ${file} (run npm run dataset:build)`);
  const documentsFile = join(dirname(file), DOCUMENTS_TEXT_FILE);
  if (!existsSync(documentsFile)) throw new Error(`document table not found: ${documentsFile}`);
  const dataset = assertDataset(
    withDocuments(JSON.parse(readFileSync(file, 'utf8')), readFileSync(documentsFile, 'utf8')),
  );
  const byId = new Map([...dataset.records, ...documentRecords(dataset.documents)].map((r) => [r.id, r]));
  return { dataset, byId, recordsByKey: (key) => byId.get(key) };
}
