/**
 * Issue 13 on the seed page: what each Kamerstuk is (type, subject, date), the suffix inferred for
 * "motie 36 600, nr. 46" with its alternatives one click away, and the citation copied in Dutch legal style.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverText, launchExtension, pageCitations, tooltip, type ExtensionSession } from './harness';
import { readFile } from 'node:fs/promises';
import { readReferences } from '../../src/core/cite/export';
import { KAMERVRAGEN, openPopupFor, resetSettings } from './pages-helpers';

const SHOTS = path.resolve(__dirname, '../../artifacts');

async function openSeedPage(session: ExtensionSession): Promise<Page> {
  const page = await session.open(KAMERVRAGEN);
  await expect
    .poll(async () => (await pageCitations(session, page)).map((c) => c.id))
    .toEqual(expect.arrayContaining(['kst-36600-46', 'kst-32623-345']));
  return page;
}

describe('document facts in the tooltip (seed page)', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://www.tweedekamer.nl',
    });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows "motie 36 600, nr. 46" as the inferred Boswijk c.s. motion 36 600 XVII, nr. 46, alternatives one click away', async () => {
    await resetSettings(session, 'nl');
    const page = await openSeedPage(session);
    await hoverText(page, '36 600, nr. 46');
    const card = tooltip(page);
    await expect
      .poll(() => card.locator('[data-testid="tooltip-label"]').textContent())
      .toBe('Kamerstuk 36 600 XVII, nr. 46');
    expect(await card.locator('.title').textContent()).toMatch(
      /^Nader gewijzigde motie van het lid Boswijk c\.s\. over .*WPS-instrument/,
    );
    expect(await card.locator('.doc-type').textContent()).toBe('Motie (gewijzigd/nader)');
    expect(await card.locator('time').getAttribute('datetime')).toBe('2024-11-26');
    expect(await card.locator('[data-testid="provenance"]').textContent()).toBe(
      'Afgeleid uit de tekst rond de verwijzing; niet door de bron bevestigd',
    );
    expect(await card.locator('[data-testid="inference"] p').textContent()).toMatch(/noemt Boswijk/);
    expect(await card.locator('.id').textContent()).toBe('kst-36600-XVII-46');
    await page.screenshot({ path: path.join(SHOTS, 'tooltip-inferred-nl-light.png') });

    // Copy: the Dutch legal style with the vergaderjaar, and an HTML flavour linking the source.
    await card.locator('button.copy').first().click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe('Kamerstukken II 2024/25, 36 600 XVII, nr. 46');
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return item ? (await item.getType('text/html')).text() : '';
    });
    expect(html).toContain('href="https://zoek.officielebekendmakingen.nl/kst-36600-XVII-46.html"');

    // The alternatives are one click away; picking one shows its facts.
    await card.locator('[data-testid="inference"] .link-button').click();
    const alternatives = card.locator('.alternative');
    expect(await alternatives.count()).toBeGreaterThan(5);
    await page.screenshot({ path: path.join(SHOTS, 'tooltip-alternatives-nl-light.png') });
    await card.locator('[data-alternative-id="kst-36600-V-46"]').click();
    await expect
      .poll(() => card.locator('.title').textContent())
      .toMatch(/^Motie van de leden Stoffer en Paternotte/);
    expect(await card.locator('[data-testid="provenance"]').textContent()).toBe(
      'Door u gekozen uit de documenten met dit nummer',
    );
    await page.close();
  });

  it('names the movers of "Motie 32 623, nr. 345", with type, date and an honest label', async () => {
    await resetSettings(session, 'nl');
    const page = await openSeedPage(session);
    await hoverText(page, '32 623, nr. 345');
    const card = tooltip(page);
    await expect
      .poll(() => card.locator('.title').textContent())
      .toBe(
        'Motie van het lid Dobbe c.s. over een extra inspanning voor het versterken van het maatschappelijk middenveld in Syrië',
      );
    expect(await card.locator('.doc-type').textContent()).toBe('Motie');
    expect(await card.locator('.dossier').textContent()).toBe(
      'Dossier: Actuele situatie in Noord-Afrika en het Midden-Oosten',
    );
    expect(await card.locator('time').getAttribute('datetime')).toBe('2025-04-09');
    expect(await card.locator('[data-testid="provenance"]').textContent()).toBe(
      'Gecontroleerd: de Tweede Kamer noemt dit Kamerstuk zelf (open data)',
    );
    await page.close();
  });

  for (const [language, scheme] of [
    ['en', 'light'],
    ['nl', 'dark'],
    ['en', 'dark'],
  ] as const) {
    it(`reads in ${language}, ${scheme}: English text marked lang="en", Dutch subject lang="nl"`, async () => {
      await resetSettings(session, language);
      const page = await openSeedPage(session);
      await page.emulateMedia({ colorScheme: scheme });
      await hoverText(page, '36 600, nr. 46');
      const card = tooltip(page);
      await expect.poll(() => card.locator('.title').getAttribute('lang')).toBe('nl');
      expect(await card.getAttribute('lang')).toBe(language);
      if (language === 'en') {
        expect(await card.locator('.doc-type').textContent()).toBe('Motion (amended)');
        expect(await card.locator('[data-testid="provenance"]').textContent()).toBe(
          'Inferred from the words around the citation; not confirmed by the source',
        );
      }
      await page.screenshot({ path: path.join(SHOTS, `tooltip-inferred-${language}-${scheme}.png`) });
      // A UN title inside the card is English.
      await hoverText(page, '1325 (2000)');
      await expect.poll(() => card.locator('.title').getAttribute('lang')).toBe('en');
      await page.close();
    });
  }

  it("exports the page's references from the popup as a RIS file a reference manager reads", async () => {
    await resetSettings(session, 'nl');
    const page = await openSeedPage(session);
    const popup = await openPopupFor(session, page);
    const button = popup.locator('.export-button');
    await expect.poll(() => button.isEnabled()).toBe(true);
    await popup.locator('select[name="referenceFormat"]').selectOption('ris');
    await popup.screenshot({ path: path.join(SHOTS, 'popup-export-nl-light.png'), fullPage: true });
    const [download] = await Promise.all([popup.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^bronwijzer-www\.tweedekamer\.nl-\d{4}-\d{2}-\d{2}\.ris$/);
    const text = await readFile((await download.path())!, 'utf8');
    const references = readReferences(text);
    const byId = new Map(references.map((r) => [r.id as string, r]));
    // The suffixless motion is exported as the document the page's words point to.
    expect(byId.get('kst-36600-XVII-46')).toMatchObject({
      type: 'bill',
      title: expect.stringMatching(/^Nader gewijzigde motie van het lid Boswijk c\.s\./),
      URL: 'https://zoek.officielebekendmakingen.nl/kst-36600-XVII-46.html',
    });
    expect(byId.get('unsc-1325')).toMatchObject({ type: 'legislation' });
    expect(byId.get('kst-26150-223')).toMatchObject({
      title: 'Rapportage 2022-2023 National Actieplan Vrouwen, Vrede en Veiligheid',
    });
    expect(references.length).toBeGreaterThan(15);
    await expect
      .poll(() => popup.locator('[data-testid="export-status"]').textContent())
      .toMatch(/referenties geëxporteerd/);
    await popup.close();
    await page.close();
  });

  it('lists in the popup the citations found inside iframes too', async () => {
    await resetSettings(session, 'nl');
    const page = await session.open('https://www.rijksoverheid.nl/ingebed/');
    const popup = await openPopupFor(session, page);
    const ids = () =>
      popup
        .locator('button.citation')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-citation-id')));
    // 2467 stands on the page itself; the Kamerstukken only in the embedded Tweede Kamer document.
    await expect
      .poll(
        async () => {
          await popup.reload();
          // The list renders after the popup has asked every frame: read it once it is there.
          await popup
            .locator('button.citation')
            .first()
            .waitFor({ timeout: 5_000 })
            .catch(() => undefined);
          return ids();
        },
        { timeout: 15_000 },
      )
      .toEqual(expect.arrayContaining(['unsc-2467', 'kst-32623-345', 'kst-26150-223']));
    await popup.close();
    await page.close();
  });
});
