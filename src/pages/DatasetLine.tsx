import type { DatasetStatus } from '../messaging/contract';
import { t, uiLanguage } from '../ui/i18n';

/** The bundled data's date and what it holds, then its version hash. */
export function DatasetLine({ status }: { status: DatasetStatus }) {
  const count = (n: number | undefined) => new Intl.NumberFormat(uiLanguage()).format(n ?? 0);
  const { unsc, treaty, kamerstuk, documents } = status.contents;
  return (
    <p class="dataset" data-testid="dataset-status">
      {t('dataset_line', [
        status.dataAsOf,
        count(unsc),
        count(treaty),
        count(kamerstuk),
        count(documents),
        status.version.slice(0, 12),
      ])}
    </p>
  );
}
