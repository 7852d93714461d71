/**
 * Pieces of a note's display and editing shared by the in-page notes (content script, shadow DOM) and the notes
 * page. Each place styles them with its own stylesheet. Note strings are rendered as text, never parsed as HTML.
 */
import type { Annotation } from '../core/annotations/model';
import { t } from './i18n';

/** "a, b ;c" → ["a", "b", "c"]; the model trims and de-duplicates. */
export function parseTags(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** A note's text (or the placeholder of a highlight without one) and its tags. */
export function NoteContent({ note }: { note: Pick<Annotation, 'body' | 'tags'> }) {
  return (
    <>
      {note.body ? (
        <p class="note-text">{note.body}</p>
      ) : (
        <p class="note-text muted">{t('note_no_text', undefined, 'Highlight without a note')}</p>
      )}
      {note.tags.length > 0 && (
        <ul class="note-tag-list">
          {note.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
    </>
  );
}
