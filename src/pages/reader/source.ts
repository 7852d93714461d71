/**
 * Which document the reader opens, from its own address:
 * - `?file=<encoded URL>`: the popup and the context menu;
 * - `#<URL>`: a PDF intercepted on a covered site (a declarativeNetRequest redirect appends the original address
 *   as it was requested, unencoded, and a fragment never reaches a server).
 * Only http(s) addresses are accepted.
 */
export function documentAddress(
  location: Pick<Location, 'search' | 'hash'>,
): { address: string; intercepted: boolean } | undefined {
  const fromQuery = new URLSearchParams(location.search).get('file');
  const candidate = fromQuery ?? (location.hash.length > 1 ? location.hash.slice(1) : undefined);
  if (!candidate) return undefined;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return { address: url.href, intercepted: fromQuery === null };
  } catch {
    return undefined;
  }
}

/** A document's kind from its name or address. */
export function documentKind(name: string, mimeType = ''): 'pdf' | 'docx' | undefined {
  if (mimeType === 'application/pdf') return 'pdf';
  if (mimeType === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  const path = name.split(/[?#]/, 1)[0]!.toLowerCase();
  if (path.endsWith('.docx')) return 'docx';
  if (path.endsWith('.pdf')) return 'pdf';
  return undefined;
}
