/**
 * Accuracy of detectCitations against a gold corpus (docs/NNN.txt + gold/NNN.json, rules in LABELING.md).
 *
 *   npm run eval -- [CORPUS_DIR] [--verbose]        (default ../shared/corpus/dev)
 *
 * A prediction is right when its id equals a gold item's id and the spans overlap (each gold item matches once).
 * Gold items marked optional or implicit are neither required nor errors; `self` items are ordinary items.
 * Kinds the gold does not label (eu-act; CITATION_KIND_INFO in src/core/citation.ts) are not scored. Gold labels Tweede Kamer document numbers with kind
 * tk-zaak, so tk-document predictions are tallied under tk-zaak.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectCitations } from '../src/core/detect/index';
import { CITATION_KINDS, CITATION_KIND_INFO, type Citation } from '../src/core/citation';
import { markdownTable } from './lib/markdown-table';

interface GoldItem {
  kind: string;
  id: string;
  start: number;
  end: number;
  text: string;
  optional?: boolean;
  implicit?: boolean;
  self?: boolean;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** Kinds the gold does not label (CITATION_KIND_INFO): neither found nor missed. */
const UNSCORED = new Set<string>(CITATION_KINDS.filter((kind) => !CITATION_KIND_INFO[kind].scored));
const tableKind = (k: string): string => (k === 'tk-document' ? 'tk-zaak' : k);

function usage(msg: string): never {
  console.error(msg);
  process.exit(2);
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose') || args.includes('-v');
  const dirArg = args.find((a) => !a.startsWith('-')) ?? '../shared/corpus/dev';
  const dir = resolve(dirArg);
  const docsDir = join(dir, 'docs');
  const goldDir = join(dir, 'gold');
  if (!existsSync(docsDir) || !existsSync(goldDir)) {
    usage(
      `eval: no corpus at ${dir} (expected docs/NNN.txt and gold/NNN.json).\n` +
        'Pass the corpus directory: npm run eval -- /path/to/corpus/dev',
    );
  }
  const goldFiles = readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (!goldFiles.length) usage(`eval: no gold/*.json files in ${dir}`);

  const tallies = new Map<string, Tally>();
  const tally = (k: string): Tally => {
    let t = tallies.get(k);
    if (!t) tallies.set(k, (t = { tp: 0, fp: 0, fn: 0 }));
    return t;
  };
  const report: string[] = [];
  let ignored = 0;

  for (const gf of goldFiles) {
    const name = gf.replace(/\.json$/, '');
    const docPath = join(docsDir, `${name}.txt`);
    if (!existsSync(docPath)) usage(`eval: ${docPath} missing for ${gf}`);
    const text = readFileSync(docPath, 'utf8');
    const gold = JSON.parse(readFileSync(join(goldDir, gf), 'utf8')) as GoldItem[];
    const preds = detectCitations(text).filter((c) => !UNSCORED.has(c.kind));
    const used = new Set<number>();
    const ctx = (s: number, e: number): string =>
      JSON.stringify(
        text.slice(Math.max(0, s - 30), s) + '[[' + text.slice(s, e) + ']]' + text.slice(e, e + 30),
      );
    for (const p of preds) {
      let hit = -1;
      let optionalHit = false;
      gold.forEach((g, i) => {
        if (hit >= 0 || used.has(i)) return;
        if (g.id !== p.id || g.start >= p.end || p.start >= g.end) return;
        if (g.optional || g.implicit) optionalHit = true;
        else hit = i;
      });
      if (hit >= 0) {
        used.add(hit);
        tally(tableKind(gold[hit]!.kind)).tp++;
      } else if (optionalHit) {
        ignored++;
      } else {
        tally(tableKind(p.kind)).fp++;
        if (verbose) report.push(`FP ${name} ${p.kind} ${p.id} ${ctx(p.start, p.end)}`);
      }
    }
    gold.forEach((g, i) => {
      if (g.optional || g.implicit || used.has(i) || UNSCORED.has(g.kind)) return;
      tally(tableKind(g.kind)).fn++;
      if (verbose) {
        const near = preds.filter((p: Citation) => p.start < g.end && g.start < p.end).map((p) => p.id);
        report.push(
          `FN ${name} ${g.kind} ${g.id} ${ctx(g.start, g.end)}${near.length ? ` (found ${near.join(', ')})` : ''}`,
        );
      }
    });
  }

  const rows: string[][] = [['kind', 'gold', 'found', 'TP', 'FP', 'FN', 'precision', 'recall']];
  const fmt = (n: number, d: number): string => (d === 0 ? '—' : (n / d).toFixed(3));
  const all: Tally = { tp: 0, fp: 0, fn: 0 };
  for (const k of [...tallies.keys()].sort()) {
    const t = tallies.get(k)!;
    all.tp += t.tp;
    all.fp += t.fp;
    all.fn += t.fn;
    rows.push([
      k,
      String(t.tp + t.fn),
      String(t.tp + t.fp),
      String(t.tp),
      String(t.fp),
      String(t.fn),
      fmt(t.tp, t.tp + t.fp),
      fmt(t.tp, t.tp + t.fn),
    ]);
  }
  rows.push([
    'overall',
    String(all.tp + all.fn),
    String(all.tp + all.fp),
    String(all.tp),
    String(all.fp),
    String(all.fn),
    fmt(all.tp, all.tp + all.fp),
    fmt(all.tp, all.tp + all.fn),
  ]);
  console.log(`corpus: ${dir} (${goldFiles.length} documents)`);
  console.log(markdownTable(rows));
  console.log(
    `optional/implicit gold matched (not scored): ${ignored}; not scored: ${[...UNSCORED].join(', ') || 'none'}`,
  );
  if (verbose && report.length) console.log('\n' + report.join('\n'));
}

main();
