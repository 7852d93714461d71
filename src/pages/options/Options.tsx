import { useEffect, useState } from 'preact/hooks';
import type { DatasetStatus } from '../../messaging/contract';
import { askBackground } from '../../messaging/client';
import { t } from '../../ui/i18n';
import { DatasetLine } from '../DatasetLine';

export function Options() {
  const [dataset, setDataset] = useState<DatasetStatus>();
  useEffect(() => {
    void askBackground('datasetStatus', {}).then(setDataset, () => undefined);
  }, []);
  return (
    <main>
      <h1>{t('options_title')}</h1>
      {dataset && <DatasetLine status={dataset} />}
    </main>
  );
}
