import { describe, expect, it } from 'vitest';
import { createAnnotation, type NewAnnotation } from '../../../src/core/annotations/model';
import { citedContexts, citedIds } from '../../../src/pages/notes/cited';

const note = (exact: string, citation?: NewAnnotation['citation'], prefix = '', suffix = '') =>
  createAnnotation({
    url: 'https://www.tweedekamer.nl/kamerstukken/kamervragen/detail',
    selectors: [{ type: 'TextQuoteSelector', exact, prefix, suffix }],
    ...(citation ? { citation } : {}),
  });

describe('what the notes shown cite', () => {
  const motion = note(
    'motie 36 600, nr. 46',
    { id: 'kst-36600-46', kind: 'kamerstuk' },
    'Nader gewijzigde ',
    ' van het lid Boswijk c.s.',
  );
  const passage = note('zoals resolutie 1325 (2000) en Kamerstuk 26 150, nr. 223 vragen');

  it("the notes' own citations first; the quotes' citations only when asked for, each id once", () => {
    expect(citedIds([motion, passage], { quotes: false })).toEqual(['kst-36600-46']);
    expect(citedIds([motion, passage, motion])).toEqual(['kst-36600-46', 'unsc-1325', 'kst-26150-223']);
  });

  it('sends the words saved around a cited id, so a suffixless number can be told apart', () => {
    expect(citedContexts([motion, passage])).toEqual({
      'kst-36600-46': 'Nader gewijzigde motie 36 600, nr. 46 van het lid Boswijk c.s.',
    });
  });
});
