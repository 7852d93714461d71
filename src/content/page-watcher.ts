import { isInsideSkipped, isSkippedElement, OWN_UI_ATTRIBUTE } from './page-text';

/** Collects changed subtrees and hands them over in batches, at most once per interval. */
const THROTTLE_MS = 250;

const BLOCKISH =
  /^(P|DIV|LI|TD|TH|DD|DT|SECTION|ARTICLE|MAIN|BODY|BLOCKQUOTE|H[1-6]|TABLE|UL|OL|FOOTER|ASIDE)$/;

/**
 * Watches the page for content that arrives late (search results, lazily rendered parts) and text
 * the page rewrites. Each change is widened to its nearest block, so a citation split over several
 * new inline nodes is read whole; nested roots are merged so nothing is scanned twice in one batch.
 */
export interface PageWatcher {
  /** Hands over every change seen so far at once, without waiting for the throttle. */
  flush(): void;
  disconnect(): void;
}

export function watchPage(doc: Document, onChanged: (roots: Element[]) => void): PageWatcher {
  let dirty = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const roots = outermost([...dirty].filter((root) => root.isConnected));
    dirty = new Set();
    if (roots.length > 0) onChanged(roots);
  };

  const collect = (mutations: MutationRecord[]) => {
    for (const mutation of mutations) {
      const target = mutation.target;
      if (mutation.type === 'childList') {
        if (![...mutation.addedNodes, ...mutation.removedNodes].some(isPageContent)) continue;
      } else if (!isPageContent(target)) continue;
      const block = nearestBlock(target);
      if (block && !isInsideSkipped(block) && !(block instanceof Element && isSkippedElement(block)))
        dirty.add(block);
    }
  };
  const observer = new MutationObserver((mutations) => {
    collect(mutations);
    if (dirty.size > 0 && timer === undefined) timer = setTimeout(flush, THROTTLE_MS);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  return {
    flush() {
      collect(observer.takeRecords());
      flush();
    },
    disconnect() {
      clearTimeout(timer);
      observer.disconnect();
    },
  };
}

function isPageContent(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return true;
  return node instanceof Element && !node.hasAttribute(OWN_UI_ATTRIBUTE);
}

function nearestBlock(node: Node): Element | null {
  for (
    let element = node instanceof Element ? node : node.parentElement;
    element;
    element = element.parentElement
  ) {
    if (BLOCKISH.test(element.tagName)) return element;
  }
  return node.ownerDocument?.body ?? null;
}

function outermost(roots: Element[]): Element[] {
  return roots.filter((root) => !roots.some((other) => other !== root && other.contains(root)));
}
