import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './harness';
import { extensionUrl } from './pages-helpers';

/** Where the Tweede Kamer serves a letter: `application/pdf`, no `.pdf` in the address. */
export const LETTER_URL = 'https://www.tweedekamer.nl/downloads/document?id=2025D12345';

/** The reader's address for a document, as the popup and the context menu open it. */
export const readerAddress = (session: ExtensionSession, address?: string) =>
  extensionUrl(
    session,
    `src/pages/reader/index.html${address ? `?file=${encodeURIComponent(address)}` : ''}`,
  );

export async function openReader(session: ExtensionSession, address?: string): Promise<Page> {
  return session.open(readerAddress(session, address));
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

export const DOCUMENTS = path.resolve(import.meta.dirname, '../fixtures/documents');

/** Serves a fixture document (tests/fixtures/documents) as `application/pdf` at `address`, query included. */
export async function servePdf(session: ExtensionSession, address: string, file: string): Promise<Buffer> {
  const body = await readFile(path.join(DOCUMENTS, file));
  const wanted = new URL(address);
  session.server.route(({ host, url }) =>
    host === wanted.host && url.pathname === wanted.pathname && url.search === wanted.search
      ? { type: 'application/pdf', body }
      : undefined,
  );
  return body;
}

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the whole page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await AXE_SOURCE);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: unknown): Promise<AxeResults> } }).axe.run(document),
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
