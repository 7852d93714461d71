import type { DatasetStatus } from '../messaging/contract';
import { t } from '../ui/i18n';

export function DatasetLine({ status }: { status: DatasetStatus }) {
  return (
    <p class="dataset" data-testid="dataset-status">
      {t('popup_dataset', [status.version.slice(0, 12), status.dataAsOf, String(status.recordCount)])}
    </p>
  );
}
