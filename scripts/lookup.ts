/**
 * npm run --silent lookup -- ID... [-] [--dataset FILE]
 * One JSON object per id per line, from the same core code as the extension. `-` reads more ids from
 * stdin (whitespace-separated), so thousands of ids work in one call.
 */
import { readFileSync } from 'node:fs';
import { describe } from '../src/core/dataset/describe';
import type { LookupResult, Verification } from '../src/core/dataset/types';
import { loadDataset } from './dataset/load';

const RANK: Record<Verification, number> = { verified: 2, derived: 1, unverified: 0 };

/** The CLI line for one result: the fields the issue names first, then the rest. */
function lookupLine(r: LookupResult): Record<string, unknown> {
  const out: Record<string, unknown> = { id: r.id, kind: r.kind, known: r.known, title: r.title };
  if (r.date) out.date = r.date;
  if (r.summary) out.summary = r.summary;
  if (r.known) {
    // Verified only when the record and every fact shown here (title, date, summary) are verified.
    const shown = ['date', 'summary', 'titleEn']
      .map((k) => r.factVerification?.[k])
      .filter(Boolean) as Verification[];
    out.verified = r.confidence === 'verified' && shown.every((v) => RANK[v] === RANK.verified);
  }
  out.links = r.links.map((l) => ({ label: l.label, url: l.url }));
  if (r.label) out.label = r.label;
  out.confidence = r.confidence;
  if (r.titleEn) out.titleEn = r.titleEn;
  if (r.factVerification) out.factVerification = r.factVerification;
  if (r.fields) out.fields = r.fields;
  return out;
}

function main(argv: string[]): number {
  let datasetFile: string | undefined;
  const ids: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--dataset') datasetFile = argv[++i];
    else if (a === '-') ids.push(...readFileSync(0, 'utf8').split(/\s+/).filter(Boolean));
    else if (a === '-h' || a === '--help') {
      console.log('usage: npm run --silent lookup -- ID... [-] [--dataset FILE]   (- reads ids from stdin)');
      return 0;
    } else ids.push(a);
  }
  if (!ids.length) {
    console.error(
      'lookup: no ids given (usage: npm run --silent lookup -- unsc-1325 kst-26150-223, or - for stdin)',
    );
    return 2;
  }
  const { recordsByKey } = loadDataset(datasetFile);
  const lines: string[] = [];
  let bad = 0;
  for (const id of ids) {
    const r = describe(id, recordsByKey);
    if (r) lines.push(JSON.stringify(lookupLine(r)));
    else {
      bad++;
      lines.push(JSON.stringify({ id, known: false, error: 'not a well-formed id (see conventions.md)' }));
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
  return bad ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
