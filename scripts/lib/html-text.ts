/**
 * The text of an HTML document as the content script sees it (src/content/page-text.ts on main): text nodes of the
 * body in document order, entities decoded, a newline where a block element (including table cells) starts or ends
 * unless the text already ends with one, and nothing from script/style/noscript/template, form controls, hidden or
 * aria-hidden elements. A small dependency-free tokenizer: good enough for saved pages, not a full HTML parser.
 */

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'svg',
  'canvas',
  'iframe',
  'object',
  'head',
  'title',
]);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  laquo: '\u00ab',
  raquo: '\u00bb',
  hellip: '\u2026',
  euro: '\u20ac',
  shy: '\u00ad',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  zwnj: '\u200c',
  zwj: '\u200d',
  middot: '\u00b7',
  bull: '\u2022',
  deg: '\u00b0',
  sect: '\u00a7',
  para: '\u00b6',
  copy: '\u00a9',
  reg: '\u00ae',
  times: '\u00d7',
  minus: '\u2212',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  auml: 'ä',
  ccedil: 'ç',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  euml: 'ë',
  iacute: 'í',
  igrave: 'ì',
  icirc: 'î',
  iuml: 'ï',
  oacute: 'ó',
  ograve: 'ò',
  ocirc: 'ô',
  ouml: 'ö',
  uacute: 'ú',
  ugrave: 'ù',
  ucirc: 'û',
  uuml: 'ü',
  Eacute: 'É',
  Euml: 'Ë',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (m, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return m;
      return String.fromCodePoint(code);
    }
    return ENTITIES[body] ?? m;
  });
}

const TAG_RE =
  /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]{0,4000}"|'[^']{0,4000}')*)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[^>]*>/g;
const HIDDEN_RE =
  /(?:^|\s)hidden(?:\s|=|\/|$)|aria-hidden\s*=\s*["']?true|contenteditable(?:\s*=\s*["']?(?!false)[a-z]*)?/i;

export function htmlToText(source: string): string {
  // The content script reads document.body.
  const bodyAt = source.search(/<body[\s>]/i);
  const html = bodyAt >= 0 ? source.slice(bodyAt) : source;
  const out: string[] = [];
  let endsWithBreak = true;
  /** Tag name and nesting depth of the element whose subtree is being skipped. */
  let skipping: { name: string; depth: number } | undefined;
  let last = 0;
  const pushText = (raw: string): void => {
    if (!raw) return;
    const data = decodeEntities(raw);
    out.push(data);
    endsWithBreak = data.endsWith('\n');
  };
  const pushBreak = (): void => {
    if (endsWithBreak) return;
    out.push('\n');
    endsWithBreak = true;
  };
  TAG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG_RE.exec(html))) {
    if (!skipping) pushText(html.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[2]?.toLowerCase();
    if (!name) continue; // comment, doctype, CDATA, processing instruction
    const closing = m[1] === '/';
    const attrs = m[3] ?? '';
    const selfClosing = VOID.has(name) || attrs.endsWith('/');
    if (skipping) {
      if (name === skipping.name && !selfClosing) {
        skipping.depth += closing ? -1 : 1;
        if (skipping.depth === 0) skipping = undefined;
      }
      continue;
    }
    if (!closing && (SKIP.has(name) || HIDDEN_RE.test(attrs))) {
      if (!selfClosing) skipping = { name, depth: 1 };
      continue;
    }
    if (BLOCK.has(name)) pushBreak();
  }
  if (!skipping) pushText(html.slice(last));
  return out.join('');
}
