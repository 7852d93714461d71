/**
 * The main job: opens Chromium with the built extension on the bundled sample page (a Tweede Kamer
 * answer citing what the seed document cites). With a display the browser stays open for you;
 * without one it runs headless, writes a screenshot and prints what it annotated.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { hoverText, launchExtension, lookupIds, pageCitations, tooltip } from '../tests/browser/harness';

const SAMPLE_URL = 'https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=2025Z09876&did=2025D23456';
const SCREENSHOT = path.resolve('artifacts/sample-tooltip.png');

async function main(): Promise<void> {
  const headless = !process.env.DISPLAY || process.argv.includes('--headless');
  const session = await launchExtension({ headless });
  const page = await session.open(SAMPLE_URL);
  const citations = await waitForCitations(() => pageCitations(session, page));
  const facts = new Map(
    (
      await lookupIds(
        session,
        citations.map((c) => c.id),
        // The words around suffixless Kamerstukken, as the popup sends them: the worker infers the document.
        Object.fromEntries(citations.flatMap((c) => (c.context ? [[c.id, c.context]] : []))),
      )
    ).map((r) => [r.id, r]),
  );

  console.log(`Bronwijzer annotated ${citations.length} distinct citations on ${SAMPLE_URL}\n`);
  console.table(
    citations.map((c) => ({
      // The page's own document number is not a reference elsewhere: the popup lists it as "This document".
      text: c.thisDocument ? `${c.text} (this document)` : c.text.replace(/\s+/g, ' '),
      kind: c.kind,
      id: c.id,
      times: c.occurrences,
      title: facts.get(c.id)?.title ?? '',
      date: facts.get(c.id)?.date ?? '',
    })),
  );

  await hoverText(page, '1325 (2000)');
  await tooltip(page).locator('.title').waitFor({ state: 'visible' });
  await page.waitForTimeout(150); // let the card settle at its final position
  await mkdir(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  console.log(`\nScreenshot of the tooltip on "1325 (2000)": ${path.relative(process.cwd(), SCREENSHOT)}`);

  if (headless) {
    await session.close();
    return;
  }
  console.log('Chromium is open with Bronwijzer; close the window to finish.');
  await new Promise((resolve) => session.context.on('close', resolve));
  await session.close();
}

async function waitForCitations<T>(read: () => Promise<T[]>, timeoutMs = 15_000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await read().catch(() => []);
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
