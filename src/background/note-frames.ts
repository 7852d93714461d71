/**
 * The note frame's tasks. A content script may not read or write notes' text, so to show or edit a
 * note it asks for the note frame (an extension page it embeds in a closed shadow root): the worker
 * keeps what the frame should do under a random one-time token, in storage.session (the worker may
 * stop between the two requests; storage.session is closed to content scripts), and the frame's URL
 * carries nothing but that token. The frame's reports go back to the one content script that asked,
 * through the worker: the page never sees them.
 */
import type { Storage } from 'webextension-polyfill';
import type { Annotation, NewAnnotation } from '../core/annotations/model';
import type { BackgroundRequests, NoteFrameRequest, NoteFrameTask } from '../messaging/contract';
import type { Handlers } from '../messaging/server';
import { pageOf } from '../messaging/senders';
import { senderPage } from './notes-service';

/** A frame that never came for its task (the page closed at once) stops being valid after this. */
const TASK_TTL_MS = 10 * 60 * 1000;
const KEY_PREFIX = 'noteFrame:';
const MAX_QUOTE = 20_000;
const MAX_IDS = 50;
/** A passage's quote and selectors (a few times the quote); storage.session is small. */
const MAX_TASK_CHARS = 200_000;

interface StoredTask {
  request: NoteFrameRequest;
  pageUrl: string;
  tabId: number;
  frameId: number;
  created: number;
  /** Set once the frame fetched its task: the token then only carries its reports. */
  claimed: boolean;
}

export interface NoteFrameDeps {
  readNote: (id: string) => Promise<Annotation | undefined>;
  /** Relays a frame's report to the content script that opened it. */
  tellContent: (
    task: { tabId: number; frameId: number },
    payload: BackgroundRequests['noteFrameEvent']['request'],
  ) => Promise<void>;
  /** storage.session in the worker (closed to content scripts; survives the worker stopping). */
  storage: Pick<Storage.StorageArea, 'get' | 'set' | 'remove'>;
  now?: () => number;
}

export type NoteFrameHandlers = Pick<
  Handlers<BackgroundRequests>,
  'noteFrameOpen' | 'noteFrameTask' | 'noteFrameEvent'
>;

function checkRequest(value: unknown): NoteFrameRequest {
  const task = value as NoteFrameRequest | undefined;
  const strings = (list: unknown) => Array.isArray(list) && list.every((id) => typeof id === 'string');
  if (task?.kind === 'view' && strings(task.ids) && task.ids.length > 0 && task.ids.length <= MAX_IDS)
    return { kind: 'view', ids: task.ids };
  if (task?.kind === 'edit' && typeof task.id === 'string') return { kind: 'edit', id: task.id };
  if (
    task?.kind === 'new' &&
    typeof task.quote === 'string' &&
    task.quote.length <= MAX_QUOTE &&
    typeof task.title === 'string' &&
    Array.isArray(task.selectors)
  ) {
    const citation = task.citation as NewAnnotation['citation'];
    return {
      kind: 'new',
      quote: task.quote,
      title: task.title,
      selectors: task.selectors,
      ...(citation && typeof citation.id === 'string' ? { citation } : {}),
    };
  }
  throw new Error('noteFrameOpen: not a note frame task');
}

export function createNoteFrameHandlers(deps: NoteFrameDeps): NoteFrameHandlers {
  const { storage } = deps;
  const now = deps.now ?? Date.now;
  const load = async (token: unknown): Promise<StoredTask> => {
    if (typeof token !== 'string' || !/^[0-9a-f-]{36}$/.test(token)) throw new Error('noteFrame: bad token');
    const key = KEY_PREFIX + token;
    const task = (await storage.get(key))[key] as StoredTask | undefined;
    if (!task || now() - task.created > TASK_TTL_MS)
      throw new Error('noteFrame: this note window has expired');
    return task;
  };
  /** Drops expired tasks, and the ones the same frame asked for before (one note frame per content script). */
  const forget = async (from: { tabId: number; frameId: number }) => {
    const all = await storage.get(null);
    const stale = Object.entries(all)
      .filter(([key, value]) => {
        if (!key.startsWith(KEY_PREFIX)) return false;
        const task = value as StoredTask;
        const superseded = task.tabId === from.tabId && task.frameId === from.frameId;
        return now() - task.created > TASK_TTL_MS || superseded;
      })
      .map(([key]) => key);
    if (stale.length > 0) await storage.remove(stale);
  };
  /** A page's note that is not in the trash, or nothing. */
  const ownNote = async (id: string, pageUrl: string) => {
    const note = await deps.readNote(id);
    return note && note.url === pageUrl && note.deletedAt === undefined ? note : undefined;
  };

  return {
    async noteFrameOpen({ task }, caller) {
      const pageUrl = senderPage(caller, 'noteFrameOpen');
      const { tabId, frameId } = pageOf(caller, 'noteFrameOpen');
      const request = checkRequest(task);
      if (JSON.stringify(request).length > MAX_TASK_CHARS) throw new Error('noteFrameOpen: task too large');
      await forget({ tabId, frameId });
      const token = crypto.randomUUID();
      const stored: StoredTask = { request, pageUrl, tabId, frameId, created: now(), claimed: false };
      await storage.set({ [KEY_PREFIX + token]: stored });
      return { token };
    },
    async noteFrameTask({ token }, caller) {
      const task = await load(token);
      // Only a frame in the tab that asked, and only once: a copy of the URL loaded elsewhere gets nothing.
      if (task.claimed || caller.kind !== 'extension' || caller.tabId !== task.tabId)
        throw new Error('noteFrame: this note window belongs elsewhere');
      await storage.set({ [KEY_PREFIX + token]: { ...task, claimed: true } });
      const { request, pageUrl } = task;
      let answer: NoteFrameTask;
      if (request.kind === 'new') answer = { ...request, url: pageUrl };
      else if (request.kind === 'edit') {
        const note = await ownNote(request.id, pageUrl);
        if (!note) throw new Error('This note no longer exists.');
        answer = { kind: 'edit', note };
      } else {
        const notes = (await Promise.all(request.ids.map((id) => ownNote(id, pageUrl)))).filter(
          (note): note is Annotation => note !== undefined,
        );
        answer = { kind: 'view', notes };
      }
      return answer;
    },
    async noteFrameEvent({ token, event }, caller) {
      const task = await load(token);
      if (!task.claimed || caller.kind !== 'extension' || caller.tabId !== task.tabId)
        throw new Error('noteFrame: this note window belongs elsewhere');
      if (event?.type === 'close') await storage.remove(KEY_PREFIX + token);
      await deps.tellContent(task, { token, event });
      return { ok: true };
    },
  };
}
