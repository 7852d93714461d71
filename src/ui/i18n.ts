import browser from 'webextension-polyfill';
import type { CitationKind } from '../core/citation';
import type {
  Confidence,
  LookupResult,
  SourceLink,
  SuffixInference,
  SuffixReason,
} from '../core/dataset/types';
import { formatDossierNumber } from '../core/ids';
import type { UiLanguage } from '../core/settings';
import { formatMessage, parseCatalog, type MessageCatalog } from './messages';

/** Set when the options force a language: browser.i18n cannot switch at run time, so we read the file. */
let forced: { language: 'nl' | 'en'; catalog: MessageCatalog } | undefined;

/** A localized UI string from _locales; `fallback` (else the key) when a message is missing, never blank. */
export function t(key: string, substitutions?: string[], fallback = key): string {
  if (forced) {
    if (key === '@@ui_locale') return forced.language;
    const entry = forced.catalog[key.toLowerCase()];
    if (entry) return formatMessage(entry, substitutions) || fallback;
  }
  return browser.i18n.getMessage(key, substitutions) || fallback;
}

/**
 * A message that counts something, in the right plural form for the UI language: `<key>_one` or
 * `<key>_other` (nl and en have just these two), with the count as `$1` and `extra` after it.
 */
export function tCount(key: string, count: number, extra: string[] = []): string {
  const form = new Intl.PluralRules(uiLanguage()).select(count) === 'one' ? 'one' : 'other';
  const substitutions = [String(count), ...extra];
  return t(`${key}_${form}`, substitutions, t(`${key}_other`, substitutions));
}

/** The language the UI speaks now, as a BCP 47 tag for `lang` attributes and date formats. */
export function uiLanguage(): string {
  return t('@@ui_locale', undefined, 'nl').replace('_', '-');
}

export type CatalogLoader = (language: 'nl' | 'en') => Promise<unknown>;

/** An extension page or the worker reads the file itself (a content script asks the worker). */
export const fetchCatalog: CatalogLoader = async (language) => {
  const response = await fetch(browser.runtime.getURL(`_locales/${language}/messages.json`));
  if (!response.ok) throw new Error(`No messages for ${language} (${response.status}).`);
  return response.json();
};

/** Switches every later `t` call to `language` ('auto': the browser's). Falls back to auto on failure. */
export async function applyLanguage(language: UiLanguage, load: CatalogLoader = fetchCatalog): Promise<void> {
  if (language === 'auto') {
    forced = undefined;
    return;
  }
  try {
    forced = { language, catalog: parseCatalog(await load(language)) };
  } catch (error) {
    console.warn('Bronwijzer: language file unavailable', error);
    forced = undefined;
  }
}

export const kindLabel = (kind: CitationKind): string => t(`kind_${kind.replace('-', '_')}`);
export const confidenceLabel = (confidence: Confidence): string => t(`confidence_${confidence}`);
export const linkLabel = (link: SourceLink): string =>
  link.key ? t(`link_${link.key.replace('-', '_')}`, undefined, link.label) : link.label;

/** How the card's facts were obtained, said plainly: about the exact item, only its dossier, or the id alone. */
export function provenanceLabel(result: LookupResult): string {
  if (result.inference?.chosen) return t('doc_prov_inferred');
  if (result.scope === 'dossier') return t('doc_prov_dossier');
  if (result.scope === 'none') return t(result.inference ? 'doc_prov_ambiguous' : 'doc_prov_none');
  if (result.how === 'stated') return t('doc_prov_stated');
  if (result.how === 'title' || result.how === 'title-list') return t('doc_prov_title');
  if (result.how === 'number') return t('doc_prov_number');
  return confidenceLabel(result.confidence);
}

/** Why a suffixless citation was read as one document, or that the words around it point to none. */
export function inferenceSentence(inference: SuffixInference): string {
  const chosen = inference.alternatives.find((a) => a.id === inference.chosen);
  return chosen
    ? t('doc_inferred', [chosen.label, inference.reasons.map(reasonLabel).join('; ')])
    : t('doc_ambiguous', [String(inference.alternatives.length)]);
}

/** One piece of evidence for an inferred dossier suffix, in words. */
export function reasonLabel(reason: SuffixReason): string {
  if (reason.kind === 'page') {
    const [, number = '', suffix = ''] = /^kst-(\d+)-?(.*)$/.exec(reason.value) ?? [];
    return t('doc_reason_page', [`${formatDossierNumber(number)} ${suffix}`.trim()]);
  }
  return t(`doc_reason_${reason.kind}`, [reason.value]);
}
