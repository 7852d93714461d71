import { useState } from 'preact/hooks';
import { tCount, t } from '../../ui/i18n';

/** Shown over the trash: how long notes stay there, and "empty now" (asked twice, it cannot be undone). */
export function TrashBar({ count, onEmpty }: { count: number; onEmpty: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  return (
    <div class="trash-bar" data-testid="trash-bar">
      <p>{t('trash_explained', undefined, 'Notes in the trash are removed for good after 30 days.')}</p>
      {count > 0 &&
        (asking ? (
          <span class="trash-confirm">
            {tCount('trash_empty_confirm', count)}{' '}
            <button
              type="button"
              class="trash-empty-yes danger"
              onClick={() => void onEmpty().finally(() => setAsking(false))}
            >
              {t('trash_empty_yes', undefined, 'Empty the trash')}
            </button>{' '}
            <button type="button" class="trash-empty-no" onClick={() => setAsking(false)}>
              {t('note_cancel', undefined, 'Cancel')}
            </button>
          </span>
        ) : (
          <button type="button" class="trash-empty" onClick={() => setAsking(true)}>
            {t('trash_empty_now', undefined, 'Empty now')}
          </button>
        ))}
    </div>
  );
}
