import { describe, expect, it } from 'vitest';
import { detectCitations } from '../../../src/core/detect/index';
import { found, ids } from './helpers';

describe('handelingen', () => {
  it('Handelingen II 2023/24, nr. 45, item 12', () => {
    const text = 'Zie Handelingen II 2023/24, nr. 45, item 12.';
    expect(found(text)).toEqual([['h-tk-20232024-45-12', 'Handelingen II 2023/24, nr. 45, item 12']]);
    expect(detectCitations(text)[0]!.extras).toEqual({ chamber: 'II', sessionYear: '20232024' });
  });

  it('Eerste Kamer and no item', () => {
    expect(ids('Handelingen I 2016/17, nr. 34, item 5')).toEqual(['h-ek-20162017-34-5']);
    expect(ids('Handelingen II 2019/20, nr. 31')).toEqual(['h-tk-20192020-31']);
    expect(ids('Hand. II 2019/20, nr. 31, item 8')).toEqual(['h-tk-20192020-31-8']);
    expect(ids('Handelingen II 2019/20, nr. 31, items 8 en 9')).toEqual([
      'h-tk-20192020-31-8',
      'h-tk-20192020-31-9',
    ]);
    expect(found('Handelingen I 2014/15, nr. 11, item 4, p. 5.')).toEqual([
      ['h-ek-20142015-11-4', 'Handelingen I 2014/15, nr. 11, item 4, p. 5'],
    ]);
  });

  it('old style: der Kamer, vergaderjaar, pages in the span', () => {
    const text = '(Handelingen der Kamer II, vergaderjaar 2005–2006, nr. 95, blz. 5892–5931).';
    expect(found(text)).toEqual([
      ['h-tk-20052006-95', 'Handelingen der Kamer II, vergaderjaar 2005–2006, nr. 95, blz. 5892–5931'],
    ]);
  });

  it('pages only: Handelingen II 2005/06, p. 5892–5931', () => {
    expect(found('Handelingen II 2005/06, p. 5892–5931.')).toEqual([
      ['h-tk-20052006-5892-5931', 'Handelingen II 2005/06, p. 5892–5931'],
    ]);
  });

  it('glued extraction artefact: 2019-2020nr. 31, item 8', () => {
    expect(found('Vergaderjaar 2019-2020nr. 31, item 8\n')).toEqual([
      ['h-tk-20192020-31-8', '2019-2020nr. 31, item 8'],
    ]);
  });

  it('without a chamber: the Tweede Kamer, unless the document is an Eerste Kamer document', () => {
    expect(ids('Tweede Kamer der Staten-Generaal. Zie Handelingen 2016/17, nr. 34.')).toEqual([
      'h-tk-20162017-34',
    ]);
    expect(
      ids('Eerste Kamer der Staten-Generaal. Verslag. De Eerste Kamer … Handelingen 2016/17, nr. 34.'),
    ).toEqual(['h-ek-20162017-34']);
  });

  it('a part of a longer document takes the house given for the document (scan of a big file in chunks)', () => {
    const part = 'De Tweede Kamer sprak erover; zie Handelingen 2016/17, nr. 34.';
    expect(detectCitations(part).map((c) => c.id)).toEqual(['h-tk-20162017-34']);
    expect(detectCitations(part, { house: 'ek' }).map((c) => c.id)).toEqual(['h-ek-20162017-34']);
  });

  it('metadata rows of officielebekendmakingen.nl pages, glued by extraction', () => {
    expect(
      found('VergaderjaarVergadernummer\nTweede Kamer der Staten-Generaal2016-2017nr. 97, item 8\n'),
    ).toEqual([['h-tk-20162017-97-8', '2016-2017nr. 97, item 8']]);
    expect(
      found('VergaderjaarAanhangselnummerDatum ontvangst\nTweede Kamer der Staten-Generaal2012-2013730\n'),
    ).toEqual([['ah-tk-20122013-730', '2012-2013730']]);
    expect(
      found('VergaderjaarDossier- en ondernummer\nTweede Kamer der Staten-Generaal2016-201734700 nr. 19\n'),
    ).toEqual([['kst-34700-19', '2016-201734700 nr. 19']]);
    expect(ids('Eerste Kamer der Staten-Generaal | 2022-2023 | 35979 nr. H |')).toEqual(['kst-35979-H']);
    // Without the Aanhangselnummer column a glued number is not an Aanhangsel.
    expect(ids('Tweede Kamer der Staten-Generaal2012-2013730\n')).toEqual([]);
  });

  it('identifier h-tk-…', () => {
    expect(ids('zie h-tk-20232024-4-26 (verslag)')).toEqual(['h-tk-20232024-4-26']);
    // Inside a URL an identifier is part of a link, not a citation in the text.
    expect(ids('https://zoek.officielebekendmakingen.nl/h-tk-20232024-4-26.html')).toEqual([]);
    expect(ids('detail?did=2022D06725&id=2022Z03223')).toEqual([]);
  });
});

describe('aanhangsel', () => {
  it('Aanhangsel Handelingen II 2024/25, nr. 1234', () => {
    expect(found('(Aanhangsel Handelingen II 2024/25, nr. 1234)')).toEqual([
      ['ah-tk-20242025-1234', 'Aanhangsel Handelingen II 2024/25, nr. 1234'],
    ]);
  });

  it('old "Aanhangsel der handelingen, vergaderjaar"', () => {
    expect(
      ids(
        '(Aanhangsel der Handelingen, vergaderjaar 2006–2007, nr. 520) en (Aanhangsel der handelingen, vergaderjaar 2006–2007, nr. 521)',
      ),
    ).toEqual(['ah-tk-20062007-520', 'ah-tk-20062007-521']);
  });

  it('line breaks from PDF extraction and a typo in the year', () => {
    expect(found('Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr.\n\n730.')).toEqual([
      ['ah-tk-20232024-730', 'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr.\n\n730'],
    ]);
    expect(ids('(Aanhangsel Handelingen, vergaderjaar 2022–203, nr. 844)')).toEqual(['ah-tk-20222023-844']);
    expect(ids('Aanhangsel\nHandelingen II 2016/17, nr. 246')).toEqual(['ah-tk-20162017-246']);
  });

  it('lists and abbreviations', () => {
    expect(ids('Aanhangsel Handelingen II 2019/20, nrs. 89 en 90')).toEqual([
      'ah-tk-20192020-89',
      'ah-tk-20192020-90',
    ]);
    expect(ids('Aanh. Hand. II 2016/17, nr. 1118')).toEqual(['ah-tk-20162017-1118']);
    expect(ids('Aanhangsel van de Handelingen II 2016/17, nr. 1118')).toEqual(['ah-tk-20162017-1118']);
  });

  it('identifier ah-tk-… in a page footer', () => {
    expect(found('\n\t\nah-tk-20222023-3649\nISSN 0921 - 7398')).toEqual([
      ['ah-tk-20222023-3649', 'ah-tk-20222023-3649'],
    ]);
  });

  it('the masthead and running head are not citations', () => {
    expect(
      ids('Vergaderjaar 2022–2023  Aanhangsel van de Handelingen \nVragen gesteld door de leden\n3649'),
    ).toEqual([]);
    expect(ids('Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel 1Antwoord 3')).toEqual([]);
  });
});

describe('staatsblad, staatscourant, tractatenblad', () => {
  it('Stb. and Staatsblad', () => {
    expect(found('(zie Stb. 2001, 343) en')).toEqual([['stb-2001-343', 'Stb. 2001, 343']]);
    expect(ids('Staatsblad 2016, 478')).toEqual(['stb-2016-478']);
    expect(ids('Stb. 2020, nr. 123')).toEqual(['stb-2020-123']);
  });

  it('Stcrt. and Staatscourant', () => {
    expect(ids('Stcrt. 2021, 12345 en Staatscourant 2019, nr. 56789')).toEqual([
      'stcrt-2021-12345',
      'stcrt-2019-56789',
    ]);
  });

  it('Trb. with repeated and elided lists', () => {
    expect(found('Wapenhandelsverdrag (Trb. 2013, 143 en Trb. 2014, 45)').slice(1)).toEqual([
      ['trb-2013-143', 'Trb. 2013, 143'],
      ['trb-2014-45', 'Trb. 2014, 45'],
    ]);
    expect(found('Trb. 1998, 170 en 1999, 110')).toEqual([
      ['trb-1998-170', 'Trb. 1998, 170'],
      ['trb-1999-110', '1999, 110'],
    ]);
    expect(ids('Trb. 2020, nr. 44')).toEqual(['trb-2020-44']);
    expect(ids('Stb. 2001, 343 en 344')).toEqual(['stb-2001-343', 'stb-2001-344']);
  });

  it('placeholders and dates are not citations', () => {
    expect(ids('(Stb. [jaartal, volgnummer])')).toEqual([]);
    expect(ids('Stb. 2001, 343 en 1 juli 2002')).toEqual(['stb-2001-343']);
  });
});

describe('ecli and Tweede Kamer numbers', () => {
  it('ECLI', () => {
    expect(found('Conclusie: ECLI:NL:PHR:2018:113.\n')).toEqual([
      ['ECLI:NL:PHR:2018:113', 'ECLI:NL:PHR:2018:113'],
    ]);
    expect(ids('ECLI:NL:HR:2019:2006 en ECLI:EU:C:2014:2250')).toEqual([
      'ECLI:NL:HR:2019:2006',
      'ECLI:EU:C:2014:2250',
    ]);
    // A broken prefix before a whole one, one glued to a word, two in a row.
    expect(ids('ECLI:ECLI:NL:HR:2019:1 XECLI:NL:HR:2019:2 ECLI:NL:HR:2019:3.ECLI:NL:HR:2019:4')).toEqual([
      'ECLI:NL:HR:2019:1',
      'ECLI:NL:HR:2019:3.ECLI',
    ]);
  });

  it('zaak and document numbers', () => {
    const cs = detectCitations('Nummer: 2014D27250, onderdeel van zaak 2014Z13576.');
    expect(cs.map((c) => [c.kind, c.id])).toEqual([
      ['tk-document', '2014D27250'],
      ['tk-zaak', '2014Z13576'],
    ]);
    expect(ids('(2022D50004)')).toEqual(['2022D50004']);
    expect(ids('X2014D27250 en 2014D272501')).toEqual([]);
  });
});

describe('EU acts', () => {
  it('regulations and directives, old and new numbering', () => {
    expect(ids('Verordening (EU) 2016/679 en Richtlijn 2011/95/EU')).toEqual([
      'eu-reg-2016-679',
      'eu-dir-2011-95',
    ]);
    expect(ids('Verordening (EG) nr. 1049/2001 en Richtlijn 95/46/EG')).toEqual([
      'eu-reg-2001-1049',
      'eu-dir-1995-46',
    ]);
    expect(ids('Regulation (EU) 2016/679 and Directive (EU) 2019/1937')).toEqual([
      'eu-reg-2016-679',
      'eu-dir-2019-1937',
    ]);
    expect(ids('Uitvoeringsverordening (EU) 2019/947')).toEqual(['eu-reg-2019-947']);
  });
});
