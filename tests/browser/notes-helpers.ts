import type { ExtensionSession } from './harness';

/** Removes every note (and every anchoring mark) straight from the worker's IndexedDB. */
export async function clearAllNotes(session: ExtensionSession): Promise<void> {
  const worker = await session.worker();
  await worker.evaluate(async () => {
    for (const [name, store] of [
      ['bronwijzer-annotations', 'annotations'],
      ['bronwijzer-note-anchors', 'anchors'],
    ]) {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name!);
        // Never create a database here: the extension creates it with its own schema.
        let creating = false;
        open.onupgradeneeded = () => {
          creating = true;
          open.transaction!.abort();
        };
        open.onerror = () => (creating ? resolve() : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store!)) {
            db.close();
            return resolve();
          }
          const tx = db.transaction(store!, 'readwrite');
          tx.objectStore(store!).clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    }
  });
}
