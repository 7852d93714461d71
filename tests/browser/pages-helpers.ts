/// <reference types="chrome" />
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Settings } from '../../src/core/settings';
import { DIST_DIR, type ExtensionSession } from './harness';

export const KAMERVRAGEN =
  'https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=2025Z09876&did=2025D23456';
export const EXTRA_SITE_PAGE = 'https://www.example.org/nieuws/artikel';

export const extensionUrl = (session: ExtensionSession, pagePath: string) =>
  `chrome-extension://${session.extensionId}/${pagePath}`;

/** The browser's id for the tab showing `page` (found as the popup would: the active tab). */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  await page.bringToFront();
  const worker = await session.worker();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/**
 * The popup page opened in a tab of its own, describing `page`'s tab through `?tab=ID`: headless
 * Chromium cannot open a real action popup.
 */
export async function openPopupFor(session: ExtensionSession, page: Page): Promise<Page> {
  const tabId = await tabIdOf(session, page);
  const popup = await session.context.newPage();
  await popup.goto(extensionUrl(session, `src/pages/popup/index.html?tab=${tabId}`));
  return popup;
}

export async function openOptions(session: ExtensionSession): Promise<Page> {
  const options = await session.context.newPage();
  await options.goto(extensionUrl(session, 'src/pages/options/index.html'));
  await options.locator('h1').waitFor();
  return options;
}

/** Settings as stored, read through the worker. */
export async function storedSettings(session: ExtensionSession): Promise<Settings> {
  const worker = await session.worker();
  return worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Settings);
}

/**
 * Back to defaults, but with the language forced to `language`: headless Chromium's UI language
 * follows the machine's locale, so tests that read UI text name the language they expect.
 */
export async function resetSettings(session: ExtensionSession, language: 'nl' | 'en' = 'nl'): Promise<void> {
  const worker = await session.worker();
  await worker.evaluate(
    (language) => chrome.storage.local.set({ settings: { version: 1, language } }),
    language,
  );
}

/** How many ranges the content script paints as citations in the page (the CSS highlight registry). */
export function paintedRanges(page: Page): Promise<number> {
  return page.evaluate(() => CSS.highlights.get('bronwijzer-citation')?.size ?? 0);
}

/**
 * The painted count once painting near the viewport has happened and settled: the painter follows the
 * IntersectionObserver, which reports after the citations are known, so one early read can see none.
 */
export async function settledPaintedRanges(page: Page, moreThan: number): Promise<number> {
  let previous = -1;
  let current = -1;
  await expect
    .poll(
      async () => {
        previous = current;
        current = await paintedRanges(page);
        return current > moreThan && current === previous;
      },
      { interval: 100 },
    )
    .toBe(true);
  return current;
}

/**
 * A copy of the built extension whose manifest also asks for `origins` as required host
 * permissions, granted at install. The browser's permission prompt cannot be answered headless,
 * so this stands in for a user who granted those sites; everything after the grant is the real code.
 */
export async function distWithGrantedOrigins(
  origins: string[],
): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bronwijzer-dist-'));
  await cp(DIST_DIR, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = origins;
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
