import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../ui/i18n';
import type { PdfView } from './pdf-view';

/** Thumbnails are drawn this wide (CSS pixels), at the screen's resolution. */
const THUMBNAIL_WIDTH = 120;

interface OutlineItem {
  title: string;
  dest: string | unknown[] | null;
  url: string | null;
  items: OutlineItem[];
}

/**
 * The reader's sidebar for a PDF: the document's outline where it has one, and a thumbnail of every page (drawn
 * when it scrolls into the sidebar's view, so a long document costs only what is looked at).
 */
export function Sidebar({ view, page }: { view: PdfView; page: number }) {
  const [outline, setOutline] = useState<OutlineItem[]>([]);
  const [showing, setShowing] = useState<'outline' | 'pages'>('pages');
  useEffect(() => {
    void view.document.getOutline().then((items) => {
      const found = (items ?? []) as OutlineItem[];
      setOutline(found);
      if (found.length > 0) setShowing('outline');
    });
  }, [view]);

  return (
    <nav class="reader-sidebar" id="reader-sidebar" aria-label={t('reader_sidebar')}>
      {outline.length > 0 && (
        <div class="sidebar-switch" role="group" aria-label={t('reader_sidebar_show')}>
          <button type="button" aria-pressed={showing === 'outline'} onClick={() => setShowing('outline')}>
            {t('reader_outline')}
          </button>
          <button type="button" aria-pressed={showing === 'pages'} onClick={() => setShowing('pages')}>
            {t('reader_thumbnails')}
          </button>
        </div>
      )}
      {showing === 'outline' && outline.length > 0 ? (
        <OutlineList items={outline} view={view} />
      ) : (
        <Thumbnails view={view} page={page} />
      )}
    </nav>
  );
}

function OutlineList({ items, view }: { items: OutlineItem[]; view: PdfView }) {
  return (
    <ul class="outline">
      {items.map((item, index) => (
        <li key={index}>
          {item.url ? (
            <a href={item.url} target="_blank" rel="noopener noreferrer">
              {item.title}
            </a>
          ) : (
            <button
              type="button"
              disabled={!item.dest}
              onClick={() => item.dest && void view.linkService.goToDestination(item.dest)}
            >
              {item.title}
            </button>
          )}
          {item.items.length > 0 && <OutlineList items={item.items} view={view} />}
        </li>
      ))}
    </ul>
  );
}

function Thumbnails({ view, page }: { view: PdfView; page: number }) {
  const list = useRef<HTMLOListElement>(null);
  const count = view.document.numPages;

  // Draw a page's thumbnail once it comes near the sidebar's visible part.
  useEffect(() => {
    const root = list.current!.closest('.reader-sidebar');
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          void drawThumbnail(
            view,
            entry.target.querySelector('canvas')!,
            Number((entry.target as HTMLElement).dataset.page),
          );
        }
      },
      { root, rootMargin: '200px 0px' },
    );
    for (const item of list.current!.querySelectorAll('li')) observer.observe(item);
    return () => observer.disconnect();
  }, [view]);

  useEffect(() => {
    list.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest' });
  }, [page]);

  return (
    <ol class="thumbnails" ref={list}>
      {Array.from({ length: count }, (_, index) => index + 1).map((number) => (
        <li key={number} data-page={number}>
          <button
            type="button"
            aria-label={t('reader_go_to_page', [String(number)])}
            aria-current={number === page ? 'page' : undefined}
            onClick={() => (view.viewer.currentPageNumber = number)}
          >
            <canvas width={THUMBNAIL_WIDTH} height={Math.round(THUMBNAIL_WIDTH * 1.414)} />
            <span aria-hidden="true">{number}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

async function drawThumbnail(view: PdfView, canvas: HTMLCanvasElement, number: number): Promise<void> {
  const page = await view.document.getPage(number);
  const unscaled = page.getViewport({ scale: 1 });
  const ratio = devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (THUMBNAIL_WIDTH / unscaled.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${THUMBNAIL_WIDTH}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
  canvas.dataset.drawn = 'true';
}

/** The toolbar's switch for the sidebar; the pages are fitted again to the room left beside it. */
export function SidebarToggle({
  open,
  onToggle,
  viewer,
}: {
  open: boolean;
  onToggle: (open: boolean) => void;
  viewer: PdfView['viewer'] | undefined;
}) {
  useEffect(() => {
    // A preset zoom (fit to width, fit page) is computed from the room there is: compute it again.
    const preset = viewer?.currentScaleValue;
    if (viewer && preset && Number.isNaN(Number(preset))) viewer.currentScaleValue = preset;
  }, [open]);
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls="reader-sidebar"
      data-testid="reader-sidebar-toggle"
      onClick={() => onToggle(!open)}
    >
      {t('reader_sidebar_toggle')}
    </button>
  );
}
