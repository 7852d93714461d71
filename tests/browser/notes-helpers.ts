import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionSession } from './harness';

/** Removes every note (and every anchoring mark) straight from the worker's IndexedDB. */
export async function clearAllNotes(session: ExtensionSession): Promise<void> {
  const worker = await session.worker();
  await worker.evaluate(async () => {
    for (const [name, store] of [
      ['bronwijzer-annotations', 'annotations'],
      ['bronwijzer-note-anchors', 'anchors'],
    ]) {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name!);
        // Never create a database here: the extension creates it with its own schema.
        let creating = false;
        open.onupgradeneeded = () => {
          creating = true;
          open.transaction!.abort();
        };
        open.onerror = () => (creating ? resolve() : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store!)) {
            db.close();
            return resolve();
          }
          const tx = db.transaction(store!, 'readwrite');
          tx.objectStore(store!).clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    }
  });
}

interface DomNode {
  nodeId: number;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  shadowRootType?: string;
}

/**
 * The notes' UI sits in a closed shadow root: no page script, and so no Playwright locator, can
 * reach it. The test reaches it as DevTools does (CDP DOM with `pierce`), reads where an element is,
 * and presses it with the real mouse, as the user would.
 */
export async function closedUiBoxes(page: Page, selector: string, host = 'bronwijzer-notes') {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const roots: DomNode[] = [];
    const walk = (node: DomNode) => {
      if (node.localName === host) roots.push(...(node.shadowRoots ?? []));
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    const boxes: { x: number; y: number; width: number; height: number; mode: string }[] = [];
    for (const shadow of roots) {
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: shadow.nodeId, selector });
      for (const nodeId of nodeIds) {
        const model = await cdp.send('DOM.getBoxModel', { nodeId }).catch(() => undefined);
        if (!model) continue;
        const [x1, y1, , , x3, y3] = model.model.border;
        boxes.push({
          x: x1!,
          y: y1!,
          width: x3! - x1!,
          height: y3! - y1!,
          mode: shadow.shadowRootType ?? '',
        });
      }
    }
    return boxes;
  } finally {
    await cdp.detach();
  }
}

/** Clicks an element of the closed notes UI with the mouse (waits for it to be there). */
export async function clickClosedUi(page: Page, selector: string): Promise<void> {
  let box: Awaited<ReturnType<typeof closedUiBoxes>>[number] | undefined;
  await expect
    .poll(async () => {
      box = (await closedUiBoxes(page, selector)).find((b) => b.width > 0);
      return box !== undefined;
    })
    .toBe(true);
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
}

export const NOTE_FRAME_PATH = '/src/pages/notes/frame/index.html';

/** The note frame open on the page now (an extension page in the closed shadow root). */
export async function noteFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(async () => {
      frame = page.frames().find((f) => !f.isDetached() && new URL(f.url()).pathname === NOTE_FRAME_PATH);
      return frame !== undefined && (await frame.locator('#app > div > *').count()) > 0;
    })
    .toBe(true);
  return frame!;
}

/** Whether a note frame is open on the page. */
export const hasNoteFrame = (page: Page) =>
  page.frames().some((f) => !f.isDetached() && f.url().includes(NOTE_FRAME_PATH));

/** The viewport box of the `occurrence`-th appearance of `text` in an element's text. */
export async function textBox(page: Page, selector: string, text: string) {
  return page.evaluate(
    ({ selector, text }) => {
      const element = document.querySelector(selector)!;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data.replace(/\s+/g, ' ');
        const at = data.indexOf(text);
        if (at === -1) continue;
        // Map the collapsed offset back: count characters of the raw data.
        const raw = (node as Text).data;
        let seen = 0;
        let start = -1;
        let end = -1;
        for (let i = 0, c = 0; i <= raw.length; i++) {
          if (c === at && start === -1) start = i;
          if (c === at + text.length) {
            end = i;
            break;
          }
          if (i < raw.length) {
            const space = /\s/.test(raw[i]!);
            if (!(space && seen > 0 && /\s/.test(raw[i - 1]!))) c++;
            seen++;
          }
        }
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, end);
        (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const rects = [...range.getClientRects()];
        const first = rects[0]!;
        const last = rects[rects.length - 1]!;
        return {
          start: { x: first.left + 1, y: first.top + first.height / 2 },
          end: { x: last.right - 1, y: last.top + last.height / 2 },
          middle: { x: first.left + Math.min(first.width / 2, 20), y: first.top + first.height / 2 },
        };
      }
      throw new Error(`text not in ${selector}: ${text}`);
    },
    { selector, text },
  );
}

/** Selects text with the mouse, as a reader would. */
export async function dragSelect(page: Page, selector: string, text: string): Promise<void> {
  const box = await textBox(page, selector, text);
  await page.mouse.move(box.start.x, box.start.y);
  await page.mouse.down();
  await page.mouse.move(box.end.x, box.end.y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => getSelection()?.toString().replace(/\s+/g, ' '))).toBe(text);
}
