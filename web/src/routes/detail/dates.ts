import { locale } from '../../i18n/t';

/**
 * Calendar arithmetic on ISO dates `YYYY-MM-DD` (the user's own dates, as the server judges them). Every date is
 * handled at UTC midnight so that the browser's time zone never shifts a day.
 */

const DAY_MS = 86_400_000;

/** The API's day codes, by JavaScript's `getUTCDay()` index (0 = Sunday). */
export const DAY_CODES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
export type DayCode = (typeof DAY_CODES)[number];

function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `iso` moved by `days` (negative: back). */
export function addDays(date: string, days: number): string {
  return iso(new Date(utc(date).getTime() + days * DAY_MS));
}

/** The whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b).getTime() - utc(a).getTime()) / DAY_MS);
}

/** The day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return utc(date).getUTCDay();
}

/** The index (0 = Sunday) of a week start the API answers (`MON`, `SUN`, …); Monday when unknown. */
export function weekStartIndex(code: string | undefined): number {
  const i = DAY_CODES.indexOf((code ?? 'MON').toUpperCase().slice(0, 3) as DayCode);
  return i < 0 ? 1 : i;
}

/** The first day of the week that holds `date`, weeks starting on `start` (0 = Sunday). */
export function startOfWeek(date: string, start: number): string {
  return addDays(date, -((weekday(date) - start + 7) % 7));
}

/** The month `YYYY-MM` of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `YYYY-MM` moved by `months`. */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return iso(d).slice(0, 7);
}

/** The first and the last day of a month `YYYY-MM`. */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  const to = addDays(`${addMonths(month, 1)}-01`, -1);
  return { from, to };
}

/** `date` moved by whole months, its day kept where the target month has it (31 Mar + 1 month = 30 Apr). */
export function addMonthsToDate(date: string, months: number): string {
  const month = addMonths(monthOf(date), months);
  const { to } = monthRange(month);
  const day = Math.min(Number(date.slice(8, 10)), Number(to.slice(8, 10)));
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Whether `YYYY-MM-DD` is a real date. */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(utc(value).getTime()) && iso(utc(value)) === value;
}

/** The year of a date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

const longDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const longDayDate = new Intl.DateTimeFormat(locale, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthYear = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const weekdayLong = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
const weekdayShort = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
const weekdayNarrow = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });

/** "3 March 2026" in the user's locale. */
export function formatLongDate(date: string): string {
  return longDate.format(utc(date));
}

/** "Tuesday, 3 March 2026" in the user's locale. */
export function formatLongDayDate(date: string): string {
  return longDayDate.format(utc(date));
}

/** "March 2026" for a month `YYYY-MM`. */
export function formatMonth(month: string): string {
  return monthYear.format(utc(`${month}-01`));
}

/** "Mar" for a date's month. */
export function formatShortMonth(date: string): string {
  return shortMonth.format(utc(date));
}

/** "3 Mar" for a date. */
export function formatDayMonth(date: string): string {
  return dayMonth.format(utc(date));
}

// 2026-03-01 is a Sunday: index i of a week is 2026-03-0(1+i)
const sunday = '2026-03-01';

/** The name of the day of the week `index` (0 = Sunday), long, short or narrow ("Monday", "Mon", "M"). */
export function weekdayName(index: number, width: 'long' | 'short' | 'narrow' = 'long'): string {
  const format = width === 'long' ? weekdayLong : width === 'short' ? weekdayShort : weekdayNarrow;
  return format.format(utc(addDays(sunday, index % 7)));
}

/** The name of an API day code (`MON`) in the user's locale, or the code itself when unknown. */
export function dayCodeName(code: string, width: 'long' | 'short' = 'long'): string {
  const i = DAY_CODES.indexOf(code.toUpperCase().slice(0, 3) as DayCode);
  return i < 0 ? code : weekdayName(i, width);
}

const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });

/** "Mon, Wed and Fri" in the user's locale. */
export function formatList(items: readonly string[]): string {
  return lists.format(items);
}
