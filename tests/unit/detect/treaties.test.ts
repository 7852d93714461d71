import { describe, expect, it } from 'vitest';
import { found, ids } from './helpers';

describe('treaties by name', () => {
  it('Dutch popular names and compounds, with a VN- prefix and a stray space', () => {
    const text =
      'het bindende VN-Vrouwenrechtenverdrag (1979) en het VN- Vrouwenrechtenverdrag en het VN-wapenhandelsverdrag ' +
      'en het Wapenhandelsverdrag';
    expect(found(text)).toEqual([
      ['treaty-cedaw', 'VN-Vrouwenrechtenverdrag'],
      ['treaty-cedaw', 'VN- Vrouwenrechtenverdrag'],
      ['treaty-att', 'VN-wapenhandelsverdrag'],
      ['treaty-att', 'Wapenhandelsverdrag'],
    ]);
  });

  it('official Dutch titles, qualifiers included', () => {
    expect(
      found('kwam tot stand het Statuut van Rome inzake het Internationaal Strafhof (Trb. 2000, 120)'),
    ).toEqual([
      ['treaty-rome-statute', 'Statuut van Rome inzake het Internationaal Strafhof'],
      ['trb-2000-120', 'Trb. 2000, 120'],
    ]);
    expect(
      ids('het Verdrag tot bescherming van de rechten van de mens en de fundamentele vrijheden'),
    ).toEqual(['treaty-echr']);
    expect(ids('het Raamverdrag van de Verenigde Naties inzake klimaatverandering')).toEqual([
      'treaty-unfccc',
    ]);
    expect(ids('het Verdrag inzake de rechten van personen met een handicap')).toEqual(['treaty-crpd']);
  });

  it('popular names: Statuut van Rome, Vluchtelingenverdrag, Verdrag van Istanbul, Overeenkomst van Parijs', () => {
    expect(
      ids(
        'het Statuut van Rome, het Vluchtelingenverdrag, het Verdrag van Istanbul en de Overeenkomst van Parijs',
      ),
    ).toEqual(['treaty-rome-statute', 'treaty-refugees-1951', 'treaty-istanbul', 'treaty-paris-agreement']);
    expect(ids('Kyotoprotocol, het Kyoto-protocol en de overeenkomst van Parijs')).toEqual([
      'treaty-kyoto',
      'treaty-kyoto',
      'treaty-paris-agreement',
    ]);
  });

  it('spelling variants: no linking -s-, adjective endings, hyphenation, case', () => {
    expect(ids('een internationaal wapenhandelverdrag')).toEqual(['treaty-att']);
    expect(
      ids('het Chemische Wapenverdrag en het Non-Proliferatieverdrag en het Non-proliferatieverdrag'),
    ).toEqual(['treaty-cwc', 'treaty-npt', 'treaty-npt']);
  });

  it('compounds ending in a one-word name', () => {
    expect(found('het Anti-Landmijnenverdrag en het Clustermunitieverdrag.')).toEqual([
      ['treaty-apmbc', 'Anti-Landmijnenverdrag'],
      ['treaty-ccm', 'Clustermunitieverdrag'],
    ]);
  });

  it('descriptions matched against the titles', () => {
    expect(
      found(
        'het VN-Verdrag inzake het gebruik van conventionele wapens, het Verdrag inzake biologische en ziekteverwekkende wapens, het',
      ),
    ).toEqual([
      ['treaty-ccw', 'VN-Verdrag inzake het gebruik van conventionele wapens'],
      ['treaty-bwc', 'Verdrag inzake biologische en ziekteverwekkende wapens'],
    ]);
  });

  it('capitalised and lower-case paraphrases of a title', () => {
    expect(found('het VN-Verdrag voor de Rechten van het Kind (IVRK) is')).toEqual([
      ['treaty-crc', 'VN-Verdrag voor de Rechten van het Kind'],
      ['treaty-crc', 'IVRK'],
    ]);
    expect(ids('het verdrag inzake de rechten van het kind door de algemene vergadering')).toEqual([
      'treaty-crc',
    ]);
    expect(ids('het meest geratificeerde VN-mensenrechtenverdrag; partij bij het Verdrag')).toEqual([]);
  });

  it('English titles and names', () => {
    expect(found('the Arms Trade Treaty (ATT) and the Paris Agreement')).toEqual([
      ['treaty-att', 'Arms Trade Treaty'],
      ['treaty-att', 'ATT'],
      ['treaty-paris-agreement', 'Paris Agreement'],
    ]);
    expect(ids('Article 99 of the UN charter')).toEqual(['treaty-un-charter']);
    expect(
      ids('the Convention on the Rights of the Child and the European Convention on Human Rights'),
    ).toEqual(['treaty-crc', 'treaty-echr']);
  });

  it('English names spelled out from an acronym in the data', () => {
    expect(found('The Non-Proliferation Treaty is the cornerstone; Art VI of the NPT guides us.')).toEqual([
      ['treaty-npt', 'Non-Proliferation Treaty'],
      ['treaty-npt', 'NPT'],
    ]);
    expect(ids('the Chemical Weapons Convention and the Convention against Torture')).toEqual([
      'treaty-cwc',
      'treaty-cat',
    ]);
    expect(ids('the Joint Comprehensive Plan of Action and the Hague Conventions')).toEqual([]);
  });

  it('in the optional protocol of a convention only the convention is named', () => {
    expect(found('het facultatief protocol van het Verdrag inzake de rechten van het kind')).toEqual([
      ['treaty-crc', 'Verdrag inzake de rechten van het kind'],
    ]);
  });
});

describe('treaty acronyms', () => {
  it('EVRM after an article: only the acronym', () => {
    expect(found('Betekenis van art. 8 EVRM.')).toEqual([['treaty-echr', 'EVRM']]);
    expect(found('op grond van artikel 3 EVRM')).toEqual([['treaty-echr', 'EVRM']]);
  });

  it('a name and its parenthetical acronym are two citations; later bare acronyms count', () => {
    expect(found('Het Non-proliferatieverdrag (NPV) uit 1970. Het NPV is effectief.')).toEqual([
      ['treaty-npt', 'Non-proliferatieverdrag'],
      ['treaty-npt', 'NPV'],
      ['treaty-npt', 'NPV'],
    ]);
  });

  it('four-letter and longer acronyms stand alone', () => {
    expect(ids('Nederland rapporteert over CEDAW en het IVRK.')).toEqual(['treaty-cedaw', 'treaty-crc']);
    expect(ids('The ECHR applies.')).toEqual(['treaty-echr']);
  });

  it('short acronyms need support: a treaty word nearby or the treaty named', () => {
    expect(ids('de NPT Review Conference over het verdrag')).toEqual(['treaty-npt']);
    expect(ids('De ATT-verdragspartijen')).toEqual([]);
    expect(ids('CBD is een stof in hennep.')).toEqual([]);
    expect(ids('het CCW-verdrag')).toEqual(['treaty-ccw']);
  });

  it('acronyms are case-sensitive and on word boundaries', () => {
    expect(ids('attentie: de evrm-regels, EVRMX en cedaw')).toEqual([]);
  });
});

describe('treaties: not citations', () => {
  it('"het verdrag" without a name', () => {
    expect(
      ids('Het verdrag is op 1 juli in werking getreden. Het Verdrag en het Statuut, het Protocol.'),
    ).toEqual([]);
  });

  it('a plural names a group of treaties, not one', () => {
    expect(ids('de Verdragen van Genève en het Verdrag van Genève')).toEqual([]);
  });

  it('committee names', () => {
    expect(
      ids('het CEDAW-comité en het Committee on the Elimination of Discrimination against Women'),
    ).toEqual([]);
  });

  it('EU and Dutch instruments', () => {
    expect(
      ids('de Rijkswet goedkeuring en bekendmaking verdragen en de Rijkswet op het Nederlanderschap'),
    ).toEqual([]);
    expect(ids('het Klimaatakkoord en het Pensioenakkoord')).toEqual([]);
  });
});
