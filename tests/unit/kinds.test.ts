/**
 * Every citation kind has what the product shows for it: a label in Dutch and English, an id that parses back to
 * itself, source links and a description. A kind added without one of them fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CITATION_KINDS, CITATION_KIND_INFO } from '../../src/core/citation';
import { describe as describeId } from '../../src/core/dataset/describe';
import type { ReferenceRecord } from '../../src/core/dataset/types';
import { normalizeId, parseId } from '../../src/core/ids';
import { sourceLinks } from '../../src/core/links';

const messages = (language: string): Record<string, { message: string }> =>
  JSON.parse(
    readFileSync(new URL(`../../public/_locales/${language}/messages.json`, import.meta.url), 'utf8'),
  );
const catalogs = { nl: messages('nl'), en: messages('en') };
/** The bundled dataset, as the worker answers from it (a treaty's links come from its record). */
const dataset = JSON.parse(readFileSync(new URL('../../data/dataset.json', import.meta.url), 'utf8')) as {
  records: ReferenceRecord[];
};
const records = new Map(dataset.records.map((record) => [record.id, record]));

describe.each(CITATION_KINDS)('kind %s', (kind) => {
  const example = CITATION_KIND_INFO[kind].example;

  it('has a label in Dutch and in English', () => {
    const key = `kind_${kind.replace('-', '_')}`;
    expect(catalogs.nl[key]?.message.trim()).toBeTruthy();
    expect(catalogs.en[key]?.message.trim()).toBeTruthy();
  });

  it('has an example id that parses back to itself, as this kind', () => {
    const parsed = parseId(example);
    expect(parsed?.kind).toBe(kind);
    expect(parsed?.id).toBe(example);
    expect(normalizeId(parsed!.id)).toBe(example);
  });

  it('has source links', () => {
    const links = sourceLinks(example, records.get(example), { resolutionYear: 2000 });
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.url).toMatch(/^https:\/\/[^\s]+$/);
  });

  it('has a description', () => {
    const result = describeId(example, (key) => records.get(key));
    expect(result?.kind).toBe(kind);
    expect(result?.title.trim()).toBeTruthy();
    expect(result?.links.length).toBeGreaterThan(0);
  });
});
