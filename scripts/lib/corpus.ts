import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The texts of a corpus's documents (`DIR/docs/*.txt`, by file name), or undefined when it has none there. */
export function corpusDocuments(dir: string): string[] | undefined {
  const docs = join(dir, 'docs');
  if (!existsSync(docs)) return undefined;
  return readdirSync(docs)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => readFileSync(join(docs, file), 'utf8'));
}
