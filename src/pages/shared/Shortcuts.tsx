import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import manifest from '../../../manifest.json';
import { t } from '../../ui/i18n';

interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
  /** The manifest's suggestion, shown when the browser assigned nothing (a conflict, or a test profile). */
  suggested: string;
}

/** Our own words for the commands: the browser gives their descriptions in its language, not the one chosen here. */
const DESCRIPTIONS: Record<string, string> = {
  'next-citation': 'command_next',
  'previous-citation': 'command_previous',
};

/** Where a browser lets people change an extension's shortcuts (Firefox: the add-ons page's gear menu). */
const SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';
const isFirefox = () => browser.runtime.getURL('').startsWith('moz-extension:');

/** The keyboard shortcuts as the browser has them now (the user may have changed them), and where to change them. */
export function Shortcuts({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then(
      (commands) =>
        setShortcuts(
          commands
            .filter((c) => c.name && c.name !== '_execute_action')
            .map((c) => ({
              name: c.name!,
              description: DESCRIPTIONS[c.name!] ? t(DESCRIPTIONS[c.name!]!) : (c.description ?? c.name!),
              shortcut: c.shortcut ?? '',
              suggested: suggestedKey(c.name!),
            })),
        ),
      () => undefined,
    );
  }, []);
  const Heading = `h${headingLevel}` as 'h2';
  return (
    <section class="shortcuts" aria-labelledby="shortcuts-heading" data-testid="shortcuts">
      <Heading id="shortcuts-heading">{t('shortcuts_heading')}</Heading>
      <dl>
        {shortcuts.map((s) => (
          <div key={s.name} class="shortcut">
            <dt>
              {s.shortcut ? (
                <kbd>{s.shortcut}</kbd>
              ) : (
                <span class="muted">{t('shortcuts_unset', [s.suggested || '—'])}</span>
              )}
            </dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
      {isFirefox() ? (
        <p class="muted">{t('shortcuts_change_firefox')}</p>
      ) : (
        <p class="muted">
          <a
            href={SHORTCUTS_PAGE}
            onClick={(event) => {
              event.preventDefault();
              void browser.tabs.create({ url: SHORTCUTS_PAGE });
            }}
          >
            {t('shortcuts_change')}
          </a>
        </p>
      )}
    </section>
  );
}

/** From the manifest as built (Chrome's runtime.getManifest() leaves suggested keys out). */
function suggestedKey(name: string): string {
  const commands = manifest.commands as Record<string, { suggested_key?: { default?: string } }>;
  return commands[name]?.suggested_key?.default ?? '';
}
