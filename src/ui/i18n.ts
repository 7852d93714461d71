import browser from 'webextension-polyfill';
import type { CitationKind } from '../core/citation';
import type { Confidence, SourceLink } from '../core/dataset/types';
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
