import type { LookupResult } from '../../core/dataset/types';
import type { PlacedCitation } from '../citation-layer';
import { confidenceLabel, kindLabel, linkLabel, t } from '../../ui/i18n';
import { trusted } from '../../ui/trusted';

export interface TooltipProps {
  placed: PlacedCitation;
  /** undefined while the batch lookup is still on its way; null when it failed. */
  result: LookupResult | null | undefined;
  copied: boolean;
  /** Opened from the keyboard: the card takes focus and acts as a non-modal dialog. */
  focusable: boolean;
  onCopy: () => void;
  onClose: () => void;
  /** Opens the note form for this citation (absent where notes are not available). */
  onSaveNote?: () => void;
}

/** The card shown for one citation. Every string is rendered as text by Preact, never parsed as HTML. */
export function Tooltip({ placed, result, copied, focusable, onCopy, onClose, onSaveNote }: TooltipProps) {
  const { citation } = placed;
  return (
    <div
      class="card"
      role={focusable ? 'dialog' : 'tooltip'}
      aria-labelledby="bronwijzer-tooltip-kind bronwijzer-tooltip-title"
      tabIndex={focusable ? -1 : undefined}
      id="bronwijzer-tooltip"
      data-citation-id={citation.id}
      lang={navigatorLanguage()}
    >
      <div class="header">
        <span class="kind" id="bronwijzer-tooltip-kind">
          {kindLabel(citation.kind)}
        </span>
        <button type="button" class="close" aria-label={t('tooltip_close')} onClick={onClose}>
          ×
        </button>
      </div>
      {result === undefined && <p class="muted">{t('tooltip_loading')}</p>}
      {result === null && <p class="muted">{t('tooltip_unavailable')}</p>}
      {result && (
        <>
          <p class="title" id="bronwijzer-tooltip-title">
            {result.title}
          </p>
          {result.date && (
            <p class="date">
              {t('date_label')}: <time dateTime={result.date}>{formatDate(result.date)}</time>
              {result.factVerification?.date === 'unverified' && (
                <span class="fact-unverified"> ({t('fact_unverified')})</span>
              )}
            </p>
          )}
          {result.summary && <p class="summary">{result.summary}</p>}
          {citation.extras?.relatedDossiers?.length ? (
            <p class="related">
              {t('tooltip_related')}: {citation.extras.relatedDossiers.map(dossierLabel).join(', ')}
            </p>
          ) : null}
          <p class={`confidence confidence-${result.confidence}`}>{confidenceLabel(result.confidence)}</p>
          {result.links.length > 0 && (
            <ul class="links">
              {result.links.map((link) => (
                <li key={link.url}>
                  <a href={link.url} target="_blank" rel="noopener noreferrer">
                    {linkLabel(link)}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div class="actions">
        <button type="button" class="copy" onClick={onCopy}>
          {copied ? t('tooltip_copied') : t('tooltip_copy')}
        </button>
        {onSaveNote && (
          <button type="button" class="copy save-note" onClick={trusted(onSaveNote)}>
            {t('tooltip_save_note')}
          </button>
        )}
        <code class="id">{citation.id}</code>
      </div>
    </div>
  );
}

function navigatorLanguage(): string {
  return t('@@ui_locale').replace('_', '-');
}

function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(navigatorLanguage(), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** `kst-36180` → "36 180", `kst-36600-V` → "36 600 V": the way the documents write it. */
function dossierLabel(id: string): string {
  const [, number = id, suffix] = /^kst-(\d+)(?:-(.+))?$/.exec(id) ?? [];
  const spaced = number.replace(/\B(?=(\d{3})+$)/g, ' ');
  return suffix ? `${spaced} ${suffix}` : spaced;
}
