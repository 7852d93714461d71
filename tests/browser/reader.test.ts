/// <reference types="chrome" />
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverText, launchExtension, tooltip, type ExtensionSession } from './harness';
import { buildDocx } from './docx-builder';
import { openPopupFor, resetSettings, storedSettings } from './pages-helpers';
import { LETTER_URL, openReader, readerAddress, readerCitations, seriousViolations } from './reader-helpers';

export { LETTER_URL, openReader, readerAddress, readerCitations };

const DOCUMENTS = path.resolve(import.meta.dirname, '../fixtures/documents');

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
  await resetSettings(session, 'en');
  // The worker installs the redirect rule as it starts.
  const worker = await session.worker();
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (await worker.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).length > 0))
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const letter = await readFile(path.join(DOCUMENTS, 'letter.pdf'));
  session.server.route(({ host, path: requested, url }) =>
    host === 'www.tweedekamer.nl' && requested === '/downloads/document' && url.searchParams.has('id')
      ? { type: 'application/pdf', body: letter }
      : undefined,
  );
});

afterAll(async () => {
  await session?.close();
});

describe('opening PDFs from a covered site', () => {
  it('lands in the reader when following an address that serves application/pdf, original address shown', async () => {
    const page = await session.context.newPage();
    await page.goto(LETTER_URL).catch(() => undefined); // the navigation is redirected to the extension
    const reader = `chrome-extension://${session.extensionId}/src/pages/reader/index.html#${LETTER_URL}`;
    await expect.poll(() => page.url()).toBe(reader);
    await expect.poll(async () => (await readerCitations(page)).map(([id]) => id)).toContain('unsc-1325');
    await expect.poll(() => page.locator('.reader-origin a').getAttribute('href')).toBe(LETTER_URL);
    await page.close();
  });

  it("leaves to the browser's own viewer on request, and that address is not sent back to the reader", async () => {
    const address = `${LETTER_URL}&way=out`;
    const page = await session.context.newPage();
    await page.goto(address).catch(() => undefined);
    await expect.poll(() => page.url()).toContain('/src/pages/reader/index.html#');
    await page.locator('.reader-origin button').click();
    await expect.poll(() => page.url()).toBe(address);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a redirect would have happened by now
    expect(page.url()).toBe(address);
    await page.close();
  });

  it('can be switched off in the reader; the popup then offers the reader for the PDF tab', async () => {
    const page = await session.context.newPage();
    await page.goto(`${LETTER_URL}&switch=off`).catch(() => undefined);
    const autoOpen = page.locator('.reader-origin input[role="switch"]');
    await expect.poll(() => autoOpen.isChecked()).toBe(true);
    await autoOpen.uncheck();
    await expect.poll(async () => (await storedSettings(session)).openPdfsInReader).toBe(false);

    const address = `${LETTER_URL}&after=off`;
    const pdfTab = await session.context.newPage();
    await pdfTab.goto(address).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(pdfTab.url()).toBe(address); // the browser's viewer, not the reader

    const popup = await openPopupFor(session, pdfTab);
    await popup.getByTestId('open-in-reader').click();
    await expect.poll(() => pdfTab.url()).toBe(readerAddress(session, address));
    await expect.poll(async () => (await readerCitations(pdfTab)).length).toBe(3);

    await resetSettings(session, 'en');
    await Promise.all([page.close(), pdfTab.close(), popup.isClosed() ? undefined : popup.close()]);
  });
});

describe('the popup on a reader tab', () => {
  it("lists the document's citations and shows one on click", async () => {
    const page = await openReader(session, LETTER_URL);
    await expect.poll(async () => (await readerCitations(page)).length).toBe(3);
    const popup = await openPopupFor(session, page);
    const listed = popup.locator('button.citation');
    await expect
      .poll(() => listed.evaluateAll((buttons) => buttons.map((b) => b.dataset.citationId)))
      .toEqual(['unsc-1325', 'treaty-cedaw', 'kst-26150-223']);
    await popup.locator('button.citation[data-citation-id="treaty-cedaw"]').click();
    await expect.poll(() => tooltip(page).getAttribute('data-citation-id')).toBe('treaty-cedaw');
    await Promise.all([page.close(), popup.close()]);
  });
});

describe('the reader on a PDF', () => {
  it('underlines the citations of a letter served as application/pdf and explains them on hover', async () => {
    const page = await openReader(session, LETTER_URL);
    await expect
      .poll(() => readerCitations(page))
      .toEqual([
        ['unsc-1325', 'resolutie 1325 (2000)'],
        ['treaty-cedaw', 'VN-Vrouwenrechtenverdrag'],
        ['kst-26150-223', 'Kamerstukken 26 150, nr. 223'],
      ]);
    await expect.poll(() => page.getByTestId('reader-citation-count').textContent()).toMatch(/^3 /);
    await expect.poll(() => page.locator('.reader-origin a').getAttribute('href')).toBe(LETTER_URL);

    await hoverText(page, '1325 (2000)');
    await expect.poll(() => tooltip(page).getAttribute('data-citation-id')).toBe('unsc-1325');
    await expect.poll(() => tooltip(page).textContent()).toMatch(/Women and peace and security/i);
    await page.screenshot({ path: 'artifacts/reader-tooltip.png' });
    await page.close();
  });

  it('reads a treaty name hyphenated at a line end as one citation, on both of its lines', async () => {
    const page = await openReader(session, LETTER_URL);
    await expect.poll(async () => (await readerCitations(page)).length).toBe(3);
    for (const part of ['VN-', 'Vrouwenrechtenverdrag']) {
      await page.mouse.move(5, 5);
      await expect.poll(() => tooltip(page).count()).toBe(0);
      await hoverText(page, part);
      await expect.poll(() => tooltip(page).getAttribute('data-citation-id')).toBe('treaty-cedaw');
    }
    await page.close();
  });
});

describe('the reader on a Word file', () => {
  it('annotates a .docx opened from the file picker, text as text', async () => {
    const page = await openReader(session);
    await expect.poll(() => page.locator('.reader-empty').isVisible()).toBe(true);
    const docx = buildDocx({
      heading: 'Motie over <b>vrouwen</b>, vrede en veiligheid',
      paragraphs: [
        'De Kamer, gehoord de beraadslaging, constaterende dat resolutie 1325 (2000) twintig jaar oud is;',
        'verzoekt de regering het VN-Vrouwenrechtenverdrag na te leven (Kamerstukken 26 150, nr. 223),',
      ],
    });
    await page.getByTestId('reader-file').setInputFiles({
      name: 'motie.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(docx),
    });
    await expect
      .poll(() => readerCitations(page))
      .toEqual([
        ['unsc-1325', 'resolutie 1325 (2000)'],
        ['treaty-cedaw', 'VN-Vrouwenrechtenverdrag'],
        ['kst-26150-223', 'Kamerstukken 26 150, nr. 223'],
      ]);
    // Markup in the document's text stays text.
    await expect
      .poll(() => page.locator('.reader-docx h1').textContent())
      .toBe('Motie over <b>vrouwen</b>, vrede en veiligheid');
    expect(await page.locator('.reader-docx b').count()).toBe(0);
    await hoverText(page, '1325 (2000)');
    await expect.poll(() => tooltip(page).getAttribute('data-citation-id')).toBe('unsc-1325');
    await page.screenshot({ path: 'artifacts/reader-docx.png' });
    await page.close();
  });
});

describe('the reader for everyone', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`is axe-clean with a PDF open and with none, ${scheme}`, async () => {
      const page = await openReader(session);
      await page.emulateMedia({ colorScheme: scheme });
      await expect.poll(() => page.locator('.reader-empty').isVisible()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto(readerAddress(session, LETTER_URL));
      await expect.poll(async () => (await readerCitations(page)).length).toBe(3);
      expect(await seriousViolations(page)).toEqual([]);
      await hoverText(page, '1325 (2000)');
      await expect.poll(() => tooltip(page).count()).toBe(1);
      await page.screenshot({ path: `artifacts/reader-${scheme}.png` });
      await page.close();
    });
  }

  it('finds text with Ctrl+F, highlighting the matches, and keeps the citations placed', async () => {
    const page = await openReader(session, LETTER_URL);
    await expect.poll(async () => (await readerCitations(page)).length).toBe(3);
    await page.locator('.reader-pdf').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reader-find');
    await page.keyboard.type('Veiligheidsraad');
    await expect.poll(() => page.locator('.textLayer .highlight').count()).toBeGreaterThan(0);
    expect(await page.locator('.textLayer .highlight').first().textContent()).toBe('Veiligheidsraad');
    // Find split the text layer's nodes; the citations were placed again on the new ones.
    await expect
      .poll(async () => (await readerCitations(page)).map(([, text]) => text))
      .toContain('resolutie 1325 (2000)');
    await page.keyboard.press('Escape');
    await hoverText(page, '1325 (2000)');
    await expect.poll(() => tooltip(page).getAttribute('data-citation-id')).toBe('unsc-1325');
    await page.close();
  });
});
