/**
 * The name a downloaded original gets: the server's own (Content-Disposition), else the address's last segment
 * when it names a file, else the document's title, else the last segment; always with the kind's extension and
 * without characters a file system refuses.
 */
export function originalFileName(source: {
  kind: 'pdf' | 'docx';
  /** From the response's Content-Disposition header (PDF.js reads it). */
  contentDispositionFilename?: string | null;
  /** The web address, or the local file's name. */
  address?: string;
  title?: string;
}): string {
  const extension = `.${source.kind}`;
  const segment = lastSegment(source.address);
  const candidates = [
    source.contentDispositionFilename?.split(/[\\/]/).pop(), // a name, never a path
    segment?.toLowerCase().endsWith(extension) ? segment : undefined,
    source.title,
    segment,
  ];
  const base = candidates.map((candidate) => safeName(candidate ?? '')).find((name) => name !== '');
  const name = base ?? 'document';
  return name.toLowerCase().endsWith(extension) ? name : `${name}${extension}`;
}

function lastSegment(address: string | undefined): string | undefined {
  if (!address) return undefined;
  try {
    const segment = new URL(address).pathname.split('/').pop() ?? '';
    return decodeURIComponent(segment);
  } catch {
    return address.split(/[\\/]/).pop(); // a local file's name
  }
}

/** The name without control and reserved characters (path separators too) or leading dots, at most 150 long. */
function safeName(name: string): string {
  return name
    .replace(/[\p{Cc}<>:"/\\|?*]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 150)
    .trim();
}
