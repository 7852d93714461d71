import type { Citation } from '../core/citation';

/** What detectBatch reports about a text it had to skip: its place in the batch, its length and the error. */
export interface SkippedText {
  index: number;
  length: number;
  error: unknown;
}

/**
 * The citations of each text of a page's batch, each text on its own: a text whose detection throws is skipped
 * (no citations) and reported, and the rest of the page is still annotated. The report carries no page text.
 */
export function detectBatch(
  texts: readonly string[],
  detect: (text: string) => Citation[],
  onSkipped: (skipped: SkippedText) => void,
): Citation[][] {
  return texts.map((text, index) => {
    try {
      return detect(text);
    } catch (error) {
      onSkipped({ index, length: text.length, error });
      return [];
    }
  });
}
