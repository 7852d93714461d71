import { detectCitations, type DetectOptions } from '../../../src/core/detect/index';

/** `[id, surface]` for every citation found. */
export function found(text: string, options?: DetectOptions): [string, string][] {
  return detectCitations(text, options).map((c) => [c.id, text.slice(c.start, c.end)]);
}

/** Ids only. */
export function ids(text: string, options?: DetectOptions): string[] {
  return detectCitations(text, options).map((c) => c.id);
}
