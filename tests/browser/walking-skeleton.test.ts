import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketOf } from '../../src/background/reference-db';
import { decodeDetections } from '../../src/messaging/detections';
import {
  askBackground,
  hoverText,
  launchExtension,
  pageCitations,
  stopServiceWorker,
  tooltip,
  type ExtensionSession,
} from './harness';

const KAMERVRAGEN = 'https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=2025Z09876&did=2025D23456';

describe('walking skeleton: content script → message → service worker → IndexedDB', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows facts for a resolution in a list, read from IndexedDB in the extension origin', async () => {
    const page = await session.open(KAMERVRAGEN);
    await expect
      .poll(async () => (await pageCitations(session, page)).map((c) => c.id))
      .toContain('unsc-1820');

    await hoverText(page, '1820 (2008)');
    const card = tooltip(page);
    await card.waitFor({ state: 'visible' });
    await expect.poll(() => card.getAttribute('data-citation-id')).toBe('unsc-1820');
    await expect.poll(() => card.locator('.title').textContent()).toBe('Women and peace and security');
    expect(await card.locator('time').getAttribute('datetime')).toBe('2008-06-19');

    // The same record must be in the worker's IndexedDB: the tooltip's facts came from there.
    const stored = await editStoredRecord(session, 'unsc-1820', {});
    expect(stored).toMatchObject({
      id: 'unsc-1820',
      date: '2008-06-19',
      title: 'Women and peace and security',
    });
  });

  it('answers from IndexedDB after the record changes there (no constant in the content script)', async () => {
    await editStoredRecord(session, 'unsc-1325', { title: 'Changed in IndexedDB' });
    // A worker stopped and started again has an empty memory cache: the answer must come from IndexedDB.
    await stopServiceWorker(session);
    const page = await session.open(KAMERVRAGEN);
    // Hover only once the scan has placed the citation: a pointer resting still is not hit-tested again.
    await expect
      .poll(async () => (await pageCitations(session, page)).map((c) => c.id))
      .toContain('unsc-1325');
    await hoverText(page, '1325 (2000)');
    await expect.poll(() => tooltip(page).locator('.title').textContent()).toBe('Changed in IndexedDB');
  });

  it('detects in the worker: one request answers a batch of page texts, each with its own offsets', async () => {
    const texts = ['Zie resolutie 2467 (2019).', 'Niets te zien.', 'De motie 32 623, nr. 345 en het EVRM.'];
    const answer = await askBackground(session, 'detect', { texts });
    const found = decodeDetections(answer.detections, texts.length);
    expect(found.map((list, i) => list.map((c) => [c.id, texts[i]!.slice(c.start, c.end)]))).toEqual([
      [['unsc-2467', 'resolutie 2467 (2019)']],
      [],
      [
        ['kst-32623-345', 'motie 32 623, nr. 345'],
        ['treaty-echr', 'EVRM'],
      ],
    ]);
    expect(answer.ms).toBeGreaterThanOrEqual(0);
    await expect(askBackground(session, 'detect', { texts: [42 as unknown as string] })).rejects.toThrow(
      'detect: texts must be strings',
    );
  });
});

/** Patches one record in the worker's IndexedDB (found in its bucket) and returns what is stored. */
async function editStoredRecord(
  session: ExtensionSession,
  id: string,
  patch: Record<string, unknown>,
): Promise<unknown> {
  const worker = await session.worker();
  return worker.evaluate(
    ({ id, bucket, patch }) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('bronwijzer-reference');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('buckets', 'readwrite');
          const store = tx.objectStore('buckets');
          let result: unknown;
          const get = store.get(bucket);
          get.onsuccess = () => {
            if (!get.result) return tx.abort();
            // A bucket keeps its records as JSON text (src/background/reference-db.ts).
            const bucket = get.result as { records: string };
            const records = JSON.parse(bucket.records) as Record<string, unknown>[];
            const index = records.findIndex((record) => record.id === id);
            records[index] = result = { ...records[index], ...patch };
            store.put({ ...bucket, records: JSON.stringify(records) });
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(result);
          };
          tx.onerror = tx.onabort = () =>
            reject(tx.error ?? new Error(`cannot patch ${id} in bucket ${bucket}`));
        };
      }),
    { id, bucket: bucketOf(id), patch },
  );
}
