import browser from 'webextension-polyfill';
import { isEnvelope, type Reply, type RequestOf, type ResponseOf } from './contract';
import { authorize, callerOf, type Caller, type RequestSender } from './senders';

export type Handlers<M> = {
  [K in keyof M]: (payload: RequestOf<M, K>, caller: Caller) => Promise<ResponseOf<M, K>>;
};

/**
 * Answers the contract's requests; anything else is left to other listeners. This is the one place
 * where a request's sender is checked: `senders` says, per request, whether a content script may
 * send it (for its own page) or only the extension's own pages; without `senders` (a content
 * script's server) only the extension itself may ask. A refusal comes back as the reply's error.
 * Handler errors become `{ ok: false, error }` so the caller sees the message, not a generic failure.
 */
export function serveRequests<M>(
  types: readonly (keyof M)[],
  handlers: Handlers<M>,
  senders?: Record<keyof M, RequestSender>,
): void {
  const own = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') };
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    if (!isEnvelope<M>(message, types)) return undefined;
    const handle = handlers[message.type] as (payload: unknown, caller: Caller) => Promise<unknown>;
    const answer = async () => {
      // A content script's listener hears only its own extension (the worker, its pages).
      const caller = senders
        ? authorize(String(message.type), senders[message.type], callerOf(sender, own))
        : authorize(
            String(message.type),
            'content',
            sender.id === own.id ? { kind: 'extension' } : undefined,
          );
      return handle(message.payload, caller);
    };
    return answer().then(
      (value): Reply<unknown> => ({ ok: true, value }),
      (error: unknown): Reply<unknown> => ({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  });
}
