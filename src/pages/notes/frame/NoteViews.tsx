import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation, Colour } from '../../../core/annotations/model';
import { t } from '../../../ui/i18n';
import { ColourChoice, NoteContent, parseTags } from '../../../ui/note-parts';
import { trusted } from '../../../ui/trusted';

/**
 * The note frame's views: the note form and the notes of a passage. They run in the extension's
 * own origin (the note frame), never in the page. Every note string is rendered as text by Preact.
 */

export interface NoteDraft {
  body: string;
  colour: Colour;
  tags: string[];
}

export interface FormProps {
  /** The passage the note is about, as read from the page. */
  quote: string;
  citationId?: string;
  initial: NoteDraft;
  editing: boolean;
  /** Resolves once the note is saved; a rejection's message is shown in the form (nothing is lost). */
  onSave: (draft: NoteDraft) => Promise<void>;
  onCancel: () => void;
}

export function NoteForm({ quote, citationId, initial, editing, onSave, onCancel }: FormProps) {
  const [body, setBody] = useState(initial.body);
  const [colour, setColour] = useState<Colour>(initial.colour);
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textarea.current?.focus(), []);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setError(undefined);
    try {
      await onSave({ body, colour, tags: parseTags(tags) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setSaving(false);
    }
  };

  return (
    <form
      class="note-form"
      aria-label={
        editing
          ? t('note_form_edit_title', undefined, 'Edit note')
          : t('note_form_title', undefined, 'New note')
      }
      onSubmit={(event) => {
        event.preventDefault();
        if (event.isTrusted) void save();
      }}
      onKeyDown={(event) => {
        if (!event.isTrusted) return;
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void save();
        }
      }}
    >
      <p class="note-heading">
        {editing
          ? t('note_form_edit_title', undefined, 'Edit note')
          : t('note_form_title', undefined, 'New note')}
        {citationId && <code class="note-citation">{citationId}</code>}
      </p>
      <blockquote class="note-quote">{quote}</blockquote>
      <label class="note-label">
        {t('note_form_text', undefined, 'Note')}
        <textarea
          ref={textarea}
          class="note-body"
          rows={3}
          value={body}
          onInput={(event) => setBody(event.currentTarget.value)}
        />
      </label>
      <ColourChoice
        class="note-colours"
        name="bronwijzer-note-colour"
        value={colour}
        swatchClass={(c) => `swatch swatch-${c}`}
        onChange={setColour}
      />
      <label class="note-label">
        {t('note_form_tags', undefined, 'Tags (comma separated)')}
        <input
          class="note-tags"
          type="text"
          value={tags}
          onInput={(event) => setTags(event.currentTarget.value)}
        />
      </label>
      {error && (
        <p class="note-error" role="alert">
          {t('note_save_failed', undefined, 'The note was not saved:')} {error}
        </p>
      )}
      <div class="note-buttons">
        <button type="button" class="note-cancel" onClick={trusted(onCancel)}>
          {t('note_cancel', undefined, 'Cancel')}
        </button>
        <button type="submit" class="note-save" disabled={saving}>
          {saving ? t('note_saving', undefined, 'Saving…') : t('note_save', undefined, 'Save note')}
        </button>
      </div>
    </form>
  );
}

export interface PopoverProps {
  notes: Annotation[];
  onEdit: (note: Annotation) => void;
  onDelete: (note: Annotation) => void;
}

export function NotePopover({ notes, onEdit, onDelete }: PopoverProps) {
  return (
    <div class="note-popover" role="tooltip">
      {notes.map((note) => (
        <div class={`note-item note-colour-${note.colour}`} key={note.id} data-note-id={note.id}>
          <NoteContent note={note} />
          <div class="note-buttons">
            <button type="button" class="note-edit" onClick={trusted(() => onEdit(note))}>
              {t('note_edit', undefined, 'Edit')}
            </button>
            <button type="button" class="note-delete" onClick={trusted(() => onDelete(note))}>
              {t('note_delete', undefined, 'Delete')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}

export interface UndoBarProps {
  message: string;
  onUndo?: () => void;
}

export function UndoBar({ message, onUndo }: UndoBarProps) {
  return (
    <div class="note-undo-bar" role="status">
      <span>{message}</span>
      {onUndo && (
        <button type="button" class="note-undo" onClick={trusted(onUndo)}>
          {t('note_undo', undefined, 'Undo')}
        </button>
      )}
    </div>
  );
}
