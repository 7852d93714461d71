import type { Placement } from '@floating-ui/dom';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { quoteSelectorOf, type Annotation, type NewAnnotation } from '../../../core/annotations/model';
import { lastLine } from '../../../content/hit-test';
import { SelectionButton } from '../../../content/notes/SelectionButton';
import type { TextSpan } from '../../../content/notes/text-offsets';
import { floatBeside } from '../../../ui/float-beside';
import { t } from '../../../ui/i18n';
import { trusted } from '../../../ui/trusted';
import { NoteForm, NotePopover, UndoBar, type NoteDraft } from '../../notes/frame/NoteViews';

/** What the reader's note UI shows now. */
export type OverlayState =
  | { kind: 'none' }
  /** A text selection: the "Highlight + note" button. */
  | { kind: 'selection'; range: Range; span: TextSpan }
  | { kind: 'new'; range: Range; quote: string; span: TextSpan; citation?: NewAnnotation['citation'] }
  /** The notes under the pointer. */
  | { kind: 'view'; notes: Annotation[]; range: Range }
  | { kind: 'edit'; note: Annotation; range: Range | undefined }
  | { kind: 'deleted'; note: Annotation; range: Range | undefined }
  | { kind: 'saved' }
  /** "Open" on a note of a file from the user's computer: the reader needs the file. */
  | { kind: 'pick'; note: Annotation }
  /** The file opened is not the one the note was made on. */
  | { kind: 'mismatch'; note: Annotation };

export interface OverlayProps {
  state: OverlayState;
  onSelect: (span: TextSpan) => void;
  onSave: (draft: NoteDraft) => Promise<void>;
  onEdit: (note: Annotation) => void;
  onDelete: (note: Annotation) => void;
  onUndo: (note: Annotation) => void;
  onClose: () => void;
  onPickFile: () => void;
}

/** The note UI of web pages (the note frame's views), placed over the reader's document. */
export function NotesOverlay(props: OverlayProps) {
  const { state } = props;
  switch (state.kind) {
    case 'none':
      return null;
    case 'selection':
      return (
        <Placed range={lastLine(state.range)} placement="bottom-end">
          <SelectionButton onActivate={() => props.onSelect(state.span)} />
        </Placed>
      );
    case 'new':
    case 'edit': {
      const note = state.kind === 'edit' ? state.note : undefined;
      const citationId = note
        ? note.target.citationId
        : state.kind === 'new'
          ? state.citation?.id
          : undefined;
      return (
        <Placed range={state.range} placement="bottom-start">
          <NoteForm
            key={note?.id ?? 'new'}
            quote={state.kind === 'new' ? state.quote : (quoteSelectorOf(state.note)?.exact ?? '')}
            {...(citationId ? { citationId } : {})}
            editing={note !== undefined}
            initial={note ?? { body: '', colour: 'yellow', tags: [] }}
            onSave={props.onSave}
            onCancel={props.onClose}
          />
        </Placed>
      );
    }
    case 'view':
      return (
        <Placed range={state.range} placement="top-start">
          <NotePopover notes={state.notes} onEdit={props.onEdit} onDelete={props.onDelete} />
        </Placed>
      );
    case 'deleted':
      return (
        <Placed range={state.range} placement="top-start">
          <div class="note-popover">
            <UndoBar message={t('note_deleted')} onUndo={() => props.onUndo(state.note)} />
          </div>
        </Placed>
      );
    case 'saved':
      return (
        <div class="note-toast" role="status">
          {t('note_saved')}
        </div>
      );
    case 'pick':
    case 'mismatch':
      return (
        <div class="note-popover reader-note-pick" role="alert">
          <p>
            {state.kind === 'pick'
              ? t('reader_note_pick', [state.note.title || state.note.url])
              : t('reader_note_mismatch', [state.note.title || state.note.url])}
          </p>
          <div class="note-buttons">
            <button type="button" class="note-cancel" onClick={trusted(props.onClose)}>
              {t('note_cancel')}
            </button>
            <button type="button" class="note-save" onClick={trusted(props.onPickFile)}>
              {t('reader_note_pick_button')}
            </button>
          </div>
        </div>
      );
  }
}

/** Its child, fixed beside a passage (and kept there while the document scrolls: the owner re-renders). */
function Placed({
  range,
  placement,
  children,
}: {
  range: Range | { getBoundingClientRect(): DOMRect; getClientRects(): DOMRect[] } | undefined;
  placement: Placement;
  children: preact.ComponentChildren;
}) {
  const element = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const floating = element.current;
    if (!floating || !range) return;
    floatBeside(range, floating, placement);
  });
  return (
    <div class="reader-note-placed" ref={element}>
      {children}
    </div>
  );
}
