import { locale } from '../../i18n/t';

function format(options: Intl.DateTimeFormatOptions, instant: string, timeZone?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date);
  } catch {
    // an unknown zone id: the browser's own zone
    return new Intl.DateTimeFormat(locale, options).format(date);
  }
}

/** "1 Dec 2026, 07:30" in the user's locale and time zone (the account's). */
export function formatDateTime(instant: string, timeZone?: string): string {
  return format({ dateStyle: 'medium', timeStyle: 'short' }, instant, timeZone);
}

/** "1 Dec 2026" for an instant, in the user's locale and time zone. */
export function formatInstantDay(instant: string, timeZone?: string): string {
  return format({ dateStyle: 'medium' }, instant, timeZone);
}

/** A whole hour of the day, "03:00" or "3 AM" as the locale writes it. */
export function formatHour(hour: number): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, 0, 1, hour)),
  );
}

/** The current offset of a time zone from UTC, as "GMT+1" (empty when the browser does not know the zone). */
export function zoneOffset(timeZone: string, at: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/** The instant `days` days from now, ISO-8601 (for a token's expiry). */
export function daysFromNow(days: number, now: Date = new Date()): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}

/** A calendar date `YYYY-MM-DD` plus `days`. Pure. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
