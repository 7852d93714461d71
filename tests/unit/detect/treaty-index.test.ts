import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import aliasData from '../../../data/treaty-aliases.json';
import { detectCitations } from '../../../src/core/detect/index';
import {
  buildTreatyIndex,
  type TreatyIndex,
  type TreatyIndexInput,
} from '../../../src/core/detect/treaty-index';
import { nameKey } from '../../../src/core/detect/treaty-text';
import {
  WORD_REGEX_MAX,
  getMatcher,
  treatyWordHits,
  treatyWordHitsByRegex,
} from '../../../src/core/detect/treaties';
import { ids } from './helpers';

const data = aliasData as unknown as TreatyIndexInput & { index: TreatyIndex };

describe('precomputed treaty index (data/treaty-aliases.json)', () => {
  it('is up to date with the names and acronyms in the file (npm run dataset:aliases rebuilds it)', () => {
    expect(data.index).toEqual(buildTreatyIndex(data));
  });

  it('lists name keys sorted by code unit, each once, at least 3 characters long', () => {
    const keys = data.index.names.map((n) => n[0]);
    for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! < keys[i]!).toBe(true);
    expect(keys.every((k) => k.length >= 3)).toBe(true);
  });

  it('gives a shared name key to the first treaty in data order', () => {
    const index = buildTreatyIndex({
      words: ['verdrag'],
      treaties: [
        { key: 'b', names: ['Oud Verdrag', 'Tweede Verdrag'], exact: [] },
        { key: 'a', names: ['Oud-verdrag', 'Ander Verdrag'], exact: ['ANV', 'AN-V'] },
      ],
    });
    expect(index.names).toEqual([
      ['anderverdrag', 'a'],
      ['oudverdrag', 'b'],
      ['tweedeverdrag', 'b'],
    ]);
    expect(index.exactByLead).toEqual([
      ['ANV', [['ANV', 'a']]],
      ['AN', [['AN-V', 'a']]],
    ]);
    expect(index.acronymKey).toEqual([['ANV', 'a']]);
  });
});

describe('treaty names through the index', () => {
  const byKey = new Map(data.index.names);
  const sample = data.treaties.flatMap((t) =>
    t.names.map((name) => ({ name, key: byKey.get(nameKey(name)) })),
  );

  it('finds every name in the data, standing alone, as the treaty its key names', () => {
    const misses: string[] = [];
    for (const { name, key } of sample) {
      if (key === undefined) continue; // shorter than 3 letters
      const text = `Zie ook het ${name}; daarna niets.`;
      const hit = detectCitations(text).find((c) => c.kind === 'treaty');
      if (!hit || hit.id !== `treaty-${key}`) misses.push(`${name} → ${hit?.id ?? 'nothing'}`);
    }
    expect(misses).toEqual([]);
  });

  it('finds the same names whatever was detected before (the trie grows as it is walked)', () => {
    const names = sample.filter((x) => x.key !== undefined).map((x) => x.name);
    const textArb = fc
      .array(fc.oneof(fc.constantFrom(...names), fc.constantFrom(' ', ', ', ' het ', 'VN-', 'Verdrag ')), {
        maxLength: 8,
      })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(textArb, textArb, (a, b) => {
        const first = JSON.stringify(detectCitations(a));
        detectCitations(b);
        expect(JSON.stringify(detectCitations(a))).toBe(first);
      }),
      { numRuns: 300 },
    );
  });

  it('matches names whatever their case and with spaces or hyphens in other places', () => {
    const sampled = sample.filter((_, i) => i % 7 === 0 && _.key !== undefined);
    for (const { name, key } of sampled) {
      for (const variant of [name.toUpperCase(), name.toLowerCase(), name.replace(/ /g, '\u00a0')]) {
        const text = `Zie het ${variant} hierover.`;
        const hit = detectCitations(text).find((c) => c.kind === 'treaty');
        expect(hit?.id, variant).toBe(`treaty-${key}`);
      }
    }
  });
});

describe('acronym scan', () => {
  it('takes a capital run only when the whole run is an acronym', () => {
    expect(ids('ATTACK en XCEDAW, CEDAWS, CEDAW, EVRMS en art. 8 EVRM')).toEqual([
      'treaty-cedaw',
      'treaty-echr',
    ]);
  });

  it('needs a word boundary before the run', () => {
    expect(ids('2EVRM, _EVRM, éEVRM, (EVRM) en -EVRM')).toEqual(['treaty-echr', 'treaty-echr']);
  });
});

describe('treaty word scan', () => {
  const m = getMatcher();

  it('treaty words are lower-case ASCII letters (what both scanners assume)', () => {
    for (const w of data.words) expect(w).toMatch(/^[a-z]+$/);
  });

  it('case-insensitive regex and `| 32` agree on every code unit for the letters of the words', () => {
    for (const letter of new Set(data.words.join(''))) {
      const re = new RegExp(letter, 'i');
      const code = letter.charCodeAt(0);
      for (let c = 0; c <= 0xffff; c++) {
        const byOr = c < 0x80 && (c | 32) === code;
        if (re.test(String.fromCharCode(c)) !== byOr) throw new Error(`${letter} vs U+${c.toString(16)}`);
      }
    }
  });

  it('the regex scan finds the Wu–Manber hits, except hits inside an earlier hit', () => {
    const pieces = [
      ...data.words,
      ...data.words.map((w) => w.toUpperCase()),
      'Verdrag',
      'verdragen',
      'a',
      ' ',
      's',
    ];
    const textArb = fc
      .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 12 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(textArb, (text) => {
        const wm = treatyWordHits(m, text);
        const expected: number[] = [];
        let end = 0;
        for (let i = 0; i < wm.length; i += 2) {
          if (wm[i]! < end) continue;
          expected.push(wm[i]!, wm[i + 1]!);
          end = wm[i]! + m.wordSet[wm[i + 1]!]!.length;
        }
        expect(treatyWordHitsByRegex(m, text)).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('short and long texts find the same treaties (regex scan up to WORD_REGEX_MAX, Wu–Manber above)', () => {
    const text =
      'Het VN-Vrouwenrechtenverdrag, het Verdrag inzake de rechten van het kind, de verdragspartijen, ' +
      'het Anti-Landmijnenverdrag en de Non-Proliferation Treaty (NPT). ';
    const short = ids(text);
    const pad = ' '.repeat(WORD_REGEX_MAX);
    const long = detectCitations(text + pad).map((c) => c.id);
    expect(short.length).toBeGreaterThanOrEqual(5);
    expect(long).toEqual(short);
  });
});
