import type { Habit } from '../../api/types';
import { t } from '../../i18n/t';
import { DAY_CODES, dayCodeName, formatList } from './dates';

/** The habit's schedule in words: "Every day", "Every Monday, Wednesday and Friday", "3 times a week". */
export function scheduleInWords(schedule: Habit['schedule']): string {
  const kind = schedule?.kind;
  switch (kind) {
    case 'daily':
      return t('detail.schedule.daily');
    case 'weekdays': {
      const days = [...(schedule?.days ?? [])].sort(
        (a, b) => order(a) - order(b),
      );
      if (days.length === 7) return t('detail.schedule.daily');
      return t('detail.schedule.weekdays', { days: formatList(days.map((d) => dayCodeName(d))) });
    }
    case 'times_per_week':
      return t('detail.schedule.timesPerWeek', { count: schedule?.times ?? 0 });
    case 'times_per_month':
      return t('detail.schedule.timesPerMonth', { count: schedule?.times ?? 0 });
    case 'every_n_days':
      return t('detail.schedule.everyNDays', { count: schedule?.n ?? 1 });
    default:
      return t('detail.schedule.other', { kind: kind ?? '' });
  }
}

// Monday first, as people read a week's days
function order(code: string): number {
  const i = DAY_CODES.indexOf(code.toUpperCase().slice(0, 3) as (typeof DAY_CODES)[number]);
  return i === 0 ? 7 : i;
}

/** The day's target in words ("8 glasses a day", "At most 2 a day"), or undefined when the type has none. */
export function targetInWords(habit: Habit): string | undefined {
  if (habit.target === undefined || habit.target === null) return undefined;
  const amount = habit.unit ? t('detail.amount', { value: habit.target, unit: habit.unit }) : t('detail.number', { value: habit.target });
  if (habit.type === 'count') return t('detail.target.count', { amount });
  if (habit.type === 'limit') return t('detail.target.limit', { amount });
  return undefined;
}

/** Whether a day of this habit carries a number (a count, a limit, a measurement). */
export function hasValue(habit: Habit | undefined): boolean {
  return habit?.type === 'count' || habit?.type === 'limit' || habit?.type === 'measurement';
}

/** A day's value with the habit's unit: "3 glasses". */
export function valueWithUnit(value: number, unit: string | undefined | null): string {
  return unit ? t('detail.amount', { value, unit }) : t('detail.number', { value });
}
