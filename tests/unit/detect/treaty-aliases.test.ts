import { describe, expect, it } from 'vitest';
import { buildTreatyAliases, nameVariants, serialize } from '../../../scripts/dataset/treaty-aliases';

const CSV = [
  'key,title_nl,aliases_nl,title_en,aliases_en,adopted_date',
  'att,Wapenhandelsverdrag,VN-Wapenhandelsverdrag|ATT,Arms Trade Treaty,ATT,2013-04-02',
  'cwc,Verdrag tot verbod van chemische wapens,Chemisch Wapenverdrag|CWV,Chemical Weapons Convention,CWC,1993-01-13',
  'tpnw,Verdrag inzake het verbod op kernwapens,Kernwapenverbod|VN-Kernwapenverbod,Treaty on the Prohibition of Nuclear Weapons,TPNW,2017-07-07',
  'gc1,Verdrag van Genève voor de gewonden,Verdragen van Genève,Geneva Convention I,GC I,1949-08-12',
].join('\n');

describe('treaty alias builder', () => {
  const { file, dropped } = buildTreatyAliases(CSV, 'test.csv');
  const byKey = new Map(file.treaties.map((t) => [t.key, t]));

  it('splits names (case-insensitive) from acronyms and exact forms (case-sensitive)', () => {
    expect(byKey.get('att')!.exact).toEqual(['ATT']);
    expect(byKey.get('att')!.names).toContain('Arms Trade Treaty');
    expect(byKey.get('tpnw')!.exact).toEqual(['TPNW', 'VN-Kernwapenverbod']);
  });

  it('adds spelling variants: linking -s-, adjective ending, without the UN prefix', () => {
    expect(byKey.get('att')!.names).toEqual(
      expect.arrayContaining(['Wapenhandelsverdrag', 'Wapenhandelverdrag', 'VN-Wapenhandelsverdrag']),
    );
    expect(byKey.get('cwc')!.names).toEqual(
      expect.arrayContaining(['Chemisch Wapenverdrag', 'Chemische Wapenverdrag']),
    );
    expect(nameVariants('VN-Vrouwenrechtenverdrag')).toContain('Vrouwenrechtenverdrag');
    expect(nameVariants('VN-Handvest')).not.toContain('Handvest');
  });

  it('drops common words and plurals, and says so', () => {
    expect(byKey.get('tpnw')!.names).not.toContain('Kernwapenverbod');
    expect(byKey.get('gc1')!.names).not.toContain('Verdragen van Genève');
    expect(dropped.join('\n')).toMatch(/Kernwapenverbod/);
    expect(dropped.join('\n')).toMatch(/Verdragen van Genève/);
  });

  it('is deterministic and compact', () => {
    const again = buildTreatyAliases(CSV, 'test.csv').file;
    expect(serialize(again)).toBe(serialize(file));
    // One line per treaty and per index table, and the lines that open and close them.
    expect(serialize(file).trimEnd().split('\n').length).toBe(
      file.treaties.length + Object.keys(file.index).length + 4,
    );
    expect(JSON.parse(serialize(file))).toEqual(file);
  });

  it('carries the detector index, computed from the names and exact forms', () => {
    expect(file.schema).toBe(2);
    expect(file.index.names).toEqual(expect.arrayContaining([['wapenhandelsverdrag', 'att']]));
    expect(file.index.acronymKey).toEqual(expect.arrayContaining([['TPNW', 'tpnw']]));
  });
});
