import browser from 'webextension-polyfill';

/** Escapes an address for an RE2 regular expression (declarativeNetRequest's regexFilter). */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface AllowRule {
  id: number;
  priority: number;
  action: { type: 'allow' };
  condition: {
    regexFilter: string;
    resourceTypes: ['main_frame'];
    responseHeaders: { header: string; values: string[] }[];
  };
}

/**
 * The way out: shows the document in the browser's own viewer. A session rule (gone when the browser closes)
 * lets this one address through the redirect to the reader; it matches at the same stage as the redirect
 * (response headers), with a higher priority.
 */
export async function openInBrowserViewer(address: string): Promise<void> {
  const dnr = browser.declarativeNetRequest as unknown as
    | {
        getSessionRules(): Promise<{ id: number }[]>;
        updateSessionRules(options: { addRules: AllowRule[] }): Promise<void>;
      }
    | undefined;
  if (dnr) {
    try {
      const rules = await dnr.getSessionRules();
      const id = Math.max(0, ...rules.map((rule) => rule.id)) + 1;
      await dnr.updateSessionRules({
        addRules: [
          {
            id,
            priority: 2,
            action: { type: 'allow' },
            condition: {
              regexFilter: `^${escapeRegex(address)}$`,
              resourceTypes: ['main_frame'],
              responseHeaders: [{ header: 'content-type', values: ['application/pdf', 'application/pdf;*'] }],
            },
          },
        ],
      });
    } catch (error) {
      console.warn('Bronwijzer: could not let the address through', error);
    }
  }
  location.replace(address);
}
