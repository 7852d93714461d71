/**
 * Deterministic test material for the notes benchmarks: Dutch-looking page text and notes on it.
 * The same seed gives the same notes on every run and machine.
 */
import { describeRange } from '../../src/core/annotations/anchor';
import { COLOURS, createAnnotation, type Annotation } from '../../src/core/annotations/model';
import { rng } from './rng';

const random = rng(2025);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const WORDS = (
  'de het een van en in op te dat voor met is niet aan door bij als ook zijn over naar Kamer minister ' +
  'regering kabinet resolutie Veiligheidsraad vrouwen vrede veiligheid motie Kamerstuk verdrag beleid ' +
  'uitvoering brief vragen antwoord wetsvoorstel begroting artikel commissie Buitenlandse Zaken Defensie ' +
  'financiële ondersteuning internationale samenwerking rapport onderzoek stikstof landbouw natuur ' +
  'woningbouw gemeenten provincies toezegging evaluatie Handelingen vergadering ratificatie mensenrechten'
).split(' ');
const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

/** Word salad of exactly `length` characters. */
export function pageText(length: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const part = `${sentence(12)} ${Math.floor(random() * 100_000)}.`;
    parts.push(part);
    size += part.length + 1;
  }
  return parts.join(' ').slice(0, length);
}

/** `count` notes on four official sites, five per page, 40 % on a resolution, most with tags. */
export function generateNotes(count: number): Annotation[] {
  const text = pageText(200_000);
  const sites = [
    'www.tweedekamer.nl',
    'zoek.officielebekendmakingen.nl',
    'www.rijksoverheid.nl',
    'wetten.overheid.nl',
  ];
  const tags = ['opvolgen', 'begroting', 'VN', 'stikstof', 'WPS', 'toezegging', 'motie', 'later lezen'];
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const at = Math.floor(random() * (text.length - 200));
    const citation =
      random() < 0.4 ? { id: `unsc-${1300 + Math.floor(random() * 60)}`, kind: 'unsc' as const } : undefined;
    return createAnnotation(
      {
        url: `https://${pick(sites)}/document/${Math.floor(i / 5)}`,
        title: `Document ${Math.floor(i / 5)}: ${sentence(6)}`,
        selectors: describeRange(text, at, at + 40 + Math.floor(random() * 160)),
        ...(citation ? { citation } : {}),
        body: `${sentence(10 + Math.floor(random() * 40))} ${i}`,
        colour: pick(COLOURS),
        tags: random() < 0.7 ? [pick(tags), pick(tags)] : [],
      },
      { now: new Date(start + i * 60_000) },
    );
  });
}
