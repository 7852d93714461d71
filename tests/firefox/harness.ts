import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIXTURE_HOSTS, hoverText as hoverTextInChromium } from '../browser/harness';
import { FixtureServer } from '../browser/fixture-server';

export const DIST_FIREFOX = path.resolve(import.meta.dirname, '../../dist-firefox');

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export const FIREFOX_INSTALL_HINT =
  'Install Firefox ESR with `sudo apt-get install -y firefox-esr` (Debian/Ubuntu), or point FIREFOX_PATH at a ' +
  'Firefox ≥ 140 binary.';

/**
 * The Firefox to test with, or undefined when there is none (the Firefox tests then skip; CI installs
 * firefox-esr). A FIREFOX_PATH that does not exist is a configuration error, not a reason to skip.
 */
export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`FIREFOX_PATH=${fromEnv} does not exist. ${FIREFOX_INSTALL_HINT}`);
    return fromEnv;
  }
  return FIREFOX_CANDIDATES.find((candidate) => existsSync(candidate));
}

/** The add-on's gecko id, and the host its pages get (fixed through a pref, so tests can open them). */
export const ADDON_ID = 'bronwijzer@bronwijzer.nl';
export const EXTENSION_HOST = '5f1c2a9e-7d43-4b8e-9a61-0c3e8b2d4f17';

export interface FirefoxSession {
  browser: Browser;
  server: FixtureServer;
  /** The id Firefox reports for the installed add-on (the manifest's gecko id). */
  addonId: string;
  /** Opens a page; the URL's host must be one of FIXTURE_HOSTS. */
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts headless Firefox over WebDriver BiDi (puppeteer-core; no geckodriver) with the built add-on
 * installed as a temporary add-on, and the fixture sites under their real host names: the fixture
 * hosts resolve to 127.0.0.1 (`network.dns.localDomains`) and port 443 goes to the fixture server
 * (`network.socket.forcePort`), Firefox's equivalent of Chromium's --host-resolver-rules. The
 * server's self-signed certificate is accepted through `acceptInsecureCerts`.
 */
export async function launchFirefox(): Promise<FirefoxSession> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(`No Firefox found. ${FIREFOX_INSTALL_HINT}`);
  if (!existsSync(path.join(DIST_FIREFOX, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${DIST_FIREFOX}: run \`npm run build:firefox\` first.`);
  }
  const server = new FixtureServer();
  const port = await server.start();
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      acceptInsecureCerts: true,
      defaultViewport: { width: 1200, height: 900 },
      extraPrefsFirefox: {
        'network.dns.localDomains': FIXTURE_HOSTS.join(','),
        'network.socket.forcePort': `443=${port}`,
        // No DNS over HTTPS, no HTTP/3: every request goes to the fixture server or nowhere.
        'network.trr.mode': 5,
        'network.http.http3.enable': false,
        'intl.accept_languages': 'nl, en',
        'intl.locale.requested': 'nl',
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_HOST }),
      },
    });
    const addonId = await browser.installExtension(DIST_FIREFOX);
    const session: FirefoxSession = {
      browser,
      server,
      addonId,
      async open(url) {
        const page = await session.browser.newPage();
        await page.goto(url, { waitUntil: 'load' });
        return page;
      },
      async close() {
        await session.browser.close();
        await server.stop();
      },
    };
    return session;
  } catch (error) {
    await browser?.close();
    await server.stop();
    throw error;
  }
}

/**
 * Moves the pointer onto `text` as a reader would, with the same in-page code as the Chromium tests.
 * That helper needs only `evaluate(fn, arg)` and `mouse.move(x, y, { steps })`, which puppeteer's
 * Page has with the same meaning, so it is given this narrow adapter rather than a copy of its code.
 *
 * Then the pointer comes to rest with one more 1 px move in a later frame. Firefox, unlike Chromium,
 * does not coalesce pointermove events to one per frame, and the tooltip controller (as of this
 * writing) hit-tests the position of the *first* move in a frame, dropping the later ones: when the
 * last moves of a quick hover share a frame, the final position is never tested and no tooltip opens
 * until the pointer moves again. See the Firefox notes in the project report.
 */
export async function hoverText(page: Page, text: string, occurrence = 0): Promise<void> {
  const moves: { x: number; y: number }[] = [];
  const adapter = {
    evaluate: (fn: (arg: unknown) => unknown, arg: unknown) => page.evaluate(fn, arg),
    mouse: {
      move: (x: number, y: number, options?: { steps?: number }) => {
        moves.push({ x, y });
        return page.mouse.move(x, y, options);
      },
    },
  };
  await hoverTextInChromium(adapter as unknown as PlaywrightPage, text, occurrence);
  const last = moves.at(-1);
  if (!last) throw new Error('hoverText did not move the pointer');
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.mouse.move(last.x + 1, last.y);
}

/** The tooltip card in the extension's open shadow root (puppeteer's `>>>` pierces shadow roots). */
export const TOOLTIP = 'bronwijzer-ui >>> .card';
