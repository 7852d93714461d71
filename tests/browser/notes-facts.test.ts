/**
 * Issue 13 on the notes page: a note's citation is shown with the facts its tooltip gives — what the
 * document is, its date, and how that is known — in the group headers and on the cards, nl and en.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewAnnotation } from '../../src/core/annotations/model';
import { readReferences } from '../../src/core/cite/export';
import { askBackground, launchExtension, type ExtensionSession } from './harness';
import { clearAllNotes } from './notes-helpers';
import { extensionUrl, KAMERVRAGEN, resetSettings } from './pages-helpers';

const SHOTS = path.resolve(__dirname, '../../artifacts');

let session: ExtensionSession;

/** Three notes on the seed page's footnotes: a known motion, a suffixless number, a document the data lacks. */
async function saveNotes(): Promise<void> {
  await clearAllNotes(session);
  const notes: NewAnnotation[] = [
    {
      url: KAMERVRAGEN,
      title: 'Kamervragen',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'Motie 32 623, nr. 345',
          prefix: '',
          suffix: ' over het maatschappelijk middenveld in Syrië.',
        },
      ],
      citation: { id: 'kst-32623-345', kind: 'kamerstuk' },
      body: 'Middenveld Syrië',
    },
    {
      url: KAMERVRAGEN,
      title: 'Kamervragen',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'motie 36 600, nr. 46',
          prefix: 'Nader gewijzigde ',
          suffix: ' van het lid Boswijk c.s.',
        },
      ],
      citation: { id: 'kst-36600-46', kind: 'kamerstuk' },
      body: 'WPS-instrument',
    },
    {
      url: KAMERVRAGEN,
      title: 'Kamervragen',
      selectors: [{ type: 'TextQuoteSelector', exact: 'Kamerstuk 32 623, nr. 12', prefix: '', suffix: '' }],
      citation: { id: 'kst-32623-12', kind: 'kamerstuk' },
      body: 'Oud stuk',
    },
  ];
  for (const note of notes) await askBackground(session, 'notesSave', { note });
}

async function openNotes(view: 'page' | 'citation'): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(extensionUrl(session, 'src/pages/notes/index.html'));
  await page.locator('main[aria-busy="false"]').waitFor();
  if (view === 'citation') await page.locator('[data-view=citation]').click();
  return page;
}

const header = (page: Page, id: string) => page.locator(`section[data-group="${id}"] .group-header`);

/** The visible text of an element, its lines joined by spaces. */
const visibleText = async (page: Page, selector: string) =>
  (await page.locator(selector).innerText()).replace(/\s+/g, ' ').trim();

describe("the notes page shows what each note's citation is", () => {
  beforeAll(async () => {
    session = await launchExtension();
    mkdirSync(SHOTS, { recursive: true });
    await saveNotes();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('a group header names the motion, its movers, type and date, and says how that is known (nl)', async () => {
    await resetSettings(session, 'nl');
    const page = await openNotes('citation');
    const motion = `section[data-group="kst-32623-345"] .group-header`;
    await expect
      .poll(() => visibleText(page, motion))
      .toBe(
        'Kamerstuk Motie van het lid Dobbe c.s. over een extra inspanning voor het versterken van het ' +
          'maatschappelijk middenveld in Syrië ' +
          'Motie · 9 april 2025 · Kamerstuk 32 623, nr. 345 · kst-32623-345 ' +
          'Gecontroleerd: de Tweede Kamer noemt dit Kamerstuk zelf (open data) ' +
          'op 1 pagina',
      );
    expect(await header(page, 'kst-32623-345').locator('.title').getAttribute('lang')).toBe('nl');

    // The suffixless number, told apart by the words saved around it, as the tooltip does.
    const inferred = header(page, 'kst-36600-46');
    await expect
      .poll(() => inferred.locator('.title').textContent())
      .toMatch(/^Nader gewijzigde motie van het lid Boswijk c\.s\. over .*WPS-instrument/);
    expect(await inferred.locator('.citation-label').textContent()).toBe('Kamerstuk 36 600 XVII, nr. 46');
    expect(await inferred.locator('.citation-details time').textContent()).toBe('26 november 2024');
    expect(await inferred.locator('[data-testid=provenance]').textContent()).toBe(
      'Afgeleid uit de tekst rond de verwijzing; niet door de bron bevestigd',
    );
    // Why, and the other documents with this number one click away.
    expect(await inferred.locator('[data-testid=inference] p').textContent()).toContain('Boswijk');
    const alternatives = inferred.locator('.alternatives li');
    await expect.poll(() => alternatives.first().isVisible()).toBe(false);
    await inferred.locator('[data-testid=inference] summary').click();
    await expect.poll(() => alternatives.first().isVisible()).toBe(true);
    const listed = await alternatives.evaluateAll((items) =>
      items.map((li) => [li.getAttribute('data-alternative-id'), li.hasAttribute('aria-current')]),
    );
    expect(listed.length).toBeGreaterThan(1);
    expect(listed).toContainEqual(['kst-36600-XVII-46', true]);
    expect(listed.filter(([, current]) => current)).toHaveLength(1);

    // A document the offline data lacks: its dossier, said plainly, and no date.
    const unknown = header(page, 'kst-32623-12');
    await expect
      .poll(() => unknown.locator('[data-testid=provenance]').textContent())
      .toBe('Dossier bekend; dit document staat niet in de offline gegevens');
    expect(await unknown.locator('.title').textContent()).toBe(
      'Kamerstuk 32 623, nr. 12 — Actuele situatie in Noord-Afrika en het Midden-Oosten',
    );
    expect(await unknown.locator('time').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'notes-facts-citation-nl-light.png'), fullPage: true });
    await page.close();
  });

  it('a note card in the by-page view carries the same facts', async () => {
    await resetSettings(session, 'nl');
    const page = await openNotes('page');
    const card = page.locator('article.note', { hasText: 'Middenveld Syrië' });
    await expect
      .poll(() => card.locator('.citation-title').innerText())
      .toBe(
        'Kamerstuk Motie van het lid Dobbe c.s. over een extra inspanning voor het versterken van het maatschappelijk middenveld in Syrië',
      );
    expect(await card.locator('.citation-details').innerText()).toBe(
      'Motie · 9 april 2025 · Kamerstuk 32 623, nr. 345 · kst-32623-345',
    );
    await page.screenshot({ path: path.join(SHOTS, 'notes-facts-page-nl-light.png'), fullPage: true });
    await page.close();
  });

  it('exports the same facts as BibTeX a reference manager reads back', async () => {
    await resetSettings(session, 'nl');
    const page = await openNotes('page');
    const button = page.locator('.export-button');
    await expect.poll(() => button.textContent()).toBe('Exporteren (3)');
    // The export waits for nothing: the facts the cards show are the ones it writes.
    await page.locator('.citation-facts time').first().waitFor();
    await page.locator('select[name="referenceFormat"]').selectOption('bibtex');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^bronwijzer-notities-\d{4}-\d{2}-\d{2}\.bib$/);
    const references = readReferences(await readFile((await download.path())!, 'utf8'));
    // BibTeX keys are the writer's own: the references are found by their source's address.
    const byUrl = new Map(references.map((r) => [r.URL as string, r]));
    const source = (id: string) => `https://zoek.officielebekendmakingen.nl/${id}.html`;
    expect(byUrl.get(source('kst-36600-XVII-46'))).toMatchObject({
      title: expect.stringMatching(/^Nader gewijzigde motie van het lid Boswijk c\.s\./),
    });
    expect(byUrl.get(source('kst-32623-345'))).toMatchObject({
      title: expect.stringMatching(/^Motie van het lid Dobbe c\.s\./),
      issued: { 'date-parts': [[2025, 4, 9]] },
    });
    await page.close();
  });

  for (const [language, scheme] of [
    ['nl', 'dark'],
    ['en', 'light'],
    ['en', 'dark'],
  ] as const) {
    it(`reads in ${language}, ${scheme}`, async () => {
      await resetSettings(session, language);
      const page = await openNotes('citation');
      await page.emulateMedia({ colorScheme: scheme });
      const unknown = header(page, 'kst-32623-12');
      await expect
        .poll(() => unknown.locator('[data-testid=provenance]').textContent())
        .toBe(
          language === 'en'
            ? 'Dossier known; this document is not in the offline data'
            : 'Dossier bekend; dit document staat niet in de offline gegevens',
        );
      const motion = header(page, 'kst-32623-345');
      expect(await motion.locator('.doc-type').textContent()).toBe(language === 'en' ? 'Motion' : 'Motie');
      expect(await motion.locator('time').textContent()).toBe(
        language === 'en' ? 'April 9, 2025' : '9 april 2025',
      );
      await page.screenshot({
        path: path.join(SHOTS, `notes-facts-citation-${language}-${scheme}.png`),
        fullPage: true,
      });
      await page.close();
    });
  }
});
