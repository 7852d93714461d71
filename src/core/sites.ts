/**
 * Sites as the extension names them: match patterns of one https host (`https://www.example.org/*`),
 * the narrowest a site permission can be. Pure functions, shared by the pages and the worker.
 */
import { isSitePattern } from './settings';

/** The site pattern for what a user typed or a tab's address: a host, a URL, or a pattern. */
export function sitePatternFor(input: string): string | undefined {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return undefined;
  if (isSitePattern(trimmed)) return trimmed;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || !url.hostname.includes('.')) return undefined;
  const pattern = `https://${url.hostname}/*`;
  return isSitePattern(pattern) ? pattern : undefined;
}

/** `https://www.example.org/*` → `www.example.org`; `https://*.example.org/*` → `*.example.org`. */
export function hostOfPattern(pattern: string): string {
  return pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');
}

/** Whether a host falls under a site pattern (`*.example.org` covers example.org and its subdomains). */
export function patternCoversHost(pattern: string, host: string): boolean {
  const patternHost = hostOfPattern(pattern);
  if (!patternHost.startsWith('*.')) return patternHost === host;
  const base = patternHost.slice(2);
  return host === base || host.endsWith(`.${base}`);
}
