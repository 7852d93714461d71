import { describe, expect, it } from 'vitest';
import { originalFileName } from '../../../src/pages/reader/file-name';

describe('originalFileName', () => {
  it("prefers the server's name, then a file name in the address, then the title", () => {
    const address = 'https://www.tweedekamer.nl/downloads/document?id=2025D12345';
    expect(originalFileName({ kind: 'pdf', address, contentDispositionFilename: 'kst-36600-46.pdf' })).toBe(
      'kst-36600-46.pdf',
    );
    expect(originalFileName({ kind: 'pdf', address: 'https://x.nl/a/brief%20VVV.pdf?v=2', title: 'T' })).toBe(
      'brief VVV.pdf',
    );
    expect(originalFileName({ kind: 'pdf', address, title: 'Kamerbrief: vrouwen/vrede?' })).toBe(
      'Kamerbrief vrouwen vrede.pdf',
    );
    expect(originalFileName({ kind: 'pdf', address })).toBe('document.pdf');
  });

  it('keeps a local file name and adds the extension only when it is missing', () => {
    expect(originalFileName({ kind: 'docx', address: 'motie 36 600.docx' })).toBe('motie 36 600.docx');
    expect(originalFileName({ kind: 'docx', address: 'motie', title: undefined })).toBe('motie.docx');
  });

  it('never gives an empty name, a hidden file or a path', () => {
    expect(originalFileName({ kind: 'pdf', address: 'https://x.nl/', title: '  ' })).toBe('document.pdf');
    expect(originalFileName({ kind: 'pdf', contentDispositionFilename: '../../.bashrc' })).toBe('bashrc.pdf');
  });
});
