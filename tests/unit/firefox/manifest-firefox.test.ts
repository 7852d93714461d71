import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import {
  CHROME_ONLY_KEYS,
  CHROME_ONLY_PERMISSIONS,
  FIREFOX_MIN_VERSION,
  GECKO_ID,
  toFirefoxManifest,
  type ChromeManifestInput,
} from '../../../scripts/manifest-firefox';

describe('toFirefoxManifest', () => {
  it('turns the service worker into a module background script and adds the gecko settings', () => {
    const firefox = toFirefoxManifest(manifest);
    expect(firefox.background).toEqual({ scripts: [manifest.background.service_worker], type: 'module' });
    expect(firefox.browser_specific_settings.gecko).toEqual({
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      data_collection_permissions: { required: ['none'] },
    });
    // Everything else is the Chrome manifest unchanged (less what only Chromium knows): one source of truth.
    const rest: Record<string, unknown> = { ...firefox };
    const chromeRest: Record<string, unknown> = {
      ...manifest,
      permissions: manifest.permissions.filter(
        (p) => !(CHROME_ONLY_PERMISSIONS as readonly string[]).includes(p),
      ),
    };
    delete rest.background;
    delete rest.browser_specific_settings;
    delete chromeRest.background;
    for (const key of CHROME_ONLY_KEYS) delete chromeRest[key];
    expect(rest).toEqual(chromeRest);
  });

  it('does not change its input', () => {
    const input = structuredClone(manifest);
    toFirefoxManifest(input);
    expect(input).toEqual(manifest);
  });

  it('drops what only Chromium understands', () => {
    const chrome: ChromeManifestInput & Record<string, unknown> = {
      manifest_version: 3,
      name: 'x',
      version: '1.0.0',
      minimum_chrome_version: '120',
      key: 'MIIB…',
      update_url: 'https://example.org/updates.xml',
      side_panel: { default_path: 'panel.html' },
      incognito: 'split',
      permissions: ['storage', 'sidePanel', 'offscreen'],
      optional_permissions: ['tabs', 'tabGroups'],
      optional_host_permissions: ['https://*/*'],
      commands: { toggle: { description: 'Toggle' } },
      background: { service_worker: 'bg.ts' },
    };
    const firefox = toFirefoxManifest(chrome) as unknown as Record<string, unknown>;
    for (const key of ['minimum_chrome_version', 'key', 'update_url', 'side_panel', 'incognito'])
      expect(firefox).not.toHaveProperty(key);
    expect(firefox.permissions).toEqual(['storage']);
    expect(firefox.optional_permissions).toEqual(['tabs']);
    expect(firefox.optional_host_permissions).toEqual(['https://*/*']);
    expect(firefox.commands).toEqual({ toggle: { description: 'Toggle' } });
    expect(firefox.background).toEqual({ scripts: ['bg.ts'] });
  });

  it('keeps gecko settings already present but always sets id, minimum version and data collection', () => {
    const firefox = toFirefoxManifest({
      manifest_version: 3,
      browser_specific_settings: { gecko: { id: 'old@id', update_url: 'https://example.org/u.json' } },
    });
    expect(firefox.browser_specific_settings.gecko).toMatchObject({
      id: GECKO_ID,
      update_url: 'https://example.org/u.json',
      data_collection_permissions: { required: ['none'] },
    });
  });

  it('refuses Manifest V2', () => {
    expect(() => toFirefoxManifest({ manifest_version: 2 })).toThrow(/Manifest V3/);
  });
});
