/// <reference types="chrome" />
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';
import { buildDocx } from './docx-builder';
import { resetSettings } from './pages-helpers';
import { LETTER_URL, openReader, readerCitations, servePdf } from './reader-helpers';

let session: ExtensionSession;
let letter: Buffer;

beforeAll(async () => {
  session = await launchExtension();
  await resetSettings(session, 'en');
  letter = await servePdf(session, LETTER_URL, 'letter.pdf');
});

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
