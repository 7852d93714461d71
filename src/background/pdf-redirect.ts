/**
 * PDFs from the official sites open in Bronwijzer's reader by default.
 *
 * How: one declarativeNetRequest rule, kept by the browser (a service worker may be stopped at any moment, and a
 * rule needs no worker to act). It matches top-level navigations to the covered hosts whose response says
 * `Content-Type: application/pdf` (the `responseHeaders` condition, evaluated when the headers arrive), so
 * `https://www.tweedekamer.nl/downloads/document?id=…` is recognised without `.pdf` in its address, and
 * redirects them to the reader with the original address after `#`. It needs `declarativeNetRequestWithHostAccess`
 * (no install warning; it acts only where the extension has host access: the covered sites) — no `webRequest`,
 * no `tabs`, no access to other sites. The reader's "browser's viewer" button adds a session rule that lets one
 * address through; the option `openPdfsInReader` removes the rule.
 */
import browser from 'webextension-polyfill';
import { hostOfPattern } from '../core/sites';
import { loadSettings, onSettingsChanged } from '../ui/settings-store';
import { READER_PAGE } from '../ui/reader-links';
import { officialSites } from '../ui/sites';

const RULE_ID = 1;

/** The rule's shape (the polyfill's types predate the `responseHeaders` condition, Chrome 128). */
interface RedirectRule {
  id: number;
  priority: number;
  action: { type: 'redirect'; redirect: { regexSubstitution: string } };
  condition: {
    regexFilter: string;
    requestDomains: string[];
    resourceTypes: ['main_frame'];
    responseHeaders: { header: string; values: string[] }[];
  };
}

export function pdfRedirectRule(readerUrl: string, sites: readonly string[]): RedirectRule {
  return {
    id: RULE_ID,
    priority: 1,
    action: { type: 'redirect', redirect: { regexSubstitution: `${readerUrl}#\\0` } },
    condition: {
      regexFilter: '^https://.*$',
      requestDomains: [...new Set(sites.map(hostOfPattern))],
      resourceTypes: ['main_frame'],
      responseHeaders: [{ header: 'content-type', values: ['application/pdf', 'application/pdf;*'] }],
    },
  };
}

/** Adds or removes the rule as the setting says. A browser without the condition (Firefox) keeps its viewer. */
export async function syncPdfRedirect(on: boolean): Promise<void> {
  const dnr = browser.declarativeNetRequest as unknown as {
    updateDynamicRules(options: { removeRuleIds: number[]; addRules?: RedirectRule[] }): Promise<void>;
  };
  if (!dnr) return;
  try {
    await dnr.updateDynamicRules({
      removeRuleIds: [RULE_ID],
      ...(on ? { addRules: [pdfRedirectRule(browser.runtime.getURL(READER_PAGE), officialSites())] } : {}),
    });
  } catch (error) {
    console.warn('Bronwijzer: PDFs cannot be opened in the reader automatically here', error);
  }
}

/** Keeps the rule in line with the setting: now (install, update, start) and whenever it changes. */
export function watchPdfRedirect(): void {
  void loadSettings().then((settings) => syncPdfRedirect(settings.openPdfsInReader));
  let last: boolean | undefined;
  onSettingsChanged((settings) => {
    if (settings.openPdfsInReader === last) return;
    last = settings.openPdfsInReader;
    void syncPdfRedirect(settings.openPdfsInReader);
  });
}
