import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askBackground, askContent, launchExtension, pageCitations, type ExtensionSession } from './harness';
import {
  clearAllNotes,
  clickClosedUi,
  closedUiBoxes,
  dragSelect,
  hasNoteFrame,
  noteFrame,
  textBox,
} from './notes-helpers';
import { resetSettings } from './pages-helpers';
import { comparePixels, decodePng } from './pixels';

const LETTER = 'https://www.tweedekamer.nl/kamerstukken/brieven_regering/notities';
const PASSAGE = 'vier miljoen euro';
const SHOTS = path.resolve(import.meta.dirname, '../../artifacts/notes-visible');

/** A dark page: its own colours, as a site with a dark theme has (the highlight must show on both). */
const DARK_PAGE_CSS = 'html, body { background: #15171a !important; color: #e6e6e6 !important; }';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await session?.close();
});

async function openLetter(scheme: 'light' | 'dark'): Promise<Page> {
  const page = await session.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(LETTER);
  if (scheme === 'dark') await page.addStyleTag({ content: DARK_PAGE_CSS });
  await expect.poll(async () => (await pageCitations(session, page)).length).toBeGreaterThan(0);
  return page;
}

/** A screenshot of the paragraph holding the passage (the pointer is kept away from it). */
async function shoot(page: Page, name: string) {
  await page.mouse.move(5, 5);
  const png = await page.locator('#budget').screenshot({ animations: 'disabled' });
  await writeFile(path.join(SHOTS, `${name}.png`), png);
  return decodePng(page, png);
}

describe('a saved note is painted on the page', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`shows the passage in the note's colour (${scheme}), and the active note stands out`, async () => {
      await clearAllNotes(session);
      const page = await openLetter(scheme);
      const plain = await shoot(page, `${scheme}-without-note`);

      await askBackground(session, 'notesSave', {
        note: {
          url: LETTER,
          title: 'Kamerbrief',
          selectors: [
            { type: 'TextQuoteSelector', exact: PASSAGE, prefix: 'bijdrage van ', suffix: ' gereserveerd' },
          ],
          body: 'Bedrag nagaan',
          colour: 'yellow',
        },
      });
      await page.close();
      const noted = await openLetter(scheme);
      await expect
        .poll(async () => (await askContent(session, noted, 'pageNotes', {})).notes.map((n) => n.state))
        .toEqual(['anchored']);
      const painted = await shoot(noted, `${scheme}-with-note`);

      // The passage is a few words of a three-line paragraph: a visible share, not a stray pixel.
      const difference = comparePixels(plain, painted);
      expect(difference.changedShare).toBeGreaterThan(0.02);
      expect(difference.changedShare).toBeLessThan(0.3);
      // Yellow: blue goes down against red (light page), red and green go up (dark page).
      const [r0, g0, b0] = difference.meanBefore;
      const [r1, g1, b1] = difference.meanAfter;
      if (scheme === 'light') expect(r1! - b1! - (r0! - b0!)).toBeGreaterThan(60);
      else expect(r1! + g1! - (r0! + g0!)).toBeGreaterThan(80);

      // "Open" from the notes page marks the note for a moment, above its colour.
      const [note] = (await askContent(session, noted, 'pageNotes', {})).notes;
      await askContent(session, noted, 'showNote', { id: note!.id });
      const active = await shoot(noted, `${scheme}-active-note`);
      expect(comparePixels(painted, active).changedShare).toBeGreaterThan(0.02);
    });
  }
});

describe('the note frame, as the user sees it', () => {
  const WORDS = {
    nl: { heading: 'Nieuwe notitie', save: 'Opslaan' },
    en: { heading: 'New note', save: 'Save' },
  };
  for (const language of ['nl', 'en'] as const)
    for (const scheme of ['light', 'dark'] as const) {
      it(`shows the form and a passage's notes in ${language}, ${scheme}`, async () => {
        await resetSettings(session, language);
        await clearAllNotes(session);
        await askBackground(session, 'notesSave', {
          note: {
            url: LETTER,
            title: 'Kamerbrief',
            selectors: [
              { type: 'TextQuoteSelector', exact: PASSAGE, prefix: 'bijdrage van ', suffix: ' gereserveerd' },
            ],
            body: 'Bedrag nagaan bij BZ',
            tags: ['begroting'],
            colour: 'blue',
          },
        });
        const page = await openLetter(scheme);
        await expect
          .poll(async () => (await askContent(session, page, 'pageNotes', {})).notes.length)
          .toBe(1);

        await dragSelect(page, '#evaluation', 'De evaluatie van de actieagenda');
        await clickClosedUi(page, '.note-select-button');
        const form = (await noteFrame(page)).locator('.note-form');
        await form.waitFor();
        expect(await form.locator('.note-heading').textContent()).toBe(WORDS[language].heading);
        expect(await form.locator('.note-save').textContent()).toBe(WORDS[language].save);
        await page.waitForTimeout(300); // sized to its card
        await frameShot(page, `frame-form-${language}-${scheme}`);
        await form.locator('.note-cancel').click();
        await expect.poll(() => hasNoteFrame(page)).toBe(false);

        const box = await textBox(page, '#budget', PASSAGE);
        await page.mouse.move(box.middle.x - 40, box.middle.y - 40);
        await page.mouse.move(box.middle.x, box.middle.y, { steps: 4 });
        const popover = (await noteFrame(page)).locator('.note-popover');
        await popover.waitFor();
        expect(await popover.locator('.note-text').textContent()).toBe('Bedrag nagaan bij BZ');
        await page.waitForTimeout(300);
        await frameShot(page, `frame-view-${language}-${scheme}`);
        await page.close();
      });
    }
  afterAll(() => resetSettings(session, 'nl'));
});

/** A screenshot of the page around the open note frame. */
async function frameShot(page: Page, name: string): Promise<void> {
  const [frame] = await closedUiBoxes(page, 'iframe.note-frame');
  if (!frame) throw new Error('no note frame open');
  const clip = {
    x: Math.max(0, frame.x - 40),
    y: Math.max(0, frame.y - 40),
    width: Math.min(frame.width + 80, 1200 - Math.max(0, frame.x - 40)),
    height: frame.height + 80,
  };
  await writeFile(path.join(SHOTS, `${name}.png`), await page.screenshot({ clip }));
}
