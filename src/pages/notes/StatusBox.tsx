import { t } from '../../ui/i18n';

export type Status = { kind: 'info' | 'error'; lines: string[] } | undefined;

/** The outcome of an export or import (errors listed one per line), dismissable. */
export function StatusBox({ status, onDismiss }: { status: NonNullable<Status>; onDismiss: () => void }) {
  const [first, ...rest] = status.lines;
  return (
    <div class={`status status-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
      <p>{first}</p>
      {rest.length > 0 && (
        <ul>
          {rest.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <button type="button" class="dismiss" aria-label={t('tooltip_close')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
