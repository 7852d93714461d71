// Placeholder until the dataset branch lands: dataset keys to try for an id, most specific first.
export function recordKeysFor(id: string): string[] {
  const kst = /^(kst-\d+(?:-[A-Z]+|-\d{2})?)-[0-9A-Z]+$/.exec(id);
  return kst?.[1] ? [id, kst[1]] : [id];
}
