import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../../ui/i18n';

interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

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
              description: c.description ?? c.name!,
              shortcut: c.shortcut ?? '',
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
              {s.shortcut ? <kbd>{s.shortcut}</kbd> : <span class="muted">{t('shortcuts_unset')}</span>}
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
