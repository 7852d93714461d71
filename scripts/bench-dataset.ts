/**
 * Dataset benchmark, in real Chromium with the built extension: seeding the whole bundled dataset
 * into IndexedDB in the service worker, and batch lookups of 1,000 ids (cold: from IndexedDB;
 * warm: from the worker's cache; and the full round trip from an extension page).
 *
 *   npm run bench:dataset
 */
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launchExtension, lookupIds } from '../tests/browser/harness';

const RUNS = 5;
const DATASET = 'data/dataset.json';
const DOCUMENTS = 'data/documents.tsv';

interface Timings {
  seedMs: number;
  /** Split of seedMs: fetch + parse, validation, bucketing, IndexedDB commit. */
  phases: Record<string, number>;
  coldLookupMs: number;
  warmLookupMs: number;
  answered: number;
}

/** 1,000 ids a busy page might cite: resolutions, Kamerstuk documents, treaties and unknown ids. */
function sampleIds(): string[] {
  const ids: string[] = [];
  for (let i = 0; i < 400; i++) ids.push(`unsc-${1 + ((i * 7) % 2781)}`);
  const dossiers = ['26150', '36180', '36600-V', '32623', '21501-02', '29521', '35925-XVII', '99999'];
  for (let i = 0; i < 400; i++) ids.push(`kst-${dossiers[i % dossiers.length]}-${1 + i}`);
  const treaties = ['cedaw', 'att', 'echr', 'crc', 'npt', 'rome-statute', 'bwbv0001002', 'unknown-treaty'];
  for (let i = 0; i < 200; i++) ids.push(i < 8 ? `treaty-${treaties[i]}` : `stb-${2000 + (i % 25)}-${i}`);
  return ids;
}

async function main(): Promise<void> {
  const session = await launchExtension();
  const ids = sampleIds();
  const rows: (Timings & { run: number; roundTripMs: number })[] = [];
  try {
    const worker = await session.worker();
    // The seed a fresh install does by itself, in a worker that has run nothing else yet.
    const install = await worker.evaluate(async () => {
      const { reference } = (globalThis as unknown as { bronwijzer: { reference: any } }).bronwijzer; // eslint-disable-line @typescript-eslint/no-explicit-any
      return (await reference.ensureSeeded()).seedMs as number;
    });
    console.log(`install-time seed in a fresh worker: ${install} ms (load + validate + write)`);
    for (let run = 1; run <= RUNS; run++) {
      const timings = await worker.evaluate(async (ids) => {
        const { reference } = (globalThis as unknown as { bronwijzer: { reference: any } }).bronwijzer; // eslint-disable-line @typescript-eslint/no-explicit-any
        let start = performance.now();
        await reference.seed();
        const seedMs = performance.now() - start;
        const phases = reference.lastSeedPhases as Record<string, number>;
        reference.clearCache();
        start = performance.now();
        const cold = await reference.lookup(ids);
        const coldLookupMs = performance.now() - start;
        start = performance.now();
        await reference.lookup(ids);
        const warmLookupMs = performance.now() - start;
        return { seedMs, coldLookupMs, warmLookupMs, answered: cold.length, phases };
      }, ids);
      await lookupIds(session, ids); // warm the page side once
      const start = performance.now();
      await lookupIds(session, ids);
      rows.push({ run, ...timings, roundTripMs: performance.now() - start });
    }
  } finally {
    await session.close();
  }
  const raw = statSync(DATASET).size + statSync(DOCUMENTS).size;
  const gzipped = gzipSync(Buffer.concat([readFileSync(DATASET), readFileSync(DOCUMENTS)]), {
    level: 9,
  }).length;
  console.log(
    `Dataset ${DATASET} + ${DOCUMENTS}: ${(raw / 1e6).toFixed(2)} MB unpacked, ${(gzipped / 1e6).toFixed(2)} MB gzip -9\n`,
  );
  console.table(
    rows.map((r) => ({
      run: r.run,
      'seed whole dataset (ms)': +r.seedMs.toFixed(1),
      'load / validate / prepare / commit (ms)': ['loadMs', 'validateMs', 'prepareMs', 'commitMs']
        .map((k) => r.phases[k])
        .join(' / '),
      'lookup 1,000 cold (ms)': +r.coldLookupMs.toFixed(1),
      'lookup 1,000 warm (ms)': +r.warmLookupMs.toFixed(1),
      'page round trip incl. open (ms)': +r.roundTripMs.toFixed(1),
      answered: r.answered,
    })),
  );
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(
    `median: seed ${median(rows.map((r) => r.seedMs)).toFixed(1)} ms (target ≤ 1,000), ` +
      `warm lookup of 1,000 ids ${median(rows.map((r) => r.warmLookupMs)).toFixed(1)} ms (target ≤ 20)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
