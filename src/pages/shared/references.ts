/** Reference files from lookup answers: what the popup and the notes page export. */
import { toCsl, type CslItem } from '../../core/cite/csl';
import { REFERENCE_FILES, writeReferences, type ReferenceFormat } from '../../core/cite/export';
import type { LookupResult } from '../../core/dataset/types';
import { uiLanguage } from '../../ui/i18n';

/** One CSL item per id, in order, each once; ids that cannot be cited are left out. */
export function referenceItems(
  ids: readonly string[],
  results: ReadonlyMap<string, LookupResult>,
): CslItem[] {
  const language = uiLanguage().startsWith('en') ? 'en' : 'nl';
  const seen = new Set<string>();
  const items: CslItem[] = [];
  for (const id of ids) {
    const item = toCsl(id, results.get(id), language);
    if (!item || seen.has(item.id)) continue;
    seen.add(item.id);
    items.push(item);
  }
  return items;
}

/** Writes the items in `format` and hands the file to the browser's downloads. */
export function downloadReferences(items: CslItem[], format: ReferenceFormat, baseName: string): void {
  const { extension, mimeType } = REFERENCE_FILES[format];
  const url = URL.createObjectURL(new Blob([writeReferences(items, format)], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${baseName}.${extension}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `bronwijzer-www.tweedekamer.nl-2025-06-04`: safe as a file name. */
export function referenceFileName(label: string): string {
  const day = new Date().toISOString().slice(0, 10);
  return `bronwijzer-${label.replace(/[^a-z0-9.-]+/gi, '-').replace(/^-|-$/g, '')}-${day}`;
}
