import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { AnnotationSearchIndex } from '../../core/annotations/search';
import type { Annotation } from '../../core/annotations/model';
import { askBackground } from '../../messaging/client';
import type { NotesListing } from '../../messaging/contract';
import { NOTES_CHANNEL, type NotesChange } from '../../messaging/notes-channel';

/** Notes rendered at first; "show more" adds as many again. Keeps the first paint fast at 10,000 notes. */
export const PAGE_SIZE = 100;
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

export interface NotesData {
  /** Every note loaded so far (the trash included), searchable. */
  index: AnnotationSearchIndex;
  loaded: 'loading' | 'ready' | { error: string };
  /** True once every note is loaded and indexed. */
  complete: boolean;
  /** The number of notes (trash excluded), known before all of them are loaded. */
  total: number;
  anchors: NotesListing['anchors'];
  /** Changes whenever the index does (a dependency for memos). */
  version: number;
  /** Puts notes the worker returned into the index. */
  apply: (notes: Annotation[]) => void;
  reload: () => Promise<void>;
}

/**
 * The notes page's data: loads the newest notes for the first screen, then every note in pieces for
 * search and filters, and stays current while notes change elsewhere (the worker's broadcast).
 */
export function useNotes(): NotesData {
  const index = useRef(new AnnotationSearchIndex());
  /** The full index while it is being filled (see `load`). */
  const building = useRef<AnnotationSearchIndex | undefined>(undefined);
  const loadGeneration = useRef(0);
  const [complete, setComplete] = useState(false);
  const [total, setTotal] = useState(0);
  const [loaded, setLoaded] = useState<NotesData['loaded']>('loading');
  const [version, setVersion] = useState(0);
  const [anchors, setAnchors] = useState<NotesListing['anchors']>({});
  const bump = () => setVersion((v) => v + 1);

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

  const apply = useCallback((notes: Annotation[]) => {
    for (const note of notes) index.current.upsert(note);
    bump();
  }, []);

  return { index: index.current, loaded, complete, total, anchors, version, apply, reload: load };
}
