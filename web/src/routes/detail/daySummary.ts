import type { CalendarHabit } from '../../api/history';
import { t } from '../../i18n/t';
import { formatLongDayDate } from './dates';

/** The habits that count on a day: those due, and those done although not due (a paused day done anyway). */
export function countedHabits(items: readonly CalendarHabit[]): CalendarHabit[] {
  return items.filter((i) => i.due || i.status === 'done');
}

/** A day in a few words: "3 of 4 done", "2 due" (a day still to come), "Nothing due". */
export function daySummary(items: readonly CalendarHabit[] | undefined, date: string, today: string): string {
  if (items === undefined) return t('detail.calendar.noData');
  const counted = countedHabits(items);
  if (counted.length === 0) return t('detail.calendar.nothingDue');
  if (date > today) return t('detail.calendar.due', { count: counted.length });
  const done = counted.filter((i) => i.status === 'done').length;
  return t('detail.calendar.doneOf', { done, count: counted.length });
}

/** The accessible name of a day cell: "Tuesday, 3 March 2026, today: 3 of 4 done". */
export function dayCellLabel(items: readonly CalendarHabit[] | undefined, date: string, today: string): string {
  const day = formatLongDayDate(date);
  return t(date === today ? 'detail.calendar.cellToday' : 'detail.calendar.cell', {
    date: day,
    summary: daySummary(items, date, today),
  });
}
