/** Read one CSV file of the reference data, with clear errors for a missing file or column. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export type Row<C extends string = string> = Record<C, string>;

export class ReferenceDataError extends Error {}

export function readCsv<C extends string>(dir: string, file: string, columns: readonly C[]): Row<C>[] {
  const path = join(dir, file);
  if (!existsSync(path)) throw new ReferenceDataError(`missing reference file ${path}`);
  const rows = parse(readFileSync(path, 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: false,
  }) as Record<string, string>[];
  const header = rows.length ? Object.keys(rows[0]!) : [];
  const missing = rows.length ? columns.filter((c) => !header.includes(c)) : [];
  if (missing.length) throw new ReferenceDataError(`${path}: missing column(s) ${missing.join(', ')}`);
  return rows.map((r) => {
    const out = {} as Row<C>;
    for (const c of columns) out[c] = (r[c] ?? '').trim();
    return out;
  });
}
