import browser from 'webextension-polyfill';
import type { CitationKind } from '../core/citation';
import type { Confidence } from '../core/dataset/types';

/** A localized UI string from _locales; the key itself when a message is missing (visible, never blank). */
export function t(key: string, substitutions?: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export const kindLabel = (kind: CitationKind): string => t(`kind_${kind.replace('-', '_')}`);
export const confidenceLabel = (confidence: Confidence): string => t(`confidence_${confidence}`);
