import { describe, expect, it } from 'vitest';
import { createNoteFrameHandlers, type NoteFrameDeps } from '../../../src/background/note-frames';
import type { Annotation } from '../../../src/core/annotations/model';
import type { Caller } from '../../../src/messaging/senders';
import { makeNote } from '../annotations/helpers';

const PAGE = 'https://www.tweedekamer.nl/brief';
const content = (tabId = 5, pageUrl = PAGE): Caller => ({ kind: 'content', pageUrl, tabId, frameId: 0 });
const frameIn = (tabId = 5): Caller => ({ kind: 'extension', tabId });

function setup(notes: Annotation[]) {
  const stored = new Map<string, unknown>();
  const storage = {
    get: async (key: string | null) =>
      key === null ? Object.fromEntries(stored) : stored.has(key) ? { [key]: stored.get(key) } : {},
    set: async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) stored.set(key, value);
    },
    remove: async (keys: string | string[]) => {
      for (const key of [keys].flat()) stored.delete(key);
    },
  } as unknown as NoteFrameDeps['storage'];
  const told: unknown[] = [];
  const clock = { now: 1_000_000 };
  const handlers = createNoteFrameHandlers({
    storage,
    readNote: async (id) => notes.find((n) => n.id === id),
    tellContent: async ({ tabId, frameId }, payload) => void told.push({ tabId, frameId, ...payload }),
    now: () => clock.now,
  });
  return { handlers, told, stored, clock };
}

describe('note frame tasks', () => {
  const mine = makeNote({ url: PAGE });
  const elsewhere = makeNote({ url: 'https://www.eerstekamer.nl/x' });

  it('gives the frame in the same tab its task once, with only its page’s notes', async () => {
    const { handlers } = setup([mine, elsewhere]);
    const { token } = await handlers.noteFrameOpen(
      { task: { kind: 'view', ids: [mine.id, elsewhere.id] } },
      content(),
    );
    await expect(handlers.noteFrameTask({ token }, frameIn(6))).rejects.toThrow(/belongs elsewhere/);
    await expect(handlers.noteFrameTask({ token }, content())).rejects.toThrow(/belongs elsewhere/);
    expect(await handlers.noteFrameTask({ token }, frameIn())).toEqual({ kind: 'view', notes: [mine] });
    // A copy of the frame's address loaded again gets nothing.
    await expect(handlers.noteFrameTask({ token }, frameIn())).rejects.toThrow(/belongs elsewhere/);
  });

  it('takes the page from the sender for a new note, and relays reports to the content script that asked', async () => {
    const { handlers, told } = setup([]);
    const task = { kind: 'new' as const, quote: 'resolutie', title: 'Brief', selectors: [] };
    const { token } = await handlers.noteFrameOpen({ task }, content(5, `${PAGE}#deel`));
    expect(await handlers.noteFrameTask({ token }, frameIn())).toEqual({ ...task, url: PAGE });
    await handlers.noteFrameEvent({ token, event: { type: 'saved', id: 'a', colour: 'blue' } }, frameIn());
    await handlers.noteFrameEvent({ token, event: { type: 'close' } }, frameIn());
    expect(told).toEqual([
      { tabId: 5, frameId: 0, token, event: { type: 'saved', id: 'a', colour: 'blue' } },
      { tabId: 5, frameId: 0, token, event: { type: 'close' } },
    ]);
    await expect(handlers.noteFrameEvent({ token, event: { type: 'close' } }, frameIn())).rejects.toThrow(
      /expired/,
    );
  });

  it('refuses a task from an extension page, malformed tasks, and expired tokens; keeps one per frame', async () => {
    const { handlers, stored, clock } = setup([mine]);
    await expect(handlers.noteFrameOpen({ task: { kind: 'edit', id: mine.id } }, frameIn())).rejects.toThrow(
      /content script/,
    );
    await expect(handlers.noteFrameOpen({ task: { kind: 'view' } as never }, content())).rejects.toThrow(
      /not a note frame task/,
    );
    const first = await handlers.noteFrameOpen({ task: { kind: 'edit', id: mine.id } }, content());
    const second = await handlers.noteFrameOpen({ task: { kind: 'edit', id: mine.id } }, content());
    expect(stored.size).toBe(1);
    await expect(handlers.noteFrameTask(first, frameIn())).rejects.toThrow(/expired/);
    clock.now += 11 * 60 * 1000;
    await expect(handlers.noteFrameTask(second, frameIn())).rejects.toThrow(/expired/);
  });
});
