/**
 * Prints the fixture documents (tests/fixtures/documents/*.html, our own pages) to PDF with Chromium, the way a
 * user's "Save as PDF" would: `npm run fixtures:documents`. The PDFs are committed beside their sources, so the
 * tests need no printing; run this again after changing a source page.
 */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from '../tests/browser/harness';

const DOCUMENTS_DIR = path.resolve(import.meta.dirname, '../tests/fixtures/documents');

/** Prints one HTML file (or page markup) to PDF bytes. */
export async function printToPdf(source: { file: string } | { html: string }): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    if ('file' in source) await page.goto(pathToFileURL(source.file).href);
    else await page.setContent(source.html);
    // The headings become the PDF's outline (bookmarks), as a word processor's export makes them.
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const sources = (await readdir(DOCUMENTS_DIR)).filter((name) => name.endsWith('.html'));
  for (const name of sources) {
    const pdf = await printToPdf({ file: path.join(DOCUMENTS_DIR, name) });
    const out = path.join(DOCUMENTS_DIR, name.replace(/\.html$/, '.pdf'));
    await writeFile(out, pdf);
    console.log(`${path.relative(process.cwd(), out)}: ${pdf.length} bytes`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
