// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { anchor, describeRange } from '../../../src/core/annotations/anchor';
import { collectPageText, rangeFor } from '../../../src/content/page-text';
import { spanOfRange } from '../../../src/content/notes/text-offsets';

function body(html: string): HTMLElement {
  document.body.replaceChildren();
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.append(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
  return document.body;
}

function rangeOver(node: Node, start: number, end: number, endNode: Node = node): Range {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(endNode, end);
  return range;
}

describe('spanOfRange', () => {
  it('is the inverse of rangeFor, across inline markup and collapsed white space', () => {
    const root = body('<p>Zie   Kamerstukken <i>II</i>\n   2024/25, nr. 46.</p><p>Tweede   alinea.</p>');
    const page = collectPageText(root);
    for (const [start, end] of [
      [0, 3],
      [4, 22],
      [4, page.text.indexOf('nr.') + 3],
      [page.text.indexOf('Tweede'), page.text.indexOf('alinea') + 6],
    ] as const) {
      const range = rangeFor(page, start, end)!;
      expect(spanOfRange(page, range)).toEqual({ start, end });
    }
  });

  it('reads a selection that starts and ends between elements (a triple click)', () => {
    const root = body('<p id="a">Eerste alinea.</p><p id="b">Tweede alinea.</p>');
    const page = collectPageText(root);
    const a = root.querySelector('#a')!;
    const b = root.querySelector('#b')!;
    const range = document.createRange();
    range.setStart(a, 0);
    range.setEnd(b, 0);
    expect(page.text.slice(...Object.values(spanOfRange(page, range)!))).toBe('Eerste alinea.');
  });

  it('trims white space at the ends (a double click takes the space after a word)', () => {
    const root = body('<p>resolutie 1325 aangenomen</p>');
    const text = root.querySelector('p')!.firstChild!;
    const page = collectPageText(root);
    const span = spanOfRange(page, rangeOver(text, 9, 15))!;
    expect(page.text.slice(span.start, span.end)).toBe('1325');
    expect(spanOfRange(page, rangeOver(text, 9, 10))).toBeUndefined();
  });

  it('gives selectors that anchor back to the same passage', () => {
    const root = body('<h1>Brief</h1><p>De Veiligheidsraad nam <b>resolutie 1325</b> (2000) aan.</p>');
    const page = collectPageText(root);
    const bold = root.querySelector('b')!.firstChild!;
    const tail = bold.parentNode!.nextSibling!;
    const span = spanOfRange(page, rangeOver(bold, 0, 7, tail))!;
    expect(page.text.slice(span.start, span.end)).toBe('resolutie 1325 (2000)');
    const found = anchor(collectPageText(root).text, describeRange(page.text, span.start, span.end));
    expect(found).toMatchObject({ start: span.start, end: span.end, method: 'position' });
  });
});
