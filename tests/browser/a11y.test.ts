import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askBackground,
  hoverText,
  launchExtension,
  pageCitations,
  tooltip,
  type ExtensionSession,
} from './harness';
import { KAMERVRAGEN, openOptions, openPopupFor, resetSettings } from './pages-helpers';

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;

/**
 * Runs axe-core in the page (evaluated over the DevTools protocol, so extension pages' CSP does not
 * stand in the way) and returns its serious and critical violations, one line each.
 */
async function seriousViolations(
  page: Page,
  include?: string[],
  { contrastJudged = true } = {},
): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await AXE_SOURCE);
  const options: RunOptions = {};
  const results = await page.evaluate(
    ({ include, options }) => {
      const axe = (
        window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }
      ).axe;
      return axe.run(include ? { include: [include] } : document, options);
    },
    { include, options },
  );
  // The contrast rule must have judged real text, not given up on every node.
  const contrast = results.passes.find((rule) => rule.id === 'color-contrast');

  if (contrastJudged && !contrast?.nodes.length) throw new Error('axe checked no text contrast here');
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * axe leaves the tooltip's contrast "incomplete" (it cannot find the background of a fixed card in a
 * zero-size shadow host), so the tooltip's text is measured here: every element with text of its
 * own, its computed colour against the nearest opaque background inside the card, WCAG formula.
 */
async function tooltipContrastFailures(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const card = document.querySelector('bronwijzer-ui')!.shadowRoot!.querySelector('.card')!;
    const rgba = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const [R, G, B] = [r!, g!, b!].map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    const failures: string[] = [];
    let measured = 0;
    for (const el of [card, ...card.querySelectorAll('*')]) {
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!ownText) continue;
      measured += 1;
      const style = getComputedStyle(el);
      let background: number[] = [];
      for (let at: Element | null = el; at; at = at === card ? null : at.parentElement) {
        const candidate = rgba(getComputedStyle(at).backgroundColor);
        if (candidate.length === 3 || candidate[3] === 1) {
          background = candidate;
          break;
        }
      }
      const [fg, bg] = [luminance(rgba(style.color)), luminance(background)];
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5))
        failures.push(
          `${el.className || el.tagName}: ${ratio.toFixed(2)} (${style.color} on ${background.join(',')})`,
        );
    }
    if (measured < 5) failures.push(`only ${measured} text elements measured`);
    return failures;
  });
}

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
  await resetSettings(session);
});
afterAll(async () => {
  await session?.close();
});

async function annotatedPage(): Promise<Page> {
  const page = await session.open(KAMERVRAGEN);
  await expect.poll(async () => (await pageCitations(session, page)).length).toBeGreaterThanOrEqual(15);
  return page;
}

describe('axe-core: no serious or critical violations, contrast AA in light and dark', () => {
  for (const scheme of SCHEMES) {
    it(`popup listing a page's citations (${scheme})`, async () => {
      const page = await annotatedPage();
      const popup = await openPopupFor(session, page);
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.locator('button[data-citation-id=unsc-1325] .title').waitFor();
      expect(await seriousViolations(popup)).toEqual([]);
    });

    it(`popup on a site it does not annotate (${scheme})`, async () => {
      const page = await session.open('https://www.example.org/nieuws/artikel');
      const popup = await openPopupFor(session, page);
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.getByTestId('not-annotated').waitFor();
      expect(await seriousViolations(popup)).toEqual([]);
    });

    it(`options page (${scheme})`, async () => {
      const options = await openOptions(session);
      await options.emulateMedia({ colorScheme: scheme });
      await options.getByTestId('dataset-status').waitFor();
      expect(await seriousViolations(options)).toEqual([]);
    });

    it(`notes list with notes and an orphan-free page group (${scheme})`, async () => {
      for (const body of ['Eerste WPS-resolutie', 'Motie over maatschappelijk middenveld']) {
        await askBackground(session, 'notesSave', {
          note: {
            url: 'https://www.tweedekamer.nl/kamerstukken/kamervragen/detail',
            title: 'Antwoord op vragen',
            selectors: [{ type: 'TextQuoteSelector', exact: 'resolutie 1325', prefix: '', suffix: '' }],
            body,
            tags: ['wps'],
            // A card with its citation's facts (type, date, how they are known) is checked too.
            ...(body.startsWith('Motie') ? { citation: { id: 'kst-32623-345', kind: 'kamerstuk' } } : {}),
          },
        });
      }
      const notes = await session.context.newPage();
      await notes.goto(`chrome-extension://${session.extensionId}/src/pages/notes/index.html`);
      await notes.locator('article.note .citation-facts [data-testid=provenance]').first().waitFor();
      await notes.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(notes)).toEqual([]);
      await notes.close();
    });

    it(`an open tooltip on a fixture page (${scheme})`, async () => {
      const page = await annotatedPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.mouse.move(0, 0);
      await hoverText(page, 'VN-Vrouwenrechtenverdrag');
      await tooltip(page).locator('.title').waitFor({ state: 'visible' });
      expect(await seriousViolations(page, ['bronwijzer-ui'], { contrastJudged: false })).toEqual([]);
      expect(await tooltipContrastFailures(page)).toEqual([]);
    });
  }
});

it('axe in these tests does catch a contrast failure (control)', async () => {
  const options = await openOptions(session);
  await options.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Hard to read';
    p.style.cssText = 'color: #999; background: #aaa';
    document.querySelector('main')!.append(p);
  });
  expect((await seriousViolations(options)).join()).toContain('color-contrast');
});

describe('keyboard', () => {
  /** Tabs through the page once and returns a description of every element that took focus. */
  async function tabCycle(page: Page, max = 80): Promise<string[]> {
    const seen: string[] = [];
    await page.locator('body').focus();
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const current = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        return `${el.tagName.toLowerCase()}:${el.getAttribute('name') ?? ''}:${el.getAttribute('value') ?? el.textContent?.trim()}`;
      });
      if (current === null || seen.includes(current)) break;
      seen.push(current);
    }
    return seen;
  }

  it('reaches every control of the options page with Tab, in order', async () => {
    const options = await openOptions(session);
    await options.getByTestId('dataset-status').waitFor();
    const controls = await options.evaluate(() =>
      [...document.querySelectorAll('input, select, button, a[href], textarea')]
        .filter((el) => !(el as HTMLInputElement).disabled)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}:${el.getAttribute('name') ?? ''}:${el.getAttribute('value') ?? el.textContent?.trim()}`,
        ),
    );
    expect(controls.length).toBeGreaterThan(25);
    expect(await tabCycle(options)).toEqual(controls);
  });

  it('changes a setting from the keyboard alone', async () => {
    const options = await openOptions(session);
    const unsc = options.locator('input[name=kind][value=unsc]');
    await expect.poll(() => unsc.isChecked()).toBe(true);
    await unsc.focus();
    await options.keyboard.press('Space');
    await expect.poll(() => unsc.isChecked()).toBe(false);
    await options.keyboard.press('Space');
    await expect.poll(() => unsc.isChecked()).toBe(true);
  });

  it('reveals a citation from the popup with Tab and Enter', async () => {
    const page = await annotatedPage();
    const popup = await openPopupFor(session, page);
    // The titles arrive after the list; the Tab cycle records each button's text as it passes.
    await expect
      .poll(() => popup.locator('button[data-citation-id=unsc-1325] .title').textContent())
      .toBe('Women and peace and security');
    const reached = await tabCycle(popup);
    expect(reached[0]).toMatch(/^input:/); // the site switch comes first
    expect(reached.some((item) => item.startsWith('button::Women and peace and security'))).toBe(true);
    await popup.locator('button[data-citation-id=unsc-1820]').focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => tooltip(page).getAttribute('data-citation-id')).toBe('unsc-1820');
  });
});
