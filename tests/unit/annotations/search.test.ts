import { describe, expect, it } from 'vitest';
import { markDeleted, updateAnnotation, type Annotation } from '../../../src/core/annotations/model';
import {
  AnnotationSearchIndex,
  foldText,
  groupByCitation,
  groupByPage,
  parseQuery,
  siteOf,
} from '../../../src/core/annotations/search';
import { rng } from '../../../scripts/lib/rng';
import { makeNote } from './helpers';

function ids(list: Annotation[]): string[] {
  return list.map((a) => a.id);
}

describe('text helpers', () => {
  it('folds case, diacritics and whitespace', () => {
    expect(foldText('Financiële  Ondersteuning\u00a0Curaçao')).toBe('financiele ondersteuning curacao');
  });

  it('parses terms and quoted phrases', () => {
    expect(parseQuery('  Resolutie "vrouwen, vrede"  1325 "open')).toEqual([
      'resolutie',
      'vrouwen, vrede',
      '1325',
      'open',
    ]);
    expect(parseQuery('   ')).toEqual([]);
  });

  it('derives the site without www', () => {
    expect(siteOf('https://www.tweedekamer.nl/x?y=1')).toBe('tweedekamer.nl');
    expect(siteOf('https://zoek.officielebekendmakingen.nl/kst-36600-V-46.html')).toBe(
      'zoek.officielebekendmakingen.nl',
    );
    expect(siteOf('not a url')).toBe('');
  });
});

describe('AnnotationSearchIndex', () => {
  const t0 = new Date('2025-01-01T00:00:00Z').getTime();
  const at = (minutes: number) => new Date(t0 + minutes * 60_000);
  const a = makeNote({
    body: 'Vraag de minister naar de financiële gevolgen',
    tags: ['Begroting', 'opvolgen'],
    title: 'Antwoord op Kamervragen',
    now: at(1),
  });
  const b = makeNote({
    body: 'Kern van het VN-beleid',
    citation: { id: 'unsc-1325', kind: 'unsc' },
    url: 'https://zoek.officielebekendmakingen.nl/kst-36600-V-46.html',
    title: 'Motie over vrouwen, vrede en veiligheid',
    now: at(2),
  });
  const c = makeNote({
    body: 'Zie ook de memorie van toelichting',
    citation: { id: 'kst-36600-V-46', kind: 'kamerstuk' },
    tags: ['opvolgen'],
    now: at(3),
  });
  const deleted = markDeleted(makeNote({ body: 'weggegooid financiële', now: at(4) }), at(5));
  const index = new AnnotationSearchIndex([a, b, c, deleted]);

  it('searches note text, quote, tags, title and citation id, newest first', () => {
    expect(ids(index.search({ text: 'financiele' }))).toEqual([a.id]);
    expect(ids(index.search({ text: 'RESOLUTIE 1325' }))).toEqual([c.id, b.id, a.id]); // the quote
    expect(ids(index.search({ text: 'begroting' }))).toEqual([a.id]);
    expect(ids(index.search({ text: 'kamervragen' }))).toEqual([a.id]);
    expect(ids(index.search({ text: 'unsc-1325' }))).toEqual([b.id]);
    expect(ids(index.search({ text: 'kst-36600' }))).toEqual([c.id]);
    expect(ids(index.search({ text: 'officielebekendmakingen' }))).toEqual([b.id]);
    expect(ids(index.search({}))).toEqual([c.id, b.id, a.id]);
  });

  it('requires every term, and a quoted phrase as a whole', () => {
    expect(ids(index.search({ text: 'minister gevolgen' }))).toEqual([a.id]);
    expect(ids(index.search({ text: 'minister memorie' }))).toEqual([]);
    expect(ids(index.search({ text: '"gevolgen de minister"' }))).toEqual([]);
  });

  it('filters by tag, site and kind', () => {
    expect(ids(index.search({ tags: ['OPVOLGEN'] }))).toEqual([c.id, a.id]);
    expect(ids(index.search({ tags: ['opvolgen', 'begroting'] }))).toEqual([a.id]);
    expect(ids(index.search({ site: 'zoek.officielebekendmakingen.nl' }))).toEqual([b.id]);
    expect(ids(index.search({ site: 'www.tweedekamer.nl' }))).toEqual([c.id, a.id]);
    expect(ids(index.search({ kind: 'unsc' }))).toEqual([b.id]);
    expect(ids(index.search({ kind: 'passage' }))).toEqual([a.id]);
    expect(ids(index.search({ kind: 'kamerstuk', text: 'memorie', tags: ['opvolgen'] }))).toEqual([c.id]);
  });

  it('leaves the trash out unless asked', () => {
    expect(ids(index.search({ text: 'weggegooid' }))).toEqual([]);
    expect(ids(index.search({ text: 'weggegooid', includeDeleted: true }))).toEqual([deleted.id]);
    expect(ids(index.search({ limit: 2 }))).toEqual([c.id, b.id]);
  });

  it('lists tags and sites with counts', () => {
    expect(index.tags()).toEqual([
      { tag: 'opvolgen', count: 2 },
      { tag: 'Begroting', count: 1 },
    ]);
    expect(index.sites()).toEqual([
      { site: 'tweedekamer.nl', count: 2 },
      { site: 'zoek.officielebekendmakingen.nl', count: 1 },
    ]);
  });

  it('follows edits and removals', () => {
    const local = new AnnotationSearchIndex([a, b]);
    local.upsert(updateAnnotation(b, { body: 'nu over stikstof' }, at(10)));
    expect(ids(local.search({ text: 'stikstof' }))).toEqual([b.id]);
    expect(ids(local.search({ text: 'vn-beleid' }))).toEqual([]);
    local.remove(a.id);
    expect(local.size).toBe(1);
    expect(local.get(a.id)).toBeUndefined();
  });

  it('keeps up with typing over 10,000 notes', () => {
    const random = rng(3);
    const words = [
      'motie',
      'begroting',
      'stikstof',
      'vrouwen',
      'vrede',
      'veiligheid',
      'Curaçao',
      'financiële',
      'kabinet',
    ];
    const notes: Annotation[] = [];
    for (let i = 0; i < 10_000; i++) {
      const body = Array.from({ length: 30 }, () => words[Math.floor(random() * words.length)]).join(' ');
      notes.push(makeNote({ body: `${body} ${i}`, tags: [words[i % words.length]!], now: at(i) }));
    }
    const t1 = performance.now();
    const big = new AnnotationSearchIndex(notes);
    const build = performance.now() - t1;
    const query = 'financiele vrede 4242';
    let worst = 0;
    let last: Annotation[] = [];
    for (let n = 1; n <= query.length; n++) {
      const t2 = performance.now();
      last = big.search({ text: query.slice(0, n) });
      worst = Math.max(worst, performance.now() - t2);
    }
    expect(last.map((x) => x.body.endsWith(' 4242'))).toContain(true);
    // Typically a few ms per keystroke; the bound leaves room for a slow CI machine.
    expect(worst).toBeLessThan(100);
    expect(build).toBeLessThan(2_000);
  });
});

describe('grouping', () => {
  const at = (minutes: number) => new Date(Date.UTC(2025, 0, 1, 0, minutes));
  const p1 = 'https://www.tweedekamer.nl/a';
  const p2 = 'https://www.rijksoverheid.nl/b';
  const n1 = makeNote({ url: p1, title: 'Oud', now: at(1), citation: { id: 'unsc-1325', kind: 'unsc' } });
  const n2 = makeNote({ url: p2, title: 'Tweede', now: at(2), citation: { id: 'unsc-1325', kind: 'unsc' } });
  const n3 = makeNote({ url: p1, title: 'Nieuw', now: at(3) });

  it('groups by page, newest page and note first', () => {
    const groups = groupByPage([n1, n2, n3]);
    expect(groups.map((g) => [g.url, g.title, g.site, ids(g.annotations)])).toEqual([
      [p1, 'Nieuw', 'tweedekamer.nl', [n3.id, n1.id]],
      [p2, 'Tweede', 'rijksoverheid.nl', [n2.id]],
    ]);
  });

  it('groups by citation id across pages, leaving passages out', () => {
    const groups = groupByCitation([n1, n2, n3]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ citationId: 'unsc-1325', kind: 'unsc', pages: [p2, p1] });
    expect(ids(groups[0]!.annotations)).toEqual([n2.id, n1.id]);
  });
});
