import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_HOST,
  FIREFOX_INSTALL_HINT,
  TOOLTIP,
  findFirefox,
  hoverText,
  launchFirefox,
  type FirefoxSession,
} from './harness';

const DOCUMENTS = path.resolve(import.meta.dirname, '../fixtures/documents');
const READER = `moz-extension://${EXTENSION_HOST}/src/pages/reader/index.html`;
const LETTER_URL = 'https://www.tweedekamer.nl/downloads/document?id=2025D12345';
const firefox = findFirefox();

describe.skipIf(!firefox)(
  firefox ? 'Firefox: the reader' : `Firefox reader test skipped: ${FIREFOX_INSTALL_HINT}`,
  () => {
    let session: FirefoxSession;
    let letter: Buffer;
    beforeAll(async () => {
      session = await launchFirefox();
      letter = await readFile(path.join(DOCUMENTS, 'letter.pdf'));
      session.server.route(({ host, url }) =>
        host === 'www.tweedekamer.nl' && url.pathname === '/downloads/document'
          ? { type: 'application/pdf', body: letter }
          : undefined,
      );
    });
    afterAll(async () => {
      await session?.close();
    });

    /**
     * Opens the reader from a page of a covered site, to which it is web-accessible (WebDriver BiDi may not
     * navigate to an extension page itself): the way a link or a redirect to it arrives.
     */
    const openReader = async (query = '') => {
      const page = await session.open('https://www.tweedekamer.nl/zoeken.html');
      await page.evaluate((address) => void (location.href = address), `${READER}${query}`);
      // Puppeteer does not follow a navigation into an extension page, but evaluates in it.
      await expect
        .poll(() => page.evaluate(() => location.href).catch(() => ''), { timeout: 10_000 })
        .toBe(`${READER}${query}`);
      return page;
    };

    /** The citations the reader placed: id and text. */
    const placed = (page: Awaited<ReturnType<FirefoxSession['open']>>) =>
      page.evaluate(() =>
        (
          globalThis as unknown as {
            bronwijzerReader: { annotator: { layer: { citations: { citation: { id: string } }[] } } };
          }
        ).bronwijzerReader.annotator.layer.citations.map((item) => item.citation.id),
      );

    it('opens a local PDF from the file picker, underlines its citations and explains them on hover', async () => {
      const page = await openReader();
      const input = (await page.waitForSelector(
        '[data-testid="reader-file"]',
      )) as ElementHandle<HTMLInputElement>;
      const file = path.join(DOCUMENTS, 'letter.pdf');
      await input.uploadFile(file);
      await expect
        .poll(() => placed(page), { timeout: 20_000 })
        .toEqual(['unsc-1325', 'treaty-cedaw', 'kst-26150-223']);
      await hoverText(page, '1325 (2000)');
      const card = await page.waitForSelector(TOOLTIP, { visible: true, timeout: 15_000 });
      expect(await card!.evaluate((element) => element.getAttribute('data-citation-id'))).toBe('unsc-1325');
      await page.close();
    });

    it('opens a PDF from a covered site by its address, as the popup and the context menu do', async () => {
      const page = await openReader(`?file=${encodeURIComponent(LETTER_URL)}`);
      await expect
        .poll(() => placed(page), { timeout: 20_000 })
        .toEqual(['unsc-1325', 'treaty-cedaw', 'kst-26150-223']);
      await page.close();
    });
  },
);
