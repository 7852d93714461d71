import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Citation } from '../../src/core/citation';
import { detectCitations } from '../../src/core/detect/index';
import { chunksAgree, detectChunk, ownCitations, planChunks } from '../../scripts/lib/scan-chunks';

const tmp = mkdtempSync(join(tmpdir(), 'scan-chunks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Ordinary paragraphs between the cases: a few KB, so a case lies chunks away from another. */
const filler = (n: number): string =>
  'De minister antwoordt op 4 juni 2025 op de vragen van het lid over het beleid en de uitvoering.\n\n'.repeat(
    n,
  );

/** Chunks of about 3 KB; what the chunks give (when they agree), beside one pass over the whole text. */
function scanInChunks(text: string): {
  agree: boolean;
  chunks: number;
  chunked: Citation[];
  whole: Citation[];
} {
  const file = join(tmp, `t${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(file, text);
  const size = Buffer.byteLength(text);
  const plan = planChunks(file, size, 64, 3_000)!;
  const parts = plan.cuts
    .slice(0, -1)
    .map((start, i) => detectChunk({ file, start, end: plan.cuts[i + 1]!, house: plan.house }));
  const chunked: Citation[] = [];
  let base = 0;
  for (const { chunk, facts } of parts) {
    const own = ownCitations(chunk, base);
    chunked.push(...own.citations.map((c) => ({ ...c, start: c.start + own.shift, end: c.end + own.shift })));
    base += facts.units;
  }
  return {
    agree: chunksAgree(parts.map((p) => p.facts)),
    chunks: parts.length,
    chunked,
    whole: detectCitations(text),
  };
}

describe('scan of a big file in chunks', () => {
  it('finds, chunk by chunk, what one pass over the whole text finds (offsets in the file, accents included)', () => {
    const cases = [
      'Zie Kamerstukken II 2012/13, 33 400, 17 en resolutie 1325 (2000).\n\n',
      'Het Statuut van Rome (Trb. 2000, 120) is goedgekeurd (Stb. 2001, 343); zie ook art. 8 EVRM.\n\n',
      'Geïnformeerd – zie de motie 32 623, nr. 345 en Handelingen II 2023/24, nr. 45, item 12.\n\n',
    ];
    const text = Array.from({ length: 12 }, (_, i) => filler(7 + i) + cases[i % 3]!).join('');
    const r = scanInChunks(text);
    expect(r.chunks).toBeGreaterThan(3);
    expect(r.agree).toBe(true);
    expect(r.whole.length).toBeGreaterThan(24);
    expect(r.chunked).toEqual(r.whole);
  });

  it('does not pass chunks whose neighbours read a cut differently: a chain of continuations across it', () => {
    // One line each, so the chain can be cut (a file is cut at a blank line, else at a line break).
    const chain = 'Kamerstukken II 2019/20, 35 300, nr. 1' + ';\nnr. 2'.repeat(6000);
    const text = filler(30) + chain + '.\n\n' + filler(30);
    const r = scanInChunks(text);
    expect(r.chunked).not.toEqual(r.whole);
    expect(r.agree).toBe(false);
  });

  it('does not pass an implicit reference whose dossier is in a chunk before it', () => {
    const text =
      'Zij krijgt nr. 351 (32847).\n\n' +
      filler(250) +
      'De motie op stuk nr. 351 van de heer Ronnes.\n\n' +
      filler(30);
    const r = scanInChunks(text);
    expect(r.whole.map((c) => c.id)).toEqual(['kst-32847-351', 'kst-32847-351']);
    expect(r.chunked).not.toEqual(r.whole);
    expect(r.agree).toBe(false);
  });

  it('does not pass a short acronym that only a treaty named in another chunk supports', () => {
    const text =
      'Het Arms Trade Treaty.\n\n' + filler(250) + 'Over ATT spraken de ministers.\n\n' + filler(30);
    const r = scanInChunks(text);
    expect(r.whole.map((c) => c.id)).toEqual(['treaty-att', 'treaty-att']);
    expect(r.chunked).not.toEqual(r.whole);
    expect(r.agree).toBe(false);
  });

  it("gives every chunk the house of the file's start for Handelingen without one", () => {
    const text =
      'Eerste Kamer der Staten-Generaal. De Eerste Kamer.\n\n' +
      filler(250) +
      'Handelingen 2016/17, nr. 34.\n\n';
    const r = scanInChunks(text);
    expect(r.agree).toBe(true);
    expect(r.chunked.map((c) => c.id)).toEqual(['h-ek-20162017-34']);
    expect(r.chunked).toEqual(r.whole);
  });
});
