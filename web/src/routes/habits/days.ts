import { locale } from '../../i18n/t';

/** The days of the week as the API writes them, Monday first. */
export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

// 2024-01-01 was a Monday
const monday = Date.UTC(2024, 0, 1);
const shortFormat = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
const longFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });

function dateOf(day: string): Date {
  const i = WEEKDAYS.indexOf(day.toUpperCase().slice(0, 3) as Weekday);
  return new Date(monday + Math.max(0, i) * 86_400_000);
}

/** "Mon" in the user's locale. */
export function shortDayName(day: string): string {
  return shortFormat.format(dateOf(day));
}

/** "Monday" in the user's locale. */
export function dayName(day: string): string {
  return longFormat.format(dateOf(day));
}

/** The week's days starting on the user's first day of the week (`weekStart`, MON by default). */
export function weekFrom(weekStart: string | undefined): Weekday[] {
  const start = Math.max(0, WEEKDAYS.indexOf((weekStart ?? 'MON').toUpperCase() as Weekday));
  return [...WEEKDAYS.slice(start), ...WEEKDAYS.slice(0, start)];
}

/** "Mon, Wed and Fri", in the order of the week that starts on `weekStart`. */
export function dayList(days: readonly (string | null)[], weekStart?: string): string {
  const chosen = new Set(days.filter((d): d is string => d !== null).map((d) => d.toUpperCase().slice(0, 3)));
  return list.format(weekFrom(weekStart).filter((d) => chosen.has(d)).map(shortDayName));
}
