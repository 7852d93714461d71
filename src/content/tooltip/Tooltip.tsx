import { useState } from 'preact/hooks';
import { documentTypeName } from '../../core/cite/doc-types';
import type { LookupResult, SuffixAlternative } from '../../core/dataset/types';
import { relatedDossierLinks, sourceLinks } from '../../core/links';
import type { PlacedCitation } from '../citation-layer';
import { inferenceSentence, kindLabel, linkLabel, provenanceLabel, t, uiLanguage } from '../../ui/i18n';
import { formatDay } from '../../ui/format';
import { trusted } from '../../ui/trusted';

export interface TooltipProps {
  placed: PlacedCitation;
  /** undefined while the batch lookup is still on its way; null when it failed. */
  result: LookupResult | null | undefined;
  copied: boolean;
  /** Opened from the keyboard: the card takes focus and acts as a non-modal dialog. */
  focusable: boolean;
  /** Copies the citation of what the card shows (the answer, or an alternative the reader picked). */
  onCopy: (shown: LookupResult | null | undefined) => void;
  onClose: () => void;
  /** Opens the note form for this citation (absent where notes are not available). */
  onSaveNote?: () => void;
}

/** An alternative the reader picked, as an answer of its own: it is one of the data's documents. */
function alternativeResult(base: LookupResult, alt: SuffixAlternative): LookupResult {
  const out: LookupResult = {
    id: alt.id,
    kind: 'kamerstuk',
    known: true,
    label: alt.label,
    title: alt.title,
    confidence: 'verified',
    scope: 'item',
    titleLang: 'nl',
    links: sourceLinks(alt.id),
  };
  if (alt.date) out.date = alt.date;
  if (alt.docType) out.docType = alt.docType;
  if (alt.sessionYear) out.sessionYear = alt.sessionYear;
  if (base.inference) out.inference = { ...base.inference, chosen: alt.id };
  return out;
}

/** The card shown for one citation. Every string is rendered as text by Preact, never parsed as HTML. */
export function Tooltip({ placed, result, copied, focusable, onCopy, onClose, onSaveNote }: TooltipProps) {
  const { citation } = placed;
  const [picked, setPicked] = useState<string>();
  const language = uiLanguage().startsWith('en') ? 'en' : 'nl';
  const alternative = picked && result?.inference?.alternatives.find((a) => a.id === picked);
  const shown = result && alternative ? alternativeResult(result, alternative) : result;
  const related = citation.extras?.relatedDossiers ?? [];
  return (
    <div
      class="card"
      role={focusable ? 'dialog' : 'tooltip'}
      aria-labelledby="bronwijzer-tooltip-kind bronwijzer-tooltip-title"
      tabIndex={focusable ? -1 : undefined}
      id="bronwijzer-tooltip"
      data-citation-id={citation.id}
      lang={uiLanguage()}
    >
      <div class="header">
        <span class="kind" id="bronwijzer-tooltip-kind">
          {kindLabel(citation.kind)}
        </span>
        <button type="button" class="close" aria-label={t('tooltip_close')} onClick={onClose}>
          ×
        </button>
      </div>
      {shown === undefined && <p class="muted">{t('tooltip_loading')}</p>}
      {shown === null && <p class="muted">{t('tooltip_unavailable')}</p>}
      {shown && (
        <>
          {shown.label && shown.label !== shown.title && (
            <p class="label" data-testid="tooltip-label">
              {shown.label}
            </p>
          )}
          {shown.docType && <DocType type={shown.docType} language={language} />}
          <p class="title" id="bronwijzer-tooltip-title" lang={shown.titleLang}>
            {shown.title}
          </p>
          {shown.dossierTitle && (
            <p class="dossier">
              {t('doc_dossier')}: <span lang="nl">{shown.dossierTitle}</span>
            </p>
          )}
          {shown.date && (
            <p class="date">
              {t('date_label')}: <time dateTime={shown.date}>{formatDay(shown.date)}</time>
              {shown.factVerification?.date === 'unverified' && (
                <span class="fact-unverified"> ({t('fact_unverified')})</span>
              )}
            </p>
          )}
          {shown.summary && (
            <p class="summary" lang={shown.kind === 'unsc' ? 'en' : undefined}>
              {shown.summary}
            </p>
          )}
          {related.length > 0 && (
            <p class="related">
              {t('tooltip_related')}:{' '}
              {relatedDossierLinks(related).map((link, i) => (
                <>
                  {i > 0 && ', '}
                  <a key={link.url} href={link.url} target="_blank" rel="noopener noreferrer">
                    {dossierLabel(related[i]!)}
                  </a>
                </>
              ))}
            </p>
          )}
          {result?.inference && <Inference result={result} picked={picked} onPick={setPicked} />}
          <p
            class={`confidence confidence-${alternative ? 'picked' : shown.confidence}`}
            data-testid="provenance"
          >
            {alternative ? t('doc_picked') : provenanceLabel(shown)}
          </p>
          {shown.links.length > 0 && (
            <ul class="links">
              {shown.links.map((link) => (
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
        <button type="button" class="copy" onClick={() => onCopy(shown)}>
          {copied ? t('tooltip_copied') : t('tooltip_copy')}
        </button>
        {onSaveNote && (
          <button type="button" class="copy save-note" onClick={trusted(onSaveNote)}>
            {t('tooltip_save_note')}
          </button>
        )}
        <code class="id">{shown?.inference?.chosen ?? citation.id}</code>
      </div>
    </div>
  );
}

function DocType({ type, language }: { type: string; language: 'nl' | 'en' }) {
  const name = documentTypeName(type, language);
  return (
    <p class="doc-type" lang={name.lang}>
      {name.text}
    </p>
  );
}

/** Why one document was chosen for a suffixless number, and every candidate one click away. */
function Inference({
  result,
  picked,
  onPick,
}: {
  result: LookupResult;
  picked: string | undefined;
  onPick: (id: string | undefined) => void;
}) {
  const inference = result.inference!;
  const [open, setOpen] = useState(false);
  return (
    <div class="inference" data-testid="inference">
      <p>{inferenceSentence(inference)}</p>
      <button type="button" class="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('doc_alternatives', [String(inference.alternatives.length)])}
      </button>
      {open && (
        <ul class="alternatives">
          {inference.alternatives.map((alt) => (
            <li key={alt.id}>
              <button
                type="button"
                class="alternative"
                aria-pressed={(picked ?? inference.chosen) === alt.id}
                data-alternative-id={alt.id}
                onClick={() => onPick(alt.id === inference.chosen ? undefined : alt.id)}
              >
                <span class="alt-label">{alt.label}</span>{' '}
                <span class="alt-title" lang="nl">
                  {alt.title}
                </span>
                {alt.date && <span class="alt-date"> ({formatDay(alt.date)})</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** `kst-36180` → "36 180", `kst-36600-V` → "36 600 V": the way the documents write it. */
function dossierLabel(id: string): string {
  const [, number = id, suffix] = /^kst-(\d+)(?:-(.+))?$/.exec(id) ?? [];
  const spaced = number.replace(/\B(?=(\d{3})+$)/g, ' ');
  return suffix ? `${spaced} ${suffix}` : spaced;
}
