/// <reference types="chrome" />
/**
 * PDF benchmark: a generated 100-page document (our own HTML, printed to PDF by Chromium), served as
 * `application/pdf` under www.tweedekamer.nl and opened in the reader of the built extension. Measures, per run:
 * when the first page's text layer was drawn and when its underlines were placed, when every page's citations
 * were known (the popup's list), the longest piece of our own main-thread work, and the longest task of any kind
 * while loading and while scrolling through all pages (PDF.js draws pages on the main thread too).
 *
 *   npm run bench:pdf
 */
import path from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchExtension } from '../tests/browser/harness';
import { markdownTable } from './lib/markdown-table';
import { printToPdf } from './make-document-fixtures';

const PAGES = 100;
const RUNS = 3;
const ADDRESS = 'https://www.tweedekamer.nl/downloads/document?id=bench-100';

/** Deterministic pseudo-random numbers, so every run prints the same document. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A report of `pages` A4 pages: paragraphs with a citation every few sentences, a running header and footer. */
export function buildReportHtml(pages = PAGES): string {
  const next = random(7);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const sentences = [
    () =>
      `Zie Kamerstukken II 2024/25, ${pick(['26 150', '36 180', '32 623', '36 600 V'])}, nr. ${1 + Math.floor(next() * 300)}.`,
    () => `De Veiligheidsraad nam resolutie ${pick(['1325 (2000)', '1820 (2008)', '2467 (2019)'])} aan.`,
    () =>
      `Het ${pick(['VN-Vrouwenrechtenverdrag', 'Wapenhandelsverdrag', 'EVRM', 'Vluchtelingenverdrag'])} blijft leidend.`,
    () => 'De commissie heeft hierover uitgebreid gesproken met de betrokken partijen en organisaties.',
    () => 'Wij willen weten hoe het kabinet de uitvoering volgt en wanneer de Kamer wordt geïnformeerd.',
    () => 'Het is goed dat de regering de maatschappelijke organisaties blijft steunen, ook nu.',
  ];
  const body: string[] = [];
  for (let page = 0; page < pages; page++) {
    const paragraphs = Array.from(
      { length: 7 },
      () => `<p>${Array.from({ length: 5 }, () => pick(sentences)()).join(' ')}</p>`,
    );
    body.push(`<section>${paragraphs.join('')}</section>`);
  }
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Rapport (benchmark)</title>
<style>@page { size: A4; margin: 20mm 22mm; } body { font: 10.5pt/1.5 'DejaVu Sans', sans-serif; }
section { break-after: page; } p { margin: 0 0 8pt; }</style></head><body>${body.join('')}</body></html>`;
}

interface RunResult {
  firstTextLayerMs: number;
  firstUnderlinesMs: number;
  allKnownMs: number;
  citations: number;
  longestOwnMs: number;
  longestTaskLoadMs: number;
  longestTaskScrollMs: number;
  tasksOver50Scroll: number;
}

async function measure(page: Page): Promise<RunResult> {
  // Wait for every page's citations, then read the timings the reader keeps.
  await page
    .waitForFunction(
      () => {
        const reader = (
          globalThis as never as {
            bronwijzerReader?: {
              state: { document?: { pdf?: { citations: { stats: { allDetectedMs: number } } } } };
            };
          }
        ).bronwijzerReader;
        return (reader?.state.document?.pdf?.citations.stats.allDetectedMs ?? 0) > 0;
      },
      undefined,
      { timeout: 60_000, polling: 200 },
    )
    .catch(async (error: unknown) => {
      console.error(
        page.url(),
        await page
          .locator('body')
          .innerText()
          .catch(() => ''),
      );
      throw error;
    });
  const loaded = await page.evaluate(() => {
    const w = globalThis as never as {
      bronwijzerReader: {
        state: { document: { pdf: { citations: { stats: Record<string, number>; all: unknown[] } } } };
      };
      benchMarks: { firstTextLayer: number; firstUnderlines: number; start: number; longTasks: number[] };
    };
    const { stats, all } = w.bronwijzerReader.state.document.pdf.citations;
    return { stats, citations: all.length, marks: w.benchMarks };
  });
  const longTasksBefore = loaded.marks.longTasks.length;
  // Scroll through every page the way a reader pages down, one screen per frame or two.
  await page.evaluate(async () => {
    const container = document.querySelector<HTMLElement>('.reader-pdf')!;
    while (container.scrollTop + container.clientHeight < container.scrollHeight - 2) {
      container.scrollBy(0, container.clientHeight * 0.9);
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  });
  const longTasks = await page.evaluate(
    () => (globalThis as never as { benchMarks: { longTasks: number[] } }).benchMarks.longTasks,
  );
  const scrollTasks = longTasks.slice(longTasksBefore);
  const { marks, stats } = loaded;
  return {
    firstTextLayerMs: marks.firstTextLayer - marks.start,
    firstUnderlinesMs: marks.firstUnderlines - marks.firstTextLayer,
    allKnownMs: marks.start ? stats.allDetectedMs! : 0,
    citations: loaded.citations,
    longestOwnMs: stats.longestOwnMs!,
    longestTaskLoadMs: Math.max(0, ...longTasks.slice(0, longTasksBefore)),
    longestTaskScrollMs: Math.max(0, ...scrollTasks),
    tasksOver50Scroll: scrollTasks.length,
  };
}

async function main(): Promise<void> {
  await mkdir('artifacts', { recursive: true });
  const pdf = await printToPdf({ html: buildReportHtml() });
  await writeFile(path.resolve('artifacts/bench-100-pages.pdf'), pdf);
  const session = await launchExtension();
  session.server.route(({ host, url }) =>
    host === 'www.tweedekamer.nl' && url.searchParams.get('id') === 'bench-100'
      ? { type: 'application/pdf', body: pdf }
      : undefined,
  );
  // The worker installs its redirect rule when it starts: wait for it, as a user's first PDF comes later.
  const worker = await session.worker();
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (await worker.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).length > 0))
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Marks taken inside the reader page: long tasks (any), the first text layer, the first underline.
  await session.context.addInitScript(() => {
    if (!location.pathname.endsWith('/reader/index.html')) return;
    const marks = {
      start: performance.now(),
      firstTextLayer: 0,
      firstUnderlines: 0,
      longTasks: [] as number[],
    };
    Object.assign(globalThis, { benchMarks: marks });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) marks.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
    const poll = () => {
      const layer = document.querySelector('.page[data-page-number="1"] .textLayer span');
      if (layer && !marks.firstTextLayer) marks.firstTextLayer = performance.now();
      const reader = (
        globalThis as never as { bronwijzerReader?: { annotator: { layer: { count: number } } } }
      ).bronwijzerReader;
      if (marks.firstTextLayer && reader && reader.annotator.layer.count > 0) {
        marks.firstUnderlines = performance.now();
        return;
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });

  const results: RunResult[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await session.context.newPage();
      await page.goto(ADDRESS).catch(() => undefined); // redirected into the reader
      results.push(await measure(page));
      await page.close();
    }
  } finally {
    await session.close();
  }

  const fmt = (ms: number) => ms.toFixed(0);
  const rows: string[][] = [
    ['measure', ...results.map((_, i) => `run ${i + 1}`), 'target'],
    [
      'first page drawn (text layer), ms after the reader opened',
      ...results.map((r) => fmt(r.firstTextLayerMs)),
      '—',
    ],
    [
      "first page's underlines, ms after its text layer",
      ...results.map((r) => fmt(r.firstUnderlinesMs)),
      '≤ 1000',
    ],
    ["every page's citations known, ms", ...results.map((r) => fmt(r.allKnownMs)), '≤ 5000'],
    ['citations in the document', ...results.map((r) => String(r.citations)), '—'],
    [
      'longest piece of our own main-thread work, ms',
      ...results.map((r) => r.longestOwnMs.toFixed(1)),
      '≤ 50',
    ],
    ['longest task of any kind while loading, ms', ...results.map((r) => fmt(r.longestTaskLoadMs)), '—'],
    [
      'longest task of any kind while scrolling all pages, ms',
      ...results.map((r) => fmt(r.longestTaskScrollMs)),
      '—',
    ],
    [
      'tasks over 50 ms while scrolling (PDF.js drawing included)',
      ...results.map((r) => String(r.tasksOver50Scroll)),
      '—',
    ],
  ];
  console.log(`Reader on a ${PAGES}-page PDF (${(pdf.length / 1024).toFixed(0)} KiB), ${RUNS} runs\n`);
  console.log(
    markdownTable(
      rows,
      rows[0]!.map((_, i) => i > 0),
    ),
  );
}

await main();
