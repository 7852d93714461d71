/// <reference types="chrome" />
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hoverText, launchExtension, tooltip, type ExtensionSession } from './harness';
import { buildDocx } from './docx-builder';
import { resetSettings } from './pages-helpers';
import { decodePng } from './pixels';
import { LETTER_URL, openReader, readerCitations, seriousViolations, servePdf } from './reader-helpers';

/** A note in two columns with footnotes, and a letter whose citations run across page breaks. */
const COLUMNS_URL = 'https://www.tweedekamer.nl/downloads/document?id=2025D00002';
const PAGE_BREAK_URL = 'https://www.tweedekamer.nl/downloads/document?id=2025D00003';

let session: ExtensionSession;
let letter: Buffer;

beforeAll(async () => {
  session = await launchExtension();
  await resetSettings(session, 'en');
  letter = await servePdf(session, LETTER_URL, 'letter.pdf');
  await servePdf(session, COLUMNS_URL, 'two-column.pdf');
  await servePdf(session, PAGE_BREAK_URL, 'page-break.pdf');
});

/** The open PDF's current page (PDF.js's viewer), set with `number`. */
const currentPage = (page: Page, number?: number) =>
  page.evaluate((number) => {
    const { viewer } = (
      globalThis as unknown as {
        bronwijzerReader: {
          state: { document: { pdf: { view: { viewer: { currentPageNumber: number } } } } };
        };
      }
    ).bronwijzerReader.state.document.pdf.view;
    if (number) viewer.currentPageNumber = number;
    return viewer.currentPageNumber;
  }, number);

/** Moves the pointer away, so the next hover opens a fresh tooltip. */
async function hoverAway(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  await expect.poll(() => tooltip(page).count()).toBe(0);
}

afterAll(async () => {
  await session?.close();
});

describe('the original file', () => {
  it('downloads the PDF as served, named after its title when the address names no file', async () => {
    const page = await openReader(session, LETTER_URL);
    await expect.poll(async () => (await readerCitations(page)).length).toBe(3);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Kamerbrief over vrouwen, vrede en veiligheid.pdf');
    expect(Buffer.compare(await readFile((await download.path())!), letter)).toBe(0);
    await page.close();
  });

  it('downloads a Word file as it was opened, under its own name, from the keyboard', async () => {
    const page = await openReader(session);
    const docx = Buffer.from(buildDocx({ heading: 'Motie', paragraphs: ['resolutie 1325 (2000)'] }));
    await page.getByTestId('reader-file').setInputFiles({
      name: 'motie 36 600.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await expect.poll(async () => (await readerCitations(page)).length).toBe(1);
    await page.getByRole('button', { name: 'Download' }).focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('motie 36 600.docx');
    expect(Buffer.compare(await readFile((await download.path())!), docx)).toBe(0);
    await page.close();
  });

  it("prints every page of the PDF, drawn at print resolution, and nothing of the reader's own", async () => {
    const page = await openReader(session, LETTER_URL);
    await expect.poll(async () => (await readerCitations(page)).length).toBe(3);
    // What the print dialog would get, read at the moment it opens (headless Chromium shows none).
    await page.evaluate(() => {
      const printed: unknown[] = [];
      Object.assign(globalThis, { printed });
      window.print = () => {
        const images = [...document.querySelectorAll<HTMLImageElement>('#reader-print img')];
        const canvas = document.createElement('canvas');
        const context = canvas.getContext('2d', { willReadFrequently: true })!;
        printed.push(
          images.map((image) => {
            canvas.width = image.naturalWidth;
            canvas.height = image.naturalHeight;
            context.fillStyle = '#fff';
            context.fillRect(0, 0, canvas.width, canvas.height);
            context.drawImage(image, 0, 0);
            const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
            let dark = 0;
            for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
            return { width: image.naturalWidth, height: image.naturalHeight, dark: dark / (data.length / 4) };
          }),
        );
        printed.push(getComputedStyle(document.getElementById('app')!).display);
      };
    });
    await page.getByRole('button', { name: 'Print' }).waitFor();
    const print = page.getByTestId('reader-print');
    await page.emulateMedia({ media: 'print' }); // the toolbar is hidden in print: clicked from the script
    await print.dispatchEvent('click');
    const printed = () =>
      page.evaluate(
        () =>
          (globalThis as unknown as { printed: [{ width: number; height: number; dark: number }[], string] })
            .printed,
      );
    await expect.poll(async () => (await printed()).length).toBe(2);
    const [pages, app] = await printed();
    expect(app).toBe('none'); // the toolbar and the screen's pages stay off the paper
    expect(pages).toHaveLength(1); // the letter's one page
    // A4 at 150 dpi, with text in ink: some of the page, far from all of it.
    expect(pages[0]!.width).toBeCloseTo((210 / 25.4) * 150, -1);
    expect(pages[0]!.height).toBeCloseTo((297 / 25.4) * 150, -1);
    expect(pages[0]!.dark).toBeGreaterThan(0.005);
    expect(pages[0]!.dark).toBeLessThan(0.2);
    await expect.poll(() => page.locator('#reader-print').count()).toBe(0); // gone after printing
    await page.close();
  });
});

describe('text as a reader reads it', () => {
  it('reads a page in two columns column by column, footnotes after: every citation explained where it is', async () => {
    const page = await openReader(session, COLUMNS_URL);
    await expect
      .poll(async () => (await readerCitations(page)).map(([id]) => id))
      .toEqual([
        'unsc-1325',
        'unsc-1820',
        'unsc-2242',
        'treaty-cedaw',
        'kst-26150-223',
        'unsc-1888',
        'treaty-crc',
      ]);
    for (const [text, id] of [
      ['1820 (2008)', 'unsc-1820'], // left column
      ['2242 (2015)', 'unsc-2242'], // right column, on the baseline of a left column line
      ['Vrouwenrechtenverdrag', 'treaty-cedaw'], // right column, after "VN-" at the line's end
      ['1888 (2009)', 'unsc-1888'], // footnote
      ['Kinderrechtenverdrag', 'treaty-crc'], // footnote
    ]) {
      await hoverAway(page);
      await hoverText(page, text!);
      await expect.poll(() => tooltip(page).getAttribute('data-citation-id')).toBe(id);
    }
    await page.screenshot({ path: 'artifacts/reader-two-columns.png' });
    await page.close();
  });

  it('reads a citation that runs across a page break as one, underlined on both pages', async () => {
    const page = await openReader(session, PAGE_BREAK_URL);
    await expect
      .poll(async () => [...new Set((await readerCitations(page)).map(([id]) => id))])
      .toEqual(['kst-35300-1', 'treaty-cedaw']);
    for (const [number, text, id] of [
      [1, '35 300,', 'kst-35300-1'],
      [2, 'nr. 1, en op', 'kst-35300-1'],
      [2, 'VN-', 'treaty-cedaw'],
      [3, 'Vrouwenrechtenverdrag', 'treaty-cedaw'],
    ] as const) {
      await currentPage(page, number);
      await hoverAway(page);
      await expect
        .poll(() => hoverText(page, text).then(() => tooltip(page).getAttribute('data-citation-id')))
        .toBe(id);
    }
    // Each page's part, as its underline covers it.
    const parts = (await readerCitations(page))
      .filter(([id]) => id === 'kst-35300-1')
      .map(([, text]) => text.replace(/\s/g, '')); // justified: PDF.js draws no spaces between the words
    expect(parts).toEqual(['KamerstukkenII2019/20,35300,', 'nr.1']);
    await page.close();
  });
});

describe('the place where the reader left off', () => {
  it('reopens a document at the page, scroll position and zoom it was left at', async () => {
    const page = await openReader(session, PAGE_BREAK_URL);
    await expect.poll(async () => (await readerCitations(page)).length).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Zoom' }).selectOption('1.5');
    await page.getByLabel('Page number').fill('3');
    await page.getByLabel('Page number').press('Enter');
    await page.mouse.move(600, 500);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => currentPage(page)).toBe(3);
    const left = await page.locator('.reader-pdf').evaluate((element) => element.scrollTop);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // saved once the view rests

    await page.reload();
    await expect.poll(() => page.getByLabel('Page number').inputValue()).toBe('3');
    await expect.poll(() => page.getByRole('combobox', { name: 'Zoom' }).inputValue()).toBe('1.5');
    await expect
      .poll(() => page.locator('.reader-pdf').evaluate((element) => element.scrollTop))
      .toBeGreaterThan(left - 20);
    expect(await page.locator('.reader-pdf').evaluate((element) => element.scrollTop)).toBeLessThan(
      left + 20,
    );
    await page.close();
  });
});

describe('the sidebar', () => {
  it("opens from the keyboard with the PDF's outline and thumbnails of its pages, both leading to their page", async () => {
    const page = await openReader(session, PAGE_BREAK_URL);
    await expect.poll(async () => (await readerCitations(page)).length).toBeGreaterThan(0);
    const toggle = page.getByRole('button', { name: 'Outline and pages' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const sidebar = page.getByRole('navigation', { name: 'Outline and pages' });
    await expect
      .poll(() => sidebar.locator('.outline button').allTextContents())
      .toEqual(['1. Begroting', '2. Verslag', '3. Slot']);
    await sidebar.getByRole('button', { name: '3. Slot' }).click();
    await expect.poll(() => page.getByLabel('Page number').inputValue()).toBe('3');

    await sidebar.getByRole('button', { name: 'Pages', exact: true }).click();
    const thumbnails = sidebar.getByRole('button', { name: /^Page \d$/ });
    await expect.poll(() => thumbnails.count()).toBe(3);
    await expect.poll(() => sidebar.locator('canvas[data-drawn]').count()).toBe(3);
    // A drawn page: mostly paper, some ink.
    const pixels = await decodePng(page, await sidebar.locator('canvas').first().screenshot());
    let dark = 0;
    for (let i = 0; i < pixels.data.length; i += 4) if (pixels.data[i]! < 128) dark++;
    expect(dark / (pixels.data.length / 4)).toBeGreaterThan(0.002);
    expect(dark / (pixels.data.length / 4)).toBeLessThan(0.3);

    await sidebar.getByRole('button', { name: 'Page 2' }).click();
    await expect.poll(() => page.getByLabel('Page number').inputValue()).toBe('2');
    await expect
      .poll(() => sidebar.getByRole('button', { name: 'Page 2' }).getAttribute('aria-current'))
      .toBe('page');
    await page.keyboard.press('Escape');
    await toggle.click();
    await expect.poll(() => sidebar.count()).toBe(0);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`is axe-clean open, ${scheme}`, async () => {
      const page = await openReader(session, PAGE_BREAK_URL);
      await page.emulateMedia({ colorScheme: scheme });
      await expect.poll(async () => (await readerCitations(page)).length).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Outline and pages' }).click();
      await expect.poll(() => page.locator('.outline button').count()).toBe(3);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `artifacts/reader-sidebar-outline-${scheme}.png` });
      await page.getByRole('button', { name: 'Pages', exact: true }).click();
      await expect.poll(() => page.locator('canvas[data-drawn]').count()).toBe(3);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `artifacts/reader-sidebar-pages-${scheme}.png` });
      await page.close();
    });
  }
});
