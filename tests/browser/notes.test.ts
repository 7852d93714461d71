import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, NewAnnotation } from '../../src/core/annotations/model';
import type { PageNote } from '../../src/messaging/contract';
import { SITES_DIR } from './fixture-server';
import {
  clearAllNotes,
  clickClosedUi,
  closedUiBoxes,
  dragSelect,
  hasNoteFrame,
  noteFrame,
  textBox,
} from './notes-helpers';
import {
  askBackground,
  askContent,
  hoverText,
  launchExtension,
  pageCitations,
  stopServiceWorker,
  tooltip,
  type ExtensionSession,
} from './harness';
import { resetSettings } from './pages-helpers';

const LETTER = 'https://www.tweedekamer.nl/kamerstukken/brieven_regering/notities';
const LETTER_FILE = path.join(SITES_DIR, 'www.tweedekamer.nl/kamerstukken/brieven_regering/notities.html');
const XSS = '<img src=x onerror=alert(1)>';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** The note form, in the note frame. */
const noteForm = async (page: Page) => (await noteFrame(page)).locator('.note-form');
const selectionButtons = async (page: Page) => (await closedUiBoxes(page, '.note-select-button')).length;

async function pageNotes(page: Page): Promise<PageNote[]> {
  return (await askContent(session, page, 'pageNotes', {})).notes;
}

async function storedNotes(includeDeleted = false): Promise<Annotation[]> {
  return (await askBackground(session, 'notesList', { includeDeleted })).notes;
}

const clearNotes = () => clearAllNotes(session);

/** Opens the letter and waits for its citations (and so its notes) to be placed. */
async function openLetter(url = LETTER): Promise<Page> {
  const page = await session.open(url);
  await expect.poll(async () => (await pageCitations(session, page)).map((c) => c.id)).toContain('unsc-1325');
  return page;
}

async function fillForm(page: Page, fields: { body?: string; colour?: string; tags?: string }) {
  const form = await noteForm(page);
  await form.waitFor();
  if (fields.body !== undefined) await form.locator('.note-body').fill(fields.body);
  if (fields.colour) await form.locator(`input[value="${fields.colour}"]`).check();
  if (fields.tags !== undefined) await form.locator('.note-tags').fill(fields.tags);
  await form.locator('.note-save').click();
  // Saved: the form closes. Not saved: it stays open and says why (shown here if it happens).
  await expect
    .poll(async () =>
      !hasNoteFrame(page)
        ? 'closed'
        : ((await form
            .locator('.note-error')
            .textContent({ timeout: 100 })
            .catch(() => null)) ?? 'open'),
    )
    .toBe('closed');
  // The page says so, for a moment.
  await expect.poll(async () => (await closedUiBoxes(page, '.note-toast')).length).toBe(1);
}

/** Saves a note on a passage of the letter through the selection button. */
async function noteOnPassage(page: Page, selector: string, text: string, body: string, colour = 'yellow') {
  await dragSelect(page, selector, text);
  await clickClosedUi(page, '.note-select-button');
  await fillForm(page, { body, colour });
}

// ---------------------------------------------------------------------------------------------
// Saving on a page, and finding the notes again
// ---------------------------------------------------------------------------------------------

describe('saving notes on a page', () => {
  beforeAll(clearNotes);

  it('saves a note from the citation tooltip, with the citation and W3C selectors', async () => {
    const page = await openLetter();
    await hoverText(page, '1325 (2000)');
    const card = tooltip(page);
    await card.locator('.title').waitFor();
    await card.locator('.save-note').click();

    const form = await noteForm(page);
    await form.waitFor();
    expect(await form.locator('.note-quote').textContent()).toBe('resolutie 1325 (2000)');
    expect(await form.locator('.note-citation').textContent()).toBe('unsc-1325');
    await fillForm(page, {
      body: 'Kernresolutie: vrouwen, vrede en veiligheid',
      colour: 'green',
      tags: 'VN, opvolgen',
    });

    await expect
      .poll(() => pageNotes(page))
      .toEqual([
        expect.objectContaining({ state: 'anchored', text: 'resolutie 1325 (2000)', colour: 'green' }),
      ]);
    const [note] = await storedNotes();
    expect(note).toMatchObject({
      url: LETTER,
      body: 'Kernresolutie: vrouwen, vrede en veiligheid',
      colour: 'green',
      tags: ['VN', 'opvolgen'],
      title: 'Kamerbrief over de Nationale Actieagenda Vrouwen, Vrede en Veiligheid | Tweede Kamer',
      target: { source: LETTER, citationId: 'unsc-1325', citationKind: 'unsc' },
    });
    const [quote, position] = note!.target.selectors;
    expect(quote).toMatchObject({
      type: 'TextQuoteSelector',
      exact: 'resolutie 1325 (2000)',
      prefix: expect.stringMatching(/inzetten voor de uitvoering van $/),
      suffix: expect.stringMatching(/^ van de Veiligheidsraad/),
    });
    expect(position).toMatchObject({ type: 'TextPositionSelector' });
    // Painted with the named highlight of its colour, no element added to the page.
    expect(await page.evaluate(() => CSS.highlights.get('bronwijzer-note-green')?.size)).toBe(1);
  });

  it('saves a note on a selected passage through the floating button', async () => {
    const page = await openLetter();
    const passage = 'vrouwelijke mediatoren opleiden in conflictgebieden';
    await dragSelect(page, '#budget', passage);
    await clickClosedUi(page, '.note-select-button');
    const form = await noteForm(page);
    expect(await form.locator('.note-quote').textContent()).toBe(passage);
    await fillForm(page, { body: 'Hoeveel mediatoren per jaar?', colour: 'blue', tags: 'begroting' });

    await expect
      .poll(async () => (await pageNotes(page)).find((n) => n.text === passage))
      .toMatchObject({ state: 'anchored', colour: 'blue' });
    const saved = (await storedNotes()).find((n) => n.body === 'Hoeveel mediatoren per jaar?');
    expect(saved?.target.citationId).toBeUndefined();
    expect(saved?.target.selectors[0]).toMatchObject({ exact: passage });
  });

  it('offers no button for a selection in a text field or an editor', async () => {
    const page = await openLetter();
    for (const selector of ['#reply', '#name']) {
      await page.locator(selector).selectText();
      await page.waitForTimeout(600); // the absence of a button cannot be polled for
      expect(await selectionButtons(page)).toBe(0);
    }
    await page.locator('#editor').click();
    await page.keyboard.press('Control+A');
    await page.waitForTimeout(600);
    expect(await selectionButtons(page)).toBe(0);
    // The same page offers it for prose, so the listener was there all along.
    await dragSelect(page, '#intro', 'voortgang van de Nationale Actieagenda');
    await expect.poll(() => selectionButtons(page)).toBe(1);
  });

  it('opens the note form from the context-menu entry (forwarded by the service worker)', async () => {
    const page = await openLetter();
    const worker = await session.worker();
    // The entry exists: updating an unknown id would fail.
    await worker.evaluate(() => chrome.contextMenus.update('bronwijzer-note-on-selection', {}));
    await dragSelect(page, '#evaluation', 'verschijnt in het najaar');
    const { opened } = await askContent(session, page, 'noteOnSelection', {});
    expect(opened).toBe(true);
    const form = await noteForm(page);
    expect(await form.locator('.note-quote').textContent()).toBe('verschijnt in het najaar');
    await form.locator('.note-cancel').click();
    await expect.poll(() => hasNoteFrame(page)).toBe(false);
  });

  it('paints the notes again after a reload, and shows a note’s text on hover, as text', async () => {
    const page = await openLetter();
    await noteOnPassage(
      page,
      '#evaluation',
      'De evaluatie van de actieagenda verschijnt in het najaar',
      XSS,
      'pink',
    );
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));

    await page.reload();
    await expect
      .poll(async () => (await pageNotes(page)).map((n) => `${n.state}:${n.method}:${n.text}`).sort())
      .toEqual([
        'anchored:position:De evaluatie van de actieagenda verschijnt in het najaar',
        'anchored:position:resolutie 1325 (2000)',
        'anchored:position:vrouwelijke mediatoren opleiden in conflictgebieden',
      ]);
    expect(await page.evaluate(() => CSS.highlights.get('bronwijzer-note-pink')?.size)).toBe(1);

    const box = await textBox(page, '#evaluation', 'actieagenda verschijnt');
    await page.mouse.move(box.middle.x - 40, box.middle.y - 40);
    await page.mouse.move(box.middle.x, box.middle.y, { steps: 4 });
    const popover = (await noteFrame(page)).locator('.note-popover');
    await popover.waitFor();
    expect(await popover.locator('.note-text').textContent()).toBe(XSS);
    expect(await popover.locator('img').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The page changed since the note was made
// ---------------------------------------------------------------------------------------------

// Uses the three notes saved on the letter above (same browser profile), plus one of its own.
describe('re-anchoring on a changed page', () => {
  let original: string;
  let unroute: (() => void) | undefined;
  beforeAll(async () => {
    original = await readFile(LETTER_FILE, 'utf8');
  });
  beforeEach(() => {
    unroute?.();
    unroute = undefined;
  });
  afterAll(() => unroute?.());

  const serve = (html: string) => {
    unroute = session.server.route(({ host, path }) =>
      host === 'www.tweedekamer.nl' && path === '/kamerstukken/brieven_regering/notities'
        ? { body: html }
        : undefined,
    );
  };

  it('finds a passage again after text was added before it and the passage itself was edited', async () => {
    serve(
      original
        .replace(
          '<p id="intro">',
          '<p>Nieuw: de Kamer ontving eerder een brief over dit onderwerp, waarnaar kortheidshalve wordt verwezen.</p>\n<p id="intro">',
        )
        .replace('vrouwelijke mediatoren opleiden in', 'vrouwelijke mediatoren trainen in'),
    );
    const page = await openLetter();
    const notes = await pageNotes(page);
    const byText = Object.fromEntries(notes.map((n) => [n.text, n.method]));
    expect(notes.every((n) => n.state === 'anchored')).toBe(true);
    expect(byText['resolutie 1325 (2000)']).toBe('quote');
    expect(byText['vrouwelijke mediatoren trainen in conflictgebieden']).toBe('fuzzy');
  });

  it('lists a note whose passage was removed as orphaned, and keeps it', async () => {
    const page = await openLetter();
    await noteOnPassage(
      page,
      '#removable',
      'lokale vredesinitiatieven in de Sahel',
      'Navragen bij BZ',
      'purple',
    );
    const id = (await storedNotes()).find((n) => n.body === 'Navragen bij BZ')!.id;

    serve(original.replace(/<p id="removable">[\s\S]*?<\/p>/, ''));
    await page.reload();
    await expect.poll(async () => (await pageNotes(page)).find((n) => n.id === id)?.state).toBe('orphaned');
    expect((await pageNotes(page)).filter((n) => n.state === 'anchored')).toHaveLength(3);
    expect((await storedNotes()).map((n) => n.id)).toContain(id);

    const list = await openNotesPage();
    const card = list.locator(`[data-note-id="${id}"]`);
    await expect.poll(() => card.getAttribute('data-anchor')).toBe('orphaned');
    expect(await card.locator('.orphan').isVisible()).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The notes page
// ---------------------------------------------------------------------------------------------

const KAMERSTUK = 'https://zoek.officielebekendmakingen.nl/kst-26150-223.html';
const RIJKSOVERHEID = 'https://www.rijksoverheid.nl/documenten/cijfers';

async function openNotesPage(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/src/pages/notes/index.html`);
  await page.locator('main[aria-busy="false"]').waitFor();
  return page;
}

const quote = (exact: string): NewAnnotation['selectors'] => [
  { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
];

/** Four notes on three pages, two of them on resolution 1325. */
async function seedNotes(): Promise<Record<'closing' | 'resolution' | 'kamerstuk' | 'budget', Annotation>> {
  await clearNotes();
  const save = async (note: NewAnnotation) => (await askBackground(session, 'notesSave', { note })).note;
  return {
    closing: await save({
      url: LETTER,
      title: 'Kamerbrief VVV',
      selectors: quote('voldoende te hebben geïnformeerd over de stand van zaken'),
      body: 'Slotzin: toezegging evaluatie',
      tags: ['toezegging'],
      colour: 'pink',
    }),
    resolution: await save({
      url: LETTER,
      title: 'Kamerbrief VVV',
      selectors: quote('resolutie 1325 (2000)'),
      citation: { id: 'unsc-1325', kind: 'unsc' },
      body: 'VVV kernresolutie',
      tags: ['VN'],
      colour: 'green',
    }),
    kamerstuk: await save({
      url: KAMERSTUK,
      title: 'Kamerstuk 26 150, nr. 223',
      selectors: quote('1325'),
      citation: { id: 'unsc-1325', kind: 'unsc' },
      body: 'Ook hier genoemd',
      tags: ['VN', 'later lezen'],
    }),
    budget: await save({
      url: RIJKSOVERHEID,
      title: 'Cijfers',
      selectors: quote('miljoen'),
      body: 'Financiële bijdrage nagaan',
      tags: ['begroting'],
      colour: 'blue',
    }),
  };
}

const visibleIds = (page: Page) =>
  page.locator('article.note').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-note-id')));

describe('the notes page', () => {
  let notes: Awaited<ReturnType<typeof seedNotes>>;
  beforeEach(async () => {
    await resetSettings(session, 'nl'); // the texts below are Dutch
    notes = await seedNotes();
  });

  it('groups notes by page and by citation', async () => {
    const page = await openNotesPage();
    expect(await page.locator('[data-testid=notes-total]').textContent()).toBe('(4)');
    expect(
      await page.locator('section.group').evaluateAll((s) => s.map((g) => g.getAttribute('data-group'))),
    ).toEqual([RIJKSOVERHEID, KAMERSTUK, LETTER]); // newest first
    expect(await page.locator(`section[data-group="${LETTER}"] article`).count()).toBe(2);

    await page.locator('[data-view=citation]').click();
    // Every note about resolution 1325 wherever it was written; the notes on plain passages in a group of their own.
    await expect
      .poll(() =>
        page.locator('section.group').evaluateAll((s) => s.map((g) => g.getAttribute('data-group'))),
      )
      .toEqual(['unsc-1325', 'passage']);
    expect(await page.locator('section[data-group="unsc-1325"] .group-sub').textContent()).toBe(
      'op 2 pagina’s',
    );
    expect(await page.locator('section[data-group="passage"] .group-sub').textContent()).toBe(
      'op 2 pagina’s',
    );
    expect(
      (
        await page
          .locator('section[data-group="unsc-1325"] article')
          .evaluateAll((a) => a.map((c) => c.getAttribute('data-note-id')))
      ).sort(),
    ).toEqual([notes.kamerstuk.id, notes.resolution.id].sort());
    expect(
      (
        await page
          .locator('section[data-group="passage"] article')
          .evaluateAll((a) => a.map((c) => c.getAttribute('data-note-id')))
      ).sort(),
    ).toEqual([notes.budget.id, notes.closing.id].sort());
    expect(await page.locator('[data-testid=result-count]').textContent()).toBe('4 notities');
  });

  it('searches as you type, and filters by tag, site and kind', async () => {
    const page = await openNotesPage();
    const search = page.locator('input.search');
    await search.pressSequentially('financiele'); // without the diaeresis
    await expect.poll(() => visibleIds(page)).toEqual([notes.budget.id]);
    await search.fill('');
    await search.pressSequentially('"vvv kern"');
    await expect.poll(() => visibleIds(page)).toEqual([notes.resolution.id]);
    await search.fill('1325'); // quotes are searched too
    await expect.poll(async () => (await visibleIds(page)).length).toBe(2);
    await search.fill('');
    await expect.poll(async () => (await visibleIds(page)).length).toBe(4);

    await page.locator('select[data-filter=tag]').selectOption('VN');
    await expect
      .poll(async () => (await visibleIds(page)).sort())
      .toEqual([notes.kamerstuk.id, notes.resolution.id].sort());
    await page.locator('select[data-filter=site]').selectOption('zoek.officielebekendmakingen.nl');
    await expect.poll(() => visibleIds(page)).toEqual([notes.kamerstuk.id]);
    await page.locator('select[data-filter=tag]').selectOption('');
    await page.locator('select[data-filter=site]').selectOption('');
    await page.locator('select[data-filter=kind]').selectOption('passage');
    await expect
      .poll(async () => (await visibleIds(page)).sort())
      .toEqual([notes.budget.id, notes.closing.id].sort());
    await page.locator('select[data-filter=kind]').selectOption('unsc');
    await expect.poll(async () => (await visibleIds(page)).length).toBe(2);
  });

  it('edits a note', async () => {
    const page = await openNotesPage();
    const card = page.locator(`[data-note-id="${notes.budget.id}"]`);
    await card.locator('button.edit').click();
    await card.locator('.edit-body').fill('Bijdrage 2027 nagaan\nmet BZ');
    await card.locator('.edit-tags').fill('begroting, BZ');
    await card.locator('input[value=purple]').check();
    await card.locator('button.save').click();
    await expect.poll(() => card.locator('.note-text').textContent()).toBe('Bijdrage 2027 nagaan\nmet BZ');
    const stored = (await storedNotes()).find((n) => n.id === notes.budget.id)!;
    expect(stored).toMatchObject({
      body: 'Bijdrage 2027 nagaan\nmet BZ',
      tags: ['begroting', 'BZ'],
      colour: 'purple',
    });
    expect(stored.updated > notes.budget.updated).toBe(true);
  });

  it('deletes with undo, and restores from the trash', async () => {
    const page = await openNotesPage();
    const card = page.locator(`[data-note-id="${notes.budget.id}"]`);
    await card.locator('button.delete').click();
    await card.waitFor({ state: 'detached' });
    expect((await storedNotes()).map((n) => n.id)).not.toContain(notes.budget.id);
    expect((await storedNotes(true)).find((n) => n.id === notes.budget.id)?.deletedAt).toBeDefined();

    await page.locator('.toast button.undo').click();
    await card.waitFor();
    expect((await storedNotes()).map((n) => n.id)).toContain(notes.budget.id);

    await card.locator('button.delete').click();
    await card.waitFor({ state: 'detached' });
    await page.locator('input[data-filter=trash]').check();
    await expect.poll(() => visibleIds(page)).toEqual([notes.budget.id]);
    await card.locator('button.restore').click();
    await expect.poll(() => visibleIds(page)).toEqual([]);
    await page.locator('input[data-filter=trash]').uncheck();
    await expect.poll(async () => (await visibleIds(page)).length).toBe(4);
    expect((await storedNotes()).find((n) => n.id === notes.budget.id)?.deletedAt).toBeUndefined();
  });

  it('opens a note’s page scrolled to the passage', async () => {
    const list = await openNotesPage();
    const opened = session.context.waitForEvent('page');
    await list.locator(`[data-note-id="${notes.closing.id}"] button.open`).click();
    const page = await opened;
    await page.waitForLoadState();
    // The passage sits below a tall spacer: it is only in view if the page was scrolled to it.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const rect = document.querySelector('#closing')!.getBoundingClientRect();
          return window.scrollY > 500 && rect.top >= 0 && rect.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    expect(page.url()).toBe(LETTER); // no fragment added to the page's URL
  });

  it('stays current while notes are saved elsewhere', async () => {
    const page = await openNotesPage();
    await askBackground(session, 'notesSave', {
      note: { url: LETTER, title: 'Kamerbrief VVV', selectors: quote('Sahel'), body: 'Net opgeslagen' },
    });
    await expect.poll(() => page.locator('[data-testid=notes-total]').textContent()).toBe('(5)');
    expect(await page.locator('article.note .note-text', { hasText: 'Net opgeslagen' }).count()).toBe(1);
  });
});

describe('the trash and the language on the notes page', () => {
  afterAll(() => resetSettings(session, 'nl'));

  it('speaks the chosen language with the right plurals, and empties the trash on request', async () => {
    await resetSettings(session, 'en');
    const notes = await seedNotes();
    await askBackground(session, 'notesDelete', { ids: [notes.budget.id] });
    const page = await openNotesPage();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.locator('[data-testid=result-count]').textContent()).toBe('3 notes');
    await page.locator('[data-view=citation]').click();
    // One passage note left outside the trash, on one page.
    await expect
      .poll(() => page.locator('section[data-group="passage"] .group-sub').textContent())
      .toBe('on 1 page');

    // An export says whether the trash is in it: in the file name, the file and the message.
    await page.locator('[data-export-option=trash]').check();
    const markdown = await download(page, 'markdown');
    expect(markdown.name).toMatch(/-with-trash\.md$/);
    expect(markdown.text).toMatch(
      /^# Bronwijzer notes\n\nExported .* · 4 notes · Notes in the trash are included\./,
    );
    expect(await page.locator('.status').textContent()).toMatch(
      /4 notes exported to .*, the trash included\./,
    );

    await page.locator('input[data-filter=trash]').check();
    await expect.poll(() => visibleIds(page)).toEqual([notes.budget.id]);
    await page.locator('[data-testid=trash-bar] button.trash-empty').click();
    expect(await page.locator('.trash-confirm').textContent()).toMatch(/Remove 1 note for good\?/);
    await page.locator('button.trash-empty-yes').click();
    await expect.poll(() => page.locator('.status').textContent()).toMatch(/1 note removed for good\./);
    await expect.poll(() => visibleIds(page)).toEqual([]);
    expect((await storedNotes(true)).map((n) => n.id)).not.toContain(notes.budget.id);
    expect(await storedNotes(true)).toHaveLength(3);
  });
});

// ---------------------------------------------------------------------------------------------
// Export and import
// ---------------------------------------------------------------------------------------------

async function download(page: Page, format: 'jsonld' | 'markdown' | 'csv') {
  const downloading = page.waitForEvent('download');
  await page.locator(`button[data-export=${format}]`).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

/** Chooses a file in the import field and waits for the page's verdict. */
async function importFile(page: Page, file: { name: string; buffer: Buffer } | string) {
  const dismiss = page.locator('.status .dismiss');
  if ((await dismiss.count()) > 0) await dismiss.click();
  await page.locator('.status').waitFor({ state: 'detached' });
  await page
    .locator('[data-testid=import-file]')
    .setInputFiles(typeof file === 'string' ? file : { ...file, mimeType: 'application/ld+json' });
  const status = page.locator('.status');
  await status.waitFor();
  return {
    error: (await status.getAttribute('class'))!.includes('status-error'),
    text: (await status.textContent())!,
  };
}

const byId = (notes: Annotation[]) => [...notes].sort((a, b) => a.id.localeCompare(b.id));

describe('export and import', () => {
  beforeAll(async () => {
    await resetSettings(session, 'nl'); // Markdown and CSV follow the language
    await seedNotes();
    // One note in the trash and one with markup: both must survive the round trip unchanged.
    const closing = (await storedNotes()).find((n) => n.body.startsWith('Slotzin'));
    await askBackground(session, 'notesDelete', { ids: [closing!.id] });
    await askBackground(session, 'notesSave', {
      note: {
        url: LETTER,
        selectors: quote('Sahel'),
        body: `${XSS}\n<script>alert(2)</script>`,
        tags: ['<b>x</b>'],
      },
    });
  });

  it('exports JSON-LD and imports it back without loss, and a second import adds nothing', async () => {
    const before = byId(await storedNotes(true));
    const page = await openNotesPage();
    const file = await download(page, 'jsonld');
    expect(file.name).toMatch(/^bronwijzer-notities-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const json = JSON.parse(file.text);
    expect(json).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
    });
    expect(json.first.items).toHaveLength(before.filter((n) => !n.deletedAt).length);

    // Everything, the trash included, for a lossless round trip.
    const { text } = await askBackground(session, 'notesExport', { format: 'jsonld', includeDeleted: true });
    await clearNotes();
    await page.reload();
    await page.locator('main[aria-busy="false"]').waitFor();
    const first = await importFile(page, { name: 'notes.jsonld', buffer: Buffer.from(text) });
    expect(first.error).toBe(false);
    expect(first.text).toMatch(new RegExp(`${before.length}\\b`));
    expect(byId(await storedNotes(true))).toEqual(before);

    const again = await importFile(page, { name: 'notes.jsonld', buffer: Buffer.from(text) });
    expect(again.error).toBe(false);
    expect(byId(await storedNotes(true))).toEqual(before);
    expect(again.text).toMatch(/\b0\b/); // nothing new
    await expect
      .poll(() => page.locator('[data-testid=notes-total]').textContent())
      .toBe(`(${before.filter((n) => !n.deletedAt).length})`);
  });

  it('exports Markdown and CSV with the notes as text', async () => {
    const page = await openNotesPage();
    const markdown = await download(page, 'markdown');
    expect(markdown.name).toMatch(/\.md$/);
    expect(markdown.text).toContain('VVV kernresolutie');
    expect(markdown.text).not.toContain('Slotzin'); // in the trash
    expect(markdown.text).toContain('\\<img src=x onerror=alert(1)\\>'); // escaped, renders literally
    const csv = await download(page, 'csv');
    expect(csv.name).toMatch(/\.csv$/);
    // In the page's language (the browser's here: Dutch).
    expect(csv.text.split('\r\n')[0]).toContain('id,aangemaakt,bijgewerkt,url');
    expect(markdown.text).toContain('Notities in de prullenbak zijn niet meegenomen.');
    expect(csv.text).toContain('Financiële bijdrage nagaan');
  });

  it('refuses malformed files with a clear message and changes nothing', async () => {
    const before = byId(await storedNotes(true));
    const page = await openNotesPage();
    const invalid = await importFile(page, { name: 'broken.jsonld', buffer: Buffer.from('{"@context": [') });
    expect(invalid).toMatchObject({ error: true });
    expect(invalid.text).toMatch(/broken\.jsonld/);
    expect(invalid.text).toMatch(/not valid JSON/);

    const shape = await importFile(page, {
      name: 'shape.jsonld',
      buffer: Buffer.from(
        JSON.stringify({
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          type: 'AnnotationCollection',
          first: {
            type: 'AnnotationPage',
            items: [{ type: 'Annotation', target: { source: 'javascript:alert(1)' } }],
          },
        }),
      ),
    });
    expect(shape.error).toBe(true);
    expect(shape.text).toMatch(/first\.items\[0\]\.target\.source/);

    // 50 MB: refused by its size, before it is read.
    const big = path.join(os.tmpdir(), `bronwijzer-50mb-${process.pid}.jsonld`);
    await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
    try {
      const tooLarge = await importFile(page, big);
      expect(tooLarge.error).toBe(true);
      expect(tooLarge.text).toMatch(/too large/);
    } finally {
      await rm(big, { force: true });
    }
    expect(byId(await storedNotes(true))).toEqual(before);
  });

  it('imports markup in a note as inert text', async () => {
    const page = await openNotesPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
    const file = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'urn:uuid:6f1c1f0e-8a57-4c38-9d5e-2b7a1f0c9e11',
      created: '2025-03-01T10:00:00.000Z',
      body: [
        {
          type: 'TextualBody',
          value: `<p>${XSS}</p><iframe src="javascript:alert(3)"></iframe>`,
          format: 'text/html',
        },
        { type: 'TextualBody', value: '<svg onload=alert(4)>', purpose: 'tagging' },
      ],
      target: { source: RIJKSOVERHEID, selector: { type: 'TextQuoteSelector', exact: 'miljoen' } },
    };
    const result = await importFile(page, {
      name: 'markup.jsonld',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    expect(result.error).toBe(false);
    expect(result.text).toMatch(/plain text/); // the importer's warning about the HTML body
    const card = page.locator('[data-note-id="6f1c1f0e-8a57-4c38-9d5e-2b7a1f0c9e11"]');
    await card.waitFor();
    expect(await card.locator('.note-text').textContent()).toBe(
      `<p>${XSS}</p><iframe src="javascript:alert(3)"></iframe>`,
    );
    expect(await card.locator('.note-tag-list li').textContent()).toBe('<svg onload=alert(4)>');
    expect(await page.locator('main img, main iframe, main svg, main script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Nothing is lost when the service worker stops
// ---------------------------------------------------------------------------------------------

describe('a service worker stopped mid-session', () => {
  beforeAll(clearNotes);

  it('keeps every note the UI confirmed, and keeps working after the restart', async () => {
    const page = await openLetter();
    await noteOnPassage(page, '#budget', 'vier miljoen euro', 'Voor de stop', 'green');
    await stopServiceWorker(session);

    // The next message starts the worker again; its memory is empty, the notes are not.
    await noteOnPassage(page, '#intro', 'commissiedebat van 12 maart', 'Na de stop', 'blue');
    await stopServiceWorker(session);

    const list = await openNotesPage();
    await expect.poll(() => list.locator('[data-testid=notes-total]').textContent()).toBe('(2)');
    expect((await storedNotes()).map((n) => n.body).sort()).toEqual(['Na de stop', 'Voor de stop']);

    // Stopped again while the list is open: an edit still reaches the store.
    await stopServiceWorker(session);
    const id = (await storedNotes()).find((n) => n.body === 'Voor de stop')!.id;
    const card = list.locator(`article[data-note-id="${id}"]`);
    await card.locator('button.edit').click();
    await card.locator('.edit-body').fill('Voor de stop, bewerkt');
    await card.locator('button.save').click();
    await expect
      .poll(async () => (await storedNotes()).map((n) => n.body).sort())
      .toEqual(['Na de stop', 'Voor de stop, bewerkt']);

    await page.reload();
    await expect
      .poll(async () => (await pageNotes(page)).map((n) => n.state))
      .toEqual(['anchored', 'anchored']);
  });
});

/**
 * Resolves once a small IndexedDB write in the extension origin is refused for want of space.
 * Chrome caches an origin's free space for up to 30 s after it last asked (content/browser/indexed_db,
 * `kBucketSpaceCacheTimeLimit`), so a quota override only bites once that cache has run out; a refused
 * write also leaves the cache empty, so every later write asks again.
 */
async function untilWritesAreRefused(extensionPage: Page): Promise<void> {
  await extensionPage.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('bronwijzer-test-quota-probe', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('probe');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const deadline = Date.now() + 45_000;
    try {
      while (Date.now() < deadline) {
        const refused = await new Promise<boolean>((resolve) => {
          const tx = db.transaction('probe', 'readwrite');
          tx.objectStore('probe').put('x'.repeat(1024), Date.now());
          tx.oncomplete = () => resolve(false);
          tx.onabort = () => resolve(tx.error?.name === 'QuotaExceededError');
        });
        if (refused) return;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      throw new Error('the quota override never took effect');
    } finally {
      db.close();
    }
  });
}

describe('a full disk', () => {
  // A fresh profile, so the quota override meets no earlier notes.
  let shared: ExtensionSession;
  beforeAll(async () => {
    shared = session;
    session = await launchExtension();
  });
  afterAll(async () => {
    await session.close();
    session = shared;
  });

  it('tells the user the note was not saved, keeps the typed text, and saves once there is room', async () => {
    const probe = await session.context.newPage();
    await probe.goto(`chrome-extension://${session.extensionId}/src/pages/options/index.html`);
    const cdp = await session.context.newCDPSession(probe);
    const origin = `chrome-extension://${session.extensionId}`;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    try {
      await untilWritesAreRefused(probe);
      const page = await openLetter();
      await dragSelect(page, '#evaluation', 'onafhankelijke onderzoekers');
      await clickClosedUi(page, '.note-select-button');
      const form = await noteForm(page);
      await form.locator('.note-body').fill('Wie zijn dit?');
      await form.locator('.note-save').click();
      await expect
        .poll(() =>
          form
            .locator('.note-error')
            .textContent({ timeout: 500 })
            .catch(() => null),
        )
        .toMatch(/no storage space left/);
      expect(await form.locator('.note-body').inputValue()).toBe('Wie zijn dit?');

      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await form.locator('.note-save').click();
      await expect.poll(() => hasNoteFrame(page)).toBe(false);
      expect((await storedNotes()).map((n) => n.body)).toEqual(['Wie zijn dit?']);
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin }).catch(() => undefined);
    }
  }, 90_000);
});
