import browser from 'webextension-polyfill';
import { enableSites, forgetSites, syncSiteScripts } from '../ui/sites';

const warn = (error: unknown) => console.warn('Bronwijzer: site permissions', error);

/**
 * The worker follows site permissions wherever they are granted or withdrawn: in our popup or
 * options page (which may close while the browser asks), or in the browser's own extension menu.
 * Listeners are added at the worker's top level so an event can wake it.
 */
export function watchSitePermissions(): void {
  browser.permissions.onAdded.addListener((permissions) => {
    enableSites(permissions.origins ?? []).catch(warn);
  });
  browser.permissions.onRemoved.addListener((permissions) => {
    forgetSites(permissions.origins ?? []).catch(warn);
  });
  browser.runtime.onInstalled.addListener(() => {
    syncSiteScripts().catch(warn);
  });
  browser.runtime.onStartup.addListener(() => {
    syncSiteScripts().catch(warn);
  });
}
