import { useState } from 'preact/hooks';
import { quoteSelectorOf, type Annotation, type Colour } from '../../core/annotations/model';
import type { LookupResult } from '../../core/dataset/types';
import type { NoteAnchorState } from '../../messaging/contract';
import { kindLabel, t } from '../../ui/i18n';
import { ColourChoice, NoteContent, parseTags } from '../../ui/note-parts';
import { CitationFacts } from '../shared/CitationFacts';

export interface NoteActions {
  save(note: Annotation, patch: { body: string; colour: Colour; tags: string[] }): Promise<void>;
  remove(note: Annotation): Promise<void>;
  restore(note: Annotation): Promise<void>;
  open(note: Annotation): Promise<void>;
}

interface Props {
  note: Annotation;
  anchor: NoteAnchorState;
  actions: NoteActions;
  /** In the by-citation view, say which page the note is on. */
  showPage: boolean;
  /** What the dataset says of the note's citation (by-page view; the by-citation view says it in the header). */
  facts?: LookupResult | undefined;
}

/** One note. Its text, quote and tags are rendered as text (Preact never parses them as HTML). */
export function NoteCard({ note, anchor, actions, showPage, facts }: Props) {
  const [editing, setEditing] = useState(false);
  const quote = quoteSelectorOf(note)?.exact ?? '';
  const deleted = note.deletedAt !== undefined;
  return (
    <article
      class={`note note-colour-${note.colour}${anchor === 'orphaned' ? ' orphaned' : ''}`}
      data-note-id={note.id}
      data-anchor={anchor}
    >
      <div class="note-meta">
        <span class="swatch" title={t(`colour_${note.colour}`, undefined, note.colour)} />
        {note.target.citationId !== undefined && !facts && (
          <span class="note-citation">
            {note.target.citationKind ? `${kindLabel(note.target.citationKind)} ` : ''}
            <code>{note.target.citationId}</code>
          </span>
        )}
        {anchor === 'orphaned' && (
          <span class="badge orphan" title={t('notes_orphaned_hint', undefined, '')}>
            {t('notes_orphaned', undefined, 'Orphaned')}
          </span>
        )}
        <time dateTime={note.updated}>{formatDate(note.updated)}</time>
      </div>
      {facts && note.target.citationId !== undefined && (
        <CitationFacts
          id={note.target.citationId}
          kind={note.target.citationKind}
          result={facts}
          titleAs="p"
        />
      )}
      {showPage && <p class="note-page">{note.title || note.url}</p>}
      {quote && <blockquote class="quote">{quote}</blockquote>}
      {editing ? (
        <EditForm
          note={note}
          onCancel={() => setEditing(false)}
          onSave={async (patch) => {
            await actions.save(note, patch);
            setEditing(false);
          }}
        />
      ) : (
        <>
          <NoteContent note={note} />
          <div class="note-actions">
            {deleted ? (
              <button type="button" class="restore" onClick={() => void actions.restore(note)}>
                {t('notes_restore', undefined, 'Restore')}
              </button>
            ) : (
              <>
                <button type="button" class="open" onClick={() => void actions.open(note)}>
                  {t('notes_open', undefined, 'Open')}
                </button>
                <button type="button" class="edit" onClick={() => setEditing(true)}>
                  {t('note_edit', undefined, 'Edit')}
                </button>
                <button type="button" class="delete" onClick={() => void actions.remove(note)}>
                  {t('note_delete', undefined, 'Delete')}
                </button>
              </>
            )}
          </div>
        </>
      )}
    </article>
  );
}

function EditForm({
  note,
  onSave,
  onCancel,
}: {
  note: Annotation;
  onSave: (patch: { body: string; colour: Colour; tags: string[] }) => Promise<void>;
  onCancel: () => void;
}) {
  const [body, setBody] = useState(note.body);
  const [colour, setColour] = useState<Colour>(note.colour);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  return (
    <form
      class="edit-form"
      onSubmit={(event) => {
        event.preventDefault();
        setSaving(true);
        setError(undefined);
        onSave({ body, colour, tags: parseTags(tags) }).catch((e: unknown) => {
          setError((e as Error).message ?? String(e));
          setSaving(false);
        });
      }}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <label>
        {t('note_form_text', undefined, 'Note')}
        <textarea class="edit-body" rows={3} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      <ColourChoice
        class="colours"
        name={`colour-${note.id}`}
        value={colour}
        swatchClass={(c) => `swatch-choice note-colour-${c}`}
        onChange={setColour}
      />
      <label>
        {t('note_form_tags', undefined, 'Tags (comma separated)')}
        <input class="edit-tags" type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      {error && (
        <p class="status-error" role="alert">
          {t('note_save_failed', undefined, 'The note was not saved:')} {error}
        </p>
      )}
      <div class="note-actions">
        <button type="button" onClick={onCancel}>
          {t('note_cancel', undefined, 'Cancel')}
        </button>
        <button type="submit" class="save" disabled={saving}>
          {t('note_save', undefined, 'Save note')}
        </button>
      </div>
    </form>
  );
}

let dateFormat: Intl.DateTimeFormat | undefined;

function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  dateFormat ??= new Intl.DateTimeFormat(t('@@ui_locale').replace('_', '-'), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return dateFormat.format(date);
}
