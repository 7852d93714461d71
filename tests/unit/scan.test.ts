import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'tests/fixtures/scan');

async function scan(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return scanWith({}, ...args);
}

async function scanWith(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/scan.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.code };
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'scan-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('scan', () => {
  it('scans a directory on worker threads, in the order of its files, recursively', async () => {
    const { stdout, code } = await scan(FIXTURES);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; id: string });
    expect(lines.map((l) => [l.file.slice(FIXTURES.length + 1), l.id])).toEqual([
      ['a.txt', 'kst-33400-17'],
      ['a.txt', 'unsc-1325'],
      ['nested/b.txt', 'stb-2003-201'],
    ]);
  }, 60_000);

  it('shows its progress on stderr once it has run long enough, and none for a quick scan', async () => {
    const shown = await scanWith({ SCAN_PROGRESS_AFTER_MS: '0' }, FIXTURES);
    expect(shown.stderr).toMatch(/scan: \d\/3 files, \d+\.\d MB/);
    const quick = await scanWith({ SCAN_PROGRESS_AFTER_MS: '60000' }, FIXTURES);
    expect(quick.stderr).toBe('');
    expect(quick.stdout).toBe(shown.stdout);
  }, 60_000);

  it('scans the paragraph that stopped pages: thousands of continuations', async () => {
    const file = join(tmp, 'chain.txt');
    writeFileSync(file, 'Kamerstukken II 2019/20, 35 300, nr. 1' + '; nr. 1'.repeat(5000));
    const { stdout, code, stderr } = await scan('--stats', file);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(5001);
    expect(stderr).toMatch(/1 files, 0\.0 MB, 5001 citations in \d+ ms/);
  }, 60_000);

  it('cuts a big file into chunks for the workers, prints what a scan in one piece prints, and its figures', async () => {
    const file = join(tmp, 'big.txt');
    const paragraph = (i: number): string =>
      `Paragraaf ${i}: zie Kamerstukken II 2012/13, 33 400, ${i} en resolutie 1325 (2000); geïnformeerd.\n\n` +
      'De minister antwoordt op 4 juni 2025 op de vragen van het lid over het beleid.\n\n'.repeat(i % 5);
    writeFileSync(file, Array.from({ length: 600 }, (_, i) => paragraph(i + 1)).join(''));
    const whole = await scanWith({ SCAN_CHUNK_BYTES: '1000000000' }, file);
    const chunked = await scanWith({ SCAN_CHUNK_BYTES: '20000' }, '--stats', file);
    expect(chunked.code).toBe(0);
    expect(whole.stdout.trim().split('\n')).toHaveLength(1200);
    expect(chunked.stdout).toBe(whole.stdout);
    expect(chunked.stderr).toMatch(
      /1 files, 0\.2 MB, 1200 citations in \d+ ms: \d+ MB\/s; 1 cut into \d+ chunks\n/,
    );
    expect(chunked.stderr).toMatch(/\| detect \(workers, summed over the \d+ chunks\) +\| +\d+ \|/);
    expect(chunked.stderr).toMatch(
      /\| end to end: first file opened → last byte written +\| +\d+ \| +\d+ \|/,
    );
  }, 60_000);

  it('scans a big file again in one piece when a chunk leans on another (an implicit reference)', async () => {
    const file = join(tmp, 'implicit.txt');
    const filler =
      'De minister antwoordt op 4 juni 2025 op de vragen van het lid over het beleid.\n\n'.repeat(600);
    writeFileSync(
      file,
      `Zij krijgt nr. 351 (32847).\n\n${filler}De motie op stuk nr. 351 van de heer Ronnes.\n`,
    );
    const chunked = await scanWith({ SCAN_CHUNK_BYTES: '10000' }, '--stats', file);
    expect(chunked.stdout.match(/"id":"kst-32847-351"/g)).toHaveLength(2);
    expect(chunked.stderr).toMatch(/; 1 scanned again in one piece\n/);
  }, 60_000);

  it('reports a file it cannot read, scans the others, and exits 1', async () => {
    const { stdout, stderr, code } = await scan(join(FIXTURES, 'a.txt'), join(tmp, 'missing.txt'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot scan .*missing\.txt: no such file/);
    expect(stdout).toMatch(/kst-33400-17/);
  }, 60_000);

  it('prints a table', async () => {
    const { stdout } = await scan('--format', 'table', join(FIXTURES, 'nested/b.txt'));
    expect(stdout.split('\n')[0]).toMatch(/^file +span +kind +id +text$/);
    expect(stdout).toMatch(/staatsblad +stb-2003-201 +Stb\. 201/);
  }, 60_000);
});
