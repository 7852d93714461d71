import { describe, expect, it } from 'vitest';
import { detectBatch, type SkippedText } from '../../../src/background/detect-batch';
import { detectCitations } from '../../../src/core/detect/index';

describe('detectBatch', () => {
  it('skips a text whose detection throws and annotates the others', () => {
    const texts = ['Kamerstuk 36 180, nr. 90', 'boom', 'resolutie 1325 (2000)'];
    const skipped: SkippedText[] = [];
    const out = detectBatch(
      texts,
      (text) => {
        if (text === 'boom') throw new RangeError('Maximum call stack size exceeded');
        return detectCitations(text);
      },
      (s) => skipped.push(s),
    );
    expect(out.map((cs) => cs.map((c) => c.id))).toEqual([['kst-36180-90'], [], ['unsc-1325']]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ index: 1, length: 4 });
    expect(skipped[0]!.error).toBeInstanceOf(RangeError);
  });

  it('annotates a page whose paragraph has thousands of continuations', () => {
    const chain = 'Kamerstukken II 2019/20, 35 300, nr. 1' + '; nr. 1'.repeat(5000);
    const skipped: SkippedText[] = [];
    const out = detectBatch([chain, 'Kamerstuk 36 180, nr. 90'], detectCitations, (s) => skipped.push(s));
    expect(skipped).toEqual([]);
    expect(out[0]).toHaveLength(5001);
    expect(out[0]!.every((c) => c.id === 'kst-35300-1')).toBe(true);
    expect(out[1]!.map((c) => c.id)).toEqual(['kst-36180-90']);
  });
});
