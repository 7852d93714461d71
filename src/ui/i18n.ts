import browser from 'webextension-polyfill';
import type { CitationKind } from '../core/citation';
import type { Confidence, SourceLink } from '../core/dataset/types';

/** A localized UI string from _locales; `fallback` (else the key) when a message is missing, never blank. */
export function t(key: string, substitutions?: string[], fallback = key): string {
  return browser.i18n.getMessage(key, substitutions) || fallback;
}

export const kindLabel = (kind: CitationKind): string => t(`kind_${kind.replace('-', '_')}`);
export const confidenceLabel = (confidence: Confidence): string => t(`confidence_${confidence}`);
export const linkLabel = (link: SourceLink): string =>
  link.key ? t(`link_${link.key.replace('-', '_')}`, undefined, link.label) : link.label;
