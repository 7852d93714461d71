/**
 * The ids of the document a page itself is, read from its address: a Tweede Kamer document number
 * ("…/detail?id=2025Z09876&did=2025D23456") and an officielebekendmakingen.nl publication ("…/kst-26150-223.html").
 * A citation with such an id on that page is the document itself, not a reference to another one.
 */
import { normalizeId, parseId } from './ids';

/** A Tweede Kamer document number anywhere in the address (the zaak number names the matter, not the page). */
const TK_DOCUMENT_RE = /(?:^|[^0-9A-Za-z])((?:19|20)\d\dD\d{5})(?![0-9A-Za-z])/g;
/** The last path segment of a publication page: "kst-26150-223.html", "h-tk-20242025-45-12.html". */
const PUBLICATION_RE = /\/((?:kst|h|ah|stb|stcrt|trb)-[0-9A-Za-z-]+)(?:\.html?)?$/;

export function ownDocumentIds(address: string): Set<string> {
  const own = new Set<string>();
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return own;
  }
  const where = decodeURIComponent(url.pathname + url.search);
  for (const m of where.matchAll(TK_DOCUMENT_RE)) own.add(m[1]!);
  const publication = PUBLICATION_RE.exec(url.pathname);
  if (publication && parseId(publication[1]!)) own.add(normalizeId(publication[1]!));
  return own;
}
