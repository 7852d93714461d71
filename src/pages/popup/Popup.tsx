import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { DatasetStatus, PageCitation } from '../../messaging/contract';
import { askBackground, askTab } from '../../messaging/client';
import { kindLabel, t } from '../../ui/i18n';
import { DatasetLine } from '../DatasetLine';

type PageState =
  { state: 'loading' } | { state: 'unavailable' } | { state: 'ready'; citations: PageCitation[] };

/** The current tab's citations, grouped by kind. */
export function Popup() {
  const [page, setPage] = useState<PageState>({ state: 'loading' });
  const [dataset, setDataset] = useState<DatasetStatus>();

  useEffect(() => {
    void askBackground('datasetStatus', {}).then(setDataset, () => undefined);
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return setPage({ state: 'unavailable' });
      try {
        const { citations } = await askTab(tab.id, 'pageCitations', {});
        setPage({ state: 'ready', citations });
      } catch {
        setPage({ state: 'unavailable' });
      }
    })();
  }, []);

  return (
    <main>
      <h1>Bronwijzer</h1>
      {page.state === 'unavailable' && <p>{t('popup_not_annotated')}</p>}
      {page.state === 'ready' && page.citations.length === 0 && <p>{t('popup_citations_none')}</p>}
      {page.state === 'ready' && <CitationGroups citations={page.citations} />}
      {dataset && <DatasetLine status={dataset} />}
    </main>
  );
}

function CitationGroups({ citations }: { citations: PageCitation[] }) {
  const groups = Map.groupBy(citations, (citation) => citation.kind);
  return (
    <>
      {[...groups].map(([kind, items]) => (
        <section key={kind}>
          <h2>
            {kindLabel(kind)} <span class="count">({items.length})</span>
          </h2>
          <ul>
            {items.map((item) => (
              <li key={item.id}>
                <span>{item.text}</span> <code>{item.id}</code>
                {item.occurrences > 1 && <span class="count"> ×{item.occurrences}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
