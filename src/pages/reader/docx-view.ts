/**
 * Word documents: mammoth turns a .docx into simple semantic HTML (headings, paragraphs, lists, tables, links,
 * footnotes). That HTML is document text, so it is never assigned to innerHTML: it is parsed into an inert
 * document and rebuilt element by element from an allow-list, text as text, links only to http(s) and to the
 * document's own footnotes. The result is an ordinary DOM, read and annotated exactly like a web page.
 */
import mammoth from 'mammoth';

const ALLOWED = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'LI',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TD',
  'TH',
  'STRONG',
  'EM',
  'B',
  'I',
  'U',
  'S',
  'SUP',
  'SUB',
  'BR',
  'A',
  'BLOCKQUOTE',
  'PRE',
  'CODE',
  'SPAN',
  'HR',
]);

export interface DocxContent {
  fragment: DocumentFragment;
  /** What mammoth could not convert (unknown styles, …): shown nowhere, logged for diagnostics. */
  messages: string[];
}

export async function convertDocx(data: ArrayBuffer, doc: Document): Promise<DocxContent> {
  const { value, messages } = await mammoth.convertToHtml({ arrayBuffer: data });
  const inert = new DOMParser().parseFromString(value, 'text/html');
  const fragment = doc.createDocumentFragment();
  for (const child of inert.body.childNodes) appendSafe(child, fragment, doc);
  return { fragment, messages: messages.map((message) => message.message) };
}

function appendSafe(node: Node, parent: Node, doc: Document): void {
  if (node.nodeType === Node.TEXT_NODE) {
    parent.appendChild(doc.createTextNode((node as Text).data));
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const source = node as Element;
  const tag = source.tagName.toUpperCase();
  // An unknown element keeps its text: its children are appended where it stood.
  const target = ALLOWED.has(tag) ? doc.createElement(tag.toLowerCase()) : parent;
  if (target !== parent) {
    copySafeAttributes(source, target as Element);
    parent.appendChild(target);
  }
  for (const child of source.childNodes) appendSafe(child, target, doc);
}

function copySafeAttributes(source: Element, target: Element): void {
  const id = source.getAttribute('id');
  // Footnote anchors ("footnote-1", "footnote-ref-1") link the text and its notes.
  if (id && /^[\w-]+$/.test(id)) target.setAttribute('id', id);
  if (source.tagName.toUpperCase() !== 'A') return;
  const href = source.getAttribute('href') ?? '';
  if (/^#[\w-]+$/.test(href)) target.setAttribute('href', href);
  else if (/^https?:\/\//i.test(href)) {
    target.setAttribute('href', href);
    target.setAttribute('target', '_blank');
    target.setAttribute('rel', 'noopener noreferrer');
  }
}
