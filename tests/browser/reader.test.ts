import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverText, launchExtension, tooltip, type ExtensionSession } from './harness';

const DOCUMENTS = path.resolve(import.meta.dirname, '../fixtures/documents');
/** Where the Tweede Kamer serves a letter: `application/pdf`, no `.pdf` in the address. */
export const LETTER_URL = 'https://www.tweedekamer.nl/downloads/document?id=2025D12345';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
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

/** The reader page on a document address, as the popup and the context menu open it. */
export async function openReader(session: ExtensionSession, address?: string): Promise<Page> {
  const query = address ? `?file=${encodeURIComponent(address)}` : '';
  return session.open(`chrome-extension://${session.extensionId}/src/pages/reader/index.html${query}`);
}

/** The citations placed in the reader so far: id and the text they cover, in reading order. */
export async function readerCitations(page: Page): Promise<[string, string][]> {
  return page.evaluate(() => {
    const reader = (
      globalThis as unknown as {
        bronwijzerReader: {
          annotator: { layer: { citations: { citation: { id: string }; text: string }[] } };
        };
      }
    ).bronwijzerReader;
    return reader.annotator.layer.citations.map((item) => [item.citation.id, item.text] as [string, string]);
  });
}

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
