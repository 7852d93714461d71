import browser from 'webextension-polyfill';
import datasetUrl from '../../data/dataset.json?url';
import { detectCitations } from '../core/detect';
import { BACKGROUND_REQUEST_TYPES, type BackgroundRequests } from '../messaging/contract';
import { encodeDetections } from '../messaging/detections';
import { askTab } from '../messaging/client';
import { serveRequests } from '../messaging/server';
import { fetchCatalog } from '../ui/i18n';
import { loadSettings } from '../ui/settings-store';
import { ENRICHMENT_ORIGIN } from '../ui/sites';
import { fetchJson, OnlineEnrichment } from './online-enrichment';
import { AnnotationStore } from './annotation-store';
import { NoteAnchors } from './note-anchors';
import { watchPdfRedirect } from './pdf-redirect';
import { createReaderMenu, listenToReaderMenu } from './reader-menu';
import { createNotesHandlers } from './notes-service';
import { createNoteMenu, listenToNoteMenu, openNoteInTab } from './notes-tabs';
import { ReferenceStore } from './reference-db';
import { watchSitePermissions } from './site-permissions';

/** Upper bound on one lookup batch, so a hostile or broken page cannot make the worker spin. */
const MAX_LOOKUP_IDS = 20_000;
/** Upper bound on one detection batch (detection is linear: this is a fraction of a second). */
const MAX_DETECT_CHARS = 32_000_000;

const reference = new ReferenceStore(datasetUrl, async () => {
  const response = await fetch(datasetUrl);
  if (!response.ok) throw new Error(`Bundled dataset missing (${response.status}).`);
  return response.json();
});

const enrichment = new OnlineEnrichment(fetchJson, async () => {
  const settings = await loadSettings();
  return settings.onlineEnrichment && browser.permissions.contains({ origins: [ENRICHMENT_ORIGIN] });
});

// For benchmarks and diagnostics from DevTools: the worker's global is private to the extension.
Object.assign(globalThis, { bronwijzer: { reference } });

// Saved notes: the store opens lazily on the first request and keeps nothing only in memory.
const notes = createNotesHandlers({
  store: new AnnotationStore(),
  anchors: new NoteAnchors(),
  openNote: openNoteInTab,
});

serveRequests<BackgroundRequests>(BACKGROUND_REQUEST_TYPES, {
  ...notes,
  async detect({ texts }) {
    if (!Array.isArray(texts) || texts.some((text) => typeof text !== 'string'))
      throw new Error('detect: texts must be strings');
    if (texts.reduce((sum, text) => sum + text.length, 0) > MAX_DETECT_CHARS)
      throw new Error(`detect: at most ${MAX_DETECT_CHARS} characters per request`);
    const start = performance.now();
    const detections = encodeDetections(texts.map((text) => detectCitations(text)));
    return { detections, ms: performance.now() - start };
  },
  async lookup({ ids }) {
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string'))
      throw new Error('lookup: ids must be strings');
    if (ids.length > MAX_LOOKUP_IDS) throw new Error(`lookup: at most ${MAX_LOOKUP_IDS} ids per request`);
    return { results: await enrichment.enrich(await reference.lookup(ids)) };
  },
  async datasetStatus() {
    const { version, dataAsOf, recordCount, seededAt } = await reference.status();
    return { version, dataAsOf, recordCount, seededAt };
  },
  async uiMessages({ language }) {
    if (language !== 'nl' && language !== 'en') throw new Error('uiMessages: language must be nl or en');
    return { messages: await fetchCatalog(language) };
  },
});

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
