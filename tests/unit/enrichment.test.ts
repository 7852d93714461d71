import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import {
  ENRICH_PER_PAGE,
  OnlineEnrichment,
  PageEnrichmentBudget,
} from '../../src/background/online-enrichment';
import type { LookupResult } from '../../src/core/dataset/types';
import {
  documentQuery,
  dossierQuery,
  readDocuments,
  readDossiers,
} from '../../src/core/enrichment/tk-open-data';
import { parseId, type KamerstukId } from '../../src/core/ids';

const kst = (id: string) => parseId(id) as KamerstukId;
const unknown = (id: string): LookupResult => ({
  id,
  kind: 'kamerstuk',
  known: false,
  label: `Kamerstuk ${id}`,
  title: `Kamerstuk ${id} — Tweede Kamer`,
  confidence: 'parsed',
  scope: 'none',
  links: [],
});

const DOSSIER_ANSWER = { value: [{ Nummer: 36987, Toevoeging: null, Titel: 'Wet voorbeeldregels' }] };
const DOCUMENT_ANSWER = {
  value: [
    {
      Volgnummer: 12,
      Soort: 'Memorie van toelichting',
      Titel: 'Wet voorbeeldregels',
      Onderwerp: 'Memorie van toelichting',
      Datum: '2025-03-04T00:00:00+01:00',
      Kamerstukdossier: [{ Nummer: 36987, Toevoeging: null }],
    },
  ],
};

describe('Tweede Kamer open data queries', () => {
  it('asks for dossiers and documents by number, suffix and volgnummer', () => {
    const dossiers = decodeURIComponent(dossierQuery([kst('kst-36987-12'), kst('kst-36600-V-46')]));
    expect(dossiers).toContain(
      '/Kamerstukdossier?$filter=Verwijderd eq false and ((Nummer eq 36987 and Toevoeging eq null)',
    );
    expect(dossiers).toContain("(Nummer eq 36600 and Toevoeging eq 'V')");
    const documents = decodeURIComponent(documentQuery([kst('kst-36600-V-46')]));
    expect(documents).toContain(
      "(Volgnummer eq 46 and Kamerstukdossier/any(d: d/Nummer eq 36600 and d/Toevoeging eq 'V'))",
    );
  });

  it('reads answers and skips what is malformed', () => {
    expect(readDossiers(DOSSIER_ANSWER).get('kst-36987')).toBe('Wet voorbeeldregels');
    expect(readDocuments(DOCUMENT_ANSWER).get('kst-36987-12')).toEqual({
      id: 'kst-36987-12',
      title: 'Memorie van toelichting',
      type: 'Memorie van toelichting',
      date: '2025-03-04',
    });
    expect(readDossiers({ value: [{ Nummer: 'x' }, null] }).size).toBe(0);
    expect(readDocuments('<html>').size).toBe(0);
  });
});

describe('OnlineEnrichment', () => {
  let n = 0;
  const make = (
    enabled: boolean,
    fetch = vi.fn(async (url: string) => (url.includes('/Document?') ? DOCUMENT_ANSWER : DOSSIER_ANSWER)),
  ) => ({
    fetch,
    enrichment: new OnlineEnrichment(fetch, async () => enabled, `enrichment-test-${++n}`),
  });

  it('sends nothing when switched off', async () => {
    const { fetch, enrichment } = make(false);
    const results = [unknown('kst-36987-12')];
    expect(await enrichment.enrich(results)).toEqual(results);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fills in unknown Kamerstukken once, then answers from its cache', async () => {
    const { fetch, enrichment } = make(true);
    const [result] = await enrichment.enrich([unknown('kst-36987-12')]);
    expect(result).toMatchObject({ known: true, date: '2025-03-04', confidence: 'verified' });
    expect(result!.title).toContain('Memorie van toelichting');
    expect(result!.fields?.source).toBe('Tweede Kamer open data');
    expect(fetch).toHaveBeenCalledTimes(2);
    await enrichment.enrich([unknown('kst-36987-12')]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps the bundled answer when the service fails', async () => {
    const { enrichment } = make(
      true,
      vi.fn(async () => {
        throw new Error('offline');
      }),
    );
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const results = [unknown('kst-36987-12')];
    expect(await enrichment.enrich(results)).toEqual(results);
  });
});

describe('asking less', () => {
  it('enriches only as many unknown Kamerstukken as it is allowed, in order', async () => {
    const fetch = vi.fn(async (url: string) =>
      url.includes('/Document?') ? DOCUMENT_ANSWER : DOSSIER_ANSWER,
    );
    const enrichment = new OnlineEnrichment(fetch, async () => true, 'enrichment-test-limit');
    const [first, second] = await enrichment.enrich([unknown('kst-36987-12'), unknown('kst-36988-3')], 1);
    expect(first!.known).toBe(true);
    expect(second).toEqual(unknown('kst-36988-3'));
    expect(decodeURIComponent(fetch.mock.calls.map(([url]) => url).join(' '))).not.toContain('36988');
    expect(await enrichment.enrich([unknown('kst-36988-3')], 0)).toEqual([unknown('kst-36988-3')]);
  });

  it('grants a page at most its budget, kept in storage across worker restarts', async () => {
    const stored = new Map<string, unknown>();
    const storage = {
      get: async (key: string) => (stored.has(key) ? { [key]: stored.get(key) } : {}),
      set: async (items: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(items)) stored.set(key, value);
      },
    } as unknown as ConstructorParameters<typeof PageEnrichmentBudget>[0];
    const page = { tabId: 3, pageUrl: 'https://www.tweedekamer.nl/a' };
    expect(await new PageEnrichmentBudget(storage).take(page, 15)).toBe(15);
    // A new worker (new object) reads what was used.
    expect(await new PageEnrichmentBudget(storage).take(page, 15)).toBe(ENRICH_PER_PAGE - 15);
    expect(await new PageEnrichmentBudget(storage).take(page, 1)).toBe(0);
    expect(await new PageEnrichmentBudget(storage).take({ ...page, tabId: 4 }, 1)).toBe(1);
  });
});
