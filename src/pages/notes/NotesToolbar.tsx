import { useState } from 'preact/hooks';
import type { ExportFormat } from '../../core/annotations/export';
import { t } from '../../ui/i18n';

interface Props {
  busy: boolean;
  onExport: (format: ExportFormat, includeTrash: boolean) => void;
  onImport: (input: HTMLInputElement) => void;
}

/** Export (with or without the trash, said in the file and its name) and import. */
export function NotesToolbar({ busy, onExport, onImport }: Props) {
  const [includeTrash, setIncludeTrash] = useState(false);
  const button = (format: ExportFormat, label: string) => (
    <button type="button" data-export={format} disabled={busy} onClick={() => onExport(format, includeTrash)}>
      {label}
    </button>
  );
  return (
    <div class="toolbar">
      <span class="toolbar-label">{t('notes_export', undefined, 'Export')}:</span>
      {button('jsonld', 'JSON-LD')}
      {button('markdown', 'Markdown')}
      {button('csv', 'CSV')}
      <label class="check">
        <input
          type="checkbox"
          data-export-option="trash"
          checked={includeTrash}
          onChange={(event) => setIncludeTrash(event.currentTarget.checked)}
        />
        {t('notes_export_with_trash', undefined, 'with the trash')}
      </label>
      <label class="import">
        {t('notes_import', undefined, 'Import JSON-LD…')}
        <input
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          data-testid="import-file"
          disabled={busy}
          onChange={(event) => onImport(event.currentTarget)}
        />
      </label>
    </div>
  );
}
