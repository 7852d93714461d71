import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { toFirefoxManifest } from './scripts/manifest-firefox.ts';
import { gzipAsset } from './scripts/vite/gzip-asset.ts';

// `vite build --mode firefox` (npm run build:firefox) builds the Firefox add-on into dist-firefox/.
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  const base = { ...manifest, version: pkg.version };
  // The content script is built as one self-contained file (no ESM loader importing hashed chunks):
  // its code needs no web_accessible_resources (only the note frame is one), and the same file can be registered at run time for a
  // site the user adds (src/ui/sites.ts), where a loader's import would be refused.
  const contentScripts = { standaloneFiles: ['src/content/index.ts'] };
  return {
    plugins: [
      gzipAsset(),
      firefox
        ? crx({ manifest: toFirefoxManifest(base), browser: 'firefox', contentScripts })
        : crx({ manifest: base, contentScripts }),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      // Pages the manifest does not name in every build (the notes page is Chrome's side panel only;
      // the note frame is named only as a web-accessible resource; the reader is opened by the extension itself).
      rollupOptions: {
        input: {
          notes: 'src/pages/notes/index.html',
          noteFrame: 'src/pages/notes/frame/index.html',
          reader: 'src/pages/reader/index.html',
        },
      },
    },
  };
});
