import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ReferenceStore } from '../../../src/background/reference-db';
import { packDocuments } from '../../../src/core/dataset/documents';
import type { ReferenceDataset } from '../../../src/core/dataset/types';

function dataset(version: string, title = 'Women and peace and security'): ReferenceDataset {
  return {
    schemaVersion: 2,
    version,
    dataAsOf: '2025-05-30',
    sources: [],
    documents: packDocuments([], []),
    records: [
      { id: 'unsc-1325', kind: 'unsc', title, date: '2000-10-31', verification: 'verified' },
      {
        id: 'kst-26150',
        kind: 'kamerstuk',
        title: 'Algemene Vergadering der Verenigde Naties',
        verification: 'verified',
      },
    ],
  };
}

let dbCounter = 0;
const freshName = () => `reference-test-${++dbCounter}`;

describe('ReferenceStore', () => {
  it('seeds once and answers batched lookups, a document through its dossier', async () => {
    const load = vi.fn(async () => dataset('v1'));
    const store = new ReferenceStore('asset-v1', load, freshName());
    const results = await store.lookup(['unsc-1325', 'kst-26150-223', 'unsc-1325', 'unsc-99999']);
    expect(results.map((r) => [r.id, r.known])).toEqual([
      ['unsc-1325', true],
      ['kst-26150-223', true],
      ['unsc-99999', false],
    ]);
    expect(results[0]).toMatchObject({ title: 'Women and peace and security', date: '2000-10-31' });
    await store.lookup(['unsc-1325']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a restarted worker (new store object) answers from IndexedDB without re-seeding', async () => {
    const name = freshName();
    await new ReferenceStore('asset-v1', async () => dataset('v1'), name).ensureSeeded();
    const load = vi.fn(async () => dataset('v1'));
    const restarted = new ReferenceStore('asset-v1', load, name);
    expect((await restarted.lookup(['unsc-1325']))[0]?.known).toBe(true);
    expect(load).not.toHaveBeenCalled();
  });

  it('replaces the data when the bundled dataset changes', async () => {
    const name = freshName();
    await new ReferenceStore('asset-v1', async () => dataset('v1'), name).ensureSeeded();
    const updated = new ReferenceStore('asset-v2', async () => dataset('v2', 'Updated title'), name);
    expect((await updated.lookup(['unsc-1325']))[0]?.title).toBe('Updated title');
    expect((await updated.status()).version).toBe('v2');
  });

  it('a failed seed leaves the previous complete dataset, and the next call seeds again', async () => {
    const name = freshName();
    await new ReferenceStore('asset-v1', async () => dataset('v1'), name).ensureSeeded();
    const broken = new ReferenceStore('asset-v2', async () => ({ not: 'a dataset' }), name);
    await expect(broken.lookup(['unsc-1325'])).rejects.toThrow();
    const old = new ReferenceStore('asset-v1', async () => dataset('v1'), name);
    expect((await old.status()).version).toBe('v1');
    const retry = new ReferenceStore('asset-v2', async () => dataset('v2'), name);
    expect((await retry.status()).version).toBe('v2');
  });
});

describe('a seed the worker did not finish', () => {
  it('leaves no dataset that looks complete, and the next worker seeds it whole', async () => {
    const name = freshName();
    // The browser aborts the open transaction of a worker it stops: abort the seed's write once its
    // records are queued, as a stop at that moment would.
    const open = IDBDatabase.prototype.transaction;
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      const tx = open.apply(this, args);
      if (args[1] === 'readwrite') queueMicrotask(() => tx.abort());
      return tx;
    });
    const stopped = new ReferenceStore('asset-v1', async () => dataset('v1'), name);
    await expect(stopped.ensureSeeded()).rejects.toThrow();
    spy.mockRestore();

    const load = vi.fn(async () => dataset('v1'));
    const restarted = new ReferenceStore('asset-v1', load, name);
    expect((await restarted.lookup(['unsc-1325', 'kst-26150']))?.map((r) => r.known)).toEqual([true, true]);
    expect(load).toHaveBeenCalledTimes(1);
    expect((await restarted.status()).recordCount).toBe(2);
  });
});

describe('a reference-data update and saved notes', () => {
  it('replacing the dataset never touches the annotations database', async () => {
    const { AnnotationStore } = await import('../../../src/background/annotation-store');
    const { createAnnotation } = await import('../../../src/core/annotations/model');
    const { describeRange } = await import('../../../src/core/annotations/anchor');
    const notes = await AnnotationStore.open(`notes-beside-reference-${Date.now()}`);
    const text = 'Zie resolutie 1325 (2000) over vrouwen, vrede en veiligheid.';
    const note = createAnnotation({
      url: 'https://www.tweedekamer.nl/kamerstukken/kamervragen/detail',
      selectors: describeRange(text, 4, 25),
      body: 'Eerste WPS-resolutie',
    });
    await notes.put(note);

    const name = freshName();
    await new ReferenceStore('asset-v1', async () => dataset('v1'), name).ensureSeeded();
    await new ReferenceStore('asset-v2', async () => dataset('v2', 'Updated'), name).ensureSeeded();

    expect(await notes.listAll()).toEqual([note]);
  });
});
