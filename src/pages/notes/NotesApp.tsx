import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExportFormat } from '../../core/annotations/export';
import { checkImportSize } from '../../core/annotations/import';
import type { Annotation } from '../../core/annotations/model';
import type { SearchQuery } from '../../core/annotations/search';
import type { CitationKind } from '../../core/citation';
import { askBackground } from '../../messaging/client';
import { t, tCount, uiLanguage } from '../../ui/i18n';
import type { NoteActions } from './NoteCard';
import { groupNotes, NoteGroups } from './NoteGroups';
import { NotesFilters, type FilterState } from './NotesFilters';
import { NotesToolbar } from './NotesToolbar';
import { ExportReferences } from '../shared/ExportReferences';
import { useLookup } from '../shared/useLookup';
import { citedContexts, citedIds } from './cited';
import { StatusBox, type Status } from './StatusBox';
import { TrashBar } from './TrashBar';
import { MARKS, PAGE_SIZE, useNotes } from './useNotes';

export { MARKS } from './useNotes';

interface Toasting {
  message: string;
  onUndo?: () => void;
}

/** The notes page: the data comes from `useNotes`, each part of the page is its own component. */
export function NotesApp() {
  const data = useNotes();
  const { index, loaded, complete, anchors, version, apply } = data;
  const [filters, setFilters] = useState<FilterState>({
    text: '',
    tag: '',
    site: '',
    kind: '',
    trash: false,
    view: 'page',
  });
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [status, setStatus] = useState<Status>();
  const [toast, setToast] = useState<Toasting>();
  const [busy, setBusy] = useState(false);
  const searchStarted = useRef<number | undefined>(undefined);
  const toastTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const changeFilters = (change: Partial<FilterState>) => {
    if (change.text !== undefined) searchStarted.current = performance.now();
    if (change.text !== undefined || change.trash !== undefined) setLimit(PAGE_SIZE);
    setFilters((current) => ({ ...current, ...change }));
  };

  const { text, tag, site, kind, trash, view } = filters;
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
    const found = index.search(query);
    return trash ? found.filter((note) => note.deletedAt !== undefined) : found;
    // `version` changes whenever the index does.
  }, [query, trash, version, index]);
  // The facts the tooltip shows, for the headers, the cards and the references export: one lookup for
  // the ids the notes found cite (and one more for new ids as the list grows), never one per note. The
  // citations inside quotes matter only to the export, shown once every note is loaded.
  const exporting = !trash && complete && results.length > 0;
  const cited = useMemo(
    () => ({ ids: citedIds(results, { quotes: exporting }), contexts: citedContexts(results) }),
    [results, exporting],
  );
  const facts = useLookup(cited.ids, cited.contexts);
  // Only what is drawn is grouped: a keystroke never regroups 10,000 notes.
  const groups = useMemo(
    () => groupNotes(results.slice(0, limit), view, facts),
    [results, view, limit, facts],
  );
  const shown = Math.min(limit, results.length);
  const facets = useMemo(() => {
    const all = index.search({});
    const kinds = new Set<CitationKind>();
    for (const note of all) if (note.target.citationKind) kinds.add(note.target.citationKind);
    const inTrash = index.search({ includeDeleted: true }).length - all.length;
    return { tags: index.tags(), sites: index.sites(), kinds: [...kinds], total: all.length, inTrash };
  }, [version, index]);

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
  const fail = (error: unknown) => setStatus({ kind: 'error', lines: [(error as Error).message] });

  // Stable across renders: everything it touches is a ref, a state setter or a stable callback.
  const actions: NoteActions = useMemo(() => {
    const actions: NoteActions & { restore(note: Annotation, fromToast?: boolean): Promise<void> } = {
      async save(note, patch) {
        apply([(await askBackground('notesUpdate', { id: note.id, patch })).note]);
      },
      async remove(note) {
        try {
          apply((await askBackground('notesDelete', { ids: [note.id] })).notes);
          showToast({
            message: t('note_deleted', undefined, 'Note deleted'),
            onUndo: () => void actions.restore(note, true),
          });
        } catch (error) {
          fail(error);
        }
      },
      async restore(note, fromToast = false) {
        try {
          apply((await askBackground('notesRestore', { ids: [note.id] })).notes);
          if (fromToast) setToast(undefined);
          else showToast({ message: t('note_restored', undefined, 'Note restored') });
        } catch (error) {
          fail(error);
        }
      },
      async open(note) {
        try {
          await askBackground('notesOpen', { id: note.id });
        } catch (error) {
          fail(error);
        }
      },
    };
    return actions;
  }, [apply]);

  const exportAs = async (format: ExportFormat, includeDeleted: boolean) => {
    const started = performance.now();
    setBusy(true);
    try {
      const language = uiLanguage().startsWith('en') ? 'en' : 'nl';
      const file = await askBackground('notesExport', { format, includeDeleted, language });
      const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      performance.measure(MARKS.exported, { start: started, end: performance.now(), detail: format });
      const key = file.includesTrash ? 'notes_exported_with_trash' : 'notes_exported';
      setStatus({ kind: 'info', lines: [tCount(key, file.count, [file.fileName])] });
    } catch (error) {
      fail(error);
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
      await data.reload();
    } catch (error) {
      failed([(error as Error).message]);
    } finally {
      setBusy(false);
    }
  };

  const emptyTrash = async () => {
    try {
      const { purged } = await askBackground('notesEmptyTrash', {});
      setStatus({ kind: 'info', lines: [tCount('trash_emptied', purged)] });
      await data.reload();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <main class="notes-app" aria-busy={loaded === 'loading' || (loaded === 'ready' && !complete) || busy}>
      <header class="notes-header">
        <h1>
          {t('notes_page_title', undefined, 'Bronwijzer notes')}{' '}
          <span class="count" data-testid="notes-total">
            ({complete ? facets.total : data.total})
          </span>
        </h1>
        <NotesToolbar
          busy={busy}
          onExport={(f, trash) => void exportAs(f, trash)}
          onImport={(i) => void importFile(i)}
        />
      </header>

      <NotesFilters filters={filters} facets={facets} onChange={changeFilters} />
      {trash && complete && <TrashBar count={facets.inTrash} onEmpty={emptyTrash} />}

      {status && <StatusBox status={status} onDismiss={() => setStatus(undefined)} />}

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
          {tCount('notes_result_count', results.length)}
        </p>
      )}

      {exporting && (
        <ExportReferences
          ids={cited.ids}
          results={facts}
          fileLabel="notities"
          heading={t('export_notes_heading')}
        />
      )}
      <NoteGroups groups={groups} view={view} anchors={anchors} actions={actions} facts={facts} />
      {shown < results.length && (
        <button type="button" class="more" onClick={() => setLimit((n) => n + PAGE_SIZE)}>
          {tCount('notes_show_more', results.length - shown)}
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
