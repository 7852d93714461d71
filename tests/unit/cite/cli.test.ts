import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReferences } from '../../../src/core/cite/export';

const ROOT = resolve(__dirname, '../../..');
const tsx = join(ROOT, 'node_modules/.bin/tsx');
const cite = (args: string[], input?: string) =>
  spawnSync(tsx, ['scripts/cite.ts', ...args], { cwd: ROOT, input, encoding: 'utf8' });

describe('cite CLI', { timeout: 60_000 }, () => {
  it('prints one line per id: the citation, a tab, its source URL; bad ids on stderr, exit 1', () => {
    const out = cite(['kst-36600-XVII-46', 'not-an-id', '-'], 'unsc-1325\nstb-2020-123\n');
    expect(out.stdout.trim().split('\n')).toEqual([
      'Kamerstukken II 2024/25, 36 600 XVII, nr. 46\thttps://zoek.officielebekendmakingen.nl/kst-36600-XVII-46.html',
      'Resolutie 1325 (2000) van de VN-Veiligheidsraad, S/RES/1325 (2000)\thttps://undocs.org/S/RES/1325(2000)',
      'Stb. 2020, 123\thttps://zoek.officielebekendmakingen.nl/stb-2020-123.html',
    ]);
    expect(out.stderr).toContain('not-an-id');
    expect(out.status).toBe(1);
  });

  it('speaks English and writes reference files a reference manager reads', () => {
    expect(cite(['--lang', 'en', 'h-tk-20232024-45-12']).stdout).toBe(
      'Proceedings II 2023/24, no. 45, item 12\thttps://zoek.officielebekendmakingen.nl/h-tk-20232024-45-12.html\n',
    );
    const ris = cite(['--format', 'ris', 'kst-32623-345', 'treaty-cedaw']);
    expect(ris.status).toBe(0);
    expect(readReferences(ris.stdout).map((r) => r.title)).toEqual([
      'Motie van het lid Dobbe c.s. over een extra inspanning voor het versterken van het maatschappelijk middenveld in Syrië',
      'Verdrag inzake de uitbanning van alle vormen van discriminatie van vrouwen',
    ]);
    const csl = JSON.parse(cite(['--format', 'csl-json', 'ECLI:NL:HR:2019:2006']).stdout);
    expect(csl[0]).toMatchObject({ type: 'legal_case', authority: 'Hoge Raad' });
    expect(cite(['--format', 'docx', 'unsc-1325']).status).toBe(2);
  });
});
