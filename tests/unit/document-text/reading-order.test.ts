import { describe, expect, it } from 'vitest';
import { detectCitations } from '../../../src/core/detect';
import { buildDocumentText, piecesOfPage, type TextItem } from '../../../src/core/document-text';

const CHAR = 5;
/** One run of text at (x, y), 10 units high, `CHAR` units per character. */
const run = (str: string, x: number, y: number, { height = 10, hasEOL = true } = {}): TextItem => ({
  str,
  x,
  y,
  width: str.length * CHAR * (height / 10),
  height,
  hasEOL,
});

const LEFT = 60;
const RIGHT = 320; // the right column starts here: a gutter of 60 units after a left column of 200
const found = (text: string) =>
  detectCitations(text).map((citation) => text.slice(citation.start, citation.end));

describe('reading order on a page in two columns', () => {
  const left = [
    'Het actieplan bouwt voort op',
    'de resoluties van de Raad en',
    'op resolutie 1820 (2008) en',
    'de resoluties die volgden.',
  ];
  const right = [
    'Met resolutie 2242 (2015)',
    'verbond de Raad de agenda',
    'met klimaat en veiligheid',
    'in één geheel.',
  ];

  /** The columns written baseline by baseline, left run then right run, as some PDF producers do. */
  function sideBySide(): TextItem[] {
    const items: TextItem[] = [run('Notitie over vrouwen, vrede en veiligheid in twee kolommen', LEFT, 800)];
    left.forEach((text, i) => {
      items.push(run(text, LEFT, 770 - i * 14, { hasEOL: false }), run(right[i]!, RIGHT, 770 - i * 14));
    });
    return items;
  }

  it('reads the left column, then the right, never a left line with the right line beside it', () => {
    const doc = buildDocumentText([sideBySide()]);
    expect(doc.text).toBe(
      'Notitie over vrouwen, vrede en veiligheid in twee kolommen\n' +
        'Het actieplan bouwt voort op de resoluties van de Raad en op resolutie 1820 (2008) en de resoluties die ' +
        'volgden.\nMet resolutie 2242 (2015) verbond de Raad de agenda met klimaat en veiligheid in één geheel.\n',
    );
    expect(found(doc.text)).toEqual(['resolutie 1820 (2008)', 'resolutie 2242 (2015)']);
  });

  it('maps every character of the reordered text back to its own item', () => {
    const items = sideBySide();
    const doc = buildDocumentText([items]);
    for (const piece of piecesOfPage(doc, 0))
      expect(doc.text.slice(piece.start, piece.start + piece.length)).toBe(
        items[piece.item]!.str.slice(0, piece.length),
      );
    const at = doc.text.indexOf('2242');
    const piece = doc.pieces.find((p) => p.start <= at && at < p.start + p.length)!;
    expect(items[piece.item]!.x).toBe(RIGHT);
  });

  it('reads columns written in stream order the same way, and runs a paragraph on into the next column', () => {
    const items = [
      ...left.slice(0, 3).map((text, i) => run(text, LEFT, 770 - i * 14)),
      // The left column's last line is set full width and the paragraph goes on at the top of the right column.
      { ...run('de resoluties die volgden in', LEFT, 770 - 3 * 14), width: 200 },
      run('resolutie 1888 (2009) en', RIGHT, 770),
      ...right.slice(1).map((text, i) => run(text, RIGHT, 770 - (i + 1) * 14)),
    ];
    for (const item of items.slice(0, 3)) item.width = 200; // justified
    const doc = buildDocumentText([items]);
    expect(doc.text).toContain('de resoluties die volgden in resolutie 1888 (2009) en verbond');
  });

  it('reads footnotes after the body, wherever the stream has them', () => {
    const notes = [
      run('1 Zie ook resolutie 1325 (2000) over vrouwen.', LEFT, 90, { height: 8 }),
      run('2 Zie het Kinderrechtenverdrag.', LEFT, 80, { height: 8 }),
    ];
    const doc = buildDocumentText([[...notes, ...sideBySide()]]);
    expect(doc.text.indexOf('1 Zie ook')).toBeGreaterThan(doc.text.indexOf('in één geheel.'));
    expect(doc.text.endsWith('2 Zie het Kinderrechtenverdrag.\n')).toBe(true);
    expect(found(doc.text)).toEqual([
      'resolutie 1820 (2008)',
      'resolutie 2242 (2015)',
      'resolutie 1325 (2000)',
      'Kinderrechtenverdrag',
    ]);
  });

  it('leaves a one-column page with a date set to the right in stream order', () => {
    const items = [
      run('Den Haag, 1 mei 2025', 400, 800),
      run('Kenmerk BZ-2025-1', 400, 786),
      ...Array.from({ length: 8 }, (_, i) =>
        run(`Regel ${i + 1} van de brief over resolutie 1325 (2000),`, LEFT, 760 - i * 14),
      ),
    ];
    const doc = buildDocumentText([items]);
    expect(doc.text.startsWith('Den Haag, 1 mei 2025 Kenmerk BZ-2025-1\nRegel 1')).toBe(true);
  });
});

describe('citations across a page break', () => {
  const header = () => run('Tweede Kamer, brief over de begroting', LEFT, 820, { height: 8 });
  const pageOf = (lines: TextItem[]) => [header(), ...lines, run('1', 300, 40, { height: 8 })];

  it('joins a paragraph that runs on onto the next page, across the running header and page number', () => {
    const pages = [
      pageOf([
        { ...run('De begroting, zoals in', LEFT, 780), width: 300 },
        { ...run('aangekondigd in Kamerstukken II 2019/20, 35 300,', LEFT, 766), width: 300 },
      ]),
      pageOf([run('nr. 1, en de rest.', LEFT, 780), run('Nederland rapporteert aan het VN-', LEFT, 766)]),
      pageOf([run('Vrouwenrechtenverdrag.', LEFT, 780)]),
    ];
    const doc = buildDocumentText(pages);
    expect(found(doc.text)).toEqual(['Kamerstukken II 2019/20, 35 300, nr. 1', 'VN-Vrouwenrechtenverdrag']);
    // Each page's pieces are its own: the citation is painted on both pages.
    const [kamerstuk] = detectCitations(doc.text);
    expect(kamerstuk!.start).toBeLessThan(doc.pageStarts[1]!);
    expect(kamerstuk!.end).toBeGreaterThan(doc.pageStarts[1]!);
    expect(piecesOfPage(doc, 1)[0]).toMatchObject({ page: 1, item: 1 });
  });

  it('keeps the page break a hard break after a paragraph that ends, and after footnotes', () => {
    const ended = buildDocumentText([
      pageOf([{ ...run('Zie Kamerstukken II 2019/20, 35 300.', LEFT, 780), width: 300 }]),
      pageOf([run('nr. 1 is een ander stuk.', LEFT, 780)]),
    ]);
    expect(ended.text).toContain('35 300.\nnr. 1');
    const withNotes = buildDocumentText([
      pageOf([
        { ...run('In Kamerstukken II 2019/20, 35 300,', LEFT, 780), width: 300 },
        run('1 Een voetnoot.', LEFT, 90, { height: 7 }),
      ]),
      pageOf([run('nr. 1 en verder.', LEFT, 780)]),
    ]);
    expect(withNotes.text).toContain('1 Een voetnoot.\nnr. 1');
  });
});
