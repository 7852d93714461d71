import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deterministicZip, type ZipEntry } from '../../../scripts/zip';

const bytes = (text: string) => new TextEncoder().encode(text);
const entries: ZipEntry[] = [
  { path: 'manifest.json', data: bytes('{"manifest_version":3}') },
  { path: 'assets/a.js', data: bytes('console.log(1)') },
  { path: '.ci/run', data: bytes('#!/bin/sh\n'), mode: 0o755 },
];

describe('deterministicZip', () => {
  it('gives the same bytes for the same files, whatever their order', () => {
    expect(deterministicZip(entries)).toEqual(deterministicZip([...entries].reverse()));
  });

  it('round-trips the contents, in sorted order', () => {
    const files = unzipSync(deterministicZip(entries));
    expect(Object.keys(files)).toEqual(['.ci/run', 'assets/a.js', 'manifest.json']);
    expect(new TextDecoder().decode(files['assets/a.js'])).toBe('console.log(1)');
  });

  it('rejects paths that would escape or clash', () => {
    for (const path of ['/etc/passwd', '../x', 'a\\b', ''])
      expect(() => deterministicZip([{ path, data: bytes('') }])).toThrow();
    expect(() => deterministicZip([entries[0]!, entries[0]!])).toThrow(/duplicate/);
  });
});
