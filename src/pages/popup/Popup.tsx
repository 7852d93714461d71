import { useEffect, useMemo, useState } from 'preact/hooks';
import browser, { type Tabs } from 'webextension-polyfill';
import { CITATION_KINDS } from '../../core/citation';
import { patternCoversHost, sitePatternFor } from '../../core/sites';
import type { LookupResult } from '../../core/dataset/types';
import type { DatasetStatus, PageCitation } from '../../messaging/contract';
import { askBackground, askTab } from '../../messaging/client';
import { kindLabel, t } from '../../ui/i18n';
import { loadSettings, saveSettings } from '../../ui/settings-store';
import { injectInto, isOfficialHost, requestSite } from '../../ui/sites';
import { DatasetLine } from '../DatasetLine';
import { ExportReferences } from '../shared/ExportReferences';
import { Shortcuts } from '../shared/Shortcuts';
import { useLookup } from '../shared/useLookup';
import { NOTES_PAGE, OPTIONS_PAGE, openExtensionPage } from '../shared/page';
import { readerUrlFor, looksLikeDocument } from '../../ui/reader-links';
import { readerDocumentIn, showsPdf, type ReaderDocument } from './reader-tab';
import { targetTab } from './target-tab';

type View =
  | { kind: 'loading' }
  | { kind: 'page'; host: string; annotating: boolean; citations: FramedCitation[]; reader?: ReaderDocument }
  /**
   * No content script answered. `add`: the site can be offered (its pattern); `reload`: the script
   * should be there; `unknown`: the tab's address is not ours to read; `none`: not an https page.
   */
  | {
      kind: 'absent';
      offer: 'add' | 'reload' | 'unknown' | 'none';
      pattern?: string;
      denied?: boolean;
      /** The tab shows a PDF or Word file: offer the reader. */
      document?: string;
    };

const TOP_FRAME = { frameId: 0 };

/** A page citation and the frame it was first found in (0: the page itself). */
type FramedCitation = PageCitation & { frameId: number };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the tab's content script says about its page, or why there is none. */
async function inspect(tab: Tabs.Tab): Promise<View> {
  const reader = readerDocumentIn(tab);
  if (reader)
    return {
      kind: 'page',
      host: reader.name,
      annotating: true,
      citations: reader.citations().map((citation) => ({ ...citation, frameId: 0 })),
      reader,
    };
  // A PDF or Word file in the browser's viewer has no text for the content script: offer the reader.
  if (tab.url && (looksLikeDocument(tab.url) || (await showsPdf(tab))))
    return { kind: 'absent', offer: 'none', document: tab.url };
  try {
    const state = await askTab(tab.id!, 'pageState', {}, TOP_FRAME);
    const citations = state.annotating ? await citationsOfAllFrames(tab.id!) : [];
    return { kind: 'page', ...state, citations };
  } catch {
    return absentView(tab);
  }
}

/** The top frame's citations, then those of frames inside it (iframes), merged by id. */
async function citationsOfAllFrames(tabId: number): Promise<FramedCitation[]> {
  const { frameIds } = await askBackground('tabFrames', { tabId }).catch(() => ({
    frameIds: [] as number[],
  }));
  const byId = new Map<string, FramedCitation>();
  for (const frameId of [0, ...frameIds]) {
    const answer = await askTab(tabId, 'pageCitations', {}, { frameId }).catch(() => undefined);
    for (const citation of answer?.citations ?? []) {
      const known = byId.get(citation.id);
      if (known) known.occurrences += citation.occurrences;
      else byId.set(citation.id, { ...citation, frameId });
    }
  }
  return [...byId.values()];
}

async function absentView(tab: Tabs.Tab): Promise<Extract<View, { kind: 'absent' }>> {
  // The address is known through activeTab (the user opened the popup) or a site permission.
  if (!tab.url) return { kind: 'absent', offer: 'unknown' };
  const url = new URL(tab.url);
  if (url.protocol !== 'https:') return { kind: 'absent', offer: 'none' };
  const { extraSites } = await loadSettings();
  if (isOfficialHost(url.hostname) || extraSites.some((site) => patternCoversHost(site, url.hostname)))
    return { kind: 'absent', offer: 'reload' };
  const pattern = sitePatternFor(url.href);
  return pattern ? { kind: 'absent', offer: 'add', pattern } : { kind: 'absent', offer: 'none' };
}

/** Asks again until `done` holds (the content script applies a change asynchronously). */
async function inspectUntil(tab: Tabs.Tab, done: (view: View) => boolean): Promise<View> {
  let view = await inspect(tab);
  for (let attempt = 0; attempt < 30 && !done(view); attempt++) {
    await sleep(100);
    view = await inspect(tab);
  }
  return view;
}

/** The current tab's citations grouped by kind, the site switch, and the way to the notes. */
export function Popup() {
  const [tab, setTab] = useState<Tabs.Tab>();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [dataset, setDataset] = useState<DatasetStatus>();

  useEffect(() => {
    void askBackground('datasetStatus', {}).then(setDataset, () => undefined);
    void (async () => {
      const found = await targetTab();
      if (found?.id === undefined) return setView({ kind: 'absent', offer: 'none' });
      setTab(found);
      setView(await inspect(found));
    })();
  }, []);

  // Facts for every listed citation, in one batched lookup (with the words around suffixless Kamerstukken).
  // What the popup lists may be looked up online (when switched on): the user is looking at it.
  const citations = view.kind === 'page' ? view.citations : [];
  const ids = citations.map((citation) => citation.id);
  const contexts = useMemo(
    () => Object.fromEntries(citations.flatMap(({ id, context }) => (context ? [[id, context]] : []))),
    [ids.join(' ')],
  );
  const results = useLookup(ids, contexts, { enrich: true });

  const toggleSite = async (host: string, on: boolean) => {
    const { disabledHosts } = await loadSettings();
    await saveSettings({
      disabledHosts: on ? disabledHosts.filter((h) => h !== host) : [...disabledHosts, host],
    });
    if (tab) setView(await inspectUntil(tab, (next) => next.kind === 'page' && next.annotating === on));
  };

  const addSite = async (pattern: string) => {
    if (!tab?.id) return;
    if (!(await requestSite(pattern)))
      return setView({ kind: 'absent', offer: 'add', pattern, denied: true });
    await injectInto(tab.id);
    setView(await inspectUntil(tab, (next) => next.kind === 'page'));
  };

  const reveal = (id: string) => {
    const frameId = citations.find((citation) => citation.id === id)?.frameId ?? 0;
    if (view.kind === 'page' && view.reader) void view.reader.reveal(id);
    else if (tab?.id !== undefined)
      void askTab(tab.id, 'revealCitation', { id }, { frameId }).catch(() => undefined);
  };

  return (
    <main>
      <h1>Bronwijzer</h1>
      {view.kind === 'loading' && <p class="muted">{t('popup_loading')}</p>}
      {view.kind === 'page' && (
        <>
          {view.reader ? (
            // A document in the reader: always annotated, named by its title.
            <p class="reader-document">{view.host}</p>
          ) : (
            <label class="switch">
              <input
                type="checkbox"
                role="switch"
                checked={view.annotating}
                onChange={(event) => void toggleSite(view.host, event.currentTarget.checked)}
              />
              <span>{t('popup_switch', [view.host])}</span>
            </label>
          )}
          {!view.annotating && <p>{t('popup_switched_off')}</p>}
          {view.annotating && view.citations.length === 0 && <p>{t('popup_citations_none')}</p>}
          {view.annotating && view.citations.length > 0 && (
            <>
              <ThisDocument citations={view.citations} results={results} />
              <CitationGroups
                citations={view.citations.filter((citation) => !citation.thisDocument)}
                results={results}
                onReveal={reveal}
              />
              <ExportReferences
                ids={ids}
                results={results}
                fileLabel={view.host}
                heading={t('export_page_heading')}
              />
            </>
          )}
        </>
      )}
      {view.kind === 'absent' && <Absent view={view} onAdd={(pattern) => void addSite(pattern)} />}
      <nav class="links">
        <PageLink path={NOTES_PAGE} label={t('popup_notes')} />
        <PageLink path={OPTIONS_PAGE} label={t('popup_options')} />
      </nav>
      <Shortcuts />
      {dataset && <DatasetLine status={dataset} />}
    </main>
  );
}

/** Shows the tab's document in the reader, in the same tab (its address stays visible there). */
function openInReader(address: string): void {
  void targetTab().then(async (tab) => {
    if (tab?.id !== undefined) await browser.tabs.update(tab.id, { url: readerUrlFor(address) });
    window.close();
  });
}

/** A link to an extension page that opens it in a tab of its own. */
function PageLink({ path, label }: { path: string; label: string }) {
  return (
    <a
      href={browser.runtime.getURL(path)}
      onClick={(event) => {
        event.preventDefault();
        openExtensionPage(path);
      }}
    >
      {label}
    </a>
  );
}

function Absent({
  view,
  onAdd,
}: {
  view: Extract<View, { kind: 'absent' }>;
  onAdd: (pattern: string) => void;
}) {
  const host = view.pattern?.replace(/^https:\/\//, '').replace(/\/\*$/, '');
  if (view.document)
    return (
      <div class="absent">
        <button
          type="button"
          class="primary"
          data-testid="open-in-reader"
          onClick={() => openInReader(view.document!)}
        >
          {t('reader_popup_open')}
        </button>
        <p class="muted">{t('reader_popup_hint')}</p>
      </div>
    );
  return (
    <div class="absent" data-testid="not-annotated">
      <p>{view.offer === 'none' ? t('popup_cannot') : t('popup_not_annotated')}</p>
      {view.offer === 'reload' && <p>{t('popup_reload')}</p>}
      {view.offer === 'unknown' && <p>{t('popup_add_in_options')}</p>}
      {view.offer === 'add' && view.pattern && (
        <>
          <button type="button" class="primary" onClick={() => onAdd(view.pattern!)}>
            {t('popup_add_site', [host ?? ''])}
          </button>
          <p class="muted">{t('popup_add_site_hint')}</p>
          {view.denied && <p role="alert">{t('popup_add_denied')}</p>}
        </>
      )}
    </div>
  );
}

/** The page's own document, where the page names itself: what it is, not a place to jump to. */
function ThisDocument({
  citations,
  results,
}: {
  citations: PageCitation[];
  results: ReadonlyMap<string, LookupResult>;
}) {
  const own = citations.filter((citation) => citation.thisDocument);
  if (!own.length) return null;
  return (
    <section aria-labelledby="this-document" class="this-document">
      <h2 id="this-document">{t('popup_this_document')}</h2>
      <ul>
        {own.map((item) => (
          <li key={item.id} class="citation" data-citation-id={item.id}>
            <span class="title">{results.get(item.id)?.title ?? item.text}</span>
            <span class="surface">
              {kindLabel(item.kind)} · {item.text}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CitationGroups({
  citations,
  results,
  onReveal,
}: {
  citations: PageCitation[];
  results: ReadonlyMap<string, LookupResult>;
  onReveal: (id: string) => void;
}) {
  const groups = Map.groupBy(citations, (citation) => citation.kind);
  return (
    <section aria-label={t('popup_citations_label')} class="citations">
      {CITATION_KINDS.filter((kind) => groups.has(kind)).map((kind) => {
        const items = groups.get(kind)!;
        return (
          <section key={kind} data-kind={kind}>
            <h2>
              {kindLabel(kind)} <span class="count">({items.length})</span>
            </h2>
            <ul>
              {items.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    class="citation"
                    data-citation-id={item.id}
                    onClick={() => onReveal(item.id)}
                  >
                    <span class="title" lang={results.get(item.id)?.titleLang}>
                      {results.get(item.id)?.title ?? item.text}
                    </span>
                    <span class="surface">
                      {item.text}
                      {item.occurrences > 1 && ` · ${t('popup_occurrences', [String(item.occurrences)])}`}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
