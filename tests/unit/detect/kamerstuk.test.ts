import { describe, expect, it } from 'vitest';
import { detectCitations } from '../../../src/core/detect/index';
import { found, ids } from './helpers';

describe('kamerstukken: prefix-led layouts', () => {
  it('Kamerstukken II 2024/25, 36 600 V, nr. 46', () => {
    const text = 'Zie Kamerstukken II 2024/25, 36 600 V, nr. 46 voor de motie.';
    expect(found(text)).toEqual([['kst-36600-V-46', 'Kamerstukken II 2024/25, 36 600 V, nr. 46']]);
    const [c] = detectCitations(text);
    expect(c!.extras).toEqual({ chamber: 'II', sessionYear: '20242025' });
  });

  it('Kamerstuk 36 180, nr. 90', () => {
    expect(found('Zie ook Kamerstuk 36 180, nr. 90.')).toEqual([
      ['kst-36180-90', 'Kamerstuk 36 180, nr. 90'],
    ]);
  });

  it('a document in two dossiers is cited by the first, each number its own citation', () => {
    const text = 'Kamerstukken 26 150 en 36 180 nr. 223 en 224.';
    expect(found(text)).toEqual([
      ['kst-26150-223', 'Kamerstukken 26 150 en 36 180 nr. 223'],
      ['kst-26150-224', '224'],
    ]);
    expect(detectCitations(text)[0]!.extras).toEqual({ relatedDossiers: ['kst-36180'] });
  });

  it('nrs. 12 en 13 and nrs. 1–3 (the range with the number between)', () => {
    expect(ids('Kamerstukken II 2019/20, 35 300, nrs. 12 en 13.')).toEqual(['kst-35300-12', 'kst-35300-13']);
    expect(ids('(Kamerstukken II, 1984–1985, 18764, nrs. 1–3, blz. 29)')).toEqual([
      'kst-18764-1',
      'kst-18764-2',
      'kst-18764-3',
    ]);
  });

  it('31 700-VIII, nr. 32, blz. 3 (page reference inside the span)', () => {
    expect(found('Kamerstukken II 2008/09, 31 700-VIII, nr. 32, blz. 3. Verder')).toEqual([
      ['kst-31700-VIII-32', 'Kamerstukken II 2008/09, 31 700-VIII, nr. 32, blz. 3'],
    ]);
  });

  it('31700.VIII, 32 (dotted suffix, bare trailing number)', () => {
    expect(ids('Kamerstukken II 2008/09, 31700.VIII, 32.')).toEqual(['kst-31700-VIII-32']);
  });

  it('31-700 XII nr 6 (dashed dossier, no period after nr)', () => {
    expect(ids('Kamerstukken II 2008/09, 31-700 XII nr 6')).toEqual(['kst-31700-XII-6']);
    expect(ids('zie 31-700 XII nr 6 hierover')).toEqual(['kst-31700-XII-6']);
  });

  it('TK 2008-2009, 31473, nummer 25', () => {
    expect(found('Brief (TK 2008-2009, 31473, nummer 25).')).toEqual([
      ['kst-31473-25', 'TK 2008-2009, 31473, nummer 25'],
    ]);
  });

  it('Eerste Kamer letters: nr. E and a bare AA', () => {
    expect(ids('Kamerstukken I 2021/22, 35 925, nr. E')).toEqual(['kst-35925-E']);
    expect(found('Kamerstukken EK, 2014-2015, 31 145, AA.')).toEqual([
      ['kst-31145-AA', 'Kamerstukken EK, 2014-2015, 31 145, AA'],
    ]);
  });

  it('Kamerstuk 34 419 nr 18 (nr without a period)', () => {
    expect(found('(Kamerstuk 34 419 nr 18).')).toEqual([['kst-34419-18', 'Kamerstuk 34 419 nr 18']]);
  });

  it('moties and amendementen are Kamerstukken', () => {
    expect(found('de motie 32 623, nr. 345 van het lid')).toEqual([
      ['kst-32623-345', 'motie 32 623, nr. 345'],
    ]);
    expect(found('Motie 36 600, nr. 46 extra')).toEqual([['kst-36600-46', 'Motie 36 600, nr. 46']]);
    expect(found('(amendement 36067 – 61)')).toEqual([['kst-36067-61', 'amendement 36067 – 61']]);
  });

  it('Kamerstuk 30111-108 (compact after the keyword)', () => {
    expect(found('(Kamerstuk 30111-108) - 30111-109')).toEqual([
      ['kst-30111-108', 'Kamerstuk 30111-108'],
      ['kst-30111-109', '30111-109'],
    ]);
  });

  it('rijkswet number stays in the span, not in the id', () => {
    expect(found('(zie Kamerstukken II 2000–2001, 27 484 (R 1669), nr. 3).')).toEqual([
      ['kst-27484-3', 'Kamerstukken II 2000–2001, 27 484 (R 1669), nr. 3'],
    ]);
    expect(found('Agenda - 23908-(R1519)-131\nminister')).toEqual([['kst-23908-131', '23908-(R1519)-131']]);
  });

  it('old citations: zitting, four-digit dossier, lower-case letter', () => {
    expect(ids('(Kamerstukken II, Zitting 1958-1959, 5380, Nr. 3, blz. 41)')).toEqual(['kst-5380-3']);
    expect(ids('(Kamerstukken I 1979/80, 15 516, nr. 42e, blz. 7)')).toEqual(['kst-15516-42e']);
    expect(ids('(kamerstukken II 1986/87, 19 700 hoofdstuk XV, nr. 2)')).toEqual(['kst-19700-XV-2']);
  });

  it('Bijlagen Handelingen are Kamerstukken', () => {
    expect(ids('Bijl. Hand. II 1985/86, 19 559, nr. 3')).toEqual(['kst-19559-3']);
  });

  it('tkconv: kamerstukdossier with a spaced dash', () => {
    expect(found('Onderdeel van kamerstukdossier 24170 -326 Gehandicaptenbeleid.')).toEqual([
      ['kst-24170-326', 'kamerstukdossier 24170 -326'],
    ]);
  });

  it('a dossier without a document number', () => {
    expect(found('Kamerstuk 34 630 bevat het wetsvoorstel.')).toEqual([['kst-34630', 'Kamerstuk 34 630']]);
  });

  it('continuation: "; nr. 7" and a second citation in a list', () => {
    expect(ids('Kamerstukken II, 1999-2000, 26 271, nr. 6, p. 15-16; nr. 7, p. 5-6.')).toEqual([
      'kst-26271-6',
      'kst-26271-7',
    ]);
    expect(ids('Kamerstuk 35 300 V, nr. 24 en 35 300 V, nr. 42')).toEqual([
      'kst-35300-V-24',
      'kst-35300-V-42',
    ]);
  });
});

describe('kamerstukken: bare and compact layouts', () => {
  it('dossier + nr without keyword', () => {
    expect(found('(t.v.v. 33 308, nr. 14) over')).toEqual([['kst-33308-14', '33 308, nr. 14']]);
    expect(found('Kenmerk 23432, nr. 475\n')).toEqual([['kst-23432-475', '23432, nr. 475']]);
    expect(found('| 2006-2007 | 30800-VI nr. 40 |')).toEqual([['kst-30800-VI-40', '30800-VI nr. 40']]);
    expect(found('vergaderjaar 2023-2024 | 36584 nr. 4 |')).toEqual([['kst-36584-4', '36584 nr. 4']]);
    expect(ids('(Kamerstuk 22 054 nr. 202)')).toEqual(['kst-22054-202']);
    expect(ids('Zie 35300-A, nr. 15 en 32 500 XIII, nr. 65')).toEqual([
      'kst-35300-A-15',
      'kst-32500-XIII-65',
    ]);
  });

  it('compact Handelingen form dossier[-sub][-suffix]-nr', () => {
    expect(found('Raad Algemene Zaken - 21501-02-1855\nminister')).toEqual([
      ['kst-21501-02-1855', '21501-02-1855'],
    ]);
    expect(ids('Zorg - 34775-XVI-129\n')).toEqual(['kst-34775-XVI-129']);
    expect(ids('vervallen: 34775-42; 34734-25; 30234-172.')).toEqual([
      'kst-34775-42',
      'kst-34734-25',
      'kst-30234-172',
    ]);
    expect(ids('Motie\n33308-13\n10 februari 2015')).toEqual(['kst-33308-13']);
  });

  it('sub-dossier with nr.', () => {
    expect(ids('Kamerstukken II 2017/18, 21 501-02, nr. 1855')).toEqual(['kst-21501-02-1855']);
  });

  it('bill reference by bare dossier number in brackets', () => {
    expect(found('Wijziging van de Wet op de zorgtoeslag (34630)')).toEqual([['kst-34630', '34630']]);
    expect(ids('Rijkswet (27089, R1652) en (34589 (R2077))')).toEqual(['kst-27089', 'kst-34589']);
    expect(found('33993 (R 2034) Adv RvSt inzake Rijkswet')).toEqual([['kst-33993', '33993 (R 2034)']]);
    expect(ids('(Trb. 2014, 113) - 33992 (Inbreng verslag (wetsvoorstel))')).toEqual([
      'trb-2014-113',
      'kst-33992',
    ]);
  });

  it('reversed: nr. N (dossier) and "toegevoegd aan dossier"', () => {
    expect(found('Zij krijgt nr. 346 (32847).')).toEqual([['kst-32847-346', 'nr. 346 (32847)']]);
    expect(found('Deze brief is onder nr. 475 toegevoegd aan dossier 23432 - Situatie')).toEqual([
      ['kst-23432-475', 'nr. 475 toegevoegd aan dossier 23432'],
    ]);
    expect(ids('onder nr. 153 toegevoegd aan dossier22 054')).toEqual(['kst-22054-153']);
  });

  it('identifiers: kst-…, KST…', () => {
    expect(ids('kst-22054-418 en kst-21501-02-1855 en kst-36600-V-46')).toEqual([
      'kst-22054-418',
      'kst-21501-02-1855',
      'kst-36600-V-46',
    ]);
    expect(found('Nummer KST23432475\n')).toEqual([['kst-23432-475', 'KST23432475']]);
  });

  it('glued footnote digits stay outside the span', () => {
    expect(found('concludeert?\n2Kamerstuk 29 383, nr. 406.')).toEqual([
      ['kst-29383-406', 'Kamerstuk 29 383, nr. 406'],
    ]);
  });

  it('non-breaking and thin spaces, and line breaks inside a citation', () => {
    expect(ids('Kamerstukken\u00a0II 2024/25, 36\u00a0600\u00a0V, nr.\u00a046')).toEqual(['kst-36600-V-46']);
    expect(ids('Kamerstuk 36\u2009180, nr.\u202f90')).toEqual(['kst-36180-90']);
    expect(ids('Kamerstukken II\n2024/25, 36 600 V,\nnr. 46')).toEqual(['kst-36600-V-46']);
  });
});

describe('kamerstukken: implicit references', () => {
  const text =
    'De motie is voldoende ondersteund.\nZij krijgt nr. 351 (32847).\n' +
    'Dan de reactie. De motie op stuk nr. 351 van de heer Ronnes ziet op de regels.';

  it('"op stuk nr. 351" takes the dossier from the discourse', () => {
    const cs = detectCitations(text);
    expect(cs.map((c) => [c.id, text.slice(c.start, c.end), c.extras?.implicit ?? false])).toEqual([
      ['kst-32847-351', 'nr. 351 (32847)', false],
      ['kst-32847-351', 'stuk nr. 351', true],
    ]);
  });

  it('can be switched off', () => {
    expect(ids(text, { implicit: false })).toEqual(['kst-32847-351']);
  });

  it('needs a dossier in the text before it', () => {
    expect(ids('De motie op stuk nr. 351 van de heer Ronnes.')).toEqual([]);
  });
});

describe('kamerstukken: not citations', () => {
  it('navigation text "Kamerstukken 1814-1995"', () => {
    expect(ids('Zoeken in Kamerstukken 1814-1995 en Handelingen')).toEqual([]);
  });

  it('a masthead: dossier line with its title and a separate Nr. line', () => {
    const masthead =
      '26 150 Algemene Vergadering der Verenigde Naties\n36 180\nDoen waar Nederland goed in is\nNr. 223\nBRIEF VAN DE MINISTER';
    expect(ids(masthead)).toEqual([]);
    expect(ids('33 968 (R2033) Goedkeuring van het op 2 april 2013 tot stand gekomen verdrag')).toEqual([]);
    expect(ids('23 432\n\nDe situatie in het Midden-Oosten\n\nNr. 475    BRIEF')).toEqual([]);
  });

  it('"nr. 5" with no dossier, registration and file numbers', () => {
    expect(ids('Zie nr. 5 van de lijst.')).toEqual([]);
    expect(ids('de vragen van mevrouw Lambrechts (nr. 2060702480)')).toEqual([]);
    expect(ids('van 4 december 2023, nr. 2023002839, machtigde')).toEqual([]);
    expect(ids('gedateerd 6 maart 2024, nr. W06.23.00369/III, bied ik')).toEqual([]);
    expect(ids('Kabinetsmissive van 4 december 2023, no. 2023002839, heeft')).toEqual([]);
    expect(ids('(No.W12.16.0305/III) en nr. 2016-0000212177')).toEqual([]);
  });

  it('amounts, phone numbers, dates, years and year ranges', () => {
    expect(ids('een bedrag van € 12.345.678 en 18.000 euro')).toEqual([]);
    expect(ids('bel 070-3456789 of 06-12345678 of +31 70 123 4567')).toEqual([]);
    expect(ids('op 12-03-2020 en in 2019-2020 en de Emancipatienota 2018-2021 (201-2025)')).toEqual([]);
    expect(ids('In 2023 waren er 36 600 aanvragen.')).toEqual([]);
    expect(ids('Postbus 20011, 2500 EA Den Haag')).toEqual([]);
  });

  it('court case numbers, ISSN, NEN norms, article numbers, vote counts', () => {
    expect(ids('Zaaknummer\n17/04701\nC/03/226100 FA RK 16-3422 en AWB - 14 _ 10911')).toEqual([]);
    expect(ids('ISSN 0921 - 7398 en ISBN 978-90-12345-67-8')).toEqual([]);
    expect(ids('de NEN-normen 7120 en 7125 en NEN 2580')).toEqual([]);
    expect(ids('artikel 3.6ba, artikel 220ca en beleidsartikel 1 en artikel 1325')).toEqual([]);
    expect(ids('De motie is aangenomen met 76 tegen 74 stemmen; 150 leden.')).toEqual([]);
    expect(ids('NJ 2018/268 met annotatie en RvdW 2018/404')).toEqual([]);
  });

  it('bracketed figures in a table are not bill references', () => {
    expect(ids('| Uitgaven | (12345) | (23 456) |')).toEqual([]);
    expect(ids('saldo 2023 (12 345) en 2024 (45678)')).toEqual([]);
  });

  it('a running head is not a citation', () => {
    expect(ids('Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel 1')).toEqual([]);
    expect(ids('Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2023-2024')).toEqual([]);
  });
});
