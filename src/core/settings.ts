/**
 * User settings: one versioned record, validated on every read so a damaged or older value
 * falls back to defaults field by field instead of breaking the extension.
 */
import { CITATION_KINDS, isCitationKind, type CitationKind } from './citation';

export const SETTINGS_VERSION = 1;

export type UiLanguage = 'auto' | 'nl' | 'en';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Kinds that are highlighted; others are ignored on pages. */
  enabledKinds: CitationKind[];
  /** Delay before a tooltip opens under a resting pointer. */
  tooltipDelayMs: number;
  language: UiLanguage;
  /** Opt-in: ask the Tweede Kamer open data API about Kamerstukken the bundle does not know. */
  onlineEnrichment: boolean;
  /** Official sites the user switched off (host names). */
  disabledHosts: string[];
  /** Sites the user added beyond the official list, as match patterns (`https://example.org/*`). */
  extraSites: string[];
  /** A PDF from an official site opens in Bronwijzer's reader instead of the browser's viewer. */
  openPdfsInReader: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabledKinds: [...CITATION_KINDS],
  tooltipDelayMs: 250,
  language: 'auto',
  onlineEnrichment: false,
  disabledHosts: [],
  extraSites: [],
  openPdfsInReader: true,
};

export const TOOLTIP_DELAY_RANGE = { min: 0, max: 2000 } as const;

const HOST_RE = /^[a-z0-9.-]+$/;
const SITE_PATTERN_RE = /^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/;

export function isSitePattern(value: string): boolean {
  return SITE_PATTERN_RE.test(value);
}

/** Reads whatever is stored into valid settings; unknown or broken fields take their default. */
export function normalizeSettings(stored: unknown): Settings {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<
    Record<keyof Settings, unknown>
  >;
  const strings = (list: unknown): string[] =>
    Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  const delay = Number(value.tooltipDelayMs);
  return {
    version: SETTINGS_VERSION,
    enabledKinds: Array.isArray(value.enabledKinds)
      ? CITATION_KINDS.filter((kind) => (value.enabledKinds as unknown[]).includes(kind))
      : DEFAULT_SETTINGS.enabledKinds,
    tooltipDelayMs: Number.isFinite(delay)
      ? Math.min(TOOLTIP_DELAY_RANGE.max, Math.max(TOOLTIP_DELAY_RANGE.min, Math.round(delay)))
      : DEFAULT_SETTINGS.tooltipDelayMs,
    language: value.language === 'nl' || value.language === 'en' ? value.language : 'auto',
    onlineEnrichment: value.onlineEnrichment === true,
    disabledHosts: [
      ...new Set(
        strings(value.disabledHosts)
          .map((h) => h.toLowerCase())
          .filter((h) => HOST_RE.test(h)),
      ),
    ],
    extraSites: [...new Set(strings(value.extraSites).filter(isSitePattern))],
    openPdfsInReader: value.openPdfsInReader !== false,
  };
}

export function kindEnabled(settings: Pick<Settings, 'enabledKinds'>, kind: string): boolean {
  return isCitationKind(kind) && settings.enabledKinds.includes(kind);
}
