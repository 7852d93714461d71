import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askContent,
  hoverText,
  launchExtension,
  pageCitations,
  tooltip,
  type ExtensionSession,
} from './harness';

const KAMERVRAGEN = 'https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=2025Z09876&did=2025D23456';
const KAMERSTUK = 'https://zoek.officielebekendmakingen.nl/kst-26150-223.html';
const HANDELINGEN = 'https://zoek.officielebekendmakingen.nl/h-tk-20242025-45-12.html';
const NUMBERS = 'https://www.rijksoverheid.nl/documenten/cijfers';
const FORM = 'https://www.eerstekamer.nl/reactie/formulier';
const SEARCH = 'https://www.tweedekamer.nl/zoeken';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

async function annotatedIds(page: Page, atLeast = 1): Promise<string[]> {
  let ids: string[] = [];
  await expect
    .poll(async () => {
      ids = (await pageCitations(session, page)).map((c) => c.id);
      return ids.length;
    })
    .toBeGreaterThanOrEqual(atLeast);
  return ids;
}

async function hoverCard(page: Page, text: string, occurrence = 0) {
  await page.mouse.move(0, 0);
  await hoverText(page, text, occurrence);
  const card = tooltip(page);
  await card.locator('.title').waitFor({ state: 'visible' });
  return card;
}

describe('a Tweede Kamer answer citing what the seed cites', () => {
  it('highlights every resolution, treaty and Kamerstuk', async () => {
    const page = await session.open(KAMERVRAGEN);
    const ids = await annotatedIds(page, 15);
    for (const n of [1325, 1820, 1888, 1889, 1960, 2106, 2122, 2242, 2467, 2493, 2538])
      expect(ids).toContain(`unsc-${n}`);
    expect(ids).toEqual(
      expect.arrayContaining([
        'treaty-cedaw',
        'treaty-att',
        'kst-26150-223',
        'kst-26150-224',
        'kst-36600-46',
        'kst-32623-345',
      ]),
    );
    // "1325 deelnemers", "€ 18.000" and the phone number are not citations.
    expect(ids.filter((id) => id.startsWith('unsc-'))).toHaveLength(11);
  });

  it('gives each list item its own tooltip, with source links', async () => {
    const page = await session.open(KAMERVRAGEN);
    await annotatedIds(page, 15);
    const card = await hoverCard(page, '2242 (2015)');
    expect(await card.getAttribute('data-citation-id')).toBe('unsc-2242');
    expect(await card.locator('time').getAttribute('datetime')).toBe('2015-10-13');
    const hrefs = await card
      .locator('a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toContain('https://undocs.org/S/RES/2242(2015)');

    // Moving along the list switches the card without closing it.
    await hoverText(page, '2467 (2019)');
    await expect.poll(() => card.getAttribute('data-citation-id')).toBe('unsc-2467');
  });

  it('explains a treaty by its Dutch popular name and a compound Kamerstuk with its related dossier', async () => {
    const page = await session.open(KAMERVRAGEN);
    await annotatedIds(page, 15);
    const treaty = await hoverCard(page, 'VN-Vrouwenrechtenverdrag');
    expect(await treaty.getAttribute('data-citation-id')).toBe('treaty-cedaw');
    expect(await treaty.locator('.title').textContent()).toMatch(/discriminatie van vrouwen/i);

    const kamerstuk = await hoverCard(page, 'Kamerstukken 26 150');
    expect(await kamerstuk.getAttribute('data-citation-id')).toBe('kst-26150-223');
    // What the document is (its subject), then its dossier.
    expect(await kamerstuk.locator('.title').textContent()).toBe(
      'Rapportage 2022-2023 National Actieplan Vrouwen, Vrede en Veiligheid',
    );
    expect(await kamerstuk.locator('.dossier').textContent()).toContain(
      'Algemene Vergadering der Verenigde Naties',
    );
    expect(await kamerstuk.locator('.related').textContent()).toContain('36 180');
    const hrefs = await kamerstuk
      .locator('a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toContain('https://zoek.officielebekendmakingen.nl/kst-26150-223.html');
    // Every dossier of the citation has its link: 26 150 and the related 36 180.
    expect(hrefs).toContain('https://zoek.officielebekendmakingen.nl/dossier/26150');
    expect(hrefs).toContain('https://zoek.officielebekendmakingen.nl/dossier/36180');
  });

  it('keeps the tooltip open while the pointer moves into it, and closes it after the pointer leaves', async () => {
    const page = await session.open(KAMERVRAGEN);
    await annotatedIds(page, 15);
    const card = await hoverCard(page, '1960 (2010)');
    const box = (await card.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    await page.waitForTimeout(700); // longer than the close delay
    expect(await card.getAttribute('data-citation-id')).toBe('unsc-1960');
    const viewport = page.viewportSize()!;
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    await page.mouse.move(5, viewport.height - 5, { steps: 4 });
    await expect.poll(() => card.count()).toBe(0);
  });

  it('never changes the page DOM: highlights are painted, not inserted', async () => {
    const page = await session.open(KAMERVRAGEN);
    const before = await page.evaluate(() => document.body.innerHTML);
    await annotatedIds(page, 15);
    await hoverCard(page, '1325 (2000)');
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  });

  it('opens the next citation from the keyboard command, focused and announced; Esc closes it', async () => {
    const page = await session.open(KAMERVRAGEN);
    await annotatedIds(page, 15);
    const step = async (direction: 1 | -1) =>
      (await askContent(session, page, 'stepCitation', { direction })).id;
    expect(await step(1)).toBe('2025D23456'); // the document number in the meta line comes first
    expect(await step(1)).toBe('unsc-1325');
    expect(await step(1)).toBe('unsc-1820');
    expect(await step(-1)).toBe('unsc-1325');
    const card = tooltip(page);
    expect(await card.getAttribute('role')).toBe('dialog');
    expect(
      await card.evaluate(
        (el) =>
          el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el,
      ),
    ).toBe(true);
    await expect
      .poll(() => page.locator('bronwijzer-ui [role=status]').textContent())
      .toContain('Women and peace and security');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
  });
});

describe('an officielebekendmakingen Kamerstuk with footnotes, a table and an iframe', () => {
  it('reads citations split over inline markup and non-breaking spaces', async () => {
    const page = await session.open(KAMERSTUK);
    const ids = await annotatedIds(page, 8);
    expect(ids).toEqual(
      expect.arrayContaining([
        'kst-26150-190',
        'kst-36600-V-2',
        'kst-36600-V-46',
        'kst-26150-202',
        'h-tk-20232024-45-12',
        'ah-tk-20242025-1234',
        'stb-2020-123',
        'unsc-1325',
        'treaty-cedaw',
        'treaty-rome-statute',
        'treaty-echr',
      ]),
    );
    // The masthead ("26 150 Algemene Vergadering …", "Nr. 223") is document structure, not a citation.
    expect(ids).not.toContain('kst-26150-223');
    const card = await hoverCard(page, 'Kamerstukken II 2020/21');
    expect(await card.getAttribute('data-citation-id')).toBe('kst-26150-190');
  });

  it('annotates a same-origin iframe', async () => {
    const page = await session.open(KAMERSTUK);
    const frame = page.frameLocator('iframe');
    await frame.locator('p').waitFor();
    const handle = await page.locator('iframe').elementHandle();
    const box = (await handle!.boundingBox())!;
    const inner = (await handle!.contentFrame())!;
    const point = await inner.evaluate(() => {
      const text = document.querySelector('p')!.firstChild as Text;
      const at = text.data.indexOf('2467');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 4);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await expect
      .poll(async () => {
        await page.mouse.move(box.x + point.x - 20, box.y + point.y);
        await page.mouse.move(box.x + point.x, box.y + point.y, { steps: 3 });
        return frame
          .locator('bronwijzer-ui .card')
          .getAttribute('data-citation-id', { timeout: 1000 })
          .catch(() => null);
      })
      .toBe('unsc-2467');
  });
});

describe('other pages', () => {
  it('a Handelingen page: proceedings, moties and a compound Kamerstuk', async () => {
    const page = await session.open(HANDELINGEN);
    const ids = await annotatedIds(page, 4);
    expect(ids).toEqual(
      expect.arrayContaining(['h-tk-20232024-45-12', 'kst-36600-V-46', 'kst-26150-223', 'treaty-att']),
    );
  });

  it('a page full of numbers that are not citations gets no highlight at all', async () => {
    const page = await session.open(NUMBERS);
    // The first answer comes after the whole scan, so it is final.
    await expect.poll(() => pageCitations(session, page).catch(String)).toEqual([]);
  });

  it('leaves inputs, textareas, selects and editors untouched', async () => {
    const page = await session.open(FORM);
    const ids = await annotatedIds(page, 1);
    expect(ids).toEqual(['unsc-1325']);
    expect(
      await page.evaluate(
        () =>
          document.body.innerHTML.split('<script>')[0] ===
          (window as unknown as { __originalBody: string }).__originalBody.split('<script>')[0],
      ),
    ).toBe(true);
    expect(await page.inputValue('#subject')).toBe('motie 32 623, nr. 345');
  });

  it('annotates content that arrives late, once, without disturbing the page', async () => {
    const page = await session.open(SEARCH);
    await page.waitForFunction(() => (window as unknown as { __rerendered?: boolean }).__rerendered === true);
    await expect
      .poll(async () => (await pageCitations(session, page)).map((c) => `${c.id}×${c.occurrences}`).sort())
      .toEqual(['kst-26150-223×1', 'kst-32623-345×1', 'unsc-1820×1']);
    expect(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual([]);
    const card = await hoverCard(page, 'motie 32 623');
    expect(await card.getAttribute('data-citation-id')).toBe('kst-32623-345');
  });
});

describe('a long page', () => {
  const LONG = 'https://zoek.officielebekendmakingen.nl/h-tk-lang.html';
  const paragraphs = 800;
  const html = [
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Lang verslag</title></head><body>',
    ...Array.from(
      { length: paragraphs },
      (_, i) =>
        `<p>Alinea ${i + 1}: de spreker verwijst naar de motie 32 623, nr. ${i + 1} en licht die toe in een paar zinnen tekst die de regel vullen.</p>`,
    ),
    '</body></html>',
  ].join('');

  const paintedTexts = (page: Page) =>
    page.evaluate(() =>
      [...(CSS.highlights.get('bronwijzer-citation') ?? [])].map((range) => (range as Range).toString()),
    );

  it('paints only the citations near the viewport, and follows the reader down the page', async () => {
    const stop = session.server.route(({ path }) =>
      path === '/h-tk-lang.html' ? { body: html } : undefined,
    );
    try {
      const page = await session.open(LONG);
      expect(await annotatedIds(page, paragraphs)).toHaveLength(paragraphs);
      await expect.poll(() => paintedTexts(page)).toContain('motie 32 623, nr. 1');
      const painted = await paintedTexts(page);
      expect(painted.length).toBeLessThan(paragraphs / 2);
      expect(painted).not.toContain(`motie 32 623, nr. ${paragraphs}`);

      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await expect.poll(() => paintedTexts(page)).toContain(`motie 32 623, nr. ${paragraphs}`);
      expect(await paintedTexts(page)).not.toContain('motie 32 623, nr. 1');
      // Hover and the keyboard reach every citation, painted or not.
      const card = await hoverCard(page, `motie 32 623, nr. ${paragraphs}`);
      expect(await card.getAttribute('data-citation-id')).toBe(`kst-32623-${paragraphs}`);
    } finally {
      stop();
    }
  });
});
