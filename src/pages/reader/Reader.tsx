import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { summarize } from '../../content/summarize';
import { askBackground } from '../../messaging/client';
import type { PageCitation } from '../../messaging/contract';
import { t } from '../../ui/i18n';
import { loadSettings, saveSettings } from '../../ui/settings-store';
import { openInBrowserViewer } from './browser-viewer';
import { DocumentActions } from './DocumentActions';
import { docxOriginal, pdfOriginal, printPdf, type OriginalFile } from './original-file';
import type { Annotator } from './annotator';
import { PdfCitations } from './pdf-citations';
import { openPdf, type PdfSource, type PdfView } from './pdf-view';
import { keepPosition } from './remembered-position';
import { Sidebar, SidebarToggle } from './Sidebar';
import { documentKind } from './source';
import type { ReaderNotes } from './notes/reader-notes';
import { contentHash, docxSource, documentTextOf, pdfSource } from './notes/sources';

/** What the reader shows. */
type Status =
  | { kind: 'empty' }
  | { kind: 'loading'; name: string }
  | { kind: 'pdf'; name: string }
  | { kind: 'docx'; name: string }
  | { kind: 'error'; name: string; message: string }
  /** A web document on a site Bronwijzer has no permission for yet. */
  | { kind: 'permission'; name: string; origin: string };

export interface ReaderProps {
  annotator: Annotator;
  notes: ReaderNotes;
  /** A saved note to show once its document is open (the notes page's "open"). */
  showNote?: string | undefined;
  /** The document's address when opened from the web (shown, and the way back to it). */
  opened: { address: string; intercepted: boolean } | undefined;
  /** Hands the open document's state to the page (the popup's questions, tests). */
  onOpened?: (document: OpenDocument) => void;
}

/** An open document, as the rest of the reader page sees it. */
export interface OpenDocument {
  kind: 'pdf' | 'docx';
  name: string;
  /** Resolves once every citation of the document is known and placed or waiting for its page. */
  detected: Promise<void>;
  /** The document's citations, one entry per id (the popup's list). */
  citations(): PageCitation[];
  /** Shows a citation's first occurrence and opens its tooltip (the popup's "show me"). */
  reveal(id: string): Promise<boolean>;
  pdf?: { view: PdfView; citations: PdfCitations };
}

const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

export function Reader({ annotator, notes, showNote, opened, onOpened }: ReaderProps) {
  const address = opened?.address;
  const [status, setStatus] = useState<Status>(
    address ? { kind: 'loading', name: address } : { kind: 'empty' },
  );
  const [page, setPage] = useState({ number: 1, count: 0 });
  const [scale, setScale] = useState<string>('page-width');
  const [citationCount, setCitationCount] = useState<number>();
  const [dragging, setDragging] = useState(false);
  const pdfContainer = useRef<HTMLDivElement>(null);
  const docxContainer = useRef<HTMLElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const pdf = useRef<PdfView | undefined>(undefined);
  const [sidebar, setSidebar] = useState(false);
  const [file, setFile] = useState<{ original: OriginalFile; print: () => Promise<void> }>();

  const showPdf = async (source: PdfSource, name: string) => {
    setStatus({ kind: 'loading', name });
    pdf.current?.document.destroy();
    annotator.tooltips.close();
    annotator.layer.clear();
    notes.clear();
    docxContainer.current?.replaceChildren();
    const view = await openPdf(source, pdfContainer.current!);
    pdf.current = view;
    view.eventBus.on('pagesinit', () => {
      view.viewer.currentScaleValue = 'page-width';
      setPage({ number: 1, count: view.viewer.pagesCount });
    });
    view.eventBus.on('pagechanging', ({ pageNumber }: { pageNumber: number }) =>
      setPage({ number: pageNumber, count: view.viewer.pagesCount }),
    );
    view.eventBus.on('scalechanging', ({ presetValue, scale }: { presetValue?: string; scale: number }) =>
      setScale(presetValue ?? String(scale)),
    );
    keepPosition(view);
    const citations = new PdfCitations(view, annotator.layer, (texts) => askBackground('detect', { texts }));
    citations.onUpdate(() => setCitationCount(citations.all.length));
    const detected = citations
      .detectAll()
      .then(() => annotator.lookups.fetch(citations.all.map((citation) => citation.id)));
    const metadata = await view.document.getMetadata().catch(() => undefined);
    const title = (metadata?.info as { Title?: string } | undefined)?.Title?.trim();
    const shown = title || name;
    const from = 'url' in source ? source.url : undefined;
    setFile({
      original: pdfOriginal(view.document, { address: from ?? name, title, ...metadata }),
      print: () => printPdf(view.document),
    });
    document.title = `${shown} · Bronwijzer`;
    setStatus({ kind: 'pdf', name: shown });
    void documentTextOf(citations).then((text) =>
      notes.open(pdfSource(view, text, { title: shown, address: from })),
    );
    onOpened?.({
      kind: 'pdf',
      name: shown,
      detected,
      citations: () => {
        const text = citations.documentText?.text ?? '';
        const accepted = citations.all.filter((citation) => annotator.layer.accepts(citation));
        return summarize(
          accepted.map((citation) => ({ citation, text: text.slice(citation.start, citation.end) })),
        );
      },
      reveal: async (id) => {
        const citation = citations.all.find((candidate) => candidate.id === id);
        if (!citation) return false;
        view.viewer.scrollPageIntoView({ pageNumber: citations.pageOf(citation) + 1 });
        return revealPlaced(annotator, id);
      },
      pdf: { view, citations },
    });
    await detected;
  };

  const showDocx = async (data: ArrayBuffer, name: string, from?: string) => {
    setStatus({ kind: 'loading', name });
    const original = docxOriginal(data, name);
    pdf.current?.document.destroy();
    pdf.current = undefined;
    annotator.tooltips.close();
    annotator.layer.clear();
    notes.clear();
    const fingerprint = contentHash(data);
    const { convertDocx } = await import('./docx-view'); // mammoth loads with the first Word file
    const { fragment } = await convertDocx(data, document);
    const article = docxContainer.current!;
    article.replaceChildren(fragment);
    article.hidden = false; // before the scan, which skips hidden elements (Preact's render comes later)
    document.title = `${name} · Bronwijzer`;
    setStatus({ kind: 'docx', name });
    setFile({ original, print: async () => window.print() });
    void fingerprint.then((hash) => notes.open(docxSource(article, hash, { title: name, address: from })));
    const detected = annotator.layer.scan(article).then(async (placed) => {
      setCitationCount(placed.length);
      await annotator.lookups.fetch(placed.map((item) => item.citation.id));
    });
    onOpened?.({
      kind: 'docx',
      name,
      detected,
      citations: () => summarize(annotator.layer.citations),
      reveal: async (id) => revealPlaced(annotator, id),
    });
    await detected;
  };

  const failed = (name: string) => (error: unknown) =>
    setStatus({ kind: 'error', name, message: error instanceof Error ? error.message : String(error) });

  /** Opens a web document; a site Bronwijzer may not read yet is asked for first (in the user's click). */
  const openAddress = async (address: string) => {
    const name = decodeURIComponent(new URL(address).pathname.split('/').pop() || address);
    const origin = `${new URL(address).origin}/*`;
    if (!(await browser.permissions.contains({ origins: [origin] })))
      return setStatus({ kind: 'permission', name, origin });
    if (documentKind(address) === 'docx')
      await fetchDocument(address)
        .then((data) => showDocx(data, name, address))
        .catch(failed(name));
    else await showPdf({ url: address }, name).catch(failed(name));
  };

  const openFile = (file: File) => {
    const kind = documentKind(file.name, file.type);
    if (!kind) return setStatus({ kind: 'error', name: file.name, message: t('reader_unsupported') });
    void file
      .arrayBuffer()
      .then((data) => (kind === 'pdf' ? showPdf({ data }, file.name) : showDocx(data, file.name)))
      .catch(failed(file.name));
  };

  useEffect(() => {
    notes.setFilePicker(() => fileInput.current?.click());
    if (showNote) void notes.showWhenOpen(showNote);
    if (address) void openAddress(address);
  }, []);

  // Keyboard: n / p step through the citations (the tooltip opens and takes focus), Ctrl+F finds.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.isTrusted) return;
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f' && pdf.current) {
        event.preventDefault();
        document.getElementById('reader-find')?.focus();
        return;
      }
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'n' || event.key === 'p') annotator.tooltips.step(event.key === 'n' ? 1 : -1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const zoom = (direction: 1 | -1) => {
    const viewer = pdf.current?.viewer;
    if (!viewer) return;
    const current = viewer.currentScale;
    const next =
      direction === 1
        ? (ZOOM_STEPS.find((step) => step > current + 0.01) ?? ZOOM_STEPS.at(-1)!)
        : (ZOOM_STEPS.findLast((step) => step < current - 0.01) ?? ZOOM_STEPS[0]!);
    viewer.currentScaleValue = String(next);
  };

  const find = (query: string, again = false, previous = false) => {
    pdf.current?.eventBus.dispatch('find', {
      source: null,
      type: again ? 'again' : '',
      query,
      caseSensitive: false,
      entireWord: false,
      highlightAll: true,
      findPrevious: previous,
      matchDiacritics: false,
    });
  };

  const isPdf = status.kind === 'pdf' || (status.kind === 'loading' && documentKind(status.name) !== 'docx');
  return (
    <div
      class={`reader-app${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer?.files[0];
        if (file) openFile(file);
      }}
    >
      <div class="reader-toolbar" role="toolbar" aria-label={t('reader_toolbar')}>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('reader_open_file')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          hidden
          data-testid="reader-file"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) openFile(file);
          }}
        />
        {status.kind === 'pdf' && (
          <>
            <SidebarToggle open={sidebar} onToggle={setSidebar} viewer={pdf.current?.viewer} />
            <span class="group" role="group" aria-label={t('reader_pages')}>
              <button
                type="button"
                aria-label={t('reader_previous_page')}
                onClick={() => pdf.current?.viewer.previousPage()}
                disabled={page.number <= 1}
              >
                ‹
              </button>
              <label>
                <span class="visually-hidden">{t('reader_page_number')}</span>
                <input
                  class="page-number"
                  type="number"
                  min={1}
                  max={page.count}
                  value={page.number}
                  onChange={(event) => {
                    const number = Number(event.currentTarget.value);
                    if (pdf.current && number >= 1 && number <= page.count)
                      pdf.current.viewer.currentPageNumber = number;
                  }}
                />
              </label>
              <span class="muted">{t('reader_page_count', [String(page.count)])}</span>
              <button
                type="button"
                aria-label={t('reader_next_page')}
                onClick={() => pdf.current?.viewer.nextPage()}
                disabled={page.number >= page.count}
              >
                ›
              </button>
            </span>
            <span class="group" role="group" aria-label={t('reader_zoom')}>
              <button type="button" aria-label={t('reader_zoom_out')} onClick={() => zoom(-1)}>
                −
              </button>
              <label>
                <span class="visually-hidden">{t('reader_zoom')}</span>
                <select
                  value={ZOOM_STEPS.map(String).includes(scale) || scale === 'page-width' ? scale : 'custom'}
                  onChange={(event) => {
                    if (pdf.current && event.currentTarget.value !== 'custom')
                      pdf.current.viewer.currentScaleValue = event.currentTarget.value;
                  }}
                >
                  <option value="page-width">{t('reader_fit_width')}</option>
                  <option value="page-fit">{t('reader_fit_page')}</option>
                  {ZOOM_STEPS.map((step) => (
                    <option key={step} value={String(step)}>
                      {Math.round(step * 100)}%
                    </option>
                  ))}
                  <option value="custom" hidden>
                    {Math.round((pdf.current?.viewer.currentScale ?? 1) * 100)}%
                  </option>
                </select>
              </label>
              <button type="button" aria-label={t('reader_zoom_in')} onClick={() => zoom(1)}>
                +
              </button>
            </span>
            <label class="find">
              <span class="visually-hidden">{t('reader_find')}</span>
              <input
                id="reader-find"
                type="search"
                placeholder={t('reader_find')}
                onInput={(event) => find(event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') find(event.currentTarget.value, true, event.shiftKey);
                }}
              />
            </label>
          </>
        )}
        {file && (status.kind === 'pdf' || status.kind === 'docx') && (
          <DocumentActions original={file.original} print={file.print} />
        )}
        {citationCount !== undefined && (status.kind === 'pdf' || status.kind === 'docx') && (
          <span class="muted" role="status" data-testid="reader-citation-count">
            {t('reader_citations', [String(citationCount)])}
          </span>
        )}
      </div>
      {opened && <OriginBar address={opened.address} intercepted={opened.intercepted} />}
      {status.kind === 'empty' && (
        <section class="reader-empty">
          <h1>{t('reader_title')}</h1>
          <p>{t('reader_empty')}</p>
        </section>
      )}
      {status.kind === 'loading' && <p class="reader-message muted">{t('reader_loading', [status.name])}</p>}
      {status.kind === 'permission' && (
        <section class="reader-message">
          <p>{t('reader_permission', [new URL(status.origin.slice(0, -1)).host])}</p>
          <button
            type="button"
            class="primary"
            onClick={() =>
              void browser.permissions
                .request({ origins: [status.origin] })
                .then((granted) => (granted ? openAddress(address!) : undefined))
            }
          >
            {t('reader_permission_allow')}
          </button>
        </section>
      )}
      {status.kind === 'error' && (
        <p class="reader-message" role="alert">
          {t('reader_error', [status.name, status.message])}
        </p>
      )}
      <div class={`reader-stage${sidebar && status.kind === 'pdf' ? ' with-sidebar' : ''}`}>
        {sidebar && status.kind === 'pdf' && pdf.current && <Sidebar view={pdf.current} page={page.number} />}
        <div class="reader-pdf" ref={pdfContainer} hidden={!isPdf}>
          <div class="pdfViewer" />
        </div>
        <article class="reader-docx" ref={docxContainer} hidden={status.kind !== 'docx'} />
      </div>
    </div>
  );
}

/** Opens the tooltip of a citation's first placed occurrence, once its page has been drawn (up to 5 s). */
async function revealPlaced({ layer, tooltips }: Annotator, id: string): Promise<boolean> {
  for (let waited = 0; waited < 5_000; waited += 100) {
    const item = layer.first((placed) => placed.citation.id === id);
    if (item) {
      item.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      tooltips.open(item);
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** The original address, the way out to the browser's viewer, and (after an automatic opening) the switch. */
function OriginBar({ address, intercepted }: { address: string; intercepted: boolean }) {
  const [automatic, setAutomatic] = useState<boolean>();
  useEffect(() => {
    if (intercepted) void loadSettings().then((settings) => setAutomatic(settings.openPdfsInReader));
  }, []);
  return (
    <div class="reader-origin">
      <span class="address">
        {t('reader_original')}{' '}
        <a href={address} target="_blank" rel="noopener noreferrer">
          {address}
        </a>
      </span>
      <button type="button" onClick={() => void openInBrowserViewer(address)}>
        {t('reader_browser_viewer')}
      </button>
      {automatic !== undefined && (
        <label class="check">
          <input
            type="checkbox"
            role="switch"
            checked={automatic}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              void saveSettings({ openPdfsInReader: on }).then(() => setAutomatic(on));
            }}
          />
          <span>{t('reader_auto_open')}</span>
        </label>
      )}
    </div>
  );
}

async function fetchDocument(address: string): Promise<ArrayBuffer> {
  const response = await fetch(address, { credentials: 'include' });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return response.arrayBuffer();
}
