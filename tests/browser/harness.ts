/// <reference types="chrome" />
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { LookupResult } from '../../src/core/dataset/types';
import type {
  BackgroundRequests,
  ContentRequests,
  PageCitation,
  RequestOf,
  ResponseOf,
} from '../../src/messaging/contract';
import { MESSAGE_PROTOCOL_VERSION } from '../../src/messaging/contract';
import { FixtureServer } from './fixture-server';

export const DIST_DIR = path.resolve(import.meta.dirname, '../../dist');

/** The official sites the extension annotates; the fixture server answers for all of them. */
export const FIXTURE_HOSTS = [
  'www.tweedekamer.nl',
  'www.eerstekamer.nl',
  'zoek.officielebekendmakingen.nl',
  'www.officielebekendmakingen.nl',
  'www.rijksoverheid.nl',
  'www.government.nl',
  'wetten.overheid.nl',
  'open.overheid.nl',
  'uitspraken.rechtspraak.nl',
  'www.rechtspraak.nl',
  'repository.overheid.nl',
  'tweedekamer.nl',
  'eerstekamer.nl',
  'rijksoverheid.nl',
  'www.example.org',
  'gegevensmagazijn.tweedekamer.nl',
];

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (found) return found;
  throw new Error(
    'No Chromium found for the browser tests. Install it with `sudo apt-get install -y chromium` ' +
      '(Debian/Ubuntu), or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  server: FixtureServer;
  /** The extension's service worker as it is now (it may have been restarted). */
  worker(): Promise<Worker>;
  /** Opens a page; the URL's host must be one of FIXTURE_HOSTS. */
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  distDir?: string;
}

/** Starts Chromium with the built extension and the fixture sites under their real host names. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const distDir = options.distDir ?? DIST_DIR;
  if (!existsSync(path.join(distDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${distDir}: run \`npm run build\` first.`);
  }
  const server = new FixtureServer();
  const port = await server.start();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'bronwijzer-profile-'));
  const hostRules = FIXTURE_HOSTS.map((host) => `MAP ${host}:443 127.0.0.1:${port}`).join(', ');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${distDir}`,
      `--load-extension=${distDir}`,
      `--host-resolver-rules=${hostRules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=nl',
    ],
  });
  // Scripts run through tsx (npm start, benchmarks) compile functions passed to page.evaluate with
  // esbuild's keepNames, which calls a `__name` helper the page does not have.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  const running = () => context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  const first = running() ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(first.url()).host;
  // A worker stopped by the browser (idle, or by a test) is started again by a message from a page.
  const worker = async () => {
    const current = running();
    if (current) return current;
    const started = context.waitForEvent('serviceworker', { timeout: 15_000 });
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/src/pages/options/index.html`);
    await page.close();
    return started;
  };

  return {
    context,
    extensionId,
    server,
    worker,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async close() {
      await context.close();
      await server.stop();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Sends a request of the message contract to the page's content script (top frame), the way the
 * popup and the keyboard commands do, and returns its answer.
 */
export async function askContent<K extends keyof ContentRequests>(
  session: ExtensionSession,
  page: Page,
  type: K,
  payload: RequestOf<ContentRequests, K>,
): Promise<ResponseOf<ContentRequests, K>> {
  await page.bringToFront();
  const worker = await session.worker();
  return worker.evaluate(
    async ({ type, payload, protocol }) => {
      // The extension has no "tabs" permission, so find the page as the popup would: the active tab.
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) throw new Error('no active tab');
      const reply = await chrome.tabs.sendMessage(tab.id, { protocol, type, payload }, { frameId: 0 });
      if (!reply?.ok) throw new Error(reply?.error ?? 'no reply from the content script');
      return reply.value;
    },
    { type, payload, protocol: MESSAGE_PROTOCOL_VERSION },
  ) as Promise<ResponseOf<ContentRequests, K>>;
}

/** What the page's content script annotated, one entry per distinct citation. */
export async function pageCitations(session: ExtensionSession, page: Page): Promise<PageCitation[]> {
  return (await askContent(session, page, 'pageCitations', {})).citations;
}

/**
 * Moves the pointer onto the `occurrence`-th appearance of `text` in the page's visible text, as a
 * reader would. Works from the page's own DOM, independent of how the extension highlights.
 */
export async function hoverText(page: Page, text: string, occurrence = 0): Promise<void> {
  const point = await page.evaluate(
    ({ text, occurrence }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let all = '';
      const starts: number[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        starts.push(all.length);
        nodes.push(node as Text);
        all += (node as Text).data;
      }
      // Any run of white space in the page matches a space in `text`, as a reader sees it.
      const pattern = new RegExp(
        text
          .split(/\s+/)
          .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('\\s+'),
        'g',
      );
      let match: RegExpExecArray | null = null;
      for (let i = 0; i <= occurrence; i++) match = pattern.exec(all);
      if (!match) throw new Error(`text not on page: ${text}`);
      const at = match.index;
      const length = match[0].length;
      // No helper functions in here: tsx would wrap them in a `__name` call the page cannot resolve.
      const range = document.createRange();
      for (const [edge, offset] of [
        ['start', at],
        ['end', at + length - 1],
      ] as const) {
        let i = starts.length - 1;
        while (starts[i]! > offset) i--;
        if (edge === 'start') range.setStart(nodes[i]!, offset - starts[i]!);
        else range.setEnd(nodes[i]!, offset - starts[i]! + 1);
      }
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + Math.min(rect.width / 2, 12), y: rect.top + rect.height / 2 };
    },
    { text, occurrence },
  );
  await page.mouse.move(point.x - 30, point.y - 30);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

export const tooltip = (page: Page) => page.locator('bronwijzer-ui .card');

/** Asks the background worker for facts, as an extension page would (one batched message). */
export async function lookupIds(
  session: ExtensionSession,
  ids: string[],
  contexts: Record<string, string> = {},
): Promise<LookupResult[]> {
  const page = await session.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.extensionId}/src/pages/options/index.html`);
    return await page.evaluate(
      async ({ ids, contexts, protocol }) => {
        const payload = { ids, contexts };
        const reply = await chrome.runtime.sendMessage({ protocol, type: 'lookup', payload });
        if (!reply?.ok) throw new Error(reply?.error ?? 'no reply from the service worker');
        return reply.value.results;
      },
      { ids, contexts, protocol: MESSAGE_PROTOCOL_VERSION },
    );
  } finally {
    await page.close();
  }
}

/**
 * Sends a request of the message contract to the service worker from an extension page, as the
 * popup or the notes page would, and returns its answer (a store error rejects with its message).
 */
export async function askBackground<K extends keyof BackgroundRequests>(
  session: ExtensionSession,
  type: K,
  payload: RequestOf<BackgroundRequests, K>,
): Promise<ResponseOf<BackgroundRequests, K>> {
  const page = await session.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.extensionId}/src/pages/options/index.html`);
    return (await page.evaluate(
      async ({ type, payload, protocol }) => {
        const reply = await chrome.runtime.sendMessage({ protocol, type, payload });
        if (!reply?.ok) throw new Error(reply?.error ?? 'no reply from the service worker');
        return reply.value;
      },
      { type, payload, protocol: MESSAGE_PROTOCOL_VERSION },
    )) as ResponseOf<BackgroundRequests, K>;
  } finally {
    await page.close();
  }
}

/**
 * Stops the extension's service worker the way Chrome does when it idles (CDP
 * `ServiceWorker.stopWorker`); the next message starts it again with empty memory.
 */
export async function stopServiceWorker(session: ExtensionSession): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/src/pages/options/index.html`);
  const cdp = await session.context.newCDPSession(page);
  // Chrome may have stopped an idle worker already; then there is nothing left to stop.
  const stopped = new Promise<void>((resolve) => {
    const stopping = new Set<string>();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.filter((v) => v.scriptURL.includes(session.extensionId));
      for (const version of ours) {
        if (version.runningStatus !== 'running' || stopping.has(version.versionId)) continue;
        stopping.add(version.versionId);
        void cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
      }
      if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await stopped;
  await page.close();
}
