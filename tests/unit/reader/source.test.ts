import { describe, expect, it } from 'vitest';
import { documentAddress, documentKind } from '../../../src/pages/reader/source';

describe('the document the reader opens', () => {
  it('reads ?file= (popup, context menu) and an intercepted address after # (kept as requested)', () => {
    const letter = 'https://www.tweedekamer.nl/downloads/document?id=2025D12345&did=2025D1';
    expect(documentAddress({ search: `?file=${encodeURIComponent(letter)}`, hash: '' })).toEqual({
      address: letter,
      intercepted: false,
    });
    expect(documentAddress({ search: '', hash: `#${letter}` })).toEqual({
      address: letter,
      intercepted: true,
    });
    expect(documentAddress({ search: '', hash: '' })).toBeUndefined();
  });

  it('refuses what is not an http(s) address', () => {
    for (const file of ['javascript:alert(1)', 'file:///etc/passwd', 'chrome://settings', 'not a url'])
      expect(documentAddress({ search: `?file=${encodeURIComponent(file)}`, hash: '' })).toBeUndefined();
  });

  it('tells PDF from Word by type or name', () => {
    expect(documentKind('brief.PDF')).toBe('pdf');
    expect(documentKind('https://example.org/motie.docx?download=1')).toBe('docx');
    expect(documentKind('download', 'application/pdf')).toBe('pdf');
    expect(documentKind('notes.txt', 'text/plain')).toBeUndefined();
  });
});
