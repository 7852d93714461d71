/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, pageCitations, type ExtensionSession } from './harness';
import {
  EXTRA_SITE_PAGE,
  distWithGrantedOrigins,
  openOptions,
  openPopupFor,
  paintedRanges,
  resetSettings,
  storedSettings,
} from './pages-helpers';

const SITE = 'https://www.example.org/*';
const ENRICHMENT = 'https://gegevensmagazijn.tweedekamer.nl/*';

/** The worker's registered content scripts for user-added sites. */
async function registeredSites(session: ExtensionSession) {
  const worker = await session.worker();
  return worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).map(
      ({ id, matches, js, css, persistAcrossSessions }) => ({
        id,
        matches,
        js,
        css,
        persistAcrossSessions,
      }),
    ),
  );
}

async function contentAnswers(session: ExtensionSession, page: Page): Promise<boolean> {
  return pageCitations(session, page).then(
    () => true,
    () => false,
  );
}

/**
 * Headless Chromium cannot answer its permission prompt, so these sessions start from a copy of
 * the build whose manifest grants the test site (and the open data API) at install, as if the user
 * had granted them. `permissions.request` then resolves at once, and everything after the grant
 * (registration, injection, settings, removal) is the shipped code.
 */
describe('a site the user adds (permission granted)', () => {
  let session: ExtensionSession;
  let build: Awaited<ReturnType<typeof distWithGrantedOrigins>>;
  beforeAll(async () => {
    build = await distWithGrantedOrigins([SITE, ENRICHMENT]);
    session = await launchExtension({ distDir: build.dir });
    await resetSettings(session);
  });
  afterAll(async () => {
    await session?.close();
    await build?.remove();
  });

  it('is not annotated until added; the popup offers it and annotates it at once', async () => {
    const page = await session.open(EXTRA_SITE_PAGE);
    expect(await contentAnswers(session, page)).toBe(false);
    expect(await registeredSites(session)).toEqual([]);

    const popup = await openPopupFor(session, page);
    const offer = popup.getByRole('button', { name: 'www.example.org annoteren' });
    await offer.click();
    await expect
      .poll(() => popup.locator('button[data-citation-id=unsc-1325] .title').textContent(), {
        timeout: 10_000,
      })
      .toBe('Women and peace and security');
    expect((await pageCitations(session, page)).map((c) => c.id)).toEqual(
      expect.arrayContaining(['unsc-1325', 'treaty-cedaw', 'kst-26150-223']),
    );

    const manifest = await (await session.worker()).evaluate(() => chrome.runtime.getManifest());
    expect(await registeredSites(session)).toEqual([
      {
        id: 'site-www.example.org',
        matches: [SITE],
        js: manifest.content_scripts![0]!.js,
        css: manifest.content_scripts![0]!.css,
        persistAcrossSessions: true,
      },
    ]);
    expect((await storedSettings(session)).extraSites).toEqual([SITE]);

    // A later visit is annotated by the registration alone.
    const later = await session.open(EXTRA_SITE_PAGE);
    await expect.poll(async () => (await pageCitations(session, later)).length).toBeGreaterThanOrEqual(3);
  });

  it('is listed in the options and removed there: no script, no setting', async () => {
    const open = await session.open(EXTRA_SITE_PAGE);
    await expect.poll(() => paintedRanges(open)).toBeGreaterThanOrEqual(3);
    const options = await openOptions(session);
    const added = options.getByTestId('added-sites');
    await expect.poll(() => added.locator('input[name=site]').getAttribute('value')).toBe('www.example.org');
    await added.getByRole('button', { name: 'Verwijderen www.example.org' }).click();
    await expect.poll(() => registeredSites(session)).toEqual([]);
    // Forgotten in settings just after the script is unregistered.
    await expect.poll(async () => (await storedSettings(session)).extraSites).toEqual([]);
    // A tab that is open already steps back at once.
    await expect.poll(() => paintedRanges(open)).toBe(0);
    const page = await session.open(EXTRA_SITE_PAGE);
    await page.waitForTimeout(500);
    expect(await contentAnswers(session, page)).toBe(false);
  });

  it('is added from the options form, which refuses what is not one https site', async () => {
    const options = await openOptions(session);
    const input = options.getByLabel('Site toevoegen');
    const add = options.getByRole('button', { name: 'Toevoegen' });

    await input.fill('http://www.example.org/');
    await add.click();
    await expect.poll(() => options.getByRole('alert').textContent()).toContain('https-site');

    await input.fill('www.tweedekamer.nl');
    await add.click();
    await expect.poll(() => options.getByRole('alert').textContent()).toContain('officiële site');

    await input.fill('https://www.example.org/nieuws/artikel');
    await add.click();
    await expect.poll(() => options.getByTestId('status').textContent()).toBe('www.example.org toegevoegd.');
    expect((await registeredSites(session)).map((s) => s.id)).toEqual(['site-www.example.org']);
    const page = await session.open(EXTRA_SITE_PAGE);
    await expect.poll(async () => (await pageCitations(session, page)).length).toBeGreaterThanOrEqual(3);
  });

  it('switches online enrichment on (after the grant) and off again', async () => {
    const options = await openOptions(session);
    const enrichment = options.getByRole('switch');
    expect(await enrichment.isChecked()).toBe(false);
    await enrichment.click();
    await expect.poll(async () => (await storedSettings(session)).onlineEnrichment).toBe(true);
    await expect.poll(() => enrichment.isChecked()).toBe(true);
    await enrichment.click();
    await expect.poll(async () => (await storedSettings(session)).onlineEnrichment).toBe(false);
  });
});

/**
 * The worker follows grants made anywhere, e.g. in Chrome's own site-access controls, which the
 * chrome://extensions page drives through chrome.developerPrivate. Withholding the build's
 * install-time grant and giving it back there fires the real permissions.onAdded/onRemoved events.
 */
describe('a site granted or withdrawn in the browser', () => {
  let session: ExtensionSession;
  let build: Awaited<ReturnType<typeof distWithGrantedOrigins>>;
  let extensionsPage: Page;
  const developerPrivate = (call: string, ...args: unknown[]) =>
    extensionsPage.evaluate(
      ({ call, args }) =>
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- chrome://extensions only: not in @types/chrome
        (globalThis as any).chrome.developerPrivate[call](...args) as Promise<void>,
      { call, args },
    );

  beforeAll(async () => {
    build = await distWithGrantedOrigins([SITE]);
    session = await launchExtension({ distDir: build.dir });
    await resetSettings(session);
    extensionsPage = await session.context.newPage();
    await extensionsPage.goto(`chrome://extensions/?id=${session.extensionId}`);
    await developerPrivate('updateExtensionConfiguration', {
      extensionId: session.extensionId,
      hostAccess: 'ON_CLICK',
    });
  });
  afterAll(async () => {
    await session?.close();
    await build?.remove();
  });

  it('registers the site when the browser grants it, and forgets it when withdrawn', async () => {
    await developerPrivate('addHostPermission', session.extensionId, SITE);
    await expect
      .poll(async () => (await registeredSites(session)).map((s) => s.id))
      .toEqual(['site-www.example.org']);
    await expect.poll(async () => (await storedSettings(session)).extraSites).toEqual([SITE]);
    const page = await session.open(EXTRA_SITE_PAGE);
    await expect.poll(async () => (await pageCitations(session, page)).length).toBeGreaterThanOrEqual(3);

    await developerPrivate('removeHostPermission', session.extensionId, SITE);
    await expect.poll(() => registeredSites(session)).toEqual([]);
    await expect.poll(async () => (await storedSettings(session)).extraSites).toEqual([]);
  });
});
