import { useEffect, useState } from 'preact/hooks';
import browser, { type Tabs } from 'webextension-polyfill';
import { CITATION_KINDS } from '../../core/citation';
import { patternCoversHost, sitePatternFor } from '../../core/sites';
import type { DatasetStatus, PageCitation } from '../../messaging/contract';
import { askBackground, askTab } from '../../messaging/client';
import { kindLabel, t } from '../../ui/i18n';
import { loadSettings, saveSettings } from '../../ui/settings-store';
import { injectInto, isOfficialHost, requestSite } from '../../ui/sites';
import { DatasetLine } from '../DatasetLine';
import { NOTES_PAGE, OPTIONS_PAGE, openExtensionPage } from '../shared/page';
import { readerUrlFor, looksLikeDocument } from '../../ui/reader-links';
import { readerDocumentIn, showsPdf, type ReaderDocument } from './reader-tab';
import { targetTab } from './target-tab';

type View =
  | { kind: 'loading' }
  | { kind: 'page'; host: string; annotating: boolean; citations: PageCitation[]; reader?: ReaderDocument }
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
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the tab's content script says about its page, or why there is none. */
async function inspect(tab: Tabs.Tab): Promise<View> {
  const reader = readerDocumentIn(tab);
  if (reader)
    return { kind: 'page', host: reader.name, annotating: true, citations: reader.citations(), reader };
  // A PDF or Word file in the browser's viewer has no text for the content script: offer the reader.
  if (tab.url && (looksLikeDocument(tab.url) || (await showsPdf(tab))))
    return { kind: 'absent', offer: 'none', document: tab.url };
  try {
    const state = await askTab(tab.id!, 'pageState', {}, TOP_FRAME);
    const citations = state.annotating
      ? (await askTab(tab.id!, 'pageCitations', {}, TOP_FRAME)).citations
      : [];
    return { kind: 'page', ...state, citations };
  } catch {
    return absentView(tab);
  }
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
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
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

  // Titles for every listed citation, in one batched lookup.
  const ids = view.kind === 'page' ? view.citations.map((citation) => citation.id) : [];
  useEffect(() => {
    const wanted = ids.filter((id) => !titles.has(id));
    if (wanted.length === 0) return;
    void askBackground('lookup', { ids: wanted }).then(
      ({ results }) => {
        setTitles((known) => new Map([...known, ...results.map((r) => [r.id, r.title] as const)]));
      },
      () => undefined,
    );
  }, [ids.join(' ')]);

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
    if (view.kind === 'page' && view.reader) void view.reader.reveal(id);
    else if (tab?.id !== undefined)
      void askTab(tab.id, 'revealCitation', { id }, TOP_FRAME).catch(() => undefined);
  };

  return (
    <main>
      <h1>Bronwijzer</h1>
      {view.kind === 'loading' && <p class="muted">{t('popup_loading')}</p>}
      {view.kind === 'page' && view.reader && (
        <>
          <p class="reader-document">{view.host}</p>
          {view.citations.length === 0 && <p>{t('popup_citations_none')}</p>}
          {view.citations.length > 0 && (
            <CitationGroups citations={view.citations} titles={titles} onReveal={reveal} />
          )}
        </>
      )}
      {view.kind === 'page' && !view.reader && (
        <>
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              checked={view.annotating}
              onChange={(event) => void toggleSite(view.host, event.currentTarget.checked)}
            />
            <span>{t('popup_switch', [view.host])}</span>
          </label>
          {!view.annotating && <p>{t('popup_switched_off')}</p>}
          {view.annotating && view.citations.length === 0 && <p>{t('popup_citations_none')}</p>}
          {view.annotating && view.citations.length > 0 && (
            <CitationGroups citations={view.citations} titles={titles} onReveal={reveal} />
          )}
        </>
      )}
      {view.kind === 'absent' && <Absent view={view} onAdd={(pattern) => void addSite(pattern)} />}
      <nav class="links">
        <PageLink path={NOTES_PAGE} label={t('popup_notes')} />
        <PageLink path={OPTIONS_PAGE} label={t('popup_options')} />
      </nav>
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

function CitationGroups({
  citations,
  titles,
  onReveal,
}: {
  citations: PageCitation[];
  titles: Map<string, string>;
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
                    <span class="title">{titles.get(item.id) ?? item.text}</span>
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
