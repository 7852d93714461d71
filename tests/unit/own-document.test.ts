import { describe, expect, it } from 'vitest';
import { ownDocumentIds } from '../../src/core/own-document';

describe('ownDocumentIds', () => {
  it('reads the Tweede Kamer document number, not the zaak number', () => {
    expect([
      ...ownDocumentIds(
        'https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2024Z11111&did=2024D22222',
      ),
    ]).toEqual(['2024D22222']);
    expect([...ownDocumentIds('https://www.tweedekamer.nl/downloads/document?id=2023D41234')]).toEqual([
      '2023D41234',
    ]);
  });
  it('reads an officielebekendmakingen.nl publication from the path', () => {
    expect([...ownDocumentIds('https://zoek.officielebekendmakingen.nl/kst-36600-V-46.html')]).toEqual([
      'kst-36600-V-46',
    ]);
    expect([...ownDocumentIds('https://zoek.officielebekendmakingen.nl/h-tk-20242025-45-12.html')]).toEqual([
      'h-tk-20242025-45-12',
    ]);
    expect([...ownDocumentIds('https://zoek.officielebekendmakingen.nl/stb-2020-123.html')]).toEqual([
      'stb-2020-123',
    ]);
  });
  it('finds nothing in other addresses, and copes with a malformed one', () => {
    expect(ownDocumentIds('https://www.rijksoverheid.nl/documenten/2024/05/01/cijfers').size).toBe(0);
    expect(ownDocumentIds('https://www.tweedekamer.nl/x?q=12024D123456').size).toBe(0);
    expect(ownDocumentIds('not a url').size).toBe(0);
  });
});
