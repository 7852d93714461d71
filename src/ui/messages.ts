/**
 * The `_locales/<lang>/messages.json` format, read by hand: browser.i18n always answers in the
 * browser's language, so a language chosen in the options is served from the file itself.
 */
export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export type MessageCatalog = Record<string, MessageEntry>;

/** Chrome's substitution rules: `$NAME$` → its placeholder's content, then `$1`…`$9`, `$$` → `$`. */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[] = []): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]),
  );
  const named = entry.message.replace(
    /\$([A-Za-z0-9_@]+)\$/g,
    (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole,
  );
  return named.replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}

/** Keeps only well-formed entries, with lower-case keys (message names are case-insensitive). */
export function parseCatalog(json: unknown): MessageCatalog {
  const catalog: MessageCatalog = {};
  if (typeof json !== 'object' || json === null) return catalog;
  for (const [key, value] of Object.entries(json)) {
    if (typeof value === 'object' && value !== null && typeof (value as MessageEntry).message === 'string')
      catalog[key.toLowerCase()] = value as MessageEntry;
  }
  return catalog;
}
