import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  askContent,
  hoverText,
  launchExtension,
  pageCitations,
  tooltip,
  type ExtensionSession,
} from './harness';
import {
  KAMERVRAGEN,
  openOptions,
  openPopupFor,
  paintedRanges,
  resetSettings,
  settledPaintedRanges,
  storedSettings,
} from './pages-helpers';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
  await resetSettings(session);
});
afterAll(async () => {
  await session?.close();
});
afterEach(async () => {
  for (const page of session.context.pages().slice(1)) await page.close();
  await resetSettings(session);
});

async function annotatedPage(atLeast = 15): Promise<Page> {
  const page = await session.open(KAMERVRAGEN);
  await expect.poll(async () => (await pageCitations(session, page)).length).toBeGreaterThanOrEqual(atLeast);
  return page;
}

describe('popup', () => {
  it("lists the tab's citations grouped by kind, with counts and titles", async () => {
    const page = await annotatedPage();
    const popup = await openPopupFor(session, page);
    const unsc = popup.locator('section[data-kind=unsc]');
    await expect.poll(() => unsc.locator('h2').textContent()).toMatch(/Resolutie VN-Veiligheidsraad \(11\)/);
    await expect
      .poll(() => popup.locator('button[data-citation-id=unsc-1325] .title').textContent())
      .toBe('Women and peace and security');
    const treaty = popup.locator('button[data-citation-id=treaty-cedaw] .title');
    await expect.poll(() => treaty.textContent()).toMatch(/discriminatie van vrouwen/i);
    expect(await popup.locator('section[data-kind=kamerstuk] h2').textContent()).toMatch(/Kamerstuk \(\d+\)/);
    // Groups follow one fixed order of kinds.
    const kinds = await popup
      .locator('section[data-kind]')
      .evaluateAll((sections) => sections.map((s) => s.getAttribute('data-kind')));
    expect(kinds.indexOf('unsc')).toBeLessThan(kinds.indexOf('treaty'));
    expect(kinds.indexOf('treaty')).toBeLessThan(kinds.indexOf('kamerstuk'));
  });

  it("shows the page's own document number as this document, not as a place to jump to", async () => {
    const page = await annotatedPage();
    const popup = await openPopupFor(session, page);
    const own = popup.locator('section.this-document');
    await expect.poll(() => own.locator('h2').textContent()).toBe('Dit document');
    expect(await own.locator('li[data-citation-id="2025D23456"] .surface').textContent()).toMatch(
      /2025D23456/,
    );
    // Listed once, as this document: no button that would jump to it among the citations.
    expect(await popup.locator('[data-citation-id="2025D23456"]').count()).toBe(1);
    expect(await popup.locator('button[data-citation-id="2025D23456"]').count()).toBe(0);
    await popup.screenshot({ path: 'artifacts/popup-this-document-nl-light.png' });

    await resetSettings(session, 'en');
    const english = await openPopupFor(session, page);
    await english.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => english.locator('section.this-document h2').textContent()).toBe('This document');
    await english.screenshot({ path: 'artifacts/popup-this-document-en-dark.png' });
  });

  it('reveals a citation in the page when clicked: scrolled into view, tooltip open', async () => {
    const page = await annotatedPage();
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await openPopupFor(session, page);
    await popup.locator('button[data-citation-id=unsc-2538]').click();
    const card = tooltip(page);
    await expect.poll(() => card.getAttribute('data-citation-id')).toBe('unsc-2538');
    const box = await card.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
  });

  it('switches annotation of the site off and on again, live', async () => {
    const page = await annotatedPage();
    const painted = await settledPaintedRanges(page, 15);
    const popup = await openPopupFor(session, page);
    const toggle = popup.getByRole('switch');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    expect(await toggle.getAttribute('aria-checked')).not.toBe('false');

    await toggle.click();
    await expect.poll(() => paintedRanges(page)).toBe(0);
    expect(await pageCitations(session, page)).toEqual([]);
    expect((await storedSettings(session)).disabledHosts).toEqual(['www.tweedekamer.nl']);
    await expect.poll(() => popup.locator('main').textContent()).toContain('Uitgeschakeld op deze site');

    await toggle.click();
    await expect.poll(() => paintedRanges(page)).toBe(painted);
    await expect.poll(() => popup.locator('button[data-citation-id=unsc-1325]').count()).toBe(1);
    expect((await storedSettings(session)).disabledHosts).toEqual([]);
  });

  it('says so on a page without a content script, and links to the saved notes', async () => {
    const page = await session.open('https://www.example.org/nieuws/artikel');
    const popup = await openPopupFor(session, page);
    await expect
      .poll(() => popup.getByTestId('not-annotated').textContent())
      .toContain('Bronwijzer annoteert deze site niet.');
    const notes = popup.getByRole('link', { name: 'Opgeslagen notities' });
    expect(await notes.getAttribute('href')).toBe(
      `chrome-extension://${session.extensionId}/src/pages/notes/index.html`,
    );
  });
});

describe('options page', () => {
  it('hides a kind that is switched off, live, and shows it again', async () => {
    const page = await annotatedPage();
    const options = await openOptions(session);
    const unsc = options.locator('input[name=kind][value=unsc]');
    await expect.poll(() => unsc.isChecked()).toBe(true);
    await unsc.click();
    await expect
      .poll(async () => (await pageCitations(session, page)).filter((c) => c.kind === 'unsc').length)
      .toBe(0);
    expect((await pageCitations(session, page)).map((c) => c.id)).toContain('treaty-cedaw');
    expect((await storedSettings(session)).enabledKinds).not.toContain('unsc');

    await unsc.click();
    await expect
      .poll(async () => (await pageCitations(session, page)).filter((c) => c.kind === 'unsc').length)
      .toBe(11);
  });

  it('switches an official site off from the list', async () => {
    const options = await openOptions(session);
    const site = options.locator('input[name=site][value="www.tweedekamer.nl"]');
    await expect.poll(() => site.isChecked()).toBe(true);
    await site.click();
    await expect
      .poll(async () => (await storedSettings(session)).disabledHosts)
      .toEqual(['www.tweedekamer.nl']);
    const page = await session.open(KAMERVRAGEN);
    // The script answers once it has read the settings; its first answer is final.
    await expect
      .poll(() => askContent(session, page, 'pageState', {}).then((state) => state.annotating, String))
      .toBe(false);
    expect(await pageCitations(session, page)).toEqual([]);
    expect(await paintedRanges(page)).toBe(0);
  });

  it('honours the tooltip delay', async () => {
    const options = await openOptions(session);
    const delay = options.locator('input[name=tooltipDelayMs]');
    await delay.fill('1500');
    await delay.press('Enter');
    await expect.poll(async () => (await storedSettings(session)).tooltipDelayMs).toBe(1500);

    const page = await annotatedPage();
    await page.mouse.move(0, 0);
    await hoverText(page, '1820 (2008)');
    const hoveredAt = Date.now();
    await tooltip(page).waitFor({ state: 'visible', timeout: 5000 });
    expect(Date.now() - hoveredAt).toBeGreaterThanOrEqual(1300);

    await delay.fill('0');
    await delay.press('Enter');
    await expect.poll(async () => (await storedSettings(session)).tooltipDelayMs).toBe(0);
    // A page opened now starts with the stored delay (the open page's own storage event is not
    // ordered with the pointer events sent next).
    const next = await annotatedPage();
    await next.mouse.move(0, 0);
    await hoverText(next, '1888 (2009)');
    const again = Date.now();
    await expect.poll(() => tooltip(next).getAttribute('data-citation-id')).toBe('unsc-1888');
    expect(Date.now() - again).toBeLessThan(1000);
  });

  it('switches the language of the pages and the tooltip', async () => {
    const options = await openOptions(session);
    expect(await options.locator('h1').textContent()).toBe('Bronwijzer — instellingen');
    await options.locator('select[name=language]').selectOption('en');
    await expect.poll(() => options.locator('h1').textContent()).toBe('Bronwijzer — options');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('en');

    const page = await annotatedPage();
    await page.mouse.move(0, 0);
    await hoverText(page, '1325 (2000)');
    const card = tooltip(page);
    await expect.poll(() => card.locator('.kind').textContent()).toBe('UN Security Council resolution');
    expect(await card.getAttribute('lang')).toBe('en');

    const popup = await openPopupFor(session, page);
    await expect.poll(() => popup.getByRole('link', { name: 'Saved notes' }).count()).toBe(1);
  });

  it('shows the dataset version and date, and leads to the notes page for export and import', async () => {
    const options = await openOptions(session);
    await expect.poll(() => options.getByTestId('dataset-status').textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    const notes = options.getByRole('link', { name: 'Opgeslagen notities openen' });
    expect(await notes.getAttribute('href')).toContain('/src/pages/notes/index.html');
  });
});
