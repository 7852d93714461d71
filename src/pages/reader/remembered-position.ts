import browser from 'webextension-polyfill';
import {
  normalizePositions,
  withPosition,
  type ReadingPosition,
  type StoredPositions,
} from '../../core/reading-position';
import { pdfFingerprint, type PdfView } from './pdf-view';

/** storage.local: the extension origin's, never a site's. */
const KEY = 'readerPositions';
/** The position is written this long after the view last moved. */
const SAVE_AFTER_MS = 400;

async function loadPositions(): Promise<StoredPositions> {
  return normalizePositions((await browser.storage.local.get(KEY))[KEY]);
}

/** A PDF's key: its fingerprint (the same file from another address or a local copy is the same document). */
export const pdfKey = (view: PdfView) => `pdf:${pdfFingerprint(view)}`;

/**
 * Reopens a PDF where the reader left it, and from then on remembers where it is. The saved place is applied
 * once the pages are laid out, unless something else (a note being opened, the user) has moved the view already.
 */
export function keepPosition(view: PdfView, key = pdfKey(view)): void {
  const saved = loadPositions().then((stored) => stored.documents[key]);
  // Where a fresh document's view starts (PDF.js leaves a margin above the first page).
  const laidOut = new Promise<number>((resolve) =>
    view.eventBus.on('pagesinit', () => resolve(view.viewer.container.scrollTop), { once: true }),
  );
  void Promise.all([saved, laidOut]).then(([position, start]) => {
    const untouched = view.viewer.currentPageNumber === 1 && view.viewer.container.scrollTop <= start + 2;
    if (position && untouched && position.page <= view.viewer.pagesCount) goTo(view, position);
    remember(view, key);
  });
}

function goTo(view: PdfView, position: ReadingPosition): void {
  view.viewer.currentScaleValue = position.zoom;
  view.viewer.scrollPageIntoView({
    pageNumber: position.page,
    destArray: [null, { name: 'XYZ' }, position.left, position.top, null],
    allowNegativeOffset: true,
  });
}

function remember(view: PdfView, key: string): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: ReadingPosition | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    const position = latest;
    if (!position) return;
    latest = undefined;
    void loadPositions().then((stored) =>
      browser.storage.local.set({ [KEY]: withPosition(stored, key, position) }),
    );
  };
  view.eventBus.on(
    'updateviewarea',
    ({
      location,
    }: {
      location: { pageNumber: number; scale: number | string; top: number; left: number };
    }) => {
      const zoom = typeof location.scale === 'number' ? String(location.scale / 100) : location.scale;
      latest = { page: location.pageNumber, left: location.left, top: location.top, zoom, at: Date.now() };
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_AFTER_MS);
    },
  );
  addEventListener('pagehide', save);
}
