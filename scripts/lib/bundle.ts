/**
 * esbuild bundles of our own modules for the CLI and the benchmarks: the detector runs as it ships (one ES module,
 * ES2022 as vite.config.ts targets), not through tsx's module interop. Bundles go to node_modules/.cache, where
 * their imports of npm packages resolve.
 */
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'bronwijzer-bundles');

export interface Bundles<N extends string> {
  /** The bundle of each entry, by name. */
  paths: Record<N, string>;
  /** Removes the bundles. */
  dispose: () => void;
}

/** Bundles each entry (name → path from the repository root) into `<name>.mjs`. */
export async function bundleModules<N extends string>(entries: Record<N, string>): Promise<Bundles<N>> {
  const dir = join(CACHE_DIR, String(process.pid));
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(entries).map(([name, path]) => [name, resolve(ROOT, path as string)]),
    ),
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    packages: 'external',
    splitting: true,
    logLevel: 'warning',
  });
  const paths = Object.fromEntries(Object.keys(entries).map((name) => [name, join(dir, `${name}.mjs`)]));
  return { paths: paths as Record<N, string>, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
