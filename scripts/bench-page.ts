/**
 * Page benchmark: annotates a generated ≥ 1.5 MB Handelingen-style page in real Chromium with the
 * built extension, and marks the same page with mark.js (markRegExp, comparable patterns) in the
 * same run. Prints main-thread time and longest task for both.
 *
 *   npm run build && npm run bench:page
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { askContent, launchExtension, type ExtensionSession } from '../tests/browser/harness';
import type { ScanStats } from '../src/messaging/contract';

const TARGET_BYTES = 1_600_000;
const RUNS = 3;

/** Deterministic pseudo-random numbers, so every run builds the same page. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export function buildHandelingenPage(targetBytes = TARGET_BYTES): string {
  const next = random(42);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const dossier = () =>
    `${pick(['26 150', '36 180', '32 623', '21 501-02', '36 600 V', '29 521', '35 925'])}`;
  const sentences = [
    () =>
      `Ik verwijs naar de motie ${dossier()}, nr. ${1 + Math.floor(next() * 400)} van het lid ${pick(['Dobbe', 'Boswijk', 'Piri', 'Sjoerdsma'])}.`,
    () => `Zie Kamerstukken II 2024/25, ${dossier()}, nr. ${1 + Math.floor(next() * 300)}.`,
    () =>
      `De Veiligheidsraad nam resoluties ${pick(['1325 (2000)', '1820 (2008)', '2467 (2019)'])} en ${pick(['1888 (2009)', '2242 (2015)'])} aan.`,
    () =>
      `Het ${pick(['VN-Vrouwenrechtenverdrag', 'Wapenhandelsverdrag', 'EVRM', 'Statuut van Rome', 'Vluchtelingenverdrag'])} blijft leidend.`,
    () =>
      `Zie ook Handelingen II 2023/24, nr. ${10 + Math.floor(next() * 90)}, item ${1 + Math.floor(next() * 20)}.`,
    () =>
      `Het budget bedraagt € ${Math.floor(next() * 9000)}.000 en er zijn ${Math.floor(next() * 3000)} deelnemers.`,
    () =>
      `De wet is gepubliceerd in Stb. ${2000 + Math.floor(next() * 25)}, ${1 + Math.floor(next() * 500)}.`,
    () =>
      `Voorzitter, dat is een belangrijk punt en ik dank de minister voor de beantwoording van de vragen.`,
    () =>
      `Wij hebben in ${2000 + Math.floor(next() * 25)} met ${Math.floor(next() * 150)} stemmen voor besloten dit te steunen.`,
    () =>
      `De commissie heeft hierover op ${1 + Math.floor(next() * 28)} maart uitgebreid gesproken met de betrokken partijen.`,
  ];
  const prose = [
    () => 'Voorzitter, dat is een belangrijk punt en ik dank de minister voor de uitgebreide beantwoording.',
    () =>
      `De commissie heeft hierover op ${1 + Math.floor(next() * 28)} maart uitgebreid gesproken met de betrokken partijen.`,
    () =>
      'Wij willen weten hoe het kabinet de uitvoering gaat volgen en wanneer de Kamer daarover wordt geïnformeerd.',
    () =>
      `In ${2000 + Math.floor(next() * 25)} namen ${Math.floor(next() * 3000)} mensen deel aan het programma in ${pick(['Syrië', 'Soedan', 'Congo', 'Afghanistan'])}.`,
    () =>
      'Het is goed dat de regering de maatschappelijke organisaties blijft steunen, ook in moeilijke tijden.',
  ];
  const parts = [
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Handelingen benchmark</title></head><body><h1>Handelingen</h1>',
  ];
  let size = parts[0]!.length;
  for (let paragraph = 0; size < targetBytes; paragraph++) {
    // About one citation per 500 characters, as in real Handelingen (the dev corpus averages one per ~570).
    const text = Array.from({ length: 6 }, () => (next() < 0.4 ? pick(sentences)() : pick(prose)())).join(
      ' ',
    );
    const html =
      paragraph % 7 === 0
        ? `<p class="spreker"><b>${pick(['Mevrouw Dobbe', 'De heer Boswijk', 'Minister Veldkamp'])}</b> (${pick(['SP', 'CDA', 'VVD'])}):</p><p>${text}</p>`
        : `<p>${text}</p>`;
    parts.push(html);
    size += html.length;
  }
  parts.push('</body></html>');
  return parts.join('');
}

/** Records every long task (> 50 ms) from the start of the page. */
const LONG_TASK_OBSERVER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

const MARK_PATTERN =
  '(?:[Rr]esoluties?|Kamerstukk?e?n?(?: I{1,2})?(?: \\\\d{4}/\\\\d{2},)?|[Mm]otie|Handelingen(?: I{1,2})?(?: \\\\d{4}/\\\\d{2},)?|Stb\\\\.)\\\\s+\\\\d[\\\\d ]*(?:[A-Z]+)?(?:,\\\\s*(?:nr\\\\.|item)\\\\s*\\\\d+)*(?:\\\\s*\\\\(\\\\d{4}\\\\))?|\\\\b(?:VN-Vrouwenrechtenverdrag|Wapenhandelsverdrag|EVRM|Statuut van Rome|Vluchtelingenverdrag)\\\\b';

/** Quiet time before and after the work, so the page is laid out first and the paint it causes is counted. */
const SETTLE_MS = 600;
const ANNOTATED_HOST = 'zoek.officielebekendmakingen.nl';

/**
 * The renderer main thread's busy time so far (CDP Performance.getMetrics `TaskDuration`): everything that ran
 * there — scripts, message (de)serialization, style, layout, paint — not only the slices we time ourselves.
 */
async function mainThreadBusyMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return metrics.find((metric) => metric.name === 'TaskDuration')!.value * 1000;
}

/** How long the page's own background activity is sampled before the work. */
const IDLE_SAMPLE_MS = 2_000;

/**
 * Renderer main-thread work caused by `work` on a settled page: the busy time from its start until SETTLE_MS after
 * it (the paint it causes), minus what the page does by itself meanwhile (its rate over IDLE_SAMPLE_MS of idling).
 */
async function workBeyondIdleMs(page: Page, cdp: CDPSession, work: () => Promise<void>): Promise<number> {
  await page.waitForTimeout(SETTLE_MS);
  let busy = await mainThreadBusyMs(cdp);
  let wall = performance.now();
  await page.waitForTimeout(IDLE_SAMPLE_MS);
  const idlePerMs = ((await mainThreadBusyMs(cdp)) - busy) / (performance.now() - wall);
  busy = await mainThreadBusyMs(cdp);
  wall = performance.now();
  await work();
  await page.waitForTimeout(SETTLE_MS);
  return (await mainThreadBusyMs(cdp)) - busy - idlePerMs * (performance.now() - wall);
}

async function openMeasured(
  session: ExtensionSession,
  url: string,
): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  return { page, cdp };
}

/** The popup's per-site switch, set the way the popup sets it (the content script follows it live). */
async function switchSite(session: ExtensionSession, host: string, on: boolean): Promise<void> {
  const worker = await session.worker();
  await worker.evaluate(
    async ({ host, on }) => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings?: object };
      await chrome.storage.local.set({
        settings: { version: 1, ...settings, disabledHosts: on ? [] : [host] },
      });
    },
    { host, on },
  );
}

async function scanStatsWhenDone(session: ExtensionSession, page: Page): Promise<ScanStats> {
  for (;;) {
    const stats = await askContent(session, page, 'scanStats', {}).catch(
      () => ({ citations: 0 }) as ScanStats,
    );
    if (stats.citations > 0) return stats;
    await page.waitForTimeout(100);
  }
}

/**
 * Main-thread cost of hovering citations on the annotated page: the pointer moves onto ten citations in view,
 * one every 400 ms (past the tooltip delay); all renderer work this causes (workBeyondIdleMs), per hover, in ms.
 */
async function hoverCostMs(page: Page, cdp: CDPSession): Promise<number> {
  const points = await page.evaluate(() => {
    const found: { x: number; y: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && found.length < 10; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf('motie ');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 5);
      const rect = range.getBoundingClientRect();
      if (rect.bottom > innerHeight) break;
      found.push({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    }
    return found;
  });
  const hovers = async () => {
    for (const point of points) {
      await page.mouse.move(point.x, point.y, { steps: 3 });
      await page.waitForTimeout(400); // past the tooltip delay
    }
  };
  return (await workBeyondIdleMs(page, cdp, hovers)) / points.length;
}

async function main(): Promise<void> {
  const html = buildHandelingenPage();
  // `--dist DIR` measures another build (for example an older commit's) the same way.
  const distArg = process.argv.indexOf('--dist');
  const session = await launchExtension(distArg > 0 ? { distDir: process.argv[distArg + 1] } : {});
  session.server.route(({ path }) => (path === '/h-tk-benchmark.html' ? { body: html } : undefined));
  const markJs = createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js');
  await session.context.addInitScript(LONG_TASK_OBSERVER);
  const rows: Record<string, string | number>[] = [];
  const settled: { ours: number; peer: number }[] = [];
  const hovers: number[] = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      // Bronwijzer as a reader meets it: the page loads and is annotated; then the reader hovers citations.
      await switchSite(session, ANNOTATED_HOST, true);
      const { page, cdp } = await openMeasured(session, `https://${ANNOTATED_HOST}/h-tk-benchmark.html`);
      const stats = await scanStatsWhenDone(session, page);
      hovers.push(await hoverCostMs(page, cdp));
      const longTasks = await page.evaluate(
        () => (window as unknown as { __longTasks: { duration: number }[] }).__longTasks,
      );
      rows.push({
        run,
        tool: 'Bronwijzer (extension)',
        'page text (MB)': +(stats.textChars / 1e6).toFixed(2),
        marks: stats.citations,
        'main-thread total (ms)': +stats.totalMs.toFixed(1),
        'read/detect/place (ms)': [stats.readMs, stats.detectMs, stats.placeMs]
          .map((ms) => ms.toFixed(0))
          .join(' / '),
        'worker detect, off main thread (ms)': +(stats.workerDetectMs ?? NaN).toFixed(1),
        'longest task (ms)': +stats.longestSliceMs.toFixed(1),
        'tasks > 50 ms on the page': longTasks.length,
      });
      await page.close();

      // Cross-check on a settled page: the site is switched on after the page has loaded and been laid out,
      // and everything the renderer's main thread does from then on is counted, painting included.
      await switchSite(session, ANNOTATED_HOST, false);
      const off = await openMeasured(session, `https://${ANNOTATED_HOST}/h-tk-benchmark.html`);
      const ours = await workBeyondIdleMs(off.page, off.cdp, async () => {
        await switchSite(session, ANNOTATED_HOST, true);
        await scanStatsWhenDone(session, off.page);
      });
      await off.page.close();

      // mark.js on the same page, on a host the extension does not annotate, measured both ways.
      const peer = await openMeasured(session, 'https://www.example.org/h-tk-benchmark.html');
      let result = { ms: 0, count: 0 };
      const peerBusy = await workBeyondIdleMs(peer.page, peer.cdp, async () => {
        await peer.page.addScriptTag({ path: markJs });
        result = await peer.page.evaluate(
          (pattern) => {
            const Mark = (
              window as unknown as { Mark: new (el: Element) => { markRegExp(re: RegExp, o: object): void } }
            ).Mark;
            const start = performance.now();
            let count = 0;
            new Mark(document.body).markRegExp(new RegExp(pattern, 'g'), { each: () => count++ });
            document.body.getBoundingClientRect(); // include the layout its DOM changes cause
            return { ms: performance.now() - start, count };
          },
          JSON.parse(`"${MARK_PATTERN}"`) as string,
        );
      });
      settled.push({ ours, peer: peerBusy });
      rows.push({
        run,
        tool: 'mark.js 8.11.1 markRegExp',
        'page text (MB)': +(stats.textChars / 1e6).toFixed(2),
        marks: result.count,
        'main-thread total (ms)': +result.ms.toFixed(1),
        'read/detect/place (ms)': '',
        'worker detect, off main thread (ms)': '',
        'longest task (ms)': +result.ms.toFixed(1),
        'tasks > 50 ms on the page': '(one task)',
      });
      await peer.page.close();
    }
  } finally {
    await session.close();
  }
  console.log(
    `Page: ${(html.length / 1e6).toFixed(2)} MB of HTML, ${RUNS} runs, Chromium headless, 2-core machine\n`,
  );
  console.table(rows);
  const ours = rows.filter((r) => String(r.tool).startsWith('Bronwijzer'));
  const peers = rows.filter((r) => String(r.tool).startsWith('mark.js'));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const oursTotal = median(ours.map((r) => Number(r['main-thread total (ms)'])));
  const peerTotal = median(peers.map((r) => Number(r['main-thread total (ms)'])));
  console.log(
    `median total: Bronwijzer ${oursTotal.toFixed(1)} ms, mark.js ${peerTotal.toFixed(1)} ms → ratio ${(oursTotal / peerTotal).toFixed(2)} (target ≤ 0.33)`,
  );
  console.log(
    `longest Bronwijzer task: ${Math.max(...ours.map((r) => Number(r['longest task (ms)']))).toFixed(1)} ms (target < 50)`,
  );
  const oursBusy = median(settled.map((c) => c.ours));
  const peerBusy = median(settled.map((c) => c.peer));
  console.log(
    `cross-check on a settled page, all renderer main-thread work incl. style, layout and paint (CDP TaskDuration): ` +
      `Bronwijzer ${settled.map((c) => c.ours.toFixed(0)).join(' / ')} ms, mark.js ${settled.map((c) => c.peer.toFixed(0)).join(' / ')} ms → median ratio ${(oursBusy / peerBusy).toFixed(2)}`,
  );
  console.log(
    `hovering citations on the annotated page, renderer main-thread work per hover: ${hovers.map((ms) => ms.toFixed(1)).join(' / ')} ms`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
