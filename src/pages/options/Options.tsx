import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { CITATION_KINDS, type CitationKind } from '../../core/citation';
import { DEFAULT_SETTINGS, TOOLTIP_DELAY_RANGE, type Settings, type UiLanguage } from '../../core/settings';
import { hostOfPattern, sitePatternFor } from '../../core/sites';
import type { DatasetStatus } from '../../messaging/contract';
import { askBackground } from '../../messaging/client';
import { applyLanguage, kindLabel, t } from '../../ui/i18n';
import { loadSettings, onSettingsChanged, saveSettings } from '../../ui/settings-store';
import { isOfficialHost, officialSites, removeSite, requestSite, setOnlineEnrichment } from '../../ui/sites';
import { readerUrlFor } from '../../ui/reader-links';
import { DatasetLine } from '../DatasetLine';
import { Shortcuts } from '../shared/Shortcuts';
import { localizeDocument, NOTES_PAGE } from '../shared/page';

const LANGUAGES: UiLanguage[] = ['auto', 'nl', 'en'];

export function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [dataset, setDataset] = useState<DatasetStatus>();
  const [status, setStatus] = useState('');
  const [, setLanguageVersion] = useState(0);

  useEffect(() => {
    void loadSettings().then(setSettings);
    // Changes made elsewhere (the popup, the worker after a grant) show up here at once.
    onSettingsChanged(setSettings);
    void askBackground('datasetStatus', {}).then(setDataset, () => undefined);
  }, []);

  const save = async (change: Partial<Settings>, message = t('options_saved')) => {
    setSettings(await saveSettings(change));
    setStatus(message);
  };

  const setLanguage = async (language: UiLanguage) => {
    await applyLanguage(language);
    localizeDocument('options_title');
    await save({ language });
    setLanguageVersion((version) => version + 1); // every string is read again
  };

  const toggleHost = (host: string, on: boolean) =>
    save({
      disabledHosts: on
        ? settings.disabledHosts.filter((h) => h !== host)
        : [...settings.disabledHosts, host],
    });

  const toggleKind = (kind: CitationKind, on: boolean) =>
    save({
      enabledKinds: on ? [...settings.enabledKinds, kind] : settings.enabledKinds.filter((k) => k !== kind),
    });

  const toggleEnrichment = async (on: boolean) => {
    const now = await setOnlineEnrichment(on);
    setSettings(await loadSettings());
    setStatus(on && !now ? t('options_enrichment_denied') : t('options_saved'));
  };

  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <p class="status" role="status" aria-live="polite" data-testid="status">
        {status}
      </p>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('options_sites')}</h2>
        <p>{t('options_sites_help')}</p>
        <fieldset>
          <legend>{t('options_official_sites')}</legend>
          {officialSites().map((pattern) => {
            const host = hostOfPattern(pattern);
            return (
              <SiteSwitch
                key={pattern}
                host={host}
                checked={!settings.disabledHosts.includes(host)}
                onChange={(on) => void toggleHost(host, on)}
              />
            );
          })}
        </fieldset>
        <fieldset data-testid="added-sites">
          <legend>{t('options_added_sites')}</legend>
          {settings.extraSites.length === 0 && <p class="muted">{t('options_added_none')}</p>}
          {settings.extraSites.map((pattern) => {
            const host = hostOfPattern(pattern);
            return (
              <div class="site-row" key={pattern}>
                <SiteSwitch
                  host={host}
                  checked={!settings.disabledHosts.includes(host)}
                  onChange={(on) => void toggleHost(host, on)}
                />
                <button
                  type="button"
                  onClick={() => void removeSite(pattern).then(() => setStatus(t('options_removed', [host])))}
                >
                  {t('options_remove')}
                  <span class="visually-hidden"> {host}</span>
                </button>
              </div>
            );
          })}
          <AddSite onStatus={setStatus} />
        </fieldset>
      </section>

      <section aria-labelledby="kinds-heading">
        <h2 id="kinds-heading">{t('options_kinds')}</h2>
        <fieldset>
          <legend>{t('options_kinds_legend')}</legend>
          <div class="kinds">
            {CITATION_KINDS.map((kind) => (
              <label key={kind} class="check">
                <input
                  type="checkbox"
                  name="kind"
                  value={kind}
                  checked={settings.enabledKinds.includes(kind)}
                  onChange={(event) => void toggleKind(kind, event.currentTarget.checked)}
                />
                <span>{kindLabel(kind)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </section>

      <section aria-labelledby="tooltip-heading">
        <h2 id="tooltip-heading">{t('options_tooltip')}</h2>
        <label class="field">
          <span>{t('options_delay')}</span>
          <input
            type="number"
            name="tooltipDelayMs"
            min={TOOLTIP_DELAY_RANGE.min}
            max={TOOLTIP_DELAY_RANGE.max}
            step={50}
            value={settings.tooltipDelayMs}
            onChange={(event) => void save({ tooltipDelayMs: Number(event.currentTarget.value) })}
          />
        </label>
      </section>

      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{t('options_language')}</h2>
        <label class="field">
          <span>{t('options_language_label')}</span>
          <select
            name="language"
            value={settings.language}
            onChange={(event) => void setLanguage(event.currentTarget.value as UiLanguage)}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language === 'auto' ? undefined : language}>
                {t(`options_language_${language}`)}
              </option>
            ))}
          </select>
        </label>
      </section>

      <Shortcuts />

      <section aria-labelledby="enrichment-heading">
        <h2 id="enrichment-heading">{t('options_enrichment')}</h2>
        <label class="check">
          <input
            type="checkbox"
            role="switch"
            name="onlineEnrichment"
            checked={settings.onlineEnrichment}
            aria-describedby="enrichment-help"
            onChange={(event) => void toggleEnrichment(event.currentTarget.checked)}
          />
          <span>{t('options_enrichment_switch')}</span>
        </label>
        <p id="enrichment-help" class="muted">
          {t('options_enrichment_help')}
        </p>
      </section>

      <section aria-labelledby="reader-heading">
        <h2 id="reader-heading">{t('reader_options_heading')}</h2>
        <label class="check">
          <input
            type="checkbox"
            name="openPdfsInReader"
            checked={settings.openPdfsInReader}
            aria-describedby="reader-help"
            onChange={(event) => void save({ openPdfsInReader: event.currentTarget.checked })}
          />
          <span>{t('reader_auto_open')}</span>
        </label>
        <p id="reader-help" class="muted">
          {t('reader_auto_open_help')}
        </p>
        <p>
          <a href={readerUrlFor()} target="_blank" rel="noopener">
            {t('reader_open_reader')}
          </a>
        </p>
      </section>

      <section aria-labelledby="data-heading">
        <h2 id="data-heading">{t('options_data')}</h2>
        {dataset && <DatasetLine status={dataset} />}
      </section>

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t('options_notes')}</h2>
        <p>{t('options_notes_help')}</p>
        <p>
          <a href={browser.runtime.getURL(NOTES_PAGE)} target="_blank" rel="noopener">
            {t('options_notes_link')}
          </a>
        </p>
      </section>
    </main>
  );
}

function SiteSwitch({
  host,
  checked,
  onChange,
}: {
  host: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label class="check">
      <input
        type="checkbox"
        name="site"
        value={host}
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span>{host}</span>
    </label>
  );
}

/** Adds a site through the browser's permission prompt (the request runs in the click's handler). */
function AddSite({ onStatus }: { onStatus: (message: string) => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState('');

  const add = async (event: Event) => {
    event.preventDefault();
    const pattern = sitePatternFor(value);
    if (!pattern) return setError(t('options_add_invalid'));
    const host = hostOfPattern(pattern);
    if (isOfficialHost(host)) return setError(t('options_add_official', [host]));
    setError('');
    if (await requestSite(pattern)) {
      setValue('');
      onStatus(t('options_added', [host]));
    } else setError(t('popup_add_denied'));
  };

  return (
    <form class="add-site" onSubmit={(event) => void add(event)}>
      <label for="new-site">{t('options_add_site_label')}</label>
      <div class="row">
        <input
          id="new-site"
          type="text"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          placeholder="www.example.org"
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'new-site-error' : undefined}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        <button type="submit">{t('options_add')}</button>
      </div>
      {error && (
        <p id="new-site-error" class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
