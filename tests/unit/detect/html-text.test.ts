import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../scripts/lib/html-text';
import { detectCitations } from '../../../src/core/detect/index';

describe('html text for scan', () => {
  it('keeps inline markup in one line, breaks at blocks, skips scripts and hidden parts', () => {
    const html =
      '<html><head><title>T</title><script>var nr = "Kamerstuk 1, nr. 2";</script></head>\n<body>' +
      '<p>Zie Kamerstukken <i>II</i> 2024/25, 36&nbsp;600 V, nr.&#160;46.</p><p>Volgende</p>' +
      '<div hidden>Kamerstuk 36 180, nr. 90</div><span aria-hidden="true">x</span>' +
      '<table><tr><td>a</td><td>b</td></tr></table><style>p{}</style><!-- nr. 5 --></body></html>';
    const text = htmlToText(html);
    expect(text).toBe('Zie Kamerstukken II 2024/25, 36\u00a0600 V, nr.\u00a046.\nVolgende\na\nb\n');
    expect(detectCitations(text).map((c) => c.id)).toEqual(['kst-36600-V-46']);
  });

  it('decodes named and numeric entities and collapses source white space', () => {
    expect(htmlToText('<body><p>&ndash; &euml;\n   &#8211; &#x2009; &amp;</p></body>')).toBe(
      '\u2013 ë \u2013 \u2009 &\n',
    );
  });

  it('does not run the page scripts', () => {
    expect(
      htmlToText('<body><p id="a">x</p><script>document.body.textContent = "Stb. 2020, 1"</script></body>'),
    ).toBe('x\n');
  });
});
