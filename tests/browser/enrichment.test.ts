import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverText, launchExtension, pageCitations, tooltip, type ExtensionSession } from './harness';
import { distWithGrantedOrigins } from './pages-helpers';

const PAGE = 'https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2025Z00001&did=2025D00002';
const OPEN_DATA_HOST = 'gegevensmagazijn.tweedekamer.nl';

/** Answers like the real OData service, for the one dossier and document on the fixture page. */
function answerOpenData(session: ExtensionSession): void {
  session.server.route(({ host, path }) => {
    if (host !== OPEN_DATA_HOST) return undefined;
    const value = path.endsWith('/Document')
      ? [
          {
            Volgnummer: 12,
            Soort: 'Memorie van toelichting',
            Titel: 'Wet voorbeeldregels',
            Onderwerp: 'Memorie van toelichting bij de Wet voorbeeldregels',
            Datum: '2025-03-04T00:00:00+01:00',
            Kamerstukdossier: [{ Nummer: 36987, Toevoeging: null }],
          },
        ]
      : [{ Nummer: 36987, Toevoeging: null, Titel: 'Wet voorbeeldregels' }];
    return { type: 'application/json', body: JSON.stringify({ '@odata.context': 'x', value }) };
  });
}

const openDataRequests = (session: ExtensionSession) =>
  session.server.requests.filter((r) => r.startsWith(OPEN_DATA_HOST));

async function setEnrichment(session: ExtensionSession, on: boolean): Promise<void> {
  const worker = await session.worker();
  await worker.evaluate(
    (on) => chrome.storage.local.set({ settings: { version: 1, onlineEnrichment: on } }),
    on,
  );
}

describe('online enrichment (opt-in)', () => {
  let session: ExtensionSession;
  let dist: Awaited<ReturnType<typeof distWithGrantedOrigins>>;
  beforeAll(async () => {
    // Stands in for a user who granted the open data host (the prompt cannot be answered headless).
    dist = await distWithGrantedOrigins([`https://${OPEN_DATA_HOST}/*`]);
    session = await launchExtension({ distDir: dist.dir });
    answerOpenData(session);
  });
  afterAll(async () => {
    await session?.close();
    await dist?.remove();
  });

  it('is off by default: unknown Kamerstukken send nothing to any server', async () => {
    const page = await session.open(PAGE);
    await expect
      .poll(async () => (await pageCitations(session, page)).map((c) => c.id))
      .toContain('kst-36987-12');
    await hoverText(page, 'Kamerstuk 36 987');
    await expect
      .poll(() => tooltip(page).locator('.title').textContent())
      .toContain('Kamerstuk 36 987, nr. 12');
    expect(await tooltip(page).locator('.confidence').getAttribute('class')).toContain('confidence-parsed');
    expect(openDataRequests(session)).toEqual([]);
    // Nothing but the page itself was requested from the network.
    expect(session.server.requests.every((r) => r.startsWith('www.tweedekamer.nl/'))).toBe(true);
    await page.close();
  });

  it('when switched on, asks the Tweede Kamer open data service for what the bundle lacks, and caches it', async () => {
    await setEnrichment(session, true);
    const page = await session.open(PAGE);
    await expect.poll(async () => (await pageCitations(session, page)).length).toBeGreaterThan(0);
    // Loading the page asks nothing online: only what the user points at is looked up.
    await page.waitForTimeout(1000);
    expect(openDataRequests(session)).toEqual([]);
    await hoverText(page, 'Kamerstuk 36 987');
    await expect
      .poll(() => tooltip(page).locator('.title').textContent())
      .toBe('Kamerstuk 36 987, nr. 12 — Memorie van toelichting bij de Wet voorbeeldregels');
    expect(await tooltip(page).locator('time').getAttribute('datetime')).toBe('2025-03-04');
    const asked = openDataRequests(session);
    expect(asked.length).toBe(2);
    // Only the numbers of the unknown Kamerstuk went out — not the known one, and no page text.
    expect(decodeURIComponent(asked.join(' '))).toContain('Nummer eq 36987');
    expect(decodeURIComponent(asked.join(' '))).not.toContain('36123');
    await page.close();

    const again = await session.open(PAGE);
    await expect.poll(async () => (await pageCitations(session, again)).length).toBeGreaterThan(0);
    await hoverText(again, 'Kamerstuk 36 987');
    await expect.poll(() => tooltip(again).locator('.title').textContent()).toContain('Wet voorbeeldregels');
    expect(openDataRequests(session).length).toBe(2); // answered from the IndexedDB cache
  });
});
