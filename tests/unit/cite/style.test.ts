import { describe as group, expect, it } from 'vitest';
import { formatCitation, citationHtml } from '../../../src/core/cite/style';
import { describe } from '../../../src/core/dataset/describe';
import { loadDataset } from '../../../scripts/dataset/load';

const { recordsByKey } = loadDataset();
const cite = (id: string, language: 'nl' | 'en', hints = {}) =>
  formatCitation(id, describe(id, recordsByKey, hints), language)?.text;

group('citation styles (Leidraad voor juridische auteurs / English)', () => {
  it('Kamerstukken with vergaderjaar and chamber, from the document facts', () => {
    expect(cite('kst-36600-XVII-46', 'nl')).toBe('Kamerstukken II 2024/25, 36 600 XVII, nr. 46');
    expect(cite('kst-36600-XVII-46', 'en')).toBe('Parliamentary Papers II 2024/25, 36 600 XVII, no. 46');
    expect(cite('kst-32623-345', 'nl')).toBe('Kamerstukken II 2024/25, 32 623, nr. 345');
    // No vergaderjaar known: left out rather than guessed.
    expect(cite('kst-26150-999', 'nl')).toBe('Kamerstukken II, 26 150, nr. 999');
    expect(cite('kst-35010-C', 'nl')).toMatch(/^Kamerstukken (I|35 010 C)/);
    expect(cite('kst-36600-V', 'nl')).toBe('Kamerstukken 36 600 V');
    expect(cite('kst-21501-02-1855', 'nl')).toMatch(/^Kamerstukken II( \d{4}\/\d{2})?, 21 501-02, nr. 1855$/);
  });

  it('an inferred suffix is cited as the document it points to; a TK number as its Kamerstuk', () => {
    const context = 'Nader gewijzigde motie 36 600, nr. 46 van het lid Boswijk c.s..';
    expect(cite('kst-36600-46', 'nl', { context })).toBe('Kamerstukken II 2024/25, 36 600 XVII, nr. 46');
    expect(cite('kst-36600-46', 'nl', {})).toBe('Kamerstukken II, 36 600, nr. 46');
    expect(cite('2024D46077', 'nl')).toBe('Kamerstukken II 2024/25, 36 600 XVII, nr. 46');
  });

  it('Handelingen, Aanhangsel, Staatsblad, Staatscourant, Tractatenblad, ECLI', () => {
    expect(cite('h-tk-20232024-45-12', 'nl')).toBe('Handelingen II 2023/24, nr. 45, item 12');
    expect(cite('h-tk-20232024-45-12', 'en')).toBe('Proceedings II 2023/24, no. 45, item 12');
    expect(cite('ah-tk-20242025-1234', 'nl')).toBe('Aanhangsel Handelingen II 2024/25, nr. 1234');
    expect(cite('stb-2020-123', 'nl')).toBe('Stb. 2020, 123');
    expect(cite('stcrt-2021-12345', 'en')).toBe('Stcrt. 2021, 12345');
    expect(cite('trb-2013-12', 'nl')).toBe('Trb. 2013, 12');
    expect(cite('ECLI:NL:HR:2019:2006', 'nl')).toBe('ECLI:NL:HR:2019:2006');
  });

  it('UN resolutions with their symbol, treaties by official title, EU acts', () => {
    expect(cite('unsc-1325', 'nl')).toBe(
      'Resolutie 1325 (2000) van de VN-Veiligheidsraad, S/RES/1325 (2000)',
    );
    expect(cite('unsc-1325', 'en')).toBe('UN Security Council Resolution 1325 (2000), S/RES/1325 (2000)');
    expect(cite('unga-78-243', 'nl')).toBe(
      'Resolutie 78/243 van de Algemene Vergadering van de VN, A/RES/78/243',
    );
    expect(cite('treaty-cedaw', 'nl')).toBe(
      'Verdrag inzake de uitbanning van alle vormen van discriminatie van vrouwen, New York, 18 december 1979',
    );
    expect(cite('treaty-cedaw', 'en')).toBe(
      'Convention on the Elimination of All Forms of Discrimination against Women, New York, 18 December 1979',
    );
    expect(cite('eu-reg-2016-679', 'nl')).toBe('Verordening (EU) 2016/679');
    expect(cite('eu-dir-2011-95', 'en')).toBe('Directive 2011/95/EU');
  });

  it('the HTML flavour links the source and escapes text', () => {
    const c = formatCitation('kst-32623-345', describe('kst-32623-345', recordsByKey), 'nl')!;
    expect(citationHtml(c)).toBe(
      '<a href="https://zoek.officielebekendmakingen.nl/kst-32623-345.html">Kamerstukken II 2024/25, 32 623, nr. 345</a>',
    );
    expect(citationHtml({ text: 'a <b> & "c"' })).toBe('a &lt;b&gt; &amp; &quot;c&quot;');
  });

  it('a malformed id gives no citation', () => {
    expect(formatCitation('not-an-id', undefined, 'nl')).toBeUndefined();
  });
});
