import browser from 'webextension-polyfill';
import datasetUrl from '../../data/dataset.json?gzip';
import documentsUrl from '../../data/documents.tsv?gzip';
import { withDocuments } from '../core/dataset/documents';
import { detectCitations } from '../core/detect';
import { detectBatch } from './detect-batch';
import {
  BACKGROUND_REQUEST_TYPES,
  BACKGROUND_SENDERS,
  MAX_CONTEXT_CHARS,
  type BackgroundRequests,
} from '../messaging/contract';
import { encodeDetections } from '../messaging/detections';
import { askTab } from '../messaging/client';
import { serveRequests } from '../messaging/server';
import { fetchCatalog } from '../ui/i18n';
import { loadSettings } from '../ui/settings-store';
import { ENRICHMENT_ORIGIN } from '../ui/sites';
import {
  ENRICH_PER_PAGE,
  fetchJson,
  OnlineEnrichment,
  PageEnrichmentBudget,
  unknownKamerstukken,
} from './online-enrichment';
import { AnnotationStore } from './annotation-store';
import { NoteAnchors } from './note-anchors';
import { createNoteFrameHandlers } from './note-frames';
import { watchPdfRedirect } from './pdf-redirect';
import { createReaderMenu, listenToReaderMenu } from './reader-menu';
import { createNotesHandlers } from './notes-service';
import { contentSettingsFor, restrictStorage, tellTabsSettingsChanged } from './settings-access';
import { createNoteMenu, listenToNoteMenu, openNoteInTab } from './notes-tabs';
import { ReferenceStore } from './reference-db';
import { framesOf, rememberFrame } from './tab-frames';
import { watchSitePermissions } from './site-permissions';

/** Upper bound on one lookup batch, so a hostile or broken page cannot make the worker spin. */
const MAX_LOOKUP_IDS = 20_000;
/** Upper bound on one detection batch (detection is linear: this is a fraction of a second). */
const MAX_DETECT_CHARS = 32_000_000;

// Both files' names carry their content hash: a change to either re-seeds.
const reference = new ReferenceStore(`${datasetUrl} ${documentsUrl}`, async () => {
  const [dataset, documents] = await Promise.all([gunzippedText(datasetUrl), gunzippedText(documentsUrl)]);
  return withDocuments(JSON.parse(dataset), documents);
});

/** A bundled file shipped gzip-compressed (see scripts/vite/gzip-asset.ts), as text. */
async function gunzippedText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok || !response.body)
    throw new Error(`Bundled dataset missing: ${url} (${response.status}).`);
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
}

const enrichment = new OnlineEnrichment(fetchJson, async () => {
  const settings = await loadSettings();
  return settings.onlineEnrichment && browser.permissions.contains({ origins: [ENRICHMENT_ORIGIN] });
});

const enrichmentBudget = new PageEnrichmentBudget(browser.storage.session);
/** The popup lists a page's citations: it may ask about as many as a page's budget. */
const MAX_ENRICH_LISTED = ENRICH_PER_PAGE;

// For benchmarks and diagnostics from DevTools: the worker's global is private to the extension.
Object.assign(globalThis, { bronwijzer: { reference } });

// Before anything else: settings and note-frame tasks are for the extension's own pages only.
restrictStorage();

// Saved notes: the store opens lazily on the first request and keeps nothing only in memory.
const store = new AnnotationStore();
const notes = createNotesHandlers({ store, anchors: new NoteAnchors(), openNote: openNoteInTab });
const noteFrames = createNoteFrameHandlers({
  storage: browser.storage.session,
  readNote: (id) => store.get(id),
  tellContent: async ({ tabId, frameId }, payload) => {
    await askTab(tabId, 'noteFrameEvent', payload, { frameId });
  },
});

serveRequests<BackgroundRequests>(
  BACKGROUND_REQUEST_TYPES,
  {
    ...notes,
    ...noteFrames,
    contentSettings: async (_, caller) => contentSettingsFor(caller),
    async detect({ texts }) {
      if (!Array.isArray(texts) || texts.some((text) => typeof text !== 'string'))
        throw new Error('detect: texts must be strings');
      if (texts.reduce((sum, text) => sum + text.length, 0) > MAX_DETECT_CHARS)
        throw new Error(`detect: at most ${MAX_DETECT_CHARS} characters per request`);
      const start = performance.now();
      const perText = detectBatch(texts, detectCitations, ({ index, length, error }) =>
        console.warn(`Bronwijzer: detection skipped text ${index} (${length} characters)`, error),
      );
      const detections = encodeDetections(perText);
      return { detections, ms: performance.now() - start };
    },
    async lookup({ ids, enrich, contexts }, caller) {
      if (caller.kind === 'content') void rememberFrame(caller);
      if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string'))
        throw new Error('lookup: ids must be strings');
      if (ids.length > MAX_LOOKUP_IDS) throw new Error(`lookup: at most ${MAX_LOOKUP_IDS} ids per request`);
      const results = await reference.lookup(ids, lookupContexts(contexts, ids));
      if (enrich !== true) return { results };
      // Online only for what the user looks at: within a page's budget (content scripts), the popup's list.
      const wanted = unknownKamerstukken(results).length;
      const granted =
        caller.kind === 'content'
          ? await enrichmentBudget.take(caller, wanted)
          : Math.min(wanted, MAX_ENRICH_LISTED);
      return { results: await enrichment.enrich(results, granted) };
    },
    async datasetStatus() {
      const { version, dataAsOf, recordCount, seededAt, contents } = await reference.status();
      return { version, dataAsOf, recordCount, seededAt, contents: contents ?? {} };
    },
    async tabFrames({ tabId }) {
      if (!Number.isInteger(tabId)) throw new Error('tabFrames: tabId must be an integer');
      return { frameIds: await framesOf(tabId) };
    },
    async uiMessages({ language }) {
      if (language !== 'nl' && language !== 'en') throw new Error('uiMessages: language must be nl or en');
      return { messages: await fetchCatalog(language) };
    },
  },
  BACKGROUND_SENDERS,
);
tellTabsSettingsChanged();

watchSitePermissions();
watchPdfRedirect();

browser.commands.onCommand.addListener((command, tab) => {
  const direction = command === 'next-citation' ? 1 : command === 'previous-citation' ? -1 : 0;
  if (direction === 0 || tab?.id === undefined) return;
  askTab(tab.id, 'stepCitation', { direction }).catch(() => undefined); // a tab we do not annotate
});

// Seed on install and update; any later start re-checks cheaply (one meta read).
browser.runtime.onInstalled.addListener(() => {
  void reference.ensureSeeded();
  createNoteMenu();
  createReaderMenu();
});
listenToNoteMenu();
listenToReaderMenu();
void reference.ensureSeeded();

/** Only strings, only for ids asked, and no longer than the contract allows: the page is not trusted. */
function lookupContexts(contexts: unknown, ids: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof contexts !== 'object' || contexts === null) return out;
  for (const id of ids) {
    const text = (contexts as Record<string, unknown>)[id];
    if (typeof text === 'string') out[id] = text.slice(0, MAX_CONTEXT_CHARS);
  }
  return out;
}
