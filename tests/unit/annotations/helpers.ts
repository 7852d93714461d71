import { createAnnotation, type Annotation, type Colour } from '../../../src/core/annotations/model';
import { describeRange } from '../../../src/core/annotations/anchor';
import type { CitationKind } from '../../../src/core/citation';
import { rng } from '../../../scripts/lib/rng';

const WORDS = (
  'de het een van en in op te dat voor met is niet aan door bij als ook zijn over naar Kamer minister ' +
  'regering kabinet resolutie Veiligheidsraad vrouwen vrede veiligheid motie Kamerstuk nr. verdrag ' +
  'beleid uitvoering bewindspersoon brief vragen antwoord wetsvoorstel begroting artikel lid commissie ' +
  'Buitenlandse Zaken Defensie financiële ondersteuning internationale samenwerking rapport onderzoek ' +
  'stikstof landbouw natuur woningbouw gemeenten provincies toezegging evaluatie Handelingen vergadering ' +
  'Staatsblad Tractatenblad ratificatie mensenrechten VN-Vrouwenrechtenverdrag 1325 2000 36 600 V 46 2024/25'
).split(' ');

/** A Dutch-looking word salad of about `length` characters: repeats words, rarely whole phrases. */
export function dutchText(length: number, seed = 1): string {
  const random = rng(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    let word = WORDS[Math.floor(random() * WORDS.length)]!;
    if (random() < 0.08) word += '.';
    else if (random() < 0.05) word += ',';
    if (random() < 0.02) word += '\n';
    // A random number now and then keeps long stretches unique, as in real documents.
    if (random() < 0.1) word += ` ${Math.floor(random() * 100000)}`;
    parts.push(word);
    size += word.length + 1;
  }
  return parts.join(' ').slice(0, length);
}

export interface NoteSeed {
  url?: string;
  title?: string;
  body?: string;
  tags?: string[];
  colour?: Colour;
  citation?: { id: string; kind: CitationKind };
  now?: Date;
}

let counter = 0;

/** A valid annotation on a small text; ids are random UUIDs. */
export function makeNote(seed: NoteSeed = {}): Annotation {
  counter++;
  const text = `Voorafgaande tekst ${counter}. De Veiligheidsraad nam resolutie 1325 (2000) aan over vrouwen. Slot.`;
  const start = text.indexOf('resolutie 1325');
  const input: Parameters<typeof createAnnotation>[0] = {
    url: seed.url ?? `https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=${counter}#top`,
    title: seed.title ?? `Brief ${counter}`,
    selectors: describeRange(text, start, start + 'resolutie 1325 (2000)'.length),
    body: seed.body ?? `Notitie ${counter}`,
    tags: seed.tags ?? [],
  };
  if (seed.colour) input.colour = seed.colour;
  if (seed.citation) input.citation = seed.citation;
  return createAnnotation(input, seed.now ? { now: seed.now } : {});
}
