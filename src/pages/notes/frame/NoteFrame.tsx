import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation } from '../../../core/annotations/model';
import { askBackground } from '../../../messaging/client';
import type { NoteFrameEvent, NoteFrameTask } from '../../../messaging/contract';
import { t } from '../../../ui/i18n';
import { NoteForm, NotePopover, UndoBar, type NoteDraft } from './NoteViews';

/**
 * The note frame: an extension page the content script embeds over the page (in a closed shadow
 * root) to show a passage's notes or the note form. The page cannot read into it, dispatch events
 * into it or hear its keys. It reads and writes notes itself; it tells the content script only ids
 * and colours, through the worker.
 */
export function NoteFrame({ token }: { token: string }) {
  const [task, setTask] = useState<NoteFrameTask>();
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<Annotation>();
  const [deleted, setDeleted] = useState<Annotation>();
  const root = useRef<HTMLDivElement>(null);
  const tell = (event: NoteFrameEvent) => askBackground('noteFrameEvent', { token, event });

  useEffect(() => {
    askBackground('noteFrameTask', { token }).then(setTask, (e: unknown) =>
      setError(String((e as Error).message ?? e)),
    );
  }, [token]);

  // The content script sizes the frame to the card.
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const body = document.body;
      void tell({ type: 'size', width: body.scrollWidth, height: body.scrollHeight }).catch(() => undefined);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && event.isTrusted) void tell({ type: 'close' });
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const close = () => void tell({ type: 'close' });

  const save = async (draft: NoteDraft) => {
    if (editing || task?.kind === 'edit') {
      const id = editing?.id ?? (task as Extract<NoteFrameTask, { kind: 'edit' }>).note.id;
      const { note } = await askBackground('notesUpdate', { id, patch: draft });
      await tell({ type: 'saved', id: note.id, colour: note.colour });
    } else if (task?.kind === 'new') {
      const { url, title, selectors, citation } = task;
      const input = { url, title, selectors, ...(citation ? { citation } : {}), ...draft };
      const { note } = await askBackground('notesSave', { note: input });
      await tell({ type: 'saved', id: note.id, colour: note.colour });
    }
    close();
  };

  const remove = async (note: Annotation) => {
    try {
      await askBackground('notesDelete', { ids: [note.id] });
    } catch (e) {
      setError(
        `${t('note_delete_failed', undefined, 'The note was not deleted:')} ${String((e as Error).message ?? e)}`,
      );
      return;
    }
    setDeleted(note);
    await tell({ type: 'deleted', id: note.id });
  };

  const undo = async (note: Annotation) => {
    const [restored] = (await askBackground('notesRestore', { ids: [note.id] })).notes;
    setDeleted(undefined);
    if (restored) await tell({ type: 'restored', id: restored.id, colour: restored.colour });
  };

  let content;
  if (error)
    content = (
      <p class="note-error note-popover" role="alert">
        {error}
      </p>
    );
  else if (!task) content = null;
  else if (deleted)
    content = (
      <div class="note-popover">
        <UndoBar message={t('note_deleted', undefined, 'Note deleted')} onUndo={() => void undo(deleted)} />
      </div>
    );
  else if (task.kind === 'view' && !editing)
    content = (
      <NotePopover
        notes={task.notes}
        onEdit={(note) => setEditing(note)}
        onDelete={(note) => void remove(note)}
      />
    );
  else {
    const note = editing ?? (task.kind === 'edit' ? task.note : undefined);
    content = (
      <NoteForm
        key={note?.id ?? 'new'}
        quote={
          note
            ? (note.target.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '')
            : task.kind === 'new'
              ? task.quote
              : ''
        }
        {...(note?.target.citationId
          ? { citationId: note.target.citationId }
          : task.kind === 'new' && task.citation
            ? { citationId: task.citation.id }
            : {})}
        editing={note !== undefined}
        initial={
          note
            ? { body: note.body, colour: note.colour, tags: note.tags }
            : { body: '', colour: 'yellow', tags: [] }
        }
        onSave={save}
        onCancel={close}
      />
    );
  }
  return <div ref={root}>{content}</div>;
}
