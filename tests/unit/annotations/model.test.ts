import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../src/core/annotations/anchor';
import {
  ANNOTATION_SCHEMA_VERSION,
  AnnotationValidationError,
  createAnnotation,
  markDeleted,
  markRestored,
  migrateAnnotation,
  nextTimestamp,
  normalizePageUrl,
  normalizeTags,
  positionSelectorOf,
  quoteSelectorOf,
  updateAnnotation,
  validateAnnotation,
  type Annotation,
} from '../../../src/core/annotations/model';

const TEXT = 'De Veiligheidsraad nam resolutie 1325 (2000) aan over vrouwen, vrede en veiligheid.';
const NOW = new Date('2025-01-31T12:00:00.000Z');

function note(overrides: Partial<Parameters<typeof createAnnotation>[0]> = {}): Annotation {
  return createAnnotation(
    {
      url: 'https://www.tweedekamer.nl/kamerstukken/detail?id=2025D01234#antwoord-2',
      title: '  Antwoord op\nvragen  ',
      selectors: describeRange(TEXT, 23, 44),
      citation: { id: 'unsc-1325', kind: 'unsc' },
      body: 'Belangrijk <b>niet vet</b>',
      tags: [' VN ', 'vn', 'Opvolgen', ''],
      ...overrides,
    },
    { now: NOW, id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b' },
  );
}

function problems(value: unknown): string[] {
  const result = validateAnnotation(value);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('createAnnotation', () => {
  it('builds a normalized annotation of the current schema', () => {
    const a = note();
    expect(a).toEqual({
      schemaVersion: ANNOTATION_SCHEMA_VERSION,
      id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      created: '2025-01-31T12:00:00.000Z',
      updated: '2025-01-31T12:00:00.000Z',
      url: 'https://www.tweedekamer.nl/kamerstukken/detail?id=2025D01234',
      title: 'Antwoord op vragen',
      target: {
        source: 'https://www.tweedekamer.nl/kamerstukken/detail?id=2025D01234',
        selectors: describeRange(TEXT, 23, 44),
        citationId: 'unsc-1325',
        citationKind: 'unsc',
      },
      body: 'Belangrijk <b>niet vet</b>',
      colour: 'yellow',
      tags: ['VN', 'Opvolgen'],
    });
    expect(quoteSelectorOf(a)?.exact).toBe('resolutie 1325 (2000)');
    expect(positionSelectorOf(a)).toEqual({ type: 'TextPositionSelector', start: 23, end: 44 });
  });

  it('gives each note a fresh UUID by default', () => {
    const input = { url: 'https://example.org/', selectors: describeRange(TEXT, 0, 2) };
    const [a, b] = [createAnnotation(input), createAnnotation(input)];
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.id).not.toBe(b.id);
  });

  it('throws one error listing every problem', () => {
    let error: unknown;
    try {
      createAnnotation({
        url: 'geen url',
        selectors: [{ type: 'TextPositionSelector', start: 5, end: 2 }],
        colour: 'magenta' as never,
        citation: { id: '' },
        body: 'x'.repeat(60_000),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AnnotationValidationError);
    expect((error as AnnotationValidationError).issues.map((i) => i.path)).toEqual([
      'url',
      'target.selectors[0].end',
      'target.selectors',
      'target.citationId',
      'body',
      'colour',
    ]);
    expect((error as Error).message).toContain(
      'target.selectors: expected exactly one TextQuoteSelector, found 0',
    );
    expect((error as Error).message).toContain('body: is too long (60000 characters, at most 50000)');
  });
});

describe('validateAnnotation', () => {
  it('accepts a valid annotation and drops unknown fields', () => {
    const result = validateAnnotation({ ...note(), extra: 'x' });
    expect(result.ok && result.value).toEqual(note());
  });

  it('stores times in canonical UTC form so they compare as strings', () => {
    const result = validateAnnotation({ ...note(), updated: '2025-02-01T13:00:00+01:00' });
    expect(result.ok && result.value.updated).toBe('2025-02-01T12:00:00.000Z');
  });

  it('names the path and the problem', () => {
    expect(problems(null)).toEqual([': expected an annotation object, got null']);
    const a = note() as unknown as Record<string, unknown>;
    expect(problems({ ...a, id: 'abc', created: '31-01-2025' })).toEqual([
      'id: expected a UUID, got "abc"',
      'created: expected an ISO 8601 date-time like "2025-01-31T12:00:00.000Z", got "31-01-2025"',
    ]);
    expect(
      problems({
        ...a,
        url: 'https://example.org/x#frag',
        target: { ...note().target, source: 'https://example.org/x#frag' },
      }),
    ).toEqual(['url: expected the normalized URL without fragment (https://example.org/x)']);
    expect(problems({ ...a, tags: ['a', 'A', ' b', 7] })).toEqual([
      'tags[1]: duplicate tag "A"',
      'tags[2]: expected a trimmed, non-empty tag',
      'tags[3]: expected a string, got number 7',
    ]);
    expect(problems({ ...a, target: { ...note().target, citationKind: 'motie' } })).toEqual([
      'target.citationKind: expected a citation kind (unsc, kamerstuk, …), got "motie"',
    ]);
    expect(problems({ ...a, schemaVersion: 1 })).toEqual(['schemaVersion: expected 3, got number 1']);
    expect(problems({ ...a, deletedAt: 'soon' })[0]).toMatch(/^deletedAt: expected an ISO 8601/);
  });
});

describe('migrateAnnotation', () => {
  it('upgrades a v1 record, adding colour and tags and changing nothing else', () => {
    const current = note({ tags: [] });
    const v1: Record<string, unknown> = { ...current, schemaVersion: 1 };
    delete v1.colour;
    delete v1.tags;
    expect(migrateAnnotation(v1)).toEqual({ ok: true, value: current });
    expect(migrateAnnotation(current)).toEqual({ ok: true, value: current });
  });

  it('refuses records from a newer schema with an explanation', () => {
    const result = migrateAnnotation({ ...note(), schemaVersion: 4 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]!.message).toMatch(/newer version of Bronwijzer \(schema 4\)/);
  });
});

describe('updates', () => {
  it('edits and bumps updated strictly, even within the same millisecond', () => {
    const a = note();
    const b = updateAnnotation(a, { body: 'nieuw', colour: 'blue', tags: ['x', 'X', 'y '] }, NOW);
    expect(b).toMatchObject({
      body: 'nieuw',
      colour: 'blue',
      tags: ['x', 'y'],
      updated: '2025-01-31T12:00:00.001Z',
    });
    expect(b.created).toBe(a.created);
    expect(() => updateAnnotation(a, { colour: 'red' as never })).toThrow(/colour: expected one of/);
  });

  it('soft-deletes and restores, moving updated forward each time', () => {
    const a = note();
    const later = new Date('2025-02-01T00:00:00.000Z');
    const deleted = markDeleted(a, later);
    expect(deleted.deletedAt).toBe('2025-02-01T00:00:00.000Z');
    expect(deleted.updated).toBe(deleted.deletedAt);
    const restored = markRestored(deleted, later);
    expect(restored.deletedAt).toBeUndefined();
    expect('deletedAt' in restored).toBe(false);
    expect(restored.updated > deleted.updated).toBe(true);
  });

  it('normalizes tags, URLs and timestamps', () => {
    expect(normalizeTags(['  a  b ', 'A B', '', 'c'])).toEqual(['a b', 'c']);
    expect(normalizePageUrl(' https://Example.org/a b#x ')).toBe('https://example.org/a%20b');
    expect(() => normalizePageUrl('/relative')).toThrow(AnnotationValidationError);
    expect(() => normalizePageUrl('javascript:alert(1)')).toThrow(/http\(s\) URL/);
    expect(nextTimestamp(undefined, NOW)).toBe(NOW.toISOString());
    expect(nextTimestamp('2030-01-01T00:00:00.000Z', NOW)).toBe('2030-01-01T00:00:00.001Z');
  });
});
