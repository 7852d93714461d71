import { useState } from 'preact/hooks';
import { t } from '../../ui/i18n';
import { downloadOriginal, type OriginalFile } from './original-file';

/** The toolbar's download and print buttons for the open document. */
export function DocumentActions({ original, print }: { original: OriginalFile; print: () => Promise<void> }) {
  const [printing, setPrinting] = useState(false);
  return (
    <span class="group" role="group" aria-label={t('reader_file')}>
      <button
        type="button"
        data-testid="reader-download"
        title={t('reader_download_title', [original.name])}
        onClick={() => void downloadOriginal(original)}
      >
        {t('reader_download')}
      </button>
      <button
        type="button"
        data-testid="reader-print"
        aria-busy={printing}
        disabled={printing}
        onClick={() => {
          setPrinting(true);
          void print().finally(() => setPrinting(false));
        }}
      >
        {printing ? t('reader_printing') : t('reader_print')}
      </button>
    </span>
  );
}
