import browser from 'webextension-polyfill';
import { isEnvelope, type Reply, type RequestOf, type ResponseOf } from './contract';

export type Handlers<M> = {
  [K in keyof M]: (
    payload: RequestOf<M, K>,
    sender: browser.Runtime.MessageSender,
  ) => Promise<ResponseOf<M, K>>;
};

/**
 * Answers the contract's requests; anything else is left to other listeners.
 * Handler errors become `{ ok: false, error }` so the caller sees the message, not a generic failure.
 */
export function serveRequests<M>(types: readonly (keyof M)[], handlers: Handlers<M>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    if (!isEnvelope<M>(message, types)) return undefined;
    const handle = handlers[message.type] as (payload: unknown, sender: unknown) => Promise<unknown>;
    return handle(message.payload, sender).then(
      (value): Reply<unknown> => ({ ok: true, value }),
      (error: unknown): Reply<unknown> => ({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  });
}
