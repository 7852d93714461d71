import { describe, expect, it } from 'vitest';
import { hostOfPattern, patternCoversHost, sitePatternFor } from '../../src/core/sites';
import { formatMessage, parseCatalog } from '../../src/ui/messages';

describe('site patterns', () => {
  it('reads a host, an address or a pattern as one https site', () => {
    expect(sitePatternFor('www.example.org')).toBe('https://www.example.org/*');
    expect(sitePatternFor(' https://WWW.Example.org/some/page?x=1 ')).toBe('https://www.example.org/*');
    expect(sitePatternFor('https://*.example.org/*')).toBe('https://*.example.org/*');
  });

  it('refuses anything broader or other than one https site', () => {
    for (const input of [
      '',
      'http://www.example.org/',
      'localhost',
      '<all_urls>',
      'https://*/*',
      'file:///x',
    ])
      expect(sitePatternFor(input)).toBeUndefined();
  });

  it('matches hosts', () => {
    expect(hostOfPattern('https://www.example.org/*')).toBe('www.example.org');
    expect(patternCoversHost('https://www.example.org/*', 'www.example.org')).toBe(true);
    expect(patternCoversHost('https://www.example.org/*', 'example.org')).toBe(false);
    expect(patternCoversHost('https://*.example.org/*', 'a.b.example.org')).toBe(true);
    expect(patternCoversHost('https://*.example.org/*', 'example.org')).toBe(true);
    expect(patternCoversHost('https://*.example.org/*', 'badexample.org')).toBe(false);
  });
});

describe('messages.json formatting', () => {
  it('substitutes named placeholders and positional arguments as Chrome does', () => {
    const entry = {
      message: 'Dataset $VERSION$ (as of $Date$), $COUNT$ records, $$5',
      placeholders: { version: { content: '$1' }, date: { content: '$2' }, count: { content: '$3' } },
    };
    expect(formatMessage(entry, ['v1', '2025-01-01', '42'])).toBe(
      'Dataset v1 (as of 2025-01-01), 42 records, $5',
    );
    expect(formatMessage({ message: 'a $1 b' })).toBe('a  b');
  });

  it('keeps only well-formed entries, keyed case-insensitively', () => {
    expect(parseCatalog({ Hello: { message: 'hi' }, broken: { text: 'x' }, other: 3 })).toEqual({
      hello: { message: 'hi' },
    });
    expect(parseCatalog(null)).toEqual({});
  });
});

describe('the manifest', () => {
  it('holds host permissions for exactly the sites the content script covers (the reader fetches their PDFs)', async () => {
    const { default: manifest } = await import('../../manifest.json', { with: { type: 'json' } });
    const covered = manifest.content_scripts.flatMap((script) => script.matches);
    expect([...manifest.host_permissions].sort()).toEqual([...covered].sort());
    for (const host of ['repository.overheid.nl', 'www.rechtspraak.nl', 'tweedekamer.nl', 'rijksoverheid.nl'])
      expect(covered).toContain(`https://${host}/*`);
  });
});
