/**
 * Forms of official and legal writing (issue 12), each with examples of our own making.
 */
import { describe, expect, it } from 'vitest';
import { detectCitations } from '../../../src/core/detect/index';
import { found, ids } from './helpers';

describe('Staatsblad and Staatscourant with the year of the date before', () => {
  it('takes the year from "wet van <date>, Stb. N"', () => {
    expect(found('Zie de wet van 7 oktober 2011, Stb. 462, over de huur.')).toEqual([
      ['stb-2011-462', 'Stb. 462'],
    ]);
  });
  it('reads a bracketed royal decree and the Staatscourant', () => {
    expect(ids('(Koninklijk Besluit van 21 april 1994, Stb. 312)')).toEqual(['stb-1994-312']);
    expect(ids('de regeling van 30 januari 2019, Stcrt. 6143, is gewijzigd')).toEqual(['stcrt-2019-6143']);
  });
  it('reads lists of dated decrees, each with its own year', () => {
    expect(
      found('de besluiten van 2 juli 1958, Stb. 415, en 16 maart 1976, Stb. 171 zijn vervallen'),
    ).toEqual([
      ['stb-1958-415', 'Stb. 415'],
      ['stb-1976-171', 'Stb. 171'],
    ]);
  });
  it('keeps the year written after the keyword', () => {
    expect(ids('de wet van 12 mei 2003, Stb. 2004, 17')).toEqual(['stb-2004-17']);
  });
  it('needs a date: a number alone is no citation', () => {
    expect(ids('Stb. 201 en het jaar 2003, Stb. 88')).toEqual([]);
  });
});

describe('a dossier number in brackets', () => {
  it('after a bill title, with or without a space in the number', () => {
    expect(found('De Wet toekomst pensioenen (36 067) is aangenomen.')).toEqual([['kst-36067', '36 067']]);
    expect(found('De Wet toekomst pensioenen (36067) is aangenomen.')).toEqual([['kst-36067', '36067']]);
    expect(found('Wijziging van de Omgevingswet(35 133)')).toEqual([['kst-35133', '35 133']]);
  });
  it('not a spaced figure after an ordinary word', () => {
    expect(ids('Het aantal deelnemers (25 000) steeg.')).toEqual([]);
  });
  it('after a Staatsblad citation, with or without a space before the bracket', () => {
    expect(found('Stb. 2016, 94 (33 750) en Stb. 2017, 12(34 123)')).toEqual([
      ['stb-2016-94', 'Stb. 2016, 94'],
      ['kst-33750', '33 750'],
      ['stb-2017-12', 'Stb. 2017, 12'],
      ['kst-34123', '34 123'],
    ]);
  });
});

describe('resolutions and EU acts', () => {
  it('"resolutie nr. N (year)"', () => {
    expect(found('Zie resolutie nr. 1540 (2004) over massavernietigingswapens.')).toEqual([
      ['unsc-1540', 'resolutie nr. 1540 (2004)'],
    ]);
  });
  it('older EU acts: "Richtlijn 89/391/EEG", "nr. 93/104/EG", "Verordening (EEG) nr. 1612/68"', () => {
    expect(
      found('Richtlijn 89/391/EEG, de richtlijn nr. 93/104/EG en Verordening (EEG) nr. 1612/68'),
    ).toEqual([
      ['eu-dir-1989-391', 'Richtlijn 89/391/EEG'],
      ['eu-dir-1993-104', 'richtlijn nr. 93/104/EG'],
      ['eu-reg-1968-1612', 'Verordening (EEG) nr. 1612/68'],
    ]);
    expect(found('zoals bedoeld in nr. 93/104/EG')).toEqual([['eu-dir-1993-104', 'nr. 93/104/EG']]);
  });
});

describe('a renumbered motion', () => {
  it('gives both documents of the dossier in brackets', () => {
    expect(found('Zij krijgt nr. 431, was nr. 427 (29544-15).')).toEqual([
      ['kst-29544-15-431', 'nr. 431'],
      ['kst-29544-15-427', 'was nr. 427 (29544-15)'],
    ]);
  });
  it('a bracketed dossier with a sub-dossier after one number', () => {
    expect(ids('Zij krijgt nr. 88 (31839-02).')).toEqual(['kst-31839-02-88']);
  });
});

describe('the formal styles of legal writing', () => {
  it('chamber as I, II, TK, EK, "Eerste Kamer", "Tweede Kamer" or "2"', () => {
    const cites = [
      ['Kamerstukken II 2015/16, 34 300 VIII, nr. 9', 'II'],
      ['Kamerstukken TK 2015/16, 34 300 VIII, nr. 9', 'II'],
      ['Kamerstukken Tweede Kamer 2015/16, 34 300 VIII, nr. 9', 'II'],
      ['Kamerstukken 2 2015/16, 34 300 VIII, nr. 9', 'II'],
      ['Kamerstukken I 2015/16, 34 300 VIII, B', 'I'],
      ['Kamerstukken EK 2015/16, 34 300 VIII, B', 'I'],
      ['Kamerstukken Eerste Kamer 2015/16, 34 300 VIII, B', 'I'],
    ] as const;
    for (const [cite, chamber] of cites) {
      const cs = detectCitations(`Zie ${cite}.`);
      expect(cs.map((c) => c.id)).toEqual([chamber === 'II' ? 'kst-34300-VIII-9' : 'kst-34300-VIII-B']);
      expect(cs[0]!.extras?.chamber).toBe(chamber);
      expect(`Zie ${cite}.`.slice(cs[0]!.start, cs[0]!.end)).toBe(cite);
    }
  });
  it('the document number after a comma or a space, without "nr."', () => {
    expect(found('Kamerstukken II 2009/10, 32 123, 12 en verder')).toEqual([
      ['kst-32123-12', 'Kamerstukken II 2009/10, 32 123, 12'],
    ]);
    expect(found('Kamerstukken II 2009/10, 32 123 12.')).toEqual([
      ['kst-32123-12', 'Kamerstukken II 2009/10, 32 123 12'],
    ]);
    expect(ids('Kamerstukken II 2009/10, 32 123, 12 leden')).toEqual(['kst-32123']);
  });
  it('dots as thousands separators and a glued Roman suffix', () => {
    expect(found('Kamerstuk TK 34.550XIII, 8')).toEqual([['kst-34550-XIII-8', 'Kamerstuk TK 34.550XIII, 8']]);
  });
  it('a range of document numbers stands for every number in it', () => {
    const text = 'Kamerstukken 35 925, nrs. 7–10 en 14';
    const cs = detectCitations(text);
    expect(cs.map((c) => [c.id, text.slice(c.start, c.end), c.extras?.withinRange ?? false])).toEqual([
      ['kst-35925-7', 'Kamerstukken 35 925, nrs. 7', false],
      ['kst-35925-8', '–', true],
      ['kst-35925-9', '–', true],
      ['kst-35925-10', '10', false],
      ['kst-35925-14', '14', false],
    ]);
    expect(ids('Kamerstuk 35 925, nrs. 3 t/m 5')).toEqual(['kst-35925-3', 'kst-35925-4', 'kst-35925-5']);
  });
  it('a range too wide or backwards gives its ends only', () => {
    expect(ids('Kamerstuk 35 925, nrs. 3–300')).toEqual(['kst-35925-3', 'kst-35925-300']);
    expect(ids('Kamerstuk 35 925, nrs. 9–5')).toEqual(['kst-35925-9', 'kst-35925-5']);
  });
  it('the old style "Zitting 1958-1959 – 5380, Nr. 3"', () => {
    const cs = detectCitations('Zitting 1958-1959 – 5380, Nr. 3');
    expect(cs.map((c) => c.id)).toEqual(['kst-5380-3']);
    expect(cs[0]!.extras?.sessionYear).toBe('19581959');
    expect(ids('Zitting 1958-1959 – 5380 deelnemers')).toEqual([]);
  });
  it('the dash-joined form of newer tools', () => {
    expect(found('Zie 29279-45-812 en 21501-07-1766.')).toEqual([
      ['kst-29279-45-812', '29279-45-812'],
      ['kst-21501-07-1766', '21501-07-1766'],
    ]);
  });
});

describe('a treaty named by place and date', () => {
  it('reads the Dutch and the English form, the date telling two treaties of one place apart', () => {
    expect(found('het Verdrag van Wenen van 18 april 1961 en het Verdrag van Wenen van 23 mei 1969')).toEqual(
      [
        ['treaty-vcdr', 'Verdrag van Wenen van 18 april 1961'],
        ['treaty-vclt', 'Verdrag van Wenen van 23 mei 1969'],
      ],
    );
    expect(ids('the Convention of Vienna of 23 May 1969')).toEqual(['treaty-vclt']);
    expect(ids('het Verdrag van Genève van 28 juli 1951 betreffende vluchtelingen')).toEqual([
      'treaty-refugees-1951',
    ]);
  });
  it('needs the treaty word of the title, the place and the date to fit one treaty', () => {
    expect(ids('het Protocol van Wenen van 23 mei 1969')).toEqual([]);
    expect(ids('het Verdrag van Parijs van 23 mei 1969')).toEqual([]);
    expect(ids('het Verdrag van Wenen van 24 mei 1969')).toEqual([]);
    // The two Additional Protocols of Geneva share word, place and date: the form names neither on its own.
    expect(ids('het Protocol van Genève van 8 juni 1977')).toEqual([]);
  });
});
