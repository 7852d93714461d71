import type { Citation } from '../core/citation';

/**
 * Detection results cross the message boundary as one JSON string. Chrome turns a message's value into
 * JavaScript objects on the receiving page's main thread, before any of our code runs: for thousands of
 * citations that is work we could neither slice nor see in the scan statistics. A string costs a copy there;
 * `decodeDetections` then parses it inside the content script's own timed, budgeted slice.
 */
export type EncodedDetections = string & { readonly __encodedDetections: never };

/** The citations of each text of a batch, in the batch's order. */
export function encodeDetections(perText: readonly (readonly Citation[])[]): EncodedDetections {
  return JSON.stringify(perText) as EncodedDetections;
}

/** The worker's answer for a batch of `textCount` texts; a malformed answer is an error, not a partial page. */
export function decodeDetections(encoded: EncodedDetections, textCount: number): Citation[][] {
  const value: unknown = JSON.parse(encoded);
  if (!Array.isArray(value) || value.length !== textCount || !value.every(Array.isArray))
    throw new Error(`detect: expected citations for ${textCount} texts`);
  return value as Citation[][];
}
