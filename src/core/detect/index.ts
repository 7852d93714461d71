// Placeholder until the detection branch lands: resolution lists only.
import type { Citation } from '../citation';

export function detectCitations(text: string): Citation[] {
  const found: Citation[] = [];
  const list = /[Rr]esoluties?\s+((?:\d{3,4}\s+\(\d{4}\)(?:,\s+|\s+en\s+)?)+)/g;
  for (const match of text.matchAll(list)) {
    const base = (match.index ?? 0) + match[0].indexOf(match[1] ?? '');
    for (const item of (match[1] ?? '').matchAll(/(\d{3,4})\s+\((\d{4})\)/g)) {
      const start = base + (item.index ?? 0);
      found.push({ kind: 'unsc', id: `unsc-${item[1]}`, start, end: start + item[0].length });
    }
  }
  return found;
}
