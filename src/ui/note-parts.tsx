/**
 * Pieces of a note's display and editing shared by the note frame (shown over a page) and the notes page.
 * Each place styles them with its own stylesheet. Note strings are rendered as text, never parsed as HTML.
 */
import { COLOURS, type Annotation, type Colour } from '../core/annotations/model';
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

/** The palette as radio buttons; `swatchClass` gives each choice's class in the place's stylesheet. */
export function ColourChoice(props: {
  class: string;
  name: string;
  value: Colour;
  swatchClass: (colour: Colour) => string;
  onChange: (colour: Colour) => void;
}) {
  return (
    <fieldset class={props.class}>
      <legend>{t('note_form_colour', undefined, 'Colour')}</legend>
      {COLOURS.map((c) => (
        <label key={c} class={props.swatchClass(c)} title={t(`colour_${c}`, undefined, c)}>
          <input
            type="radio"
            name={props.name}
            value={c}
            checked={props.value === c}
            aria-label={t(`colour_${c}`, undefined, c)}
            onChange={() => props.onChange(c)}
          />
        </label>
      ))}
    </fieldset>
  );
}
