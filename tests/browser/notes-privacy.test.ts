/**
 * The page is hostile territory. These tests play a script on an annotated page (the main world,
 * `page.evaluate`) and a content-script context that is not to be trusted with everything (the
 * extension's isolated world in a page, reached over CDP), and check what they cannot do.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/core/annotations/model';
import { BACKGROUND_SENDERS, MESSAGE_PROTOCOL_VERSION } from '../../src/messaging/contract';
import {
  askBackground,
  askContent,
  hoverText,
  launchExtension,
  pageCitations,
  tooltip,
  type ExtensionSession,
} from './harness';
import { clearAllNotes, clickClosedUi, dragSelect, hasNoteFrame, noteFrame } from './notes-helpers';

const LETTER = 'https://www.tweedekamer.nl/kamerstukken/brieven_regering/notities';
const OTHER_PAGE = 'https://www.rijksoverheid.nl/documenten/cijfers';
const SECRET = 'Vertrouwelijk: bron bij BZ';
const SECRET_TAG = 'geheim-dossier';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

const storedNotes = async (): Promise<Annotation[]> =>
  (await askBackground(session, 'notesList', { includeDeleted: true })).notes;

async function seed(): Promise<{ letter: Annotation; other: Annotation }> {
  await clearAllNotes(session);
  const save = async (url: string, exact: string) =>
    (
      await askBackground(session, 'notesSave', {
        note: {
          url,
          title: 'x',
          selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }],
          body: SECRET,
          tags: [SECRET_TAG],
          colour: 'green',
        },
      })
    ).note;
  return {
    letter: await save(LETTER, 'vrouwelijke mediatoren opleiden in conflictgebieden'),
    other: await save(OTHER_PAGE, 'miljoen'),
  };
}

async function openLetter(): Promise<Page> {
  const page = await session.open(LETTER);
  await expect.poll(async () => (await pageCitations(session, page)).length).toBeGreaterThan(0);
  await expect
    .poll(async () => (await askContent(session, page, 'pageNotes', {})).notes.map((n) => n.state))
    .toEqual(['anchored']);
  return page;
}

/** Everything a page script can read: its DOM, every shadow root it can open, every frame it may enter. */
function readableByPage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      texts.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML);
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
      for (const frame of root.querySelectorAll('iframe')) {
        try {
          if (frame.contentDocument) visit(frame.contentDocument);
        } catch {
          // cross-origin: nothing to read
        }
      }
    };
    visit(document);
    for (let i = 0; i < window.frames.length; i++) {
      try {
        texts.push(window.frames[i]!.document.documentElement.outerHTML);
      } catch {
        // cross-origin
      }
    }
    // The URLs the page's own timeline lists (an iframe's address is one of them).
    texts.push(...performance.getEntriesByType('resource').map((entry) => entry.name));
    return texts.join('\n');
  });
}

/** Clicks, as a page script can, every button matching a selector in any shadow root it can open. */
function pageClicks(page: Page, selector: string): Promise<number> {
  return page.evaluate((selector) => {
    let clicked = 0;
    const visit = (root: Document | ShadowRoot) => {
      for (const button of root.querySelectorAll<HTMLElement>(selector)) {
        button.click();
        button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        clicked++;
      }
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
    };
    visit(document);
    return clicked;
  }, selector);
}

/** The middle of a passage of the letter, in viewport coordinates (scrolled into view). */
function passagePoint(page: Page, text: string) {
  return page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = (node as Text).data;
      const at = data.replace(/\s+/g, ' ').indexOf(text);
      if (at === -1) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, data.indexOf(text.split(' ')[0]!));
      range.setEnd(node, data.indexOf(text.split(' ')[0]!) + 4);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error(`not on the page: ${text}`);
  }, text);
}

describe('a script on an annotated page', () => {
  let notes: Awaited<ReturnType<typeof seed>>;
  beforeEach(async () => {
    notes = await seed();
  });

  it('cannot open a note with a synthetic pointer, nor read its text or tags', async () => {
    const page = await openLetter();
    const point = await passagePoint(page, 'vrouwelijke mediatoren');
    await page.evaluate(({ x, y }) => {
      for (const type of ['pointerover', 'pointerenter', 'pointermove', 'mousemove'])
        for (let i = 0; i < 5; i++)
          document
            .elementFromPoint(x, y)!
            .dispatchEvent(
              new PointerEvent(type, { clientX: x + i, clientY: y, bubbles: true, composed: true }),
            );
    }, point);
    await page.waitForTimeout(1000); // long past the open delay: nothing must have opened
    expect(hasNoteFrame(page)).toBe(false);
    const seen = await readableByPage(page);
    expect(seen).not.toContain(SECRET);
    expect(seen).not.toContain(SECRET_TAG);
  });

  it('cannot read, edit or delete a note the user opened by hovering', async () => {
    const page = await openLetter();
    const point = await passagePoint(page, 'vrouwelijke mediatoren');
    await page.mouse.move(point.x - 40, point.y - 40);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await page.waitForTimeout(1000); // the note is open for the user now
    // The page cannot read it...
    const seen = await readableByPage(page);
    expect(seen).not.toContain(SECRET);
    expect(seen).not.toContain(SECRET_TAG);
    // ...the user sees it, and the page's clicks on Edit and Delete reach nothing.
    const frame = await noteFrame(page);
    expect(await frame.locator('.note-popover .note-text').textContent()).toBe(SECRET);
    await pageClicks(page, '.note-edit, .note-delete');
    await page.waitForTimeout(500);
    expect(await frame.locator('.note-form').count()).toBe(0);
    const stored = (await storedNotes()).find((n) => n.id === notes.letter.id);
    expect(stored?.deletedAt).toBeUndefined();
    expect(stored?.body).toBe(SECRET);
  });

  it('cannot create a note with a selection and our buttons, nor through the tooltip', async () => {
    const page = await openLetter();
    // A script-made selection is real to the browser: the button may appear, but the page cannot press it.
    await page.evaluate(() => {
      const target = document.querySelector('#evaluation')!.firstChild!;
      const range = document.createRange();
      range.setStart(target, 10);
      range.setEnd(target, 40);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.waitForTimeout(600);
    await pageClicks(page, '.note-select-button');
    // A citation tooltip the user opened: the page presses its "Save note".
    await hoverText(page, '1325 (2000)');
    await tooltip(page).locator('.save-note').waitFor();
    await pageClicks(page, '.save-note');
    await page.waitForTimeout(600);
    // Whatever form might have opened, the page fills it in and submits it as best it can.
    await page.evaluate(() => {
      const visit = (root: Document | ShadowRoot) => {
        for (const field of root.querySelectorAll<HTMLTextAreaElement>('textarea')) {
          field.value = 'door de pagina';
          field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        }
        for (const form of root.querySelectorAll('form')) form.requestSubmit();
        for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
      };
      visit(document);
    });
    await page.waitForTimeout(800);
    expect(hasNoteFrame(page)).toBe(false);
    expect((await storedNotes()).map((n) => n.body)).toEqual([SECRET, SECRET]);
  });

  it('does not hear what the user types into a note', async () => {
    const page = await openLetter();
    await page.evaluate(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      for (const target of [window, document])
        for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input'])
          target.addEventListener(
            type,
            (event) => heard.push((event as KeyboardEvent).key ?? (event as InputEvent).data ?? type),
            true,
          );
    });
    // The user selects a passage with the mouse and presses "Highlight + note".
    await dragSelect(page, '#removable', 'lokale vredesinitiatieven in de Sahel');
    await clickClosedUi(page, '.note-select-button');
    await page.waitForTimeout(1000); // the form is open and has the focus
    await page.keyboard.type('Xq geheim', { delay: 20 });
    const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard.filter((key) => /^[Xqgheim ]$/.test(key))).toEqual([]);
    // It all went into the note, where the user typed it.
    const frame = await noteFrame(page);
    expect(await frame.locator('.note-body').inputValue()).toBe('Xq geheim');
    await frame.locator('.note-save').click();
    await expect.poll(() => hasNoteFrame(page)).toBe(false);
    expect((await storedNotes()).map((n) => n.body)).toContain('Xq geheim');
  });
});

// ---------------------------------------------------------------------------------------------
// A content-script context
// ---------------------------------------------------------------------------------------------

/** Runs code in the extension's content-script world of a page's top frame, as our content script would. */
async function inContentScript<T>(page: Page, expression: string): Promise<T> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const contexts: {
      id: number;
      origin: string;
      auxData?: { type?: string; isDefault?: boolean; frameId?: string };
    }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const world = contexts.find(
      (c) =>
        c.auxData?.type === 'isolated' &&
        c.auxData.frameId === frameTree.frame.id &&
        c.origin.startsWith(`chrome-extension://${session.extensionId}`),
    );
    if (!world) throw new Error('no content-script world in this page');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/** Sends one request of the contract from the content-script world and returns the raw reply. */
const sendFromContent = (page: Page, type: string, payload: unknown) =>
  inContentScript<{ ok: boolean; error?: string; value?: unknown }>(
    page,
    `chrome.runtime.sendMessage(${JSON.stringify({ protocol: MESSAGE_PROTOCOL_VERSION, type, payload })})`,
  );

describe('a content-script context', () => {
  let notes: Awaited<ReturnType<typeof seed>>;
  beforeEach(async () => {
    notes = await seed();
  });

  it('is refused every request only the extension pages may send', async () => {
    const page = await openLetter();
    const ids = [notes.letter.id, notes.other.id];
    const attempts: Record<string, unknown> = {
      notesSave: {
        note: { url: LETTER, selectors: [{ type: 'TextQuoteSelector', exact: 'Sahel' }], body: 'x' },
      },
      notesUpdate: { id: notes.other.id, patch: { body: 'overschreven' } },
      notesDelete: { ids },
      notesRestore: { ids },
      notesList: { includeDeleted: true },
      notesRecent: { limit: 10 },
      notesExport: { format: 'jsonld', includeDeleted: true },
      notesImport: { text: '{}' },
      notesOpen: { id: notes.other.id },
      notesForDocument: { document: { format: 'pdf', fingerprint: '0123456789abcdef0123456789abcdef' } },
      notesGet: { id: notes.other.id },
      notesEmptyTrash: {},
      noteFrameTask: { token: '00000000-0000-4000-8000-000000000000' },
      noteFrameEvent: { token: '00000000-0000-4000-8000-000000000000', event: { type: 'close' } },
      datasetStatus: {},
      tabFrames: { tabId: 1 },
    };
    // Every request the contract keeps for extension pages is tried here.
    const privileged = Object.entries(BACKGROUND_SENDERS)
      .filter(([, who]) => who === 'extension')
      .map(([type]) => type);
    expect(Object.keys(attempts).sort()).toEqual(privileged.sort());

    for (const [type, payload] of Object.entries(attempts)) {
      const reply = await sendFromContent(page, type, payload);
      expect({ type, reply }).toEqual({
        type,
        reply: { ok: false, error: expect.stringMatching(/only the extension's own pages/) },
      });
    }
    // Nothing changed.
    const after = await storedNotes();
    expect(after.map((n) => [n.body, n.deletedAt])).toEqual([
      [SECRET, undefined],
      [SECRET, undefined],
    ]);
  });

  it('gets its own page’s notes whatever URL it names, without their text', async () => {
    const page = await openLetter();
    const reply = await sendFromContent(page, 'notesForPage', { url: OTHER_PAGE });
    expect(reply).toEqual({
      ok: true,
      value: { notes: [{ id: notes.letter.id, colour: 'green', target: notes.letter.target }] },
    });
    expect(JSON.stringify(reply)).not.toContain(SECRET);

    // It can report on its own page's notes only.
    await sendFromContent(page, 'notesAnchored', { url: OTHER_PAGE, placed: [], orphaned: [notes.other.id] });
    const { anchors } = await askBackground(session, 'notesList', {});
    expect(anchors[notes.other.id]).toBeUndefined();
  });

  it('cannot read or write the settings in storage.local', async () => {
    const page = await openLetter();
    const read = await inContentScript<string>(
      page,
      `chrome.storage.local.get('settings').then(() => 'read', (e) => 'refused: ' + e.message)`,
    );
    expect(read).toMatch(/^refused/);
    const write = await inContentScript<string>(
      page,
      `chrome.storage.local.set({ settings: { onlineEnrichment: true } }).then(() => 'written', (e) => 'refused: ' + e.message)`,
    );
    expect(write).toMatch(/^refused/);
    // Its page still gets what it needs from the worker: it annotates.
    expect((await pageCitations(session, page)).length).toBeGreaterThan(0);
  });
});
