import type { Placement, VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import browser from 'webextension-polyfill';
import { anchor, describeRange } from '../../core/annotations/anchor';
import { isColour, LIMITS, tryNormalizePageUrl, type NewAnnotation } from '../../core/annotations/model';
import { askBackground } from '../../messaging/client';
import type { NoteAnchorView, NoteFrameEvent, NoteFrameRequest, PageNote } from '../../messaging/contract';
import type { CitationLayer, PlacedCitation } from '../citation-layer';
import { floatBeside } from '../../ui/float-beside';
import { t } from '../../ui/i18n';
import { collectPageText, isInsideSkipped, isSkippedElement, rangeFor, type PageText } from '../page-text';
import { createUiHost, type UiHost } from '../ui-host';
import { NoteLayer, type PlacedNote } from './note-layer';
import { SelectionButton } from './SelectionButton';
import { nodeIndex, spanOfRange } from './text-offsets';
import notesCss from './notes.css?inline';
import { followPointer, lastLine } from '../hit-test';

/** The host element of the notes' UI (the citation tooltip has its own, `bronwijzer-ui`). */
export const NOTES_UI_TAG = 'bronwijzer-notes';

const OPEN_DELAY_MS = 250;
const CLOSE_DELAY_MS = 300;
const SELECTION_SETTLE_MS = 200;
/** How long "Note saved" shows on the page after the frame closed. */
const SAVED_MS = 3_000;
/** The note frame, an extension page (web-accessible with a per-session URL where supported). */
export const NOTE_FRAME_PATH = 'src/pages/notes/frame/index.html';
/** Re-anchoring after the page changed waits for the changes to settle. */
const REANCHOR_DELAY_MS = 300;

type Method = NonNullable<PageNote['method']>;

/** The note frame on the page now: the notes under the pointer, or the note form. */
interface OpenFrame {
  token: string;
  kind: NoteFrameRequest['kind'];
  element: HTMLIFrameElement;
  /** The passage it is about (where it is placed). */
  range: Range;
  /** The notes it shows (hover), by id. */
  ids: string[];
  /** A new note's passage: painted once the frame says it was saved. */
  target?: NoteAnchorView['target'];
}

/**
 * Saved notes on the page: loads the page's notes in one request, anchors each on the page text
 * (`anchor()`: position, quote, fuzzy; a citation note falls back to its citation on the page),
 * paints them, and offers "Save note" (from the citation tooltip) and a small button on a text
 * selection. A note's text never comes here: on hover, or to write a note, it opens the note frame,
 * an extension page the page cannot read (in a closed shadow root), and the worker relays the frame's
 * outcome (ids and colours). Only a person's input acts: synthetic events are ignored. Notes that
 * cannot be placed are reported as orphaned to the service worker; they are never dropped.
 */
export class NotesController {
  private readonly ui: UiHost;
  private readonly layer: NoteLayer;
  private readonly notes = new Map<string, NoteAnchorView>();
  private readonly orphaned = new Set<string>();
  private readonly methods = new Map<string, Method>();
  private readonly fetched: Promise<NoteAnchorView[]>;
  private resolveReady!: () => void;
  /** Resolves once the page's notes are anchored (the first time). */
  readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));

  private frame: OpenFrame | undefined;
  private selection: Range | undefined;
  /** "Note saved" is showing (a fixed text: the page learns nothing from it it could not see). */
  private savedShown = false;
  private savedTimer: ReturnType<typeof setTimeout> | undefined;
  /** Deleted from the frame, kept to paint again on undo. */
  private readonly deleted = new Map<string, PlacedNote>();
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
    // Closed: a page script cannot reach the button or the frame through the host.
    this.ui = createUiHost(doc, notesCss, NOTES_UI_TAG, 'closed');
    this.fetched = askBackground('notesForPage', {}).then(
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
    this.ui.host.addEventListener('pointerenter', (event) => event.isTrusted && this.cancelClose());
    this.ui.host.addEventListener('pointerleave', (event) => event.isTrusted && this.scheduleClose());
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

  private place(notes: NoteAnchorView[], pageText: PageText): void {
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
    return askBackground('notesAnchored', { placed, orphaned: [...this.orphaned] }).then(
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
    const selectors = describeRange(pageText.text, span.start, span.end);
    void this.openFrame(
      {
        kind: 'new',
        quote: pageText.text.slice(span.start, span.end),
        title: this.doc.title.replace(/\s+/g, ' ').trim().slice(0, LIMITS.maxTitleLength),
        selectors,
        ...(citation ? { citation } : {}),
      },
      range,
      {
        source: this.url,
        selectors,
        ...(citation ? { citationId: citation.id, citationKind: citation.kind } : {}),
      },
    );
  }

  /**
   * Opens the note frame for a task: the worker keeps the task under a one-time token, and the
   * frame's URL carries only that token. One frame at a time.
   */
  private async openFrame(task: NoteFrameRequest, range: Range, target?: NoteAnchorView['target']) {
    this.closeFrame();
    const { token } = await askBackground('noteFrameOpen', { task });
    const element = this.doc.createElement('iframe');
    element.className = 'note-frame';
    element.src = `${browser.runtime.getURL(NOTE_FRAME_PATH)}#${token}`;
    element.setAttribute('allowtransparency', 'true');
    const ids = task.kind === 'view' ? task.ids : task.kind === 'edit' ? [task.id] : [];
    this.frame = { token, kind: task.kind, element, range, ids, ...(target ? { target } : {}) };
    this.layer.setActive(ids.map((id) => this.layer.get(id)).filter((item) => item !== undefined));
    this.render();
    if (task.kind !== 'view') {
      // Typing goes into the frame: the page hears none of it.
      element.addEventListener('load', () => element.focus(), { once: true });
    }
  }

  private closeFrame(): void {
    if (!this.frame) return;
    this.frame = undefined;
    this.layer.setActive([]);
    this.render();
  }

  /** What the note frame reported, relayed by the worker (ids and colours only). */
  frameEvent(token: string, event: NoteFrameEvent): void {
    const frame = this.frame;
    if (!frame || frame.token !== token) return;
    switch (event.type) {
      case 'size':
        frame.element.style.width = `${Math.ceil(Math.min(event.width, 480))}px`;
        frame.element.style.height = `${Math.ceil(Math.min(event.height, 640))}px`;
        this.position();
        break;
      case 'close':
        this.closeFrame();
        if (frame.kind !== 'view') this.doc.getSelection()?.removeAllRanges();
        break;
      case 'saved': {
        if (!isColour(event.colour) || typeof event.id !== 'string') return;
        const known = this.notes.get(event.id);
        const target = known?.target ?? frame.target;
        if (!target) return;
        const note = { id: event.id, colour: event.colour, target };
        this.notes.set(note.id, note);
        this.orphaned.delete(note.id);
        if (known) this.layer.update(note);
        else {
          this.layer.place(note, frame.range);
          this.methods.set(note.id, 'position');
        }
        void this.report();
        this.showSaved();
        break;
      }
      case 'deleted': {
        const item = this.layer.get(event.id);
        if (item) this.deleted.set(event.id, item);
        this.layer.remove(event.id);
        this.notes.delete(event.id);
        break;
      }
      case 'restored': {
        const item = this.deleted.get(event.id);
        if (!item || !isColour(event.colour)) return;
        this.deleted.delete(event.id);
        const note = { ...item.note, colour: event.colour };
        this.notes.set(note.id, note);
        if (!item.range.collapsed) this.layer.place(note, item.range);
        else this.place([note], collectPageText(this.doc.body));
        break;
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Selection button
  // -------------------------------------------------------------------------------------------

  private readonly onSelectionMaybeChanged = (event: Event): void => {
    if (!event.isTrusted) return;
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
    const range = this.frame && this.frame.kind !== 'view' ? undefined : this.currentSelection();
    const changed = (range === undefined) !== (this.selection === undefined);
    this.selection = range;
    if (changed || range) this.render();
  }

  // -------------------------------------------------------------------------------------------
  // Hover: a painted note shows its text
  // -------------------------------------------------------------------------------------------

  private onPointerAt(x: number, y: number): void {
    if (this.frame && this.frame.kind !== 'view') return;
    const hits = this.layer.notesAt(x, y);
    const showing = this.frame?.ids ?? [];
    const same = hits.length === showing.length && hits.every((hit, i) => hit.note.id === showing[i]);
    if (same) {
      if (hits.length > 0) this.cancelClose();
      return;
    }
    clearTimeout(this.openTimer);
    if (hits.length === 0) {
      if (this.frame) this.scheduleClose();
      return;
    }
    const open = () => {
      this.cancelClose();
      void this.openFrame({ kind: 'view', ids: hits.map((hit) => hit.note.id) }, hits[0]!.range);
    };
    if (this.frame) open();
    else this.openTimer = setTimeout(open, OPEN_DELAY_MS);
  }

  private scheduleClose(): void {
    this.cancelClose();
    if (this.frame?.kind !== 'view') return;
    this.closeTimer = setTimeout(() => this.closeFrame(), CLOSE_DELAY_MS);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Rendering
  // -------------------------------------------------------------------------------------------

  private showSaved(): void {
    clearTimeout(this.savedTimer);
    this.savedShown = true;
    this.savedTimer = setTimeout(() => {
      this.savedShown = false;
      this.render();
    }, SAVED_MS);
  }

  private render(): void {
    const frame = this.frame;
    render(
      h('div', { class: 'notes-ui' }, [
        (!frame || frame.kind === 'view') &&
          this.selection &&
          h(SelectionButton, { onActivate: () => void this.openForSelection() }),
        this.savedShown &&
          h('div', { class: 'note-toast', role: 'status' }, t('note_saved', undefined, 'Note saved')),
      ]),
      this.ui.mount,
    );
    // The frame is kept out of Preact's tree: re-rendering must never reload it.
    for (const child of [...this.ui.root.querySelectorAll('iframe.note-frame')])
      if (child !== frame?.element) child.remove();
    if (frame && !frame.element.isConnected) this.ui.root.append(frame.element);
    this.position();
  }

  private position(): void {
    const mount = this.ui.mount;
    const place = (
      target: string | HTMLElement,
      reference: VirtualElement | undefined,
      placement: Placement,
    ) => {
      const element = typeof target === 'string' ? mount.querySelector<HTMLElement>(target) : target;
      if (!element || !reference) return;
      floatBeside(reference, element, placement);
    };
    place('.note-select-button', this.selection && lastLine(this.selection), 'bottom-end');
    const frame = this.frame;
    if (frame) place(frame.element, frame.range, frame.kind === 'view' ? 'top-start' : 'bottom-start');
  }
}

function isEditable(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) return true;
  return element instanceof HTMLElement && element.isContentEditable;
}
