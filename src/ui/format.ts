import { uiLanguage } from './i18n';

/** A day (`2024-11-26`) the way the UI language writes it: "26 november 2024", "26 November 2024". */
export function formatDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
