import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIREFOX_INSTALL_HINT,
  TOOLTIP,
  findFirefox,
  hoverText,
  launchFirefox,
  type FirefoxSession,
} from './harness';

const KAMERVRAGEN = 'https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=2025Z09876&did=2025D23456';
const firefox = findFirefox();

describe.skipIf(!firefox)(
  firefox
    ? 'Firefox smoke test: built add-on in headless Firefox'
    : `Firefox smoke test skipped: ${FIREFOX_INSTALL_HINT}`,
  () => {
    let session: FirefoxSession;
    beforeAll(async () => {
      session = await launchFirefox();
    });
    afterAll(async () => {
      await session?.close();
    });

    it('installs the add-on under its gecko id', () => {
      expect(session.addonId).toBe('bronwijzer@bronwijzer.nl');
    });

    it('highlights citations and shows the tooltip with facts from the background script on hover', async () => {
      const page = await session.open(KAMERVRAGEN);
      expect(new URL(page.url()).host).toBe('www.tweedekamer.nl');

      const features = await page.evaluate(() => ({
        highlights: typeof CSS !== 'undefined' && 'highlights' in CSS,
        caretPositionFromPoint: typeof document.caretPositionFromPoint === 'function',
      }));
      expect(features).toEqual({ highlights: true, caretPositionFromPoint: true });
      // The content script registered its highlight and painted the citations through it.
      await expect
        .poll(() => page.evaluate(() => CSS.highlights.get('bronwijzer-citation')?.size ?? 0), {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);

      await hoverText(page, '1325 (2000)');
      const card = await page.waitForSelector(TOOLTIP, { visible: true, timeout: 15_000 });
      expect(await card!.evaluate((el) => el.getAttribute('data-citation-id'))).toBe('unsc-1325');
      await expect
        .poll(() => card!.evaluate((el) => el.querySelector('.title')?.textContent ?? null))
        .toBe('Women and peace and security');
      expect(await card!.evaluate((el) => el.querySelector('time')?.getAttribute('datetime'))).toBe(
        '2000-10-31',
      );
      await page.close();
    });
  },
);
