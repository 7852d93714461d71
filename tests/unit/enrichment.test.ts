import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { OnlineEnrichment } from '../../src/background/online-enrichment';
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
