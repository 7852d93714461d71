import { h, render } from 'preact';
import type { LookupResult } from '../../core/dataset/types';
import type { CitationLayer, PlacedCitation } from '../citation-layer';
import { createUiHost, type UiHost } from '../ui-host';
import { citationHtml, formatCitation, type FormattedCitation } from '../../core/cite/style';
import { floatBeside } from '../../ui/float-beside';
import { kindLabel, t, uiLanguage } from '../../ui/i18n';
import { Tooltip } from './Tooltip';
import tooltipCss from './tooltip.css?inline';
import { followPointer } from '../hit-test';

/** Grace before a tooltip closes once the pointer left it (the open delay is a setting). */
const CLOSE_DELAY_MS = 300;

export interface LookupSource {
  /** The answer for an id: undefined while pending, null when the lookup failed. */
  resultFor(id: string): LookupResult | null | undefined;
  onUpdate(listener: () => void): void;
}

/** Actions the tooltip offers beyond its own (saved notes). */
export interface TooltipActions {
  onSaveNote?: (item: PlacedCitation) => void;
}

export class TooltipController {
  /** Delay before a tooltip opens under a resting pointer (settings.tooltipDelayMs). */
  openDelayMs = 250;
  private readonly ui: UiHost;
  private current: PlacedCitation | undefined;
  /** Where focus was before a keyboard-opened tooltip took it, to give it back on close. */
  private focusBefore: Element | null = null;
  private openedByKeyboard = false;
  private copied = false;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly layer: CitationLayer,
    private readonly lookups: LookupSource,
    private readonly actions: TooltipActions = {},
  ) {
    this.ui = createUiHost(doc, tooltipCss);
    lookups.onUpdate(() => this.render());
    followPointer(doc, this.ui.host, (x, y) => this.onPointerAt(x, y));
    doc.addEventListener('keydown', this.onKeyDown, true);
    doc.addEventListener('focusin', this.onFocusIn);
    this.ui.host.addEventListener('pointerenter', () => this.cancelClose());
    this.ui.host.addEventListener('pointerleave', () => this.scheduleClose());
    doc.defaultView?.addEventListener('scroll', () => this.position(), { passive: true, capture: true });
  }

  get openCitation(): PlacedCitation | undefined {
    return this.current;
  }

  private onPointerAt(x: number, y: number): void {
    const hit = this.layer.citationAt(x, y);
    if (hit === this.current) {
      if (hit) this.cancelClose();
      return;
    }
    if (!hit) {
      clearTimeout(this.openTimer);
      if (this.current) this.scheduleClose();
      return;
    }
    clearTimeout(this.openTimer);
    if (this.current) {
      // Moving along a list of citations: switch at once, no close-and-reopen flicker.
      this.open(hit);
      return;
    }
    this.openTimer = setTimeout(() => this.open(hit), this.openDelayMs);
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.current) {
      this.close();
      event.stopPropagation();
    }
  };

  /** A link or other focusable element of the page that holds a citation opens its tooltip on focus. */
  private readonly onFocusIn = (event: FocusEvent): void => {
    const target = event.target;
    if (!(target instanceof Element) || target === this.ui.host) return;
    const inside = this.layer.first((item) => target.contains(item.start.node));
    if (inside) this.open(inside);
  };

  /** Keyboard navigation: the next (1) or previous (-1) citation in reading order, opened and focused. */
  step(direction: 1 | -1): PlacedCitation | undefined {
    const all = this.layer.citations;
    if (all.length === 0) return undefined;
    const index = this.current ? all.indexOf(this.current) : -1;
    const next =
      all[
        index === -1 ? (direction === 1 ? 0 : all.length - 1) : (index + direction + all.length) % all.length
      ]!;
    scrollIntoView(next.range);
    this.open(next, { keyboard: true });
    return next;
  }

  open(item: PlacedCitation, { keyboard = false } = {}): void {
    clearTimeout(this.openTimer);
    this.cancelClose();
    if (keyboard && !this.openedByKeyboard) this.focusBefore = this.doc.activeElement;
    this.openedByKeyboard = keyboard;
    this.current = item;
    this.copied = false;
    this.layer.setActive(item);
    this.render();
    if (keyboard) {
      (this.ui.mount.querySelector('.card') as HTMLElement | null)?.focus();
      const result = this.lookups.resultFor(item.citation.id);
      this.announce(t('tooltip_announce', [kindLabel(item.citation.kind), result?.title ?? item.text]));
    }
  }

  close(): void {
    clearTimeout(this.openTimer);
    this.cancelClose();
    const restoreFocus = this.openedByKeyboard && this.ui.root.activeElement !== null;
    this.current = undefined;
    this.openedByKeyboard = false;
    this.layer.setActive(undefined);
    this.render();
    if (restoreFocus && this.focusBefore instanceof HTMLElement) this.focusBefore.focus();
    this.focusBefore = null;
  }

  /** Draws the open card again (its language changed). */
  refresh(): void {
    this.render();
  }

  /** Screen readers hear what a keyboard-opened tooltip is about. */
  private announce(message: string): void {
    this.ui.live.textContent = '';
    // A fresh text node after clearing makes screen readers repeat an identical announcement.
    setTimeout(() => (this.ui.live.textContent = message), 50);
  }

  private scheduleClose(): void {
    this.cancelClose();
    this.closeTimer = setTimeout(() => this.close(), CLOSE_DELAY_MS);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  /**
   * Copies the citation in the UI language's style (Dutch: Leidraad voor juridische auteurs), as plain text
   * and as HTML linking its source; the matched page text only when the id cannot be formatted.
   */
  private async copy(item: PlacedCitation, shown: LookupResult | null | undefined): Promise<void> {
    const language = uiLanguage().startsWith('en') ? 'en' : 'nl';
    const citation = formatCitation(shown?.id ?? item.citation.id, shown ?? undefined, language) ?? {
      text: item.text.replace(/\s+/g, ' ').trim(),
    };
    await writeCitation(citation);
    this.copied = true;
    this.render();
  }

  private saveNote(item: PlacedCitation): void {
    this.close();
    this.actions.onSaveNote?.(item);
  }

  private render(): void {
    const item = this.current;
    if (!item) {
      render(null, this.ui.mount);
      return;
    }
    render(
      h(Tooltip, {
        key: item.citation.id,
        placed: item,
        result: this.lookups.resultFor(item.citation.id),
        copied: this.copied,
        focusable: this.openedByKeyboard,
        onCopy: (shown: LookupResult | null | undefined) => void this.copy(item, shown),
        onClose: () => this.close(),
        ...(this.actions.onSaveNote ? { onSaveNote: () => this.saveNote(item) } : {}),
      }),
      this.ui.mount,
    );
    this.position();
  }

  private position(): void {
    const item = this.current;
    const card = this.ui.mount.firstElementChild as HTMLElement | null;
    if (!item || !card) return;
    const reference = {
      getBoundingClientRect: () => item.range.getBoundingClientRect(),
      getClientRects: () => item.range.getClientRects(),
    };
    floatBeside(reference, card, 'bottom-start');
  }
}

function scrollIntoView(range: Range): void {
  const rect = range.getBoundingClientRect();
  const view = range.startContainer.ownerDocument?.defaultView;
  if (!view || (rect.top >= 80 && rect.bottom <= view.innerHeight - 80)) return;
  view.scrollBy({ top: rect.top - view.innerHeight / 3, behavior: 'instant' });
}

/** Plain text and an HTML flavour with the source link; plain text alone where ClipboardItem is missing. */
async function writeCitation(citation: FormattedCitation): Promise<void> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard.write) {
    await navigator.clipboard.writeText(citation.text);
    return;
  }
  await navigator.clipboard.write([
    new ClipboardItem({
      'text/plain': new Blob([citation.text], { type: 'text/plain' }),
      'text/html': new Blob([citationHtml(citation)], { type: 'text/html' }),
    }),
  ]);
}
