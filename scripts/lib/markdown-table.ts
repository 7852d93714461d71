/**
 * A table as Markdown, the way every benchmark and report script prints its figures: the first row is the
 * header; columns are padded to one width; `right` columns (numbers) are right-aligned and marked `---:`.
 * By default the first column is text and the others are numbers.
 */
export function markdownTable(rows: readonly (readonly string[])[], right?: readonly boolean[]): string {
  const header = rows[0]!;
  const isRight = right ?? header.map((_, i) => i > 0);
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]): string =>
    '| ' + r.map((c, i) => (isRight[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ') + ' |';
  const sep =
    '|' + widths.map((w, i) => (isRight[i] ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|';
  return [line(header), sep, ...rows.slice(1).map(line)].join('\n');
}
