import { locale, t } from '../../i18n/t';

const instantDay = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
const weekdayShort = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
const weekdayNarrow = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** The day of an instant (`2026-12-01T10:15:30Z`) in the browser's zone, "1 Dec 2026"; empty for none. */
export function formatInstantDay(instant: string | null | undefined): string {
  if (!instant) return '';
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? '' : instantDay.format(d);
}

function utc(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** "Tue, 1 Dec" for a calendar date `YYYY-MM-DD`, not shifted by the browser's zone. */
export function formatDayShort(isoDate: string): string {
  return longDay.format(utc(isoDate));
}

/** The weekday of a calendar date: short ("Tue") or narrow ("T"). */
export function weekday(isoDate: string, width: 'short' | 'narrow' = 'short'): string {
  return (width === 'short' ? weekdayShort : weekdayNarrow).format(utc(isoDate));
}

/** The calendar date `days` after `isoDate` (negative: before). */
export function addDays(isoDate: string, days: number): string {
  const d = utc(isoDate);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The statuses a day can have, as the server says them. */
export const DAY_STATUSES = ['done', 'partial', 'missed', 'skipped', 'paused', 'pending', 'not_due'] as const;
export type PeopleDayStatus = (typeof DAY_STATUSES)[number];

/** A status the screens know (an unknown one, from a plugin, reads as not due). */
export function knownStatus(status: string | null | undefined): PeopleDayStatus {
  return (DAY_STATUSES as readonly string[]).includes(status ?? '') ? (status as PeopleDayStatus) : 'not_due';
}

/** The Chakra palette of a status badge (the badge always says the status in words too). */
export const STATUS_PALETTE: Record<PeopleDayStatus, string> = {
  done: 'green',
  partial: 'blue',
  missed: 'red',
  skipped: 'gray',
  paused: 'purple',
  pending: 'orange',
  not_due: 'gray',
};

/** The status in words: "Done", "To do", "Not due". */
export function statusText(status: string | null | undefined): string {
  return t(`people.status.${knownStatus(status)}`);
}

/** A number as the user's locale writes it, at most 2 decimals. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A rate 0..1 as a percentage, "75 %" in the user's locale. */
export function formatPercent(rate: number | null | undefined): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate ?? 0);
}

/** A simple check of an email address before it goes to the server (which has the last word). */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
