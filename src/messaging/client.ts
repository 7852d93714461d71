import browser from 'webextension-polyfill';
import {
  MESSAGE_PROTOCOL_VERSION,
  type BackgroundRequests,
  type ContentRequests,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from './contract';

function unwrap<T>(reply: unknown): T {
  const typed = reply as Reply<T> | undefined;
  if (!typed) throw new Error('No answer from the Bronwijzer background worker.');
  if (!typed.ok) throw new Error(typed.error);
  return typed.value;
}

export async function askBackground<K extends keyof BackgroundRequests>(
  type: K,
  payload: RequestOf<BackgroundRequests, K>,
): Promise<ResponseOf<BackgroundRequests, K>> {
  const reply: unknown = await browser.runtime.sendMessage({
    protocol: MESSAGE_PROTOCOL_VERSION,
    type,
    payload,
  });
  return unwrap(reply);
}

export async function askTab<K extends keyof ContentRequests>(
  tabId: number,
  type: K,
  payload: RequestOf<ContentRequests, K>,
  options: { frameId?: number } = {},
): Promise<ResponseOf<ContentRequests, K>> {
  // The top frame answers unless a frame is named: frames run their own content script for their own text.
  const message = { protocol: MESSAGE_PROTOCOL_VERSION, type, payload };
  const reply: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: options.frameId ?? 0 });
  return unwrap(reply);
}
