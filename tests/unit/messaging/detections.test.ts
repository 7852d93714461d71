import { describe, expect, it } from 'vitest';
import { detectCitations } from '../../../src/core/detect';
import {
  decodeDetections,
  encodeDetections,
  type EncodedDetections,
} from '../../../src/messaging/detections';

describe('detections across the message boundary', () => {
  it('decodes what the worker encoded: every text keeps its own citations, in order', () => {
    const texts = [
      'Resoluties 1325 (2000) en 1820 (2008); zie Kamerstukken II 2024/25, 36 180, nr. 90.',
      'Een tekst zonder verwijzingen.',
      'Artikel 8 EVRM.',
    ];
    const perText = texts.map((text) => detectCitations(text));
    const decoded = decodeDetections(encodeDetections(perText), texts.length);
    expect(decoded).toEqual(perText);
    expect(decoded.map((found) => found.map((c) => c.id))).toEqual([
      ['unsc-1325', 'unsc-1820', 'kst-36180-90'],
      [],
      ['treaty-echr'],
    ]);
    expect(decoded[0]![0]!.extras).toEqual({ resolutionYear: 2000 });
  });

  it('refuses an answer for a different number of texts, or one that is not a list of lists', () => {
    const two = encodeDetections([[], []]);
    expect(() => decodeDetections(two, 3)).toThrow(/3 texts/);
    expect(() => decodeDetections('{"a":1}' as EncodedDetections, 1)).toThrow(/1 texts/);
    expect(() => decodeDetections('[1]' as EncodedDetections, 1)).toThrow(/1 texts/);
    expect(() => decodeDetections('not json' as EncodedDetections, 1)).toThrow(SyntaxError);
  });
});
