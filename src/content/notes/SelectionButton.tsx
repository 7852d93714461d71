import { t } from '../../ui/i18n';
import { trusted } from '../../ui/trusted';

/** The small button on a text selection. A page script cannot press it: only a person's click counts. */
export function SelectionButton({ onActivate }: { onActivate: () => void }) {
  return (
    <button
      type="button"
      class="note-select-button"
      // Keep the page's selection: the button must not take it away on press.
      onPointerDown={(event) => event.preventDefault()}
      onMouseDown={(event) => event.preventDefault()}
      onClick={trusted(onActivate)}
    >
      {t('note_on_selection_button', undefined, 'Highlight + note')}
    </button>
  );
}
