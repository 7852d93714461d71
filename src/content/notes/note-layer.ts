import { COLOURS, type Colour } from '../../core/annotations/model';
import type { NoteAnchorView } from '../../messaging/contract';
import { caretAt, containsPoint } from '../hit-test';

/**
 * Paints saved notes with the CSS Custom Highlight API, one named highlight per palette colour
 * (`::highlight(bronwijzer-note-yellow)` …), like the citation layer: no wrapper element is added
 * to the page. Hover is found by hit-testing the pointer against the notes' ranges.
 */
export const NOTE_HIGHLIGHT_PREFIX = 'bronwijzer-note-';
export const NOTE_ACTIVE_HIGHLIGHT = 'bronwijzer-note-active';

export const noteHighlightName = (colour: Colour): string => `${NOTE_HIGHLIGHT_PREFIX}${colour}`;

export interface PlacedNote {
  note: NoteAnchorView;
  range: Range;
  /** The note's id, or (the reader paints a note page by page) the key of one of its pieces. */
  key: string;
}

export class NoteLayer {
  private readonly placed = new Map<string, PlacedNote>();
  private readonly highlights = new Map<Colour, Highlight>();
  private readonly active: Highlight | undefined;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document) {
    const registry = doc.defaultView?.CSS?.highlights;
    if (registry && typeof Highlight === 'function') {
      for (const colour of COLOURS) {
        const highlight = new Highlight();
        this.highlights.set(colour, highlight);
        registry.set(noteHighlightName(colour), highlight);
      }
      this.active = new Highlight();
      // Above the colours and the citation underline.
      this.active.priority = 2;
      registry.set(NOTE_ACTIVE_HIGHLIGHT, this.active);
    }
  }

  get(id: string): PlacedNote | undefined {
    return this.placed.get(id);
  }

  get all(): PlacedNote[] {
    return [...this.placed.values()];
  }

  /** Paints (or repaints, after an edit or a re-anchoring) one note, or one piece of it under `key`. */
  place(note: NoteAnchorView, range: Range, key = note.id): PlacedNote {
    this.remove(key);
    const item = { note, range, key };
    this.placed.set(key, item);
    this.highlights.get(note.colour)?.add(range);
    return item;
  }

  /** Updates a placed note's data (text, tags, colour) without moving it. */
  update(note: NoteAnchorView): void {
    const item = this.placed.get(note.id);
    if (item) this.place(note, item.range);
  }

  remove(key: string): void {
    const item = this.placed.get(key);
    if (!item) return;
    this.placed.delete(key);
    this.highlights.get(item.note.colour)?.delete(item.range);
    this.active?.delete(item.range);
  }

  /** The notes painted under a viewport point (several notes may cover one passage). */
  notesAt(x: number, y: number): PlacedNote[] {
    const point = caretAt(this.doc, x, y);
    if (!point || point.node.nodeType !== Node.TEXT_NODE) return [];
    const out: PlacedNote[] = [];
    for (const item of this.placed.values()) {
      if (item.range.collapsed || !item.range.intersectsNode(point.node)) continue;
      if (containsPoint(item.range, x, y)) out.push(item);
    }
    return out;
  }

  /** Marks the notes the note frame is about (an empty list: none). */
  setActive(items: PlacedNote[]): void {
    clearTimeout(this.flashTimer);
    this.active?.clear();
    for (const item of items) this.active?.add(item.range);
  }

  /** Marks a note for a moment (after "open" scrolled to it). */
  flash(item: PlacedNote, ms = 2500): void {
    clearTimeout(this.flashTimer);
    this.active?.clear();
    this.active?.add(item.range);
    this.flashTimer = setTimeout(() => this.active?.clear(), ms);
  }
}
