import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExportFormat } from '../../core/annotations/export';
import { checkImportSize } from '../../core/annotations/import';
import type { Annotation } from '../../core/annotations/model';
import {
  AnnotationSearchIndex,
  groupByCitation,
  groupByPage,
  type KindFilter,
  type SearchQuery,
} from '../../core/annotations/search';
import { isCitationKind, type CitationKind } from '../../core/citation';
import { askBackground } from '../../messaging/client';
import type { NotesListing } from '../../messaging/contract';
import { NOTES_CHANNEL, type NotesChange } from '../../messaging/notes-channel';
import { kindLabel, t } from '../../ui/i18n';
import { NoteCard } from './NoteCard';
import { ReferencesExport } from './ReferencesExport';

/** Notes rendered at first; "show more" adds as many again. Keeps the first paint fast at 10,000 notes. */
const PAGE_SIZE = 100;
/** Notes per `notesList` message while the whole list loads. */
const CHUNK_SIZE = 2_000;

export const MARKS = {
  /** The newest notes (the first screen) arrived from the service worker. */
  fetched: 'bronwijzer-notes-fetched',
  /** Every note is loaded and indexed: search and filters cover all of them. */
  complete: 'bronwijzer-notes-complete',
  /** Set once the first list (with notes, or the empty state) has rendered. */
  listed: 'bronwijzer-notes-listed',
  search: 'bronwijzer-notes-search',
  exported: 'bronwijzer-notes-export',
} as const;

type View = 'page' | 'citation';
type Status = { kind: 'info' | 'error'; lines: string[] } | undefined;

interface Toasting {
  message: string;
  onUndo?: () => void;
}

export function NotesApp() {
  const index = useRef(new AnnotationSearchIndex());
  /** The full index while it is being filled (see `load`). */
  const building = useRef<AnnotationSearchIndex | undefined>(undefined);
  const loadGeneration = useRef(0);
  const [complete, setComplete] = useState(false);
  /** The number of notes (trash excluded), known before all of them are loaded. */
  const [total, setTotal] = useState(0);
  const [loaded, setLoaded] = useState<'loading' | 'ready' | { error: string }>('loading');
  const [version, setVersion] = useState(0);
  const [anchors, setAnchors] = useState<NotesListing['anchors']>({});
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const [site, setSite] = useState('');
  const [kind, setKind] = useState<KindFilter | ''>('');
  const [trash, setTrash] = useState(false);
  const [view, setView] = useState<View>('page');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [status, setStatus] = useState<Status>();
  const [toast, setToast] = useState<Toasting>();
  const [busy, setBusy] = useState(false);
  const searchStarted = useRef<number | undefined>(undefined);
  const toastTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const bump = () => setVersion((v) => v + 1);

  /** Loads the newest notes for the first screen, then every note in pieces for search and filters. */
  const load = useCallback(async () => {
    const generation = ++loadGeneration.current;
    const stale = () => generation !== loadGeneration.current;
    try {
      const first = await askBackground('notesRecent', { limit: PAGE_SIZE });
      if (stale()) return;
      performance.mark(MARKS.fetched);
      index.current = new AnnotationSearchIndex(first.notes);
      setAnchors(first.anchors);
      setTotal(first.total);
      setComplete(false);
      setLoaded('ready');
      bump();

      // The rest in pieces: the page stays responsive while thousands of notes arrive and are indexed.
      const full = new AnnotationSearchIndex();
      building.current = full;
      const anchorStates: NotesListing['anchors'] = {};
      let afterId: string | undefined;
      do {
        const chunk = await askBackground('notesList', {
          includeDeleted: true,
          limit: CHUNK_SIZE,
          ...(afterId === undefined ? {} : { afterId }),
        });
        if (stale()) return;
        for (const note of chunk.notes) full.upsert(note);
        Object.assign(anchorStates, chunk.anchors);
        afterId = chunk.next;
      } while (afterId !== undefined);
      index.current = full;
      building.current = undefined;
      setAnchors(anchorStates);
      setComplete(true);
      bump();
    } catch (error) {
      if (!stale()) setLoaded({ error: (error as Error).message ?? String(error) });
    }
  }, []);

  useEffect(() => {
    void load();
    // Notes saved or changed elsewhere (a page, another notes tab) while this list is open.
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(NOTES_CHANNEL) : undefined;
    let reloadTimer: ReturnType<typeof setTimeout> | undefined;
    if (channel) {
      channel.onmessage = (event: MessageEvent<NotesChange>) => {
        const change = event.data;
        if ('changed' in change) {
          for (const note of change.changed) {
            index.current.upsert(note);
            building.current?.upsert(note);
          }
          bump();
        } else {
          clearTimeout(reloadTimer);
          reloadTimer = setTimeout(() => void load(), 100);
        }
      };
    }
    return () => channel?.close();
  }, [load]);

  const query: SearchQuery = useMemo(
    () => ({
      text,
      ...(tag ? { tags: [tag] } : {}),
      ...(site ? { site } : {}),
      ...(kind ? { kind } : {}),
      includeDeleted: trash,
    }),
    [text, tag, site, kind, trash],
  );
  const results = useMemo(() => {
    const found = index.current.search(query);
    return trash ? found.filter((note) => note.deletedAt !== undefined) : found;
    // `version` changes whenever the index does.
  }, [query, trash, version]);
  // Only what is drawn is grouped: a keystroke never regroups 10,000 notes.
  const groups = useMemo(() => {
    const drawn = results.slice(0, limit);
    return view === 'page' ? groupByPage(drawn) : groupByCitation(drawn);
  }, [results, view, limit]);
  const facets = useMemo(() => {
    const all = index.current.search({});
    const kinds = new Set<CitationKind>();
    for (const note of all) if (note.target.citationKind) kinds.add(note.target.citationKind);
    return { tags: index.current.tags(), sites: index.current.sites(), kinds: [...kinds], total: all.length };
  }, [version]);

  // Timings for the benchmark (performance entries; cheap, and nothing leaves the page).
  useLayoutEffect(() => {
    if (loaded === 'loading') return;
    if (performance.getEntriesByName(MARKS.listed).length === 0) performance.mark(MARKS.listed);
    if (complete && performance.getEntriesByName(MARKS.complete).length === 0)
      performance.mark(MARKS.complete);
  }, [loaded, groups, complete]);
  useLayoutEffect(() => {
    if (searchStarted.current === undefined) return;
    performance.measure(MARKS.search, { start: searchStarted.current, end: performance.now() });
    searchStarted.current = undefined;
  }, [groups]);

  const showToast = (next: Toasting) => {
    clearTimeout(toastTimer.current);
    setToast(next);
    toastTimer.current = setTimeout(() => setToast(undefined), 10_000);
  };

  const apply = (notes: Annotation[]) => {
    for (const note of notes) index.current.upsert(note);
    bump();
  };

  // Stable across renders: everything it touches is a ref or a state setter.
  const actions = useMemo(() => {
    const actions = {
      async save(note: Annotation, patch: { body: string; colour: Annotation['colour']; tags: string[] }) {
        const { note: saved } = await askBackground('notesUpdate', { id: note.id, patch });
        apply([saved]);
      },
      async remove(note: Annotation) {
        try {
          apply((await askBackground('notesDelete', { ids: [note.id] })).notes);
          showToast({
            message: t('note_deleted', undefined, 'Note deleted'),
            onUndo: () => void actions.restore(note, true),
          });
        } catch (error) {
          setStatus({ kind: 'error', lines: [(error as Error).message] });
        }
      },
      async restore(note: Annotation, fromToast = false) {
        try {
          apply((await askBackground('notesRestore', { ids: [note.id] })).notes);
          if (fromToast) setToast(undefined);
          else showToast({ message: t('note_restored', undefined, 'Note restored') });
        } catch (error) {
          setStatus({ kind: 'error', lines: [(error as Error).message] });
        }
      },
      async open(note: Annotation) {
        try {
          await askBackground('notesOpen', { id: note.id });
        } catch (error) {
          setStatus({ kind: 'error', lines: [(error as Error).message] });
        }
      },
    };
    return actions;
  }, []);

  const exportAs = async (format: ExportFormat) => {
    const started = performance.now();
    setBusy(true);
    try {
      const file = await askBackground('notesExport', { format });
      const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      performance.measure(MARKS.exported, { start: started, end: performance.now(), detail: format });
      setStatus({ kind: 'info', lines: [t('notes_exported', [String(file.count), file.fileName])] });
    } catch (error) {
      setStatus({ kind: 'error', lines: [(error as Error).message] });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file may be chosen again
    if (!file) return;
    const failed = (lines: string[]) =>
      setStatus({ kind: 'error', lines: [t('notes_import_failed', [file.name]), ...lines] });
    // A huge file is refused before it is read.
    const tooLarge = checkImportSize(file.size);
    if (tooLarge) return failed([tooLarge]);
    setBusy(true);
    try {
      const outcome = await askBackground('notesImport', { text: await file.text() });
      if (!outcome.ok) return failed(outcome.errors);
      setStatus({
        kind: 'info',
        lines: [
          t('notes_imported', [String(outcome.added), String(outcome.updated), String(outcome.unchanged)]),
          ...outcome.warnings,
        ],
      });
      await load();
    } catch (error) {
      failed([(error as Error).message]);
    } finally {
      setBusy(false);
    }
  };

  let budget = limit;
  let shown = 0;
  const visibleGroups: { key: string; header: preact.ComponentChildren; notes: Annotation[] }[] = [];
  for (const group of groups) {
    if (budget <= 0) break;
    const notes = group.annotations.slice(0, budget);
    budget -= notes.length;
    shown += notes.length;
    if ('url' in group) {
      visibleGroups.push({ key: group.url, header: <PageHeader {...group} />, notes });
    } else {
      visibleGroups.push({
        key: group.citationId,
        header: <CitationHeader id={group.citationId} kind={group.kind} pages={group.pages.length} />,
        notes,
      });
    }
  }

  return (
    <main class="notes-app" aria-busy={loaded === 'loading' || (loaded === 'ready' && !complete) || busy}>
      <header class="notes-header">
        <h1>
          {t('notes_page_title', undefined, 'Bronwijzer notes')}{' '}
          <span class="count" data-testid="notes-total">
            ({complete ? facets.total : total})
          </span>
        </h1>
        <div class="toolbar">
          <span class="toolbar-label">{t('notes_export', undefined, 'Export')}:</span>
          <button type="button" data-export="jsonld" disabled={busy} onClick={() => void exportAs('jsonld')}>
            JSON-LD
          </button>
          <button
            type="button"
            data-export="markdown"
            disabled={busy}
            onClick={() => void exportAs('markdown')}
          >
            Markdown
          </button>
          <button type="button" data-export="csv" disabled={busy} onClick={() => void exportAs('csv')}>
            CSV
          </button>
          <label class="import">
            {t('notes_import', undefined, 'Import JSON-LD…')}
            <input
              type="file"
              accept=".jsonld,.json,application/ld+json,application/json"
              data-testid="import-file"
              disabled={busy}
              onChange={(event) => void importFile(event.currentTarget)}
            />
          </label>
        </div>
      </header>

      <div class="filters" role="search">
        <input
          type="search"
          class="search"
          placeholder={t('notes_search', undefined, 'Search notes…')}
          aria-label={t('notes_search', undefined, 'Search notes…')}
          value={text}
          onInput={(event) => {
            searchStarted.current = performance.now();
            setText(event.currentTarget.value);
            setLimit(PAGE_SIZE);
          }}
        />
        <select
          aria-label={t('notes_filter_tag', undefined, 'Tag')}
          data-filter="tag"
          value={tag}
          onChange={(event) => setTag(event.currentTarget.value)}
        >
          <option value="">{t('notes_all_tags', undefined, 'All tags')}</option>
          {facets.tags.map(({ tag: name, count }) => (
            <option key={name} value={name}>
              {name} ({count})
            </option>
          ))}
        </select>
        <select
          aria-label={t('notes_filter_site', undefined, 'Site')}
          data-filter="site"
          value={site}
          onChange={(event) => setSite(event.currentTarget.value)}
        >
          <option value="">{t('notes_all_sites', undefined, 'All sites')}</option>
          {facets.sites.map(({ site: name, count }) => (
            <option key={name} value={name}>
              {name} ({count})
            </option>
          ))}
        </select>
        <select
          aria-label={t('notes_filter_kind', undefined, 'Kind')}
          data-filter="kind"
          value={kind}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setKind(value === 'passage' || isCitationKind(value) ? value : '');
          }}
        >
          <option value="">{t('notes_all_kinds', undefined, 'All kinds')}</option>
          <option value="passage">{t('notes_kind_passage', undefined, 'Passages')}</option>
          {facets.kinds.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
        <label class="check">
          <input
            type="checkbox"
            data-filter="trash"
            checked={trash}
            onChange={(e) => setTrash(e.currentTarget.checked)}
          />
          {t('notes_trash', undefined, 'Trash')}
        </label>
        <span class="views" role="group" aria-label={t('notes_group_by', undefined, 'Group by')}>
          <button
            type="button"
            aria-pressed={view === 'page'}
            data-view="page"
            onClick={() => setView('page')}
          >
            {t('notes_by_page', undefined, 'By page')}
          </button>
          <button
            type="button"
            aria-pressed={view === 'citation'}
            data-view="citation"
            onClick={() => setView('citation')}
          >
            {t('notes_by_citation', undefined, 'By citation')}
          </button>
        </span>
      </div>

      {status && (
        <div class={`status status-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.lines.length === 1 ? (
            <p>{status.lines[0]}</p>
          ) : (
            <>
              <p>{status.lines[0]}</p>
              <ul>
                {status.lines.slice(1).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </>
          )}
          <button
            type="button"
            class="dismiss"
            aria-label={t('tooltip_close')}
            onClick={() => setStatus(undefined)}
          >
            ×
          </button>
        </div>
      )}

      {loaded === 'loading' && <p class="muted">{t('notes_loading', undefined, 'Loading notes…')}</p>}
      {typeof loaded === 'object' && (
        <p class="status status-error" role="alert">
          {t('notes_load_failed', undefined, 'The notes could not be read:')} {loaded.error}
        </p>
      )}
      {loaded === 'ready' && !complete && (
        <p class="muted loading-all">{t('notes_loading_all', undefined, 'Loading all notes…')}</p>
      )}
      {loaded === 'ready' && complete && results.length === 0 && (
        <p class="muted empty">
          {facets.total === 0 && !trash
            ? t('notes_none', undefined, 'No notes yet.')
            : t('notes_no_match', undefined, 'No notes match.')}
        </p>
      )}
      {loaded === 'ready' && complete && results.length > 0 && (
        <p class="muted result-count" data-testid="result-count">
          {t('notes_result_count', [String(results.length)], `${results.length} notes`)}
        </p>
      )}

      {complete && results.length > 0 && <ReferencesExport notes={results} />}
      <div class="groups">
        {visibleGroups.map((group) => (
          <section class="group" key={`${view}:${group.key}`} data-group={group.key}>
            {group.header}
            {group.notes.map((note) => (
              <NoteCard
                key={note.id}
                note={note}
                anchor={anchors[note.id] ?? 'unknown'}
                actions={actions}
                showPage={view === 'citation'}
              />
            ))}
          </section>
        ))}
      </div>
      {shown < results.length && (
        <button type="button" class="more" onClick={() => setLimit((n) => n + PAGE_SIZE)}>
          {t('notes_show_more', [String(results.length - shown)], 'Show more')}
        </button>
      )}

      {toast && (
        <div class="toast" role="status">
          <span>{toast.message}</span>
          {toast.onUndo && (
            <button type="button" class="undo" onClick={toast.onUndo}>
              {t('note_undo', undefined, 'Undo')}
            </button>
          )}
        </div>
      )}
    </main>
  );
}

function PageHeader({ url, title, site }: { url: string; title: string; site: string }) {
  return (
    <header class="group-header">
      <h2>{title || url}</h2>
      <p class="group-sub">
        <span class="site">{site}</span> · <span class="url">{url}</span>
      </p>
    </header>
  );
}

function CitationHeader({ id, kind, pages }: { id: string; kind: CitationKind | undefined; pages: number }) {
  return (
    <header class="group-header">
      <h2>
        {kind ? `${kindLabel(kind)} ` : ''}
        <code>{id}</code>
      </h2>
      <p class="group-sub">{t('notes_on_pages', [String(pages)], `on ${pages} pages`)}</p>
    </header>
  );
}
