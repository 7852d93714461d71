import { OWN_UI_ATTRIBUTE } from './page-text';

/**
 * One host element per piece of our UI, with a shadow root: page CSS cannot style what is inside,
 * and our CSS cannot reach the page. The host itself takes no space, so the page never shifts.
 * `closed` (the notes' UI): a page script cannot reach inside through `host.shadowRoot` either.
 * The citation tooltip's stays open: it shows only the public reference data the page could look
 * up itself, and its one acting button ("Save note") accepts only a person's click.
 */
export interface UiHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** Where Preact renders. */
  mount: HTMLElement;
  /** A polite live region for screen-reader announcements. */
  live: HTMLElement;
}

/** `tag` names the host element: one per piece of UI (`bronwijzer-ui` is the citation tooltip's). */
export function createUiHost(
  doc: Document,
  css: string,
  tag = 'bronwijzer-ui',
  mode: ShadowRootMode = 'open',
): UiHost {
  const host = doc.createElement(tag);
  host.setAttribute(OWN_UI_ATTRIBUTE, '');
  for (const [property, value] of Object.entries({
    all: 'initial',
    position: 'fixed',
    top: '0',
    left: '0',
    width: '0',
    height: '0',
    overflow: 'visible',
    'z-index': '2147483647',
  })) {
    host.style.setProperty(property, value, 'important');
  }
  const root = host.attachShadow({ mode });
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('div');
  const live = doc.createElement('div');
  live.className = 'visually-hidden';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  root.append(style, mount, live);
  doc.documentElement.append(host);
  return { host, root, mount, live };
}
