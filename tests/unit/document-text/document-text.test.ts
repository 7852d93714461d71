import { describe, expect, it } from 'vitest';
import { detectCitations } from '../../../src/core/detect';
import {
  buildDocumentText,
  hyphenJoin,
  pageAt,
  piecesOfPage,
  type DocumentText,
  type TextItem,
} from '../../../src/core/document-text';

/** A page from lines of runs: each line's runs sit on one baseline, lines 14 units apart. */
function page(lines: (string | string[])[], { top = 800, lineGap = 14 } = {}): TextItem[] {
  const items: TextItem[] = [];
  lines.forEach((line, index) => {
    const runs = typeof line === 'string' ? [line] : line;
    let x = 72;
    runs.forEach((str, k) => {
      items.push({ str, x, y: top - index * lineGap, width: str.length * 5, height: 11, hasEOL: false });
      x += str.length * 5;
      if (k === runs.length - 1) items[items.length - 1]!.hasEOL = true;
    });
  });
  return items;
}

/** The text each piece contributed, read back through its map: what the reader's text layer would show. */
function readBack(doc: DocumentText, pages: TextItem[][]): string {
  let out = '';
  let at = 0;
  for (const piece of doc.pieces) {
    out += doc.text.slice(at, piece.start);
    const str = pages[piece.page]![piece.item]!.str;
    const contributed = str.slice(0, piece.length);
    out += contributed;
    at = piece.start + contributed.length;
  }
  return out + doc.text.slice(at);
}

describe('buildDocumentText', () => {
  it('joins a compound hyphenated at a line end into one treaty citation', () => {
    const pages = [page(['Nederland is partij bij het VN-', 'Vrouwenrechtenverdrag sinds 1991.'])];
    const doc = buildDocumentText(pages);
    expect(doc.text).toBe('Nederland is partij bij het VN-Vrouwenrechtenverdrag sinds 1991.\n');
    const found = detectCitations(doc.text);
    expect(found.map((c) => [c.id, doc.text.slice(c.start, c.end)])).toEqual([
      ['treaty-cedaw', 'VN-Vrouwenrechtenverdrag'],
    ]);
  });

  it('drops a syllable-break hyphen and a soft hyphen, mapping back to the items', () => {
    const pages = [page(['de verdrag-', 'en zijn uitge\u00ad', 'voerd'])];
    const doc = buildDocumentText(pages);
    expect(doc.text).toBe('de verdragen zijn uitgevoerd\n');
    expect(doc.pieces[0]).toMatchObject({ item: 0, start: 0, length: 10 }); // "de verdrag" without its "-"
    expect(readBack(doc, pages)).toBe(doc.text);
  });

  it('keeps a dash that is not a hyphen, and a citation that wraps is joined with a space', () => {
    const pages = [page(['Zie resolutie 1325', '(2000) van de Veiligheidsraad - en', 'de rest.'])];
    const doc = buildDocumentText(pages);
    expect(doc.text).toBe('Zie resolutie 1325 (2000) van de Veiligheidsraad - en de rest.\n');
    const [citation] = detectCitations(doc.text);
    expect(citation?.id).toBe('unsc-1325');
    expect(citation?.extras?.resolutionYear).toBe(2000);
  });

  it('breaks paragraphs at a taller gap, and pages with a newline', () => {
    const first = page(['Eerste alinea.']);
    first.push({ str: 'Tweede alinea.', x: 72, y: 760, width: 70, height: 11, hasEOL: true });
    const doc = buildDocumentText([first, page(['Volgende pagina.'])]);
    expect(doc.text).toBe('Eerste alinea.\nTweede alinea.\nVolgende pagina.\n');
    expect(doc.pageStarts).toEqual([0, 30, doc.text.length]);
    expect(pageAt(doc, 29)).toBe(0);
    expect(pageAt(doc, 30)).toBe(1);
    expect(piecesOfPage(doc, 1).map((piece) => piece.page)).toEqual([1]);
  });

  it('leaves out running headers and footers that repeat on most pages, page numbers and all', () => {
    const pages = [1, 2, 3].map((n) =>
      page([
        'Tweede Kamer, vergaderjaar 2024–2025, 26 150, nr. 223',
        `Tekst van pagina ${n} over resolutie 1325 (2000).`,
        `${n}`,
      ]),
    );
    // A footer line that is lower on the page than the body, as a footer is.
    for (const items of pages) items[items.length - 1]!.y = 40;
    const doc = buildDocumentText(pages);
    expect(doc.text).not.toContain('vergaderjaar');
    expect(doc.text.split('\n').filter(Boolean)).toEqual([
      'Tekst van pagina 1 over resolutie 1325 (2000).',
      'Tekst van pagina 2 over resolutie 1325 (2000).',
      'Tekst van pagina 3 over resolutie 1325 (2000).',
    ]);
    expect(readBack(doc, pages)).toBe(doc.text);
  });

  it('keeps a first line that appears on one page only', () => {
    const pages = [page(['Geachte voorzitter,', 'Tekst.']), page(['Hoogachtend,', 'De minister'])];
    expect(buildDocumentText(pages).text).toBe('Geachte voorzitter, Tekst.\nHoogachtend, De minister\n');
  });

  it('joins runs of one line and skips empty and trailing-space items', () => {
    const pages = [page([['Kamerstukken ', 'II', ' 2024/25, 36 600 V, nr. 46 '], 'Slot.'])];
    pages[0]!.splice(1, 0, { str: '', x: 0, y: 800, width: 0, height: 0, hasEOL: false });
    const doc = buildDocumentText(pages);
    expect(doc.text).toBe('Kamerstukken II 2024/25, 36 600 V, nr. 46 Slot.\n');
    expect(doc.pieces.map((piece) => piece.item)).toEqual([0, 2, 3, 4]);
    expect(readBack(doc, pages)).toBe(doc.text);
  });
});

describe('hyphenJoin', () => {
  it.each([
    ['het VN-', 'Vrouwenrechtenverdrag', 'keep'],
    ['verdrag-', 'en', 'drop'],
    ['Anti-', 'Folterverdrag', 'keep'],
    ['uitge\u00ad', 'voerd', 'drop'],
    ['1325 -', '(2000)', undefined],
    ['einde.', 'Begin', undefined],
    ['noord-', '2024', 'keep'],
  ] as const)('%s | %s → %s', (end, next, expected) => {
    expect(hyphenJoin(end, next)).toBe(expected);
  });
});
