/**
 * The dataset's compact document table as records the lookups read: one record per document, a
 * pointer from a TK document number to its Kamerstuk, and per Kamerstuk number cited without its
 * dossier suffix an index of the suffixes the data has it under. Pure.
 */
import { parseId } from '../ids';
import type { DocumentMethod, DocumentTable, ReferenceRecord, Verification } from './types';

/** Key of the index record listing the suffixes under which `kst-36600-46` exists (`kst-36600-XVII-46`, …). */
export function suffixIndexKey(dossier: string, document: string): string {
  return `kst-${dossier}-${document}~alts`;
}

/** How sure a document's identity is, by how it was tied to its Kamerstuk. */
export function methodVerification(how: DocumentMethod): Verification {
  return how === 'stated' || how === 'number' ? 'verified' : 'derived';
}

/** Every record the document table stands for. */
export function documentRecords(table: DocumentTable): ReferenceRecord[] {
  const out: ReferenceRecord[] = [];
  const suffixes = new Map<string, string[]>();
  for (const [id, number, type, subject, date, session, method] of table.rows) {
    const how = table.methods[method] as DocumentMethod;
    const fields: Record<string, string> = {
      type: table.types[type]!,
      vj: `${session}${session + 1}`,
      how,
    };
    const p = parseId(id);
    if (p?.kind === 'kamerstuk' && p.document) {
      fields.doc = p.document;
      if (number) fields.dn = number;
      const key = suffixIndexKey(p.dossier, p.document);
      suffixes.set(key, [...(suffixes.get(key) ?? []), p.suffix ?? '']);
      if (number)
        out.push({
          id: number,
          kind: 'tk-document',
          title: subject,
          verification: 'verified',
          fields: { kst: id },
        });
    }
    out.push({
      id,
      kind: p?.kind ?? 'tk-document',
      title: subject,
      date,
      verification: methodVerification(how),
      fields,
    });
  }
  for (const [id, list] of suffixes)
    if (list.some(Boolean))
      out.push({
        id,
        kind: 'kamerstuk',
        title: '',
        verification: 'derived',
        fields: { alts: list.join('|') },
      });
  return out;
}

/** Keys beyond recordKeysFor(id) that a lookup of `id` reads in its first round: the suffix index. */
export function documentKeysFor(id: string): string[] {
  const p = parseId(id);
  if (p?.kind !== 'kamerstuk' || !p.document || p.suffix) return [];
  return [suffixIndexKey(p.dossier, p.document)];
}

/** The Kamerstuk ids a suffix index record names. */
export function suffixCandidates(
  dossier: string,
  document: string,
  index: ReferenceRecord | undefined,
): string[] {
  const alts = index?.fields?.alts;
  if (alts === undefined) return [];
  return alts.split('|').map((s) => `kst-${dossier}${s ? '-' + s : ''}-${document}`);
}
