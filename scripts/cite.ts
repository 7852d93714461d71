/**
 * npm run --silent cite -- [--format text|csl-json|ris|bibtex|csv] [--lang nl|en] [--dataset FILE] ID... [-]
 * Citations from the same core code as the extension. `text`: one line per id, the citation, a tab, its
 * source URL. `-` reads more ids from stdin. A bad id is named on stderr, the others are still printed,
 * and the exit status is 1.
 */
import { readFileSync } from 'node:fs';
import { toCsl, type CslItem } from '../src/core/cite/csl';
import { REFERENCE_FORMATS, writeReferences, type ReferenceFormat } from '../src/core/cite/export';
import { formatCitation, type CiteLanguage } from '../src/core/cite/style';
import { describe } from '../src/core/dataset/describe';
import { loadDataset } from './dataset/load';

const USAGE =
  'usage: npm run --silent cite -- [--format text|csl-json|ris|bibtex|csv] [--lang nl|en] [--dataset FILE] ID... (- reads ids from stdin)';

function main(argv: string[]): number {
  let format: 'text' | ReferenceFormat = 'text';
  let language: CiteLanguage = 'nl';
  let datasetFile: string | undefined;
  const ids: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format') {
      const f = argv[++i] ?? '';
      if (f !== 'text' && !(REFERENCE_FORMATS as readonly string[]).includes(f)) {
        console.error(`cite: unknown format "${f}"\n${USAGE}`);
        return 2;
      }
      format = f as typeof format;
    } else if (a === '--lang') {
      const l = argv[++i];
      if (l !== 'nl' && l !== 'en') {
        console.error(`cite: --lang must be nl or en\n${USAGE}`);
        return 2;
      }
      language = l;
    } else if (a === '--dataset') datasetFile = argv[++i];
    else if (a === '-') ids.push(...readFileSync(0, 'utf8').split(/\s+/).filter(Boolean));
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      return 0;
    } else ids.push(a);
  }
  if (!ids.length) {
    console.error(`cite: no ids given\n${USAGE}`);
    return 2;
  }
  const { recordsByKey } = loadDataset(datasetFile);
  const lines: string[] = [];
  const items: CslItem[] = [];
  let bad = 0;
  for (const id of ids) {
    const result = describe(id, recordsByKey);
    const citation = result && formatCitation(id, result, language);
    const item = result && toCsl(id, result, language);
    if (!citation || !item) {
      bad++;
      console.error(`cite: not a well-formed id: ${id}`);
      continue;
    }
    lines.push(`${citation.text}\t${citation.url ?? ''}`);
    items.push(item);
  }
  if (format === 'text') {
    if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
  } else if (items.length) process.stdout.write(writeReferences(items, format));
  return bad ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
