import { locale } from '../i18n/t';

/** A calendar date `YYYY-MM-DD` (the user's own date, as the server judges it) as a Date at UTC midnight. */
function utcMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

const dayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });

/** "Tuesday, 1 December" in the user's locale; the date is not shifted by the browser's time zone. */
export function formatDay(isoDate: string): string {
  return dayFormat.format(utcMidnight(isoDate));
}

/** "1 Dec 2026" in the user's locale. */
export function formatShortDay(isoDate: string): string {
  return shortDayFormat.format(utcMidnight(isoDate));
}

/** The local time of an instant in the user's time zone (the account's, as the server says it), e.g. "07:30". */
export function formatTime(instant: string, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(instant));
  } catch {
    // an unknown zone id: the browser's own zone
    return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(instant));
  }
}
