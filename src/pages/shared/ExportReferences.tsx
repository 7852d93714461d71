import { useState } from 'preact/hooks';
import { REFERENCE_FORMATS, type ReferenceFormat } from '../../core/cite/export';
import type { LookupResult } from '../../core/dataset/types';
import { t } from '../../ui/i18n';
import { downloadReferences, referenceFileName, referenceItems } from './references';

const FORMAT_NAMES: Record<ReferenceFormat, string> = {
  'csl-json': 'CSL-JSON',
  ris: 'RIS (Zotero, Mendeley, EndNote)',
  bibtex: 'BibTeX (BibLaTeX)',
  csv: 'CSV',
};

/** Exports the references of `ids` (a page's citations, the notes shown) as a file for a reference manager. */
export function ExportReferences({
  ids,
  results,
  fileLabel,
  heading,
}: {
  ids: readonly string[];
  results: ReadonlyMap<string, LookupResult>;
  fileLabel: string;
  heading: string;
}) {
  const [format, setFormat] = useState<ReferenceFormat>('ris');
  const [status, setStatus] = useState('');
  const exportNow = () => {
    const items = referenceItems(ids, results);
    downloadReferences(items, format, referenceFileName(fileLabel));
    setStatus(t('export_done', [String(items.length)]));
  };
  return (
    <section class="export-references" aria-labelledby="export-references-heading">
      <h2 id="export-references-heading">{heading}</h2>
      <div class="export-row">
        <label>
          <span class="visually-hidden">{t('export_format')}</span>
          <select
            name="referenceFormat"
            value={format}
            onChange={(event) => setFormat(event.currentTarget.value as ReferenceFormat)}
          >
            {REFERENCE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_NAMES[f]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="export-button" disabled={ids.length === 0} onClick={exportNow}>
          {t('export_button', [String(new Set(ids).size)])}
        </button>
      </div>
      <p class="muted" role="status" data-testid="export-status">
        {status}
      </p>
    </section>
  );
}
