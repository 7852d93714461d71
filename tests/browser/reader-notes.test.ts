/// <reference types="chrome" />
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/core/annotations/model';
import { buildDocx } from './docx-builder';
import { askBackground, launchExtension, type ExtensionSession } from './harness';
import { clearAllNotes, dragSelect, textBox } from './notes-helpers';
import { extensionUrl, resetSettings } from './pages-helpers';
import { printToPdf } from '../../scripts/make-document-fixtures';
import { comparePixels, decodePng, type Pixels } from './pixels';

const DOCUMENTS = path.resolve(import.meta.dirname, '../fixtures/documents');
const LETTER_URL = 'https://www.tweedekamer.nl/downloads/document?id=2025D20001';
const LETTER_TITLE = 'Kamerbrief over vrouwen, vrede en veiligheid';
const PASSAGE = 'uitvoering van het Nationaal Actieplan';
const REPORT_URL = 'https://www.tweedekamer.nl/downloads/document?id=report';
const REPORT_PAGES = 8;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
  await resetSettings(session, 'en');
  const letter = await readFile(path.join(DOCUMENTS, 'letter.pdf'));
  const report = await printToPdf({ html: reportHtml(REPORT_PAGES) });
  session.server.route(({ host, path: requested, url }) =>
    host === 'www.tweedekamer.nl' && requested === '/downloads/document'
      ? { type: 'application/pdf', body: url.searchParams.get('id') === 'report' ? report : letter }
      : undefined,
  );
});

afterAll(async () => {
  await session?.close();
});

const reader = (query = '') => extensionUrl(session, `src/pages/reader/index.html${query}`);

interface PlacedNote {
  id: string;
  state: 'anchored' | 'orphaned';
  page?: number;
  text?: string;
}

/** The open document's notes as the reader placed them. */
function placedNotes(page: Page): Promise<PlacedNote[]> {
  return page.evaluate(async () => {
    const { notes } = (
      globalThis as unknown as {
        bronwijzerReader: { notes: { ready: Promise<void>; placed(): PlacedNote[] } };
      }
    ).bronwijzerReader;
    await notes.ready;
    return notes.placed();
  });
}

/** Selects a passage with the mouse and saves a note on it with the reader's note form. */
async function noteOnSelection(page: Page, container: string, passage: string, body: string) {
  await dragSelect(page, container, passage);
  const button = page.locator('bronwijzer-reader-notes .note-select-button');
  await button.click();
  const form = page.locator('bronwijzer-reader-notes form.note-form');
  await expect.poll(() => form.locator('.note-quote').textContent()).toBe(passage);
  await form.locator('.note-body').fill(body);
  await form.locator('.note-save').click();
  await expect.poll(() => form.count()).toBe(0);
}

/** A screenshot of a passage's box (scrolled to the middle of the view). */
async function passagePixels(page: Page, container: string, passage: string, size?: Pixels) {
  await page.mouse.move(2, 2); // no hover card over the passage
  const box = await textBox(page, container, passage);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const again = await textBox(page, container, passage);
  const clip = {
    x: Math.round(again.start.x),
    y: Math.round(again.start.y - 6),
    width: size?.width ?? Math.round(box.end.x - box.start.x),
    height: size?.height ?? 12,
  };
  return decodePng(page, await page.screenshot({ clip }));
}

const TOPICS = ['landbouw', 'defensie', 'onderwijs', 'zorg', 'wonen', 'klimaat', 'justitie', 'cultuur'];

/** A report of `pages` A4 pages, each with a passage of its own amid repeated text (so not a running header). */
function reportHtml(pages: number): string {
  const filler = '<p>De commissie heeft hierover gesproken met de betrokken partijen.</p>'.repeat(6);
  const sections = Array.from(
    { length: pages },
    (_, i) =>
      `<section>${filler}<p>Een bijzondere passage over ${TOPICS[i]} in het rapport.</p>${filler}</section>`,
  );
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Rapport over de uitvoering</title>
<style>@page { size: A4; margin: 20mm; } body { font: 11pt/1.5 'DejaVu Sans', sans-serif; }
section { break-after: page; }</style></head><body>${sections.join('')}</body></html>`;
}

/** The painted note pieces (one per drawn page a note covers), as text. */
function paintedNotes(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(CSS.highlights.get('bronwijzer-note-yellow') ?? [])].map((r) => `${r}`));
}

async function storedNotes(): Promise<Annotation[]> {
  return (await askBackground(session, 'notesList', {})).notes;
}

describe('notes on a PDF in the reader', () => {
  it('survives a reload painted on its passage, is listed under the document title and "open" comes back to it', async () => {
    await clearAllNotes(session);
    const page = await session.open(reader(`?file=${encodeURIComponent(LETTER_URL)}`));
    await page.locator('.textLayer span').first().waitFor();
    const plain = await passagePixels(page, '.reader-pdf', PASSAGE);
    await page.emulateMedia({ colorScheme: 'light' });

    await noteOnSelection(page, '.reader-pdf', PASSAGE, 'Actieplan: loopt tot 2025');
    const [note] = await storedNotes();
    expect(note).toMatchObject({ url: LETTER_URL, title: LETTER_TITLE, body: 'Actieplan: loopt tot 2025' });
    expect(note!.target.document?.format).toBe('pdf');
    expect(note!.target.document?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(note!.target.selectors).toContainEqual({ type: 'PageSelector', index: 0, label: '1' });

    await page.reload();
    await expect
      .poll(() => placedNotes(page))
      .toEqual([{ id: note!.id, state: 'anchored', page: 0, text: PASSAGE }]);
    // Painted again: the passage is now tinted yellow where it was white paper.
    await page.locator('.textLayer span').first().waitFor();
    const painted = await passagePixels(page, '.reader-pdf', PASSAGE, plain);
    const difference = comparePixels(plain, painted);
    expect(difference.changedShare).toBeGreaterThan(0.3);
    const [red, green, blue] = difference.meanAfter;
    expect(red! > blue! + 40 && green! > blue! + 20).toBe(true);
    await page.screenshot({ path: 'artifacts/reader-note-pdf.png' });

    // Hovering the passage shows the note's text, in the reader itself.
    const box = await textBox(page, '.reader-pdf', PASSAGE);
    await page.mouse.move(box.middle.x, box.middle.y, { steps: 3 });
    const popover = page.locator('bronwijzer-reader-notes .note-popover');
    await expect.poll(() => popover.textContent()).toContain('Actieplan: loopt tot 2025');
    await page.screenshot({ path: 'artifacts/reader-note-hover.png' });
    await page.close();

    // The notes page lists it under the PDF's title; "open" brings the reader back at the passage.
    const list = await session.context.newPage();
    await list.goto(extensionUrl(session, 'src/pages/notes/index.html'));
    await list.locator('main[aria-busy="false"]').waitFor();
    const card = list.locator(`[data-note-id="${note!.id}"]`);
    await expect.poll(() => card.locator('xpath=ancestor::section[1]//h2').textContent()).toBe(LETTER_TITLE);
    const [opened] = await Promise.all([
      session.context.waitForEvent('page'),
      card.locator('button.open').click(),
    ]);
    await expect.poll(() => opened.url()).toContain(`note=${note!.id}`);
    await expect
      .poll(() => placedNotes(opened))
      .toEqual([{ id: note!.id, state: 'anchored', page: 0, text: PASSAGE }]);
    // At the passage: it is on screen and marked for a moment.
    await expect
      .poll(() =>
        opened.evaluate(() => {
          const active = CSS.highlights.get('bronwijzer-note-active');
          const range = active ? ([...active][0] as Range | undefined) : undefined;
          const rect = range?.getBoundingClientRect();
          return rect ? rect.top > 0 && rect.bottom < innerHeight && range!.toString() : false;
        }),
      )
      .toBe(PASSAGE);
    // Deleted on the notes page while the reader is open: the passage is no longer painted.
    await expect.poll(() => paintedNotes(opened)).toEqual([PASSAGE]);
    await askBackground(session, 'notesDelete', { ids: [note!.id] });
    await expect.poll(() => paintedNotes(opened)).toEqual([]);
    await Promise.all([list.close(), opened.close()]);
  });

  it('anchors a note on a page not drawn yet, and paints it when PDF.js draws that page', async () => {
    await clearAllNotes(session);
    const page = await session.open(reader(`?file=${encodeURIComponent(REPORT_URL)}`));
    await page.locator('.textLayer span').first().waitFor();
    // Only this document's remembered position from here on (other tests' documents are remembered too).
    await page.evaluate(() => chrome.storage.local.remove('readerPositions'));
    const passage = 'bijzondere passage over justitie';
    const onPage7 = '.reader-pdf .page[data-page-number="7"]';
    await page.locator('input.page-number').fill('7');
    await page.locator('input.page-number').dispatchEvent('change');
    await page.locator(`${onPage7} .textLayer span`).first().waitFor();
    await page.locator('input.page-number').blur();
    await noteOnSelection(page, onPage7, passage, 'Pagina zeven');
    // Back to page 1, and wait until the reader remembers it: reopening would otherwise land on page 7.
    await page.locator('input.page-number').fill('1');
    await page.locator('input.page-number').dispatchEvent('change');
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const { readerPositions } = (await chrome.storage.local.get('readerPositions')) as {
            readerPositions?: { documents: Record<string, { page: number }> };
          };
          const saved = Object.values(readerPositions?.documents ?? {});
          return saved.map((position) => position.page);
        }),
      )
      .toEqual([1]);

    await page.reload();
    await expect.poll(async () => (await placedNotes(page))[0]).toMatchObject({ state: 'anchored', page: 6 });
    // Known, but not painted: page 7 is not drawn.
    expect(await page.locator(`${onPage7} .textLayer span`).count()).toBe(0);
    expect(await paintedNotes(page)).toEqual([]);
    await page.locator('input.page-number').fill('7');
    await page.locator('input.page-number').dispatchEvent('change');
    await expect.poll(() => paintedNotes(page)).toEqual([passage]);
    await page.close();
  });

  it('makes a note from a citation tooltip ("Save note")', async () => {
    await clearAllNotes(session);
    const page = await session.open(reader(`?file=${encodeURIComponent(LETTER_URL)}`));
    await page.locator('.textLayer span').first().waitFor();
    const box = await textBox(page, '.reader-pdf', '1325 (2000)');
    await page.mouse.move(box.middle.x, box.middle.y, { steps: 3 });
    await page.locator('bronwijzer-ui .save-note').click();
    const form = page.locator('bronwijzer-reader-notes form.note-form');
    await expect.poll(() => form.locator('.note-citation').textContent()).toBe('unsc-1325');
    await form.locator('.note-body').fill('Kernresolutie');
    await form.locator('.note-save').click();
    await expect
      .poll(async () => (await storedNotes()).map((n) => n.target.citationId))
      .toEqual(['unsc-1325']);
    await expect.poll(async () => (await placedNotes(page))[0]?.text).toBe('resolutie 1325 (2000)');
    await page.close();
  });
});

describe('the reader’s note UI in both languages and themes', () => {
  for (const [language, scheme, save, edit] of [
    ['nl', 'light', 'Opslaan', 'Bewerken'],
    ['nl', 'dark', 'Opslaan', 'Bewerken'],
    ['en', 'light', 'Save', 'Edit'],
    ['en', 'dark', 'Save', 'Edit'],
  ] as const) {
    it(`shows a note and the note form in ${language}, ${scheme}`, async () => {
      await clearAllNotes(session);
      await resetSettings(session, language);
      const page = await session.open(reader(`?file=${encodeURIComponent(LETTER_URL)}`));
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('.textLayer span').first().waitFor();
      await noteOnSelection(page, '.reader-pdf', PASSAGE, 'Actieplan: loopt tot 2025');
      const box = await textBox(page, '.reader-pdf', PASSAGE);
      await page.mouse.move(box.middle.x, box.middle.y, { steps: 3 });
      const popover = page.locator('bronwijzer-reader-notes .note-popover');
      await expect.poll(() => popover.locator('.note-edit').textContent()).toBe(edit);
      await page.screenshot({ path: `artifacts/reader-note-view-${language}-${scheme}.png` });
      await page.mouse.move(2, 2);
      await dragSelect(page, '.reader-pdf', 'Geachte voorzitter');
      await page.locator('bronwijzer-reader-notes .note-select-button').click();
      const form = page.locator('bronwijzer-reader-notes form.note-form');
      await expect.poll(() => form.locator('.note-save').textContent()).toBe(save);
      // The pointer rests on the form, over a citation under it: no tooltip opens over the form.
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(await page.locator('bronwijzer-ui .card').count()).toBe(0);
      await page.screenshot({ path: `artifacts/reader-note-form-${language}-${scheme}.png` });
      await page.close();
    });
  }
  afterAll(() => resetSettings(session, 'en'));
});

describe('notes on a Word file opened from the computer', () => {
  const docx = (closing: string) =>
    Buffer.from(
      buildDocx({
        heading: 'Motie over vrouwen, vrede en veiligheid',
        paragraphs: [
          'De Kamer, gehoord de beraadslaging, constaterende dat resolutie 1325 (2000) twintig jaar oud is;',
          `verzoekt de regering het Nationaal Actieplan voort te zetten, ${closing}`,
        ],
      }),
    );
  // Built once each: a Word file's fingerprint is its bytes' hash (a rebuilt zip has other times in it).
  const motion = docx('en gaat over tot de orde van de dag.');
  const amended = docx('en stelt voor het te wijzigen.');
  const file = (buffer: Buffer) => ({ name: 'motie.docx', mimeType: DOCX_TYPE, buffer });

  it('is saved on its passage, and "open" asks for the file, refusing another one', async () => {
    await clearAllNotes(session);
    const page = await session.open(reader());
    await page.getByTestId('reader-file').setInputFiles(file(motion));
    await page.locator('.reader-docx p').first().waitFor();
    await noteOnSelection(page, '.reader-docx', 'twintig jaar oud', 'Sinds 2000');
    const [note] = await storedNotes();
    expect(note!.title).toBe('motie.docx');
    expect(note!.target.document).toEqual({
      format: 'docx',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(note!.url).toBe(`urn:x-docx:${note!.target.document!.fingerprint}`);
    await page.close();

    // The notes page names the file and says where it is, not an address.
    const list = await session.open(extensionUrl(session, 'src/pages/notes/index.html'));
    const header = list.locator(`section:has([data-note-id="${note!.id}"]) .group-header`);
    await expect.poll(() => header.locator('h2').textContent()).toBe('motie.docx');
    await expect
      .poll(() => header.locator('.group-sub').textContent())
      .toBe('A Word file opened from your computer: “Open” asks you to choose the file again');
    await list.screenshot({ path: 'artifacts/notes-page-local-docx.png' });
    await list.close();

    // "Open" on the notes page: the reader cannot fetch a local file, so it asks for it.
    const opened = await session.open(reader(`?note=${note!.id}`));
    const prompt = opened.locator('bronwijzer-reader-notes .reader-note-pick');
    await expect.poll(() => prompt.textContent()).toContain('“motie.docx”, a file opened from your computer');
    await opened.screenshot({ path: 'artifacts/reader-note-pick.png' });
    // Another file (same name, other text) is not it.
    await opened.getByTestId('reader-file').setInputFiles(file(amended));
    await expect.poll(() => prompt.textContent()).toContain('This is not the file the note was made on');
    await expect.poll(() => placedNotes(opened)).toEqual([]);
    // The right file: the note is placed and painted.
    await opened.getByTestId('reader-file').setInputFiles(file(motion));
    await expect
      .poll(() => placedNotes(opened))
      .toEqual([{ id: note!.id, state: 'anchored', text: 'twintig jaar oud' }]);
    expect(await prompt.count()).toBe(0);
    await expect
      .poll(() => opened.evaluate(() => CSS.highlights.get('bronwijzer-note-yellow')?.size ?? 0))
      .toBe(1);
    await opened.screenshot({ path: 'artifacts/reader-note-docx.png' });
    await opened.close();
  });
});
