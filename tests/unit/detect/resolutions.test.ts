import { describe, expect, it } from 'vitest';
import { detectCitations } from '../../../src/core/detect/index';
import { found, ids } from './helpers';

describe('security council resolutions', () => {
  it('a list with years: one citation per number, the year is not a resolution', () => {
    const text =
      'de bindende VN Veiligheidsraad Resoluties 1325 (2000), 1820 (2008), 1888 (2009), 1889 (2009), 1960 (2010), ' +
      '2106 (2013), 2122 (2013), 2242 (2015), 2467 (2019), 2493 (2019) en 2538 (2020), alsook';
    const cs = detectCitations(text);
    expect(cs.map((c) => c.id)).toEqual([
      'unsc-1325',
      'unsc-1820',
      'unsc-1888',
      'unsc-1889',
      'unsc-1960',
      'unsc-2106',
      'unsc-2122',
      'unsc-2242',
      'unsc-2467',
      'unsc-2493',
      'unsc-2538',
    ]);
    expect(cs[0]!.extras).toEqual({ resolutionYear: 2000 });
    expect(text.slice(cs[1]!.start, cs[1]!.end)).toBe('1820 (2008)');
  });

  it('a list without years', () => {
    expect(ids('de resoluties 1325, 1820 en 1888 over vrouwen')).toEqual([
      'unsc-1325',
      'unsc-1820',
      'unsc-1888',
    ]);
  });

  it('compound and abbreviated names', () => {
    expect(found('herbevestigd in Veiligheidsraadresolutie 2334 van 23 december')).toEqual([
      ['unsc-2334', 'Veiligheidsraadresolutie 2334'],
    ]);
    expect(found('de VN-Veiligheidsraadresolutie 2334.')).toEqual([
      ['unsc-2334', 'VN-Veiligheidsraadresolutie 2334'],
    ]);
    expect(found('VNVR-resolutie 2417 over honger')).toEqual([['unsc-2417', 'VNVR-resolutie 2417']]);
    expect(found('geïnitieerd door de VN-Veiligheidsraad resolutie 1325 van 31 oktober 2000')).toEqual([
      ['unsc-1325', 'resolutie 1325'],
    ]);
    expect(found('WPS Resolutie 1325 werd aangenomen')).toEqual([['unsc-1325', 'Resolutie 1325']]);
  });

  it('symbols and English forms', () => {
    expect(found('S/RES/2467 (2019) and S/RES/1325(2000)')).toEqual([
      ['unsc-2467', 'S/RES/2467 (2019)'],
      ['unsc-1325', 'S/RES/1325(2000)'],
    ]);
    expect(ids('UNSCR 1325 and UNSCR 2250')).toEqual(['unsc-1325', 'unsc-2250']);
    expect(found('Security Council resolution 2231 (2015) endorsed')).toEqual([
      ['unsc-2231', 'resolution 2231 (2015)'],
    ]);
    expect(ids('the UN Security Council adopted Resolution 1325 on')).toEqual(['unsc-1325']);
  });

  it('a bracketed year that does not fit the number is not accepted', () => {
    expect(ids('resolutie 1325 (2019)')).toEqual([]);
  });
});

describe('general assembly resolutions', () => {
  it('A/RES/78/243, AVVN-resolutie 77/247, General Assembly resolution 67/19', () => {
    expect(found('A/RES/78/243')).toEqual([['unga-78-243', 'A/RES/78/243']]);
    expect(found('de AVVN-resolutie 77/247 over')).toEqual([['unga-77-247', 'AVVN-resolutie 77/247']]);
    expect(ids('General Assembly resolution 67/19 of 29 November 2012')).toEqual(['unga-67-19']);
    expect(ids('resolutie 67/19 van de Algemene Vergadering')).toEqual(['unga-67-19']);
  });
});

describe('resolutions: not citations', () => {
  it('resolutions of other bodies', () => {
    expect(
      ids('Op 10 juni werd met resolutie RC/Res.5 een wijziging aanvaard; zie resolutie RC/RES.6.'),
    ).toEqual([]);
    expect(ids('de EP-resolutie 2019/2890(RSP) en de resolutie 123 van het Europees Parlement')).toEqual([]);
    expect(ids('Mensenrechtenraad resolutie 31/1 en Human Rights Council resolution 31/1')).toEqual([]);
    expect(ids('de gemeenteraad resolutie 12')).toEqual([]);
    expect(ids('een ontwerpresolutie 1234')).toEqual([]);
    expect(ids('resolutie 12 van de Wereldgezondheidsvergadering')).toEqual([]);
    expect(ids('resolutie 2334 (2016) van de Veiligheidsraad')).toEqual(['unsc-2334']);
  });

  it('no number, a count, a plan name', () => {
    expect(ids('de resolutie, tien resoluties, AVVN-resolutie over kernwapens, WPS-resoluties')).toEqual([]);
    expect(ids('het Nationaal Actieplan 1325 en NAP1325-IV en het Defensie Actieplan 1325')).toEqual([]);
    expect(ids('artikel 1325 en 1325 deelnemers en € 1.325 miljoen')).toEqual([]);
  });

  it('a list item followed by a date is not a resolution', () => {
    expect(ids('resolutie 2334, 23 december 2016')).toEqual(['unsc-2334']);
  });
});
