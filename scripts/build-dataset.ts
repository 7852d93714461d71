/**
 * npm run dataset:build [-- REFERENCE_DIR] [--out FILE]
 * Reads the reference CSVs (default ../shared/reference-data) and writes data/dataset.json, beside it
 * documents.tsv (the packed document table), and data/treaty-aliases.json (the treaty names detection matches).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { documentsText } from '../src/core/dataset/documents';
import { validateDataset } from '../src/core/dataset/validate';
import { DOCUMENTS_TEXT_FILE } from './dataset/load';
import { buildDataset, serializeDataset } from './dataset/build';
import { ReferenceDataError } from './dataset/csv';
import { buildTreatyAliases, serialize as serializeAliases } from './dataset/treaty-aliases';

function main(argv: string[]): number {
  let refDir = '../shared/reference-data';
  let out = 'data/dataset.json';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') out = argv[++i] ?? out;
    else if (a === '-h' || a === '--help') {
      console.log('usage: npm run dataset:build -- [REFERENCE_DIR] [--out FILE]');
      return 0;
    } else refDir = a;
  }
  const dir = resolve(refDir);
  try {
    const { dataset, warnings } = buildDataset(dir);
    const check = validateDataset(dataset);
    if (!check.ok) {
      console.error(`dataset:build: the built dataset is invalid:\n- ${check.errors.join('\n- ')}`);
      return 1;
    }
    for (const w of warnings) console.warn(`warning: ${w}`);
    const text = serializeDataset(dataset);
    const file = resolve(out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    const documents = documentsText(dataset.documents);
    const documentsFile = resolve(dirname(file), DOCUMENTS_TEXT_FILE);
    writeFileSync(documentsFile, documents);
    console.log(
      `dataset:build: ${dataset.records.length} records, ${dataset.documents.count} documents, version ${dataset.version}, data as of ${dataset.dataAsOf}, ${Buffer.byteLength(text)} + ${Buffer.byteLength(documents)} bytes → ${out}, ${join(dirname(out), DOCUMENTS_TEXT_FILE)}`,
    );
    // Detection's treaty names come from the same curated list, so one command rebuilds both.
    const aliases = buildTreatyAliases(
      readFileSync(join(dir, 'treaties-curated.csv'), 'utf8'),
      'treaties-curated.csv',
    );
    writeFileSync(resolve(dirname(file), 'treaty-aliases.json'), serializeAliases(aliases.file));
    console.log(
      `dataset:build: ${aliases.file.treaties.length} treaties → ${join(dirname(out), 'treaty-aliases.json')}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ReferenceDataError) {
      console.error(`dataset:build: ${e.message}`);
      console.error(
        'Give the reference data directory as argument: npm run dataset:build -- /path/to/reference-data',
      );
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
