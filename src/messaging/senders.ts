/**
 * Who sent a request, decided from what the browser says about the sender (never from the message):
 * one of the extension's own pages (popup, options, notes page, the note frame), or a content script
 * running in a web page, whose page URL is the sender's URL. Pure, so it is tested in Node.
 */

/** Who may send a request: only the extension's own pages, or also a content script (for its own page). */
export type RequestSender = 'extension' | 'content';

export type Caller =
  | { kind: 'extension'; tabId?: number }
  | { kind: 'content'; pageUrl: string; origin?: string; tabId: number; frameId: number };

/** The parts of `runtime.MessageSender` the decision reads. */
export interface SenderFacts {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface OwnExtension {
  id: string;
  /** `runtime.getURL('')`: `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  baseUrl: string;
}

/** Classifies a sender; undefined for anything that is neither (another extension, a stray message). */
export function callerOf(sender: SenderFacts, own: OwnExtension): Caller | undefined {
  if (sender.id !== own.id) return undefined;
  const url = sender.url ?? '';
  const ownOrigin = own.baseUrl.replace(/\/$/, '');
  if (url.startsWith(own.baseUrl) && (sender.origin === undefined || sender.origin === ownOrigin)) {
    return sender.tab?.id === undefined ? { kind: 'extension' } : { kind: 'extension', tabId: sender.tab.id };
  }
  if (sender.tab?.id === undefined || !/^(https?:|about:)/.test(url)) return undefined;
  return {
    kind: 'content',
    pageUrl: url,
    ...(sender.origin === undefined ? {} : { origin: sender.origin }),
    tabId: sender.tab.id,
    frameId: sender.frameId ?? 0,
  };
}

/** Throws the refusal a caller gets when the request is not theirs to send. */
export function authorize(type: string, allowed: RequestSender, caller: Caller | undefined): Caller {
  if (!caller) throw new Error(`${type}: refused, the sender is not part of Bronwijzer`);
  if (allowed === 'extension' && caller.kind !== 'extension')
    throw new Error(`${type}: refused, only the extension's own pages may send this request`);
  return caller;
}

/** The page a content script runs in; a request that needs one refuses any other caller. */
export function pageOf(caller: Caller, type: string): Extract<Caller, { kind: 'content' }> {
  if (caller.kind !== 'content') throw new Error(`${type}: only a page's content script sends this request`);
  return caller;
}
