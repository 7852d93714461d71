/**
 * The text of an HTML document as the content script sees it: the text of the body (text nodes as they are,
 * entities decoded), skipping script/style/noscript/template, with a line break between block elements and a
 * tab between table cells. A small dependency-free tokenizer: good enough for saved pages, not a full HTML parser.
 */

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'svg',
  'math',
  'iframe',
  'object',
]);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
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
  'tfoot',
  'thead',
  'tr',
  'ul',
]);
const CELL = new Set(['td', 'th']);

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
  /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[^>]*>/g;

export function htmlToText(html: string): string {
  // Start at <body> when there is one.
  const bodyAt = html.search(/<body\b/i);
  const src = bodyAt >= 0 ? html.slice(bodyAt) : html;
  const out: string[] = [];
  let skipping: string | undefined;
  let last = 0;
  const newline = (): void => {
    const prev = out.length ? out[out.length - 1]! : '';
    if (out.length && !prev.endsWith('\n')) out.push('\n');
  };
  TAG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG_RE.exec(src))) {
    if (!skipping && m.index > last) out.push(decodeEntities(src.slice(last, m.index)));
    last = m.index + m[0].length;
    const name = m[2]?.toLowerCase();
    if (!name) continue; // comment, doctype, CDATA
    const closing = m[1] === '/';
    if (skipping) {
      if (closing && name === skipping) skipping = undefined;
      continue;
    }
    if (SKIP.has(name) && !closing && m[3] !== '/') {
      skipping = name;
      continue;
    }
    if (BLOCK.has(name)) newline();
    else if (CELL.has(name) && !closing) {
      const prev = out.length ? out[out.length - 1]! : '';
      if (out.length && !prev.endsWith('\n') && !prev.endsWith('\t')) out.push('\t');
    }
  }
  if (!skipping && last < src.length) out.push(decodeEntities(src.slice(last)));
  return out.join('').replace(/^\n+/, '');
}
