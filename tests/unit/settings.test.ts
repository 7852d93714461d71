import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, kindEnabled, normalizeSettings } from '../../src/core/settings';

describe('settings', () => {
  it('gives defaults for nothing stored or garbage', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('broken')).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ tooltipDelayMs: 'soon', language: 'fr', onlineEnrichment: 'yes' })).toEqual(
      DEFAULT_SETTINGS,
    );
  });

  it('keeps valid fields and drops invalid entries field by field', () => {
    const settings = normalizeSettings({
      enabledKinds: ['unsc', 'nonsense', 'treaty'],
      tooltipDelayMs: 99_999,
      language: 'en',
      onlineEnrichment: true,
      disabledHosts: ['www.rijksoverheid.nl', 'WWW.TWEEDEKAMER.NL', 'bad host!'],
      extraSites: ['https://www.example.org/*', 'http://insecure.example/*', '<all_urls>'],
    });
    expect(settings.enabledKinds).toEqual(['unsc', 'treaty']);
    expect(settings.tooltipDelayMs).toBe(2000);
    expect(settings.language).toBe('en');
    expect(settings.onlineEnrichment).toBe(true);
    expect(settings.disabledHosts).toEqual(['www.rijksoverheid.nl', 'www.tweedekamer.nl']);
    expect(settings.extraSites).toEqual(['https://www.example.org/*']);
    expect(kindEnabled(settings, 'unsc')).toBe(true);
    expect(kindEnabled(settings, 'kamerstuk')).toBe(false);
  });
});

describe('opening PDFs in the reader', () => {
  it('is on unless switched off explicitly', () => {
    expect(normalizeSettings({}).openPdfsInReader).toBe(true);
    expect(normalizeSettings({ openPdfsInReader: 'no' }).openPdfsInReader).toBe(true);
    expect(normalizeSettings({ openPdfsInReader: false }).openPdfsInReader).toBe(false);
  });
});
