import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  path: string;
  data: Uint8Array;
  /** Unix file mode (default 0o644). */
  mode?: number;
}

/**
 * Every entry gets this timestamp, so the same files always give the same bytes. ZIP stores local
 * time without a zone and fflate reads the Date's local fields, so a Date built from local fields
 * writes the same value in every time zone. 1980-01-01 is the first date ZIP can store.
 */
export const ZIP_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** A deterministic ZIP: entries sorted by path, fixed timestamps, Unix modes, maximum deflate. */
export function deterministicZip(entries: ZipEntry[]): Uint8Array {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files: Zippable = {};
  for (const { path, data, mode = 0o644 } of sorted) {
    if (!path || path.startsWith('/') || path.includes('\\') || path.split('/').includes('..'))
      throw new Error(`bad zip entry path: ${path}`);
    // Object keys keep insertion order, except integer-like keys, which JS moves to the front.
    if (/^\d+$/.test(path)) throw new Error(`zip entry path must not be a bare number: ${path}`);
    if (path in files) throw new Error(`duplicate zip entry: ${path}`);
    files[path] = [data, { mtime: ZIP_MTIME, os: 3, attrs: ((0o100000 | (mode & 0o777)) << 16) >>> 0 }];
  }
  return zipSync(files, { level: 9 });
}
