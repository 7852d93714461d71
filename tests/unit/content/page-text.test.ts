// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectPageText, rangeFor, readPageText } from '../../../src/content/page-text';

function body(html: string): HTMLElement {
  document.body.replaceChildren();
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.append(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
  return document.body;
}

describe('collectPageText', () => {
  it('reads white space as the browser renders it, and maps offsets back into the raw text', () => {
    const page = collectPageText(
      body('<p>Resoluties 1325 (2000), 1820\n        (2008)\ten <b> 1888 </b>  (2009).</p>'),
    );
    expect(page.text).toBe('Resoluties 1325 (2000), 1820 (2008) en 1888 (2009).\n');
    const start = page.text.indexOf('1820');
    const range = rangeFor(page, start, start + '1820 (2008)'.length)!;
    expect(range.toString()).toBe('1820\n        (2008)');
    const bold = page.text.indexOf('1888');
    expect(rangeFor(page, bold, bold + 4)!.toString()).toBe('1888');
  });

  it('keeps no-break and thin spaces, which are part of citations', () => {
    expect(collectPageText(body('<p>26\u00a0150 en 36\u2009600</p>')).text).toBe(
      '26\u00a0150 en 36\u2009600\n',
    );
  });

  it('joins inline elements into one line of text and maps offsets back to the DOM', () => {
    const root = body('<p>Zie Kamerstukken <i>II</i> 2024/25, 36&nbsp;600 V, nr. 46.</p>');
    const page = collectPageText(root);
    expect(page.text).toBe('Zie Kamerstukken II 2024/25, 36\u00a0600 V, nr. 46.\n');
    const start = page.text.indexOf('Kamerstukken');
    const end = page.text.indexOf('.\n');
    const range = rangeFor(page, start, end)!;
    expect(range.toString()).toBe('Kamerstukken II 2024/25, 36\u00a0600 V, nr. 46');
    expect(range.startContainer).not.toBe(range.endContainer);
  });

  it('separates blocks so that text from two paragraphs never reads as one citation', () => {
    const page = collectPageText(body('<p>nr. 12</p><p>2024</p><ul><li>a</li><li>b</li></ul>'));
    expect(page.text).toBe('nr. 12\n2024\na\nb\n');
  });

  it('skips scripts, styles, form controls, editors, hidden parts and our own UI', () => {
    const page = collectPageText(
      body(
        '<p>zichtbaar</p><script>resolutie 1325</script><style>p{}</style><textarea>motie 32 623, nr. 345</textarea>' +
          '<input value="x"><div contenteditable="true">Stb. 2020, 1</div><div contenteditable="false">ok</div>' +
          '<p hidden>verborgen</p><div data-bronwijzer-ui>tooltip</div><select><option>optie</option></select>',
      ),
    );
    expect(page.text).toBe('zichtbaar\nok\n');
  });

  it('chunks long text only at block breaks', () => {
    const root = body(
      Array.from({ length: 50 }, (_, i) => `<p>alinea ${i} met <b>vet</b> en meer tekst</p>`).join(''),
    );
    const chunks = [...readPageText(root, { chunkChars: 100 })];
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) expect(chunk.text.endsWith('\n')).toBe(true);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(collectPageText(root).text);
  });

  it('reads no further than its root when the page moves the part being read while it waits', () => {
    const page = body('<div id="scanned"><p>eerste alinea</p><p>tweede alinea</p></div><p>buiten</p>');
    const scanned = page.querySelector('#scanned')!;
    const reader = readPageText(scanned, { chunkChars: 5 });
    expect(reader.next().value?.text).toBe('eerste alinea\n');
    // The page moves the paragraph just read out of the scanned part, in front of text we must not read.
    page.insertBefore(scanned.firstElementChild!, page.lastElementChild);
    expect([...reader].map((chunk) => chunk.text)).toEqual([]);
  });

  it('collapses white space runs anywhere in a node and maps every kept character back', () => {
    const page = collectPageText(body('<p>  Kamerstuk\n\t 36\u00a0180,   nr. 90 \n</p>'));
    expect(page.text).toBe('Kamerstuk 36\u00a0180, nr. 90 \n');
    const start = page.text.indexOf('36');
    expect(rangeFor(page, start, page.text.indexOf(' \n'))!.toString()).toBe('36\u00a0180,   nr. 90');
  });

  it('maps an end offset at a node boundary to the end of the earlier node', () => {
    const page = collectPageText(body('<p><b>1325</b> (2000)</p>'));
    const range = rangeFor(page, 0, 4)!;
    expect(range.endContainer.textContent).toBe('1325');
    expect(range.toString()).toBe('1325');
  });

  // Last: happy-dom itself recurses when it tears this tree down.
  it('handles a deeply nested page without overflowing the stack', () => {
    const root = body('');
    let parent: HTMLElement = root;
    for (let i = 0; i < 20_000; i++) parent = parent.appendChild(document.createElement('span'));
    parent.append('diep');
    expect(collectPageText(root).text).toBe('diep\n');
  });
});
