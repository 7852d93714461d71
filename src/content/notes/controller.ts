import {
  computePosition,
  flip,
  inline,
  offset,
  shift,
  type Placement,
  type VirtualElement,
} from '@floating-ui/dom';
import { h, render } from 'preact';
import { anchor, describeRange } from '../../core/annotations/anchor';
import {
  LIMITS,
  quoteSelectorOf,
  tryNormalizePageUrl,
  type Annotation,
  type NewAnnotation,
} from '../../core/annotations/model';
import { askBackground } from '../../messaging/client';
import type { PageNote } from '../../messaging/contract';
import { t } from '../../ui/i18n';
import type { CitationLayer, PlacedCitation } from '../citation-layer';
import { collectPageText, isInsideSkipped, isSkippedElement, rangeFor, type PageText } from '../page-text';
import { createUiHost, type UiHost } from '../ui-host';
import { NoteLayer, type PlacedNote } from './note-layer';
import { NoteForm, NotePopover, SelectionButton, Toast, type NoteDraft } from './NotesUi';
import { nodeIndex, spanOfRange } from './text-offsets';
import notesCss from './notes.css?inline';
import { followPointer } from '../hit-test';

/** The host element of the notes' UI (the citation tooltip has its own, `bronwijzer-ui`). */
export const NOTES_UI_TAG = 'bronwijzer-notes';

const OPEN_DELAY_MS = 250;
const CLOSE_DELAY_MS = 300;
const SELECTION_SETTLE_MS = 200;
const TOAST_MS = 8_000;
/** Re-anchoring after the page changed waits for the changes to settle. */
const REANCHOR_DELAY_MS = 300;

type Method = NonNullable<PageNote['method']>;

/** What a note form is about to save. */
interface FormTarget {
  range: Range;
  quote: string;
  /** A new note's content; absent when editing. */
  input?: Omit<NewAnnotation, 'body' | 'colour' | 'tags'>;
  /** The note being edited. */
  note?: Annotation;
}

interface Toasting {
  message: string;
  onUndo?: () => void;
}

/**
 * Saved notes on the page: loads the page's notes in one request, anchors each on the page text
 * (`anchor()`: position, quote, fuzzy; a citation note falls back to its citation on the page),
 * paints them, shows a note's text on hover, and offers "Save note" (from the citation tooltip) and
 * a small button on a text selection. Notes that cannot be placed are reported as orphaned to the
 * service worker; they are never dropped.
 */
export class NotesController {
  private readonly ui: UiHost;
  private readonly layer: NoteLayer;
  private readonly notes = new Map<string, Annotation>();
  private readonly orphaned = new Set<string>();
  private readonly methods = new Map<string, Method>();
  private readonly fetched: Promise<Annotation[]>;
  private resolveReady!: () => void;
  /** Resolves once the page's notes are anchored (the first time). */
  readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));

  private form: FormTarget | undefined;
  private selection: Range | undefined;
  private popover: PlacedNote[] = [];
  private toast: Toasting | undefined;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private selectionTimer: ReturnType<typeof setTimeout> | undefined;
  private reanchorTimer: ReturnType<typeof setTimeout> | undefined;

  /** Undefined for a frame that is not an http(s) page (about:blank): notes belong to web pages. */
  static create(doc: Document, citations: CitationLayer): NotesController | undefined {
    const url = tryNormalizePageUrl(doc.defaultView?.location.href ?? '');
    return url === undefined ? undefined : new NotesController(doc, url, citations);
  }

  private constructor(
    private readonly doc: Document,
    readonly url: string,
    private readonly citations: CitationLayer,
  ) {
    this.layer = new NoteLayer(doc);
    this.ui = createUiHost(doc, notesCss, NOTES_UI_TAG);
    // Typing in our form must not trigger the page's keyboard shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) {
      this.ui.host.addEventListener(type, (event) => event.stopPropagation());
    }
    this.fetched = askBackground('notesForPage', { url }).then(
      ({ notes }) => notes,
      (error: unknown) => {
        console.warn('Bronwijzer: could not load the notes of this page', error);
        return [];
      },
    );
    followPointer(doc, this.ui.host, (x, y) => this.onPointerAt(x, y));
    doc.addEventListener('pointerup', this.onSelectionMaybeChanged);
    doc.addEventListener('keyup', this.onSelectionMaybeChanged);
    doc.addEventListener('selectionchange', this.onSelectionMaybeChanged);
    this.ui.host.addEventListener('pointerenter', () => this.cancelClose());
    this.ui.host.addEventListener('pointerleave', () => this.scheduleClose());
    doc.defaultView?.addEventListener('scroll', () => this.position(), { passive: true, capture: true });
  }

  // -------------------------------------------------------------------------------------------
  // Anchoring
  // -------------------------------------------------------------------------------------------

  /** Anchors the page's notes; call once the first citation scan is done (citation fallback). */
  async anchorAll(): Promise<void> {
    try {
      const notes = await this.fetched;
      for (const note of notes) this.notes.set(note.id, note);
      if (notes.length > 0) {
        this.place(notes, collectPageText(this.doc.body));
        await this.report();
      }
    } finally {
      this.resolveReady();
    }
  }

  private place(notes: Annotation[], pageText: PageText): void {
    const index = nodeIndex(pageText);
    for (const note of notes) {
      let span: { start: number; end: number } | undefined;
      let method: Method | undefined;
      const found = anchor(pageText.text, note.target.selectors);
      if (found) {
        span = found;
        method = found.method;
      } else if (note.target.citationId !== undefined) {
        // A note about a citation still belongs wherever that citation stands on this page.
        const cited = this.citations.citations.find((item) => item.citation.id === note.target.citationId);
        if (cited) {
          span = spanOfRange(pageText, cited.range, index);
          method = 'citation';
        }
      }
      const range = span && rangeFor(pageText, span.start, span.end);
      if (range && !range.collapsed && method) {
        this.layer.place(note, range);
        this.orphaned.delete(note.id);
        this.methods.set(note.id, method);
      } else {
        this.layer.remove(note.id);
        this.orphaned.add(note.id);
        this.methods.delete(note.id);
      }
    }
  }

  private report(): Promise<void> {
    const placed = [...this.notes.keys()].filter((id) => !this.orphaned.has(id));
    return askBackground('notesAnchored', { url: this.url, placed, orphaned: [...this.orphaned] }).then(
      () => undefined,
      (error: unknown) => console.warn('Bronwijzer: could not record where notes stand', error),
    );
  }

  /** The page changed (late content, a re-render): place again what lost its passage or had none. */
  pageChanged(): void {
    if (this.notes.size === 0) return;
    clearTimeout(this.reanchorTimer);
    this.reanchorTimer = setTimeout(() => {
      void this.ready.then(() => {
        const stale = [...this.notes.values()].filter((note) => {
          const item = this.layer.get(note.id);
          return !item || item.range.collapsed || !item.range.startContainer.isConnected;
        });
        if (stale.length === 0) return;
        const before = this.orphaned.size;
        this.place(stale, collectPageText(this.doc.body));
        if (this.orphaned.size !== before || stale.some((n) => !this.orphaned.has(n.id))) void this.report();
      });
    }, REANCHOR_DELAY_MS);
  }

  /** The page's notes as placed now (the `pageNotes` request). */
  pageNotes(): PageNote[] {
    return [...this.notes.values()].map((note) => {
      const item = this.layer.get(note.id);
      const method = this.methods.get(note.id);
      return item && !this.orphaned.has(note.id)
        ? {
            id: note.id,
            state: 'anchored',
            colour: note.colour,
            text: item.range.toString(),
            ...(method ? { method } : {}),
          }
        : { id: note.id, state: 'orphaned', colour: note.colour };
    });
  }

  /** Scrolls to a note and marks it for a moment (the notes page's "open"). */
  async show(id: string): Promise<boolean> {
    await this.ready;
    const item = this.layer.get(id);
    if (!item || this.orphaned.has(id)) return false;
    const element = item.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.layer.flash(item);
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Creating notes: from a citation tooltip, from a selection (button or context menu)
  // -------------------------------------------------------------------------------------------

  /** "Save note" in a citation's tooltip. */
  openForCitation(item: PlacedCitation): void {
    const pageText = collectPageText(this.doc.body);
    const span = spanOfRange(pageText, item.range);
    if (!span) return;
    this.openNewNote(pageText, span, { id: item.citation.id, kind: item.citation.kind });
  }

  /** The context menu's "note on selection", or the selection button. */
  openForSelection(): boolean {
    const range = this.currentSelection();
    if (!range) return false;
    const pageText = collectPageText(this.doc.body);
    const span = spanOfRange(pageText, range);
    if (!span) return false;
    this.openNewNote(pageText, span);
    return true;
  }

  private openNewNote(
    pageText: PageText,
    span: { start: number; end: number },
    citation?: NewAnnotation['citation'],
  ): void {
    const range = rangeFor(pageText, span.start, span.end);
    if (!range) return;
    this.selection = undefined;
    this.popover = [];
    this.form = {
      range,
      quote: pageText.text.slice(span.start, span.end),
      input: {
        url: this.url,
        title: this.doc.title.replace(/\s+/g, ' ').trim().slice(0, LIMITS.maxTitleLength),
        selectors: describeRange(pageText.text, span.start, span.end),
        ...(citation ? { citation } : {}),
      },
    };
    this.render();
  }

  private openEdit(item: PlacedNote): void {
    this.popover = [];
    this.form = { range: item.range, quote: quoteSelectorOf(item.note)?.exact ?? '', note: item.note };
    this.render();
  }

  private async save(draft: NoteDraft): Promise<void> {
    const form = this.form;
    if (!form) return;
    let saved: Annotation;
    if (form.note) {
      saved = (await askBackground('notesUpdate', { id: form.note.id, patch: draft })).note;
      this.layer.update(saved);
    } else if (form.input) {
      saved = (await askBackground('notesSave', { note: { ...form.input, ...draft } })).note;
      this.layer.place(saved, form.range);
      this.methods.set(saved.id, 'position');
      this.doc.getSelection()?.removeAllRanges();
    } else {
      return;
    }
    this.notes.set(saved.id, saved);
    this.orphaned.delete(saved.id);
    this.form = undefined;
    this.showToast({ message: t('note_saved', undefined, 'Note saved') });
    void this.report();
  }

  private async remove(note: Annotation): Promise<void> {
    const item = this.layer.get(note.id);
    this.popover = [];
    try {
      await askBackground('notesDelete', { ids: [note.id] });
    } catch (error) {
      this.showToast({
        message: `${t('note_delete_failed', undefined, 'The note was not deleted:')} ${String((error as Error).message ?? error)}`,
      });
      return;
    }
    this.layer.remove(note.id);
    this.notes.delete(note.id);
    this.showToast({
      message: t('note_deleted', undefined, 'Note deleted'),
      onUndo: () => void this.undoDelete(note.id, item?.range),
    });
  }

  private async undoDelete(id: string, range: Range | undefined): Promise<void> {
    this.hideToast();
    try {
      const [restored] = (await askBackground('notesRestore', { ids: [id] })).notes;
      if (!restored) return;
      this.notes.set(id, restored);
      if (range && !range.collapsed) this.layer.place(restored, range);
      else this.place([restored], collectPageText(this.doc.body));
    } catch (error) {
      this.showToast({ message: String((error as Error).message ?? error) });
    }
  }

  private cancelForm(): void {
    this.form = undefined;
    this.render();
  }

  // -------------------------------------------------------------------------------------------
  // Selection button
  // -------------------------------------------------------------------------------------------

  private readonly onSelectionMaybeChanged = (event: Event): void => {
    if (event.type !== 'selectionchange' && event.composedPath().includes(this.ui.host)) return;
    clearTimeout(this.selectionTimer);
    this.selectionTimer = setTimeout(() => this.updateSelectionButton(), SELECTION_SETTLE_MS);
  };

  /** The page's selection, when it is page text we may annotate (never in a form field or editor). */
  private currentSelection(): Range | undefined {
    const selection = this.doc.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
    if (isEditable(this.doc.activeElement)) return undefined;
    const range = selection.getRangeAt(0);
    const body = this.doc.body;
    if (!body.contains(range.commonAncestorContainer)) return undefined;
    for (const node of [range.startContainer, range.endContainer, range.commonAncestorContainer]) {
      if (isInsideSkipped(node) || (node instanceof Element && isSkippedElement(node))) return undefined;
    }
    if (selection.toString().trim() === '') return undefined;
    return range.cloneRange();
  }

  private updateSelectionButton(): void {
    const range = this.form ? undefined : this.currentSelection();
    const changed = (range === undefined) !== (this.selection === undefined);
    this.selection = range;
    if (changed || range) this.render();
  }

  // -------------------------------------------------------------------------------------------
  // Hover: a painted note shows its text
  // -------------------------------------------------------------------------------------------

  private onPointerAt(x: number, y: number): void {
    if (this.form) return;
    const hits = this.layer.notesAt(x, y);
    const same =
      hits.length === this.popover.length && hits.every((hit, i) => hit.note.id === this.popover[i]?.note.id);
    if (same) {
      if (hits.length > 0) this.cancelClose();
      return;
    }
    clearTimeout(this.openTimer);
    if (hits.length === 0) {
      if (this.popover.length > 0) this.scheduleClose();
      return;
    }
    const open = () => {
      this.cancelClose();
      this.popover = hits;
      this.render();
    };
    if (this.popover.length > 0) open();
    else this.openTimer = setTimeout(open, OPEN_DELAY_MS);
  }

  private scheduleClose(): void {
    this.cancelClose();
    if (this.popover.length === 0) return;
    this.closeTimer = setTimeout(() => {
      this.popover = [];
      this.render();
    }, CLOSE_DELAY_MS);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Rendering
  // -------------------------------------------------------------------------------------------

  private showToast(toast: Toasting): void {
    clearTimeout(this.toastTimer);
    this.toast = toast;
    this.render();
    this.toastTimer = setTimeout(() => this.hideToast(), TOAST_MS);
  }

  private hideToast(): void {
    clearTimeout(this.toastTimer);
    this.toast = undefined;
    this.render();
  }

  private render(): void {
    const form = this.form;
    const popover = this.popover;
    render(
      h('div', { class: 'notes-ui' }, [
        form &&
          h(NoteForm, {
            key: form.note?.id ?? 'new',
            quote: form.quote,
            ...(form.input?.citation ? { citationId: form.input.citation.id } : {}),
            ...(form.note?.target.citationId ? { citationId: form.note.target.citationId } : {}),
            editing: form.note !== undefined,
            initial: form.note
              ? { body: form.note.body, colour: form.note.colour, tags: form.note.tags }
              : { body: '', colour: 'yellow', tags: [] },
            onSave: (draft) => this.save(draft).then(() => this.render()),
            onCancel: () => this.cancelForm(),
          }),
        !form && this.selection && h(SelectionButton, { onActivate: () => void this.openForSelection() }),
        !form &&
          popover.length > 0 &&
          h(NotePopover, {
            notes: popover.map((item) => item.note),
            onEdit: (note) => {
              const item = this.layer.get(note.id);
              if (item) this.openEdit(item);
            },
            onDelete: (note) => void this.remove(note),
          }),
        this.toast && h(Toast, this.toast),
      ]),
      this.ui.mount,
    );
    this.position();
  }

  private position(): void {
    const mount = this.ui.mount;
    const place = (selector: string, reference: VirtualElement | undefined, placement: Placement) => {
      const element = mount.querySelector<HTMLElement>(selector);
      if (!element || !reference) return;
      void computePosition(reference, element, {
        strategy: 'fixed',
        placement,
        middleware: [inline(), offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        element.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    };
    place('.note-form', this.form?.range, 'bottom-start');
    place('.note-select-button', this.selection && lastLine(this.selection), 'bottom-end');
    place('.note-popover', this.popover[0]?.range, 'top-start');
  }
}

function isEditable(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) return true;
  return element instanceof HTMLElement && element.isContentEditable;
}

/** The last line box of a selection, so the button sits at its end. */
function lastLine(range: Range): VirtualElement {
  const rects = range.getClientRects();
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  return { getBoundingClientRect: () => last, getClientRects: () => [last] };
}
