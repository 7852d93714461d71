/**
 * Notes in the reader: the document's saved notes anchored on its whole text (so a note on a page not
 * drawn yet is known at once and painted when PDF.js draws the page), painted with the content
 * script's NoteLayer, and the note UI of web pages (the selection button, the note form, the notes
 * of a passage, undo) shown over the document. The reader is an extension page: it reads and writes
 * notes itself, and shows their text in its own shadow root.
 */
import { h, render } from 'preact';
import { anchorInDocument, describeDocumentRange, isNoteOf } from '../../../core/annotations/document-anchor';
import { LIMITS, type Annotation, type NewAnnotation } from '../../../core/annotations/model';
import type { PlacedCitation } from '../../../content/citation-layer';
import { followPointer } from '../../../content/hit-test';
import { NoteLayer } from '../../../content/notes/note-layer';
import '../../../content/notes/note-highlight.css';
import { spanOfRange, type TextSpan } from '../../../content/notes/text-offsets';
import { rangeFor } from '../../../content/page-text';
import { createUiHost, type UiHost } from '../../../content/ui-host';
import { askBackground } from '../../../messaging/client';
import { NOTES_CHANNEL, type NotesChange } from '../../../messaging/notes-channel';
import type { NoteDraft } from '../../notes/frame/NoteViews';
import notesCss from '../../../content/notes/notes.css?inline';
import frameCss from '../../notes/frame/frame.css?inline';
import { NotesOverlay, type OverlayState } from './NotesOverlay';
import overlayCss from './overlay.css?inline';
import type { NotesSource } from './sources';

const OPEN_DELAY_MS = 250;
const CLOSE_DELAY_MS = 300;
const SELECTION_SETTLE_MS = 200;
/** How long "Note saved" shows. */
const SAVED_MS = 3_000;

export class ReaderNotes {
  private readonly ui: UiHost;
  private readonly layer: NoteLayer;
  private source: NotesSource | undefined;
  private stopRedrawn: (() => void) | undefined;
  /** The open document's notes, placed (`span`) or orphaned (no span). */
  private readonly notes = new Map<string, { note: Annotation; span?: TextSpan; page?: number }>();
  private state: OverlayState = { kind: 'none' };
  private wanted: string | undefined;
  /** The wanted note, when it is on a file from the user's computer (the reader asked for the file). */
  private wantedLocal: Annotation | undefined;
  private pickFile: (() => void) | undefined;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private selectionTimer: ReturnType<typeof setTimeout> | undefined;
  private resolveReady: (() => void) | undefined;
  /** Resolves once the open document's notes are anchored (tests, "open" from the notes page). */
  ready = this.notReady();

  constructor(private readonly doc: Document) {
    this.layer = new NoteLayer(doc);
    this.ui = createUiHost(doc, `${frameCss}\n${notesCss}\n${overlayCss}`, 'bronwijzer-reader-notes');
    // Keys typed in a note are the note's: the reader's shortcuts (n, p) must not hear them.
    this.ui.host.addEventListener('keydown', (event) => event.stopPropagation());
    // Nor may the citation tooltip open for a citation under a note card the pointer is on.
    this.ui.host.addEventListener('pointermove', (event) => event.stopPropagation());
    this.ui.host.addEventListener('pointerenter', (event) => event.isTrusted && this.cancelClose());
    this.ui.host.addEventListener('pointerleave', (event) => event.isTrusted && this.scheduleClose());
    followPointer(doc, this.ui.host, (x, y) => this.onPointerAt(x, y));
    for (const type of ['pointerup', 'keyup', 'selectionchange'])
      doc.addEventListener(type, this.onSelectionMaybeChanged);
    doc.defaultView?.addEventListener('scroll', () => this.render(), { passive: true, capture: true });
    // Notes edited, deleted or imported elsewhere (the notes page) while the document is open.
    if (typeof BroadcastChannel === 'function')
      new BroadcastChannel(NOTES_CHANNEL).onmessage = ({ data }: MessageEvent<NotesChange>) =>
        void this.changedElsewhere(data);
  }

  private async changedElsewhere(change: NotesChange): Promise<void> {
    const source = this.source;
    if (!source) return;
    const notes =
      'changed' in change
        ? change.changed.filter((note) => isNoteOf(note, source.document))
        : (await askBackground('notesForDocument', { document: source.document.ref })).notes;
    if (this.source !== source) return;
    if ('reload' in change) this.notes.clear();
    for (const note of notes) {
      if (note.deletedAt === undefined) this.anchor(note);
      else this.notes.delete(note.id);
    }
    this.paint();
  }

  /** The note to show once its document is open (the notes page's "open"); a local file is asked for. */
  async showWhenOpen(id: string): Promise<void> {
    this.wanted = id;
    const { note } = await askBackground('notesGet', { id });
    if (!note?.target.document || /^https?:/.test(note.url)) return;
    this.wantedLocal = note;
    if (!this.source) this.setState({ kind: 'pick', note });
  }

  /** Lets the "choose the file" prompt open the reader's file picker. */
  setFilePicker(pickFile: () => void): void {
    this.pickFile = pickFile;
  }

  /** Closes the previous document's notes. */
  clear(): void {
    for (const item of this.layer.all) this.layer.remove(item.key);
    this.notes.clear();
    this.stopRedrawn?.();
    this.source = this.stopRedrawn = undefined;
    this.setState({ kind: 'none' });
    // Whoever waits already keeps waiting for the next document's notes.
    if (!this.resolveReady) this.ready = this.notReady();
  }

  private notReady(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.resolveReady = () => {
        this.resolveReady = undefined;
        resolve();
      };
    });
  }

  /** A document is open: load, anchor and paint its notes. */
  async open(source: NotesSource): Promise<void> {
    this.clear();
    this.source = source;
    this.stopRedrawn = source.onRedrawn(() => this.paint());
    try {
      const { notes } = await askBackground('notesForDocument', { document: source.document.ref });
      if (this.source !== source) return;
      for (const note of notes) this.anchor(note);
      this.paint();
    } catch (error) {
      console.warn('Bronwijzer: could not load the notes of this document', error);
    } finally {
      this.resolveReady?.();
    }
    const wanted = this.wanted;
    if (wanted === undefined) return;
    if (this.notes.has(wanted)) {
      this.wanted = this.wantedLocal = undefined;
      await this.show(wanted);
    } else if (this.wantedLocal) this.setState({ kind: 'mismatch', note: this.wantedLocal });
  }

  /** The notes as placed now (tests, diagnostics): text painted, or orphaned. */
  placed(): { id: string; state: 'anchored' | 'orphaned'; page?: number; text?: string }[] {
    return [...this.notes.values()].map(({ note, span, page }) =>
      span
        ? {
            id: note.id,
            state: 'anchored',
            ...(page !== undefined ? { page } : {}),
            text: this.source!.document.text.slice(span.start, span.end),
          }
        : { id: note.id, state: 'orphaned' },
    );
  }

  /** Scrolls to a note and marks it for a moment. */
  async show(id: string): Promise<boolean> {
    await this.ready;
    const entry = this.notes.get(id);
    if (!entry?.span || !this.source) return false;
    await this.source.bringIntoView(entry.page);
    this.paint();
    const item = this.layer.all.find((placed) => placed.note.id === id);
    if (!item) return false;
    item.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.layer.flash(item);
    return true;
  }

  /** "Save note" in a citation's tooltip. */
  openForCitation(item: PlacedCitation): void {
    const span = this.spanOf(item.range);
    if (span) this.openNew(span, { id: item.citation.id, kind: item.citation.kind });
  }

  // ------------------------------------------------------------------------------------------
  // Anchoring and painting
  // ------------------------------------------------------------------------------------------

  private anchor(note: Annotation): void {
    const found = this.source && anchorInDocument(this.source.document, note);
    this.notes.set(
      note.id,
      found ? { note, span: { start: found.start, end: found.end }, page: found.page } : { note },
    );
  }

  /** Paints every placed note on what is drawn now; a note over several pages is painted page by page. */
  private paint(): void {
    const source = this.source;
    if (!source) return;
    for (const item of this.layer.all) this.layer.remove(item.key);
    if (this.notes.size === 0) return;
    for (const region of source.regions()) {
      for (const { note, span } of this.notes.values()) {
        if (!span || span.end <= region.from || span.start >= region.to) continue;
        const range = rangeFor(region.map, Math.max(span.start, region.from), Math.min(span.end, region.to));
        if (range && !range.collapsed) this.layer.place(note, range, `${note.id}@${region.key}`);
      }
    }
    const active = this.state.kind === 'view' ? this.state.notes.map((note) => note.id) : [];
    this.layer.setActive(this.layer.all.filter((item) => active.includes(item.note.id)));
  }

  private spanOf(range: Range): TextSpan | undefined {
    return this.source && spanOfRange(this.source.pageText(), range);
  }

  // ------------------------------------------------------------------------------------------
  // Making, editing and deleting notes
  // ------------------------------------------------------------------------------------------

  private openNew(span: TextSpan, citation?: NewAnnotation['citation']): void {
    const source = this.source;
    if (!source) return;
    const range = rangeFor(source.pageText(), span.start, span.end);
    if (!range) return;
    this.setState({
      kind: 'new',
      range,
      quote: source.document.text.slice(span.start, span.end),
      span,
      ...(citation ? { citation } : {}),
    });
  }

  private async save(draft: NoteDraft): Promise<void> {
    const state = this.state;
    const source = this.source;
    if (!source) return;
    let saved: Annotation;
    if (state.kind === 'new') {
      const { url, document, selectors } = describeDocumentRange(
        source.document,
        state.span.start,
        state.span.end,
      );
      const title = source.title.replace(/\s+/g, ' ').trim().slice(0, LIMITS.maxTitleLength);
      const note: NewAnnotation = {
        url,
        title,
        document,
        selectors,
        ...(state.citation ? { citation: state.citation } : {}),
        ...draft,
      };
      saved = (await askBackground('notesSave', { note })).note;
    } else if (state.kind === 'edit') {
      saved = (await askBackground('notesUpdate', { id: state.note.id, patch: draft })).note;
    } else return;
    this.anchor(saved);
    this.doc.getSelection()?.removeAllRanges();
    this.setState({ kind: 'saved' });
    this.paint();
    setTimeout(() => this.state.kind === 'saved' && this.setState({ kind: 'none' }), SAVED_MS);
  }

  private async remove(note: Annotation): Promise<void> {
    await askBackground('notesDelete', { ids: [note.id] });
    this.notes.delete(note.id);
    this.paint();
    this.setState({ kind: 'deleted', note, range: this.rangeOfState() });
  }

  private async restore(note: Annotation): Promise<void> {
    const [restored] = (await askBackground('notesRestore', { ids: [note.id] })).notes;
    if (restored) this.anchor(restored);
    this.paint();
    this.setState({ kind: 'none' });
  }

  // ------------------------------------------------------------------------------------------
  // Pointer and selection
  // ------------------------------------------------------------------------------------------

  private onPointerAt(x: number, y: number): void {
    if (this.state.kind === 'new' || this.state.kind === 'edit' || this.state.kind === 'deleted') return;
    const hits = this.layer.notesAt(x, y);
    const ids = [...new Set(hits.map((hit) => hit.note.id))];
    const showing = this.state.kind === 'view' ? this.state.notes.map((note) => note.id) : [];
    clearTimeout(this.openTimer);
    if (ids.length > 0 && ids.join() === showing.join()) return this.cancelClose();
    if (ids.length === 0) {
      if (this.state.kind === 'view') this.scheduleClose();
      return;
    }
    this.openTimer = setTimeout(
      () => {
        this.cancelClose();
        const notes = ids.map((id) => this.notes.get(id)?.note).filter((n): n is Annotation => !!n);
        this.setState({ kind: 'view', notes, range: hits[0]!.range });
        this.paint();
      },
      this.state.kind === 'view' ? 0 : OPEN_DELAY_MS,
    );
  }

  private scheduleClose(): void {
    this.cancelClose();
    if (this.state.kind !== 'view') return;
    this.closeTimer = setTimeout(() => {
      if (this.state.kind !== 'view') return; // a selection or a form came since
      this.setState({ kind: 'none' });
      this.paint();
    }, CLOSE_DELAY_MS);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
  }

  private readonly onSelectionMaybeChanged = (event: Event): void => {
    if (!event.isTrusted) return;
    if (event.type !== 'selectionchange' && event.composedPath().includes(this.ui.host)) return;
    clearTimeout(this.selectionTimer);
    this.selectionTimer = setTimeout(() => this.updateSelection(), SELECTION_SETTLE_MS);
  };

  /** The selection button shows on a selection of the document's text. */
  private updateSelection(): void {
    if (['new', 'edit', 'pick', 'mismatch'].includes(this.state.kind)) return;
    const selection = this.doc.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    const span = range && !range.collapsed && selection!.toString().trim() ? this.spanOf(range) : undefined;
    if (span) this.setState({ kind: 'selection', range: range!.cloneRange(), span });
    else if (this.state.kind === 'selection') this.setState({ kind: 'none' });
  }

  // ------------------------------------------------------------------------------------------
  // Rendering
  // ------------------------------------------------------------------------------------------

  private rangeOfState(): Range | undefined {
    return 'range' in this.state ? this.state.range : undefined;
  }

  private setState(state: OverlayState): void {
    this.state = state;
    this.render();
  }

  private render(): void {
    render(
      h(NotesOverlay, {
        state: this.state,
        onSelect: (span: TextSpan) => this.openNew(span),
        onSave: (draft: NoteDraft) => this.save(draft),
        onEdit: (note: Annotation) => this.setState({ kind: 'edit', note, range: this.rangeOfState() }),
        onDelete: (note: Annotation) => void this.remove(note),
        onUndo: (note: Annotation) => void this.restore(note),
        onClose: () => {
          this.setState({ kind: 'none' });
          this.paint();
        },
        onPickFile: () => this.pickFile?.(),
      }),
      this.ui.mount,
    );
  }
}
