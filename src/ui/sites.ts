/**
 * Which sites Bronwijzer annotates: the official ones the manifest lists, and sites the user adds.
 * Adding a site takes an optional host permission (`optional_host_permissions` in manifest.json)
 * granted by the user; for a granted site the content script is registered at run time,
 * persisted across browser restarts. Used by the popup, the options page and the worker alike.
 */
import browser, { type Manifest, type Scripting } from 'webextension-polyfill';
import { isSitePattern, type Settings } from '../core/settings';
import { hostOfPattern, patternCoversHost } from '../core/sites';
import { loadSettings, saveSettings } from './settings-store';

/** The Tweede Kamer open data API, asked only with online enrichment switched on. */
export const ENRICHMENT_ORIGIN = 'https://gegevensmagazijn.tweedekamer.nl/*';

const SCRIPT_ID_PREFIX = 'site-';
const scriptId = (pattern: string) => SCRIPT_ID_PREFIX + hostOfPattern(pattern).replace('*.', 'any.');

/** The built content script's files, read from the built manifest: crxjs decides their names. */
export function contentScriptFiles(manifest: Manifest.WebExtensionManifest = browser.runtime.getManifest()) {
  const declared = manifest.content_scripts?.[0];
  if (!declared?.js?.length) throw new Error('The manifest declares no content script.');
  return { js: declared.js, css: declared.css ?? [] };
}

/** The official sites, as the manifest's match patterns. */
export function officialSites(
  manifest: Manifest.WebExtensionManifest = browser.runtime.getManifest(),
): string[] {
  return (manifest.content_scripts ?? []).flatMap((script) => script.matches);
}

export function isOfficialHost(host: string): boolean {
  return officialSites().some((pattern) => patternCoversHost(pattern, host));
}

/** Whether a site the user asked for may be added: one https site, not official, not the API. */
function isAddable(pattern: string): boolean {
  return isSitePattern(pattern) && pattern !== ENRICHMENT_ORIGIN && !officialSites().includes(pattern);
}

async function granted(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [pattern] });
}

function registration(pattern: string): Scripting.RegisteredContentScript {
  const { js, css } = contentScriptFiles();
  return {
    id: scriptId(pattern),
    matches: [pattern],
    js,
    css,
    runAt: 'document_idle',
    allFrames: true,
    persistAcrossSessions: true,
  };
}

/** Registers (or refreshes) the content script for each pattern; safe to call twice at once. */
async function register(patterns: string[]): Promise<void> {
  if (patterns.length === 0) return;
  const existing = new Set(
    (await browser.scripting.getRegisteredContentScripts()).map((script) => script.id),
  );
  for (const script of patterns.map(registration)) {
    if (existing.has(script.id)) {
      await browser.scripting.updateContentScripts([script]);
      continue;
    }
    try {
      await browser.scripting.registerContentScripts([script]);
    } catch (error) {
      // Another context (popup and worker both react to a grant) registered it meanwhile.
      if (!/duplicate/i.test(String(error))) throw error;
      await browser.scripting.updateContentScripts([script]);
    }
  }
}

async function unregister(patterns: string[]): Promise<void> {
  const ids = new Set(patterns.map(scriptId));
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((script) =>
    ids.has(script.id),
  );
  if (registered.length > 0)
    await browser.scripting.unregisterContentScripts({ ids: registered.map((script) => script.id) });
}

/**
 * The grant handler: for every addable site among `origins` that is granted now, registers the
 * content script and remembers the site in settings.extraSites. Returns the sites enabled.
 * Called by the worker on `permissions.onAdded` and by the page that asked, after the grant.
 */
export async function enableSites(origins: readonly string[]): Promise<string[]> {
  const candidates = [...new Set(origins)].filter(isAddable);
  const enabled: string[] = [];
  for (const pattern of candidates) if (await granted(pattern)) enabled.push(pattern);
  if (enabled.length === 0) return [];
  await register(enabled);
  const settings = await loadSettings();
  await saveSettings({
    extraSites: [...new Set([...settings.extraSites, ...enabled])],
    disabledHosts: settings.disabledHosts.filter(
      (host) => !enabled.some((pattern) => patternCoversHost(pattern, host)),
    ),
  });
  return enabled;
}

/** Asks the user for one site (must run in a click handler) and enables it when granted. */
export async function requestSite(pattern: string): Promise<boolean> {
  if (!isAddable(pattern)) return false;
  if (!(await browser.permissions.request({ origins: [pattern] }))) return false;
  return (await enableSites([pattern])).length > 0;
}

/**
 * Removes a user-added site: stops annotating it (unregisters the script, forgets it) and gives the
 * permission back. Returns false when the browser kept the permission.
 */
export async function removeSite(pattern: string): Promise<boolean> {
  await forgetSites([pattern]);
  try {
    return await browser.permissions.remove({ origins: [pattern] });
  } catch (error) {
    console.warn('Bronwijzer: permission not removed', error);
    return false;
  }
}

/** Stops annotating sites whose permission is gone (or that the user removed). */
export async function forgetSites(origins: readonly string[]): Promise<void> {
  const patterns = origins.filter(isSitePattern);
  await unregister(patterns);
  const settings = await loadSettings();
  const change: Partial<Settings> = {};
  if (settings.extraSites.some((site) => patterns.includes(site)))
    change.extraSites = settings.extraSites.filter((site) => !patterns.includes(site));
  if (origins.includes(ENRICHMENT_ORIGIN) && settings.onlineEnrichment) change.onlineEnrichment = false;
  if (Object.keys(change).length > 0) await saveSettings(change);
}

/**
 * Brings registrations in line with settings and permissions (after an install, an update that
 * may rename the content script, or a browser start): granted sites are (re-)registered, sites
 * whose permission was withdrawn meanwhile are forgotten, stray registrations dropped.
 */
export async function syncSiteScripts(): Promise<void> {
  const { extraSites } = await loadSettings();
  const kept: string[] = [];
  const lost: string[] = [];
  for (const pattern of extraSites)
    (isAddable(pattern) && (await granted(pattern)) ? kept : lost).push(pattern);
  const wanted = new Set(kept.map(scriptId));
  const stray = (await browser.scripting.getRegisteredContentScripts())
    .map((script) => script.id)
    .filter((id) => id.startsWith(SCRIPT_ID_PREFIX) && !wanted.has(id));
  if (stray.length > 0) await browser.scripting.unregisterContentScripts({ ids: stray });
  await register(kept);
  if (lost.length > 0) await forgetSites(lost);
}

/** Runs the content script in an open tab right away (the registration covers later loads). */
export async function injectInto(tabId: number): Promise<void> {
  const { js, css } = contentScriptFiles();
  if (css.length > 0) await browser.scripting.insertCSS({ target: { tabId, allFrames: true }, files: css });
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: js });
}

/** Turns online enrichment on (asking for the API's permission; in a click handler) or off. */
export async function setOnlineEnrichment(on: boolean): Promise<boolean> {
  if (on) {
    if (!(await browser.permissions.request({ origins: [ENRICHMENT_ORIGIN] }))) return false;
    await saveSettings({ onlineEnrichment: true });
    return true;
  }
  await saveSettings({ onlineEnrichment: false });
  try {
    await browser.permissions.remove({ origins: [ENRICHMENT_ORIGIN] });
  } catch (error) {
    console.warn('Bronwijzer: permission not removed', error);
  }
  return false;
}
