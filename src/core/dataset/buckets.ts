/**
 * Records are stored in hashed buckets, not one value each: IndexedDB's cost is per value, and a
 * page's lookups touch few buckets. The build packs the document table into the same buckets, so
 * the service worker stores them as they come.
 */
export const BUCKET_COUNT = 64;

/** FNV-1a over the id's UTF-16 code units: stable across builds and browsers. */
export function bucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKET_COUNT;
}
