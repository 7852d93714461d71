import { useEffect, useState } from 'preact/hooks';
import type { LookupResult } from '../../core/dataset/types';
import { MAX_CONTEXT_CHARS } from '../../messaging/contract';
import { askBackground } from '../../messaging/client';

/** The worker answers at most 20,000 ids a request; a page or a notes list never cites that many. */
const MAX_IDS = 20_000;

/**
 * The dataset's answers for `ids`, as the tooltip gets them: one batched `lookup` for the ids not yet
 * answered whenever the list changes, never one request per citation. `contexts`: words around a
 * suffixless Kamerstuk citation, so the worker can tell which document is meant. `enrich`: the user is
 * looking at these citations, so the worker may ask the online service about unknown ones (when switched on).
 */
export function useLookup(
  ids: readonly string[],
  contexts: Readonly<Record<string, string>> = {},
  { enrich = false } = {},
): ReadonlyMap<string, LookupResult> {
  const [results, setResults] = useState<ReadonlyMap<string, LookupResult>>(new Map());
  const key = ids.join(' ');
  useEffect(() => {
    const wanted = ids.filter((id) => !results.has(id)).slice(0, MAX_IDS);
    if (wanted.length === 0) return;
    const around: Record<string, string> = {};
    for (const id of wanted) {
      const context = contexts[id];
      if (context) around[id] = context.slice(0, MAX_CONTEXT_CHARS);
    }
    // An answer that arrives after the list changed is still right: answers are only ever added.
    askBackground('lookup', { ids: wanted, contexts: around, ...(enrich ? { enrich } : {}) }).then(
      (answer) =>
        setResults((known) => new Map([...known, ...answer.results.map((r) => [r.id, r] as const)])),
      // Without answers the citations still show their kind and id.
      () => undefined,
    );
  }, [key]);
  return results;
}
