import { ownDocumentIds } from '../core/own-document';
import { CONTENT_REQUEST_TYPES, type ContentRequests } from '../messaging/contract';
import { askBackground } from '../messaging/client';
import { serveRequests } from '../messaging/server';
import { CitationLayer, type PlacedCitation } from './citation-layer';
import { LookupCache, lookupContexts } from './lookup-cache';
import { NotesController } from './notes/controller';
import { watchPage } from './page-watcher';
import { followSettings } from './preferences';
import { revealCitation } from './reveal';
import { summarize } from './summarize';
import { TooltipController } from './tooltip/controller';

/** Marks a document we already run in (a content script can be injected twice, e.g. on update). */
const RUNNING_FLAG = '__bronwijzerContent';

async function start(doc: Document): Promise<void> {
  const scope = globalThis as unknown as Record<string, boolean>;
  if (scope[RUNNING_FLAG] || !doc.body) return;
  scope[RUNNING_FLAG] = true;

  const layer = new CitationLayer(doc, (texts) => askBackground('detect', { texts }));
  const lookups = new LookupCache();
  const notes = NotesController.create(doc, layer);
  const tooltips = new TooltipController(doc, layer, lookups, {
    ...(notes ? { onSaveNote: (item: PlacedCitation) => notes.openForCitation(item) } : {}),
  });
  // Settings first (site switch, kinds, delay, language): the first scan already honours them.
  const preferences = await followSettings(doc, layer, tooltips, () => scanRoots([doc.body]));

  // Rescans run one after another: a late change waits for the scan before it.
  let queue = Promise.resolve();
  const scanRoots = (roots: Node[]) => {
    if (!preferences.annotating) return queue;
    queue = queue
      .then(async () => {
        const placed: PlacedCitation[] = [];
        for (const root of roots) {
          layer.forget(root);
          placed.push(...(await layer.scan(root)));
        }
        await lookups.fetch(
          placed.map((item) => item.citation.id),
          lookupContexts(placed),
        );
        notes?.pageChanged();
      })
      // One broken scan (a page doing something unforeseen) must not stop the ones after it.
      .catch((error: unknown) => console.warn('Bronwijzer: scan failed', error));
    return queue;
  };

  // Watch before the first scan: content that changes meanwhile is simply scanned again.
  const watcher = watchPage(doc, scanRoots);
  /** Answers reflect the page as it is now: pending changes are scanned first. */
  const settled = () => {
    watcher.flush();
    return queue;
  };

  serveRequests<ContentRequests>(CONTENT_REQUEST_TYPES, {
    async pageCitations() {
      await settled();
      return {
        citations: summarize(layer.citations, ownDocumentIds(location.href), lookupContexts(layer.citations)),
      };
    },
    async scanStats() {
      await settled();
      return { ...layer.stats, citations: layer.count };
    },
    async stepCitation({ direction }) {
      await settled();
      return { id: tooltips.step(direction)?.citation.id ?? null };
    },
    async revealCitation({ id }) {
      await settled();
      return { found: revealCitation(layer, tooltips, String(id)) !== undefined };
    },
    async settingsChanged() {
      preferences.changed();
      return { ok: true };
    },
    async noteFrameEvent({ token, event }) {
      notes?.frameEvent(token, event);
      return { ok: true };
    },
    async pageState() {
      return { host: preferences.host, annotating: preferences.annotating };
    },
    async noteOnSelection() {
      return { opened: notes?.openForSelection() ?? false };
    },
    async showNote({ id }) {
      return { shown: (await notes?.show(id)) ?? false };
    },
    async pageNotes() {
      await notes?.ready;
      return { notes: notes?.pageNotes() ?? [] };
    },
  });

  await scanRoots([doc.body]);
  await notes?.anchorAll();
}

void start(document);
