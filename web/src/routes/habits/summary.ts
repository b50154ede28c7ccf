import type { Habit } from '../../api/types';
import { t } from '../../i18n/t';
import { dayList } from './days';

/** How often a habit is due, in words: "Every day", "On Mon, Wed and Fri", "3 times a week". */
export function scheduleSummary(schedule: Habit['schedule'], weekStart?: string): string {
  switch (schedule?.kind) {
    case 'daily':
      return t('habits.schedule.daily');
    case 'weekdays': {
      const days = schedule.days ?? [];
      if (days.length === 7) return t('habits.schedule.daily');
      return t('habits.summary.weekdays', { days: dayList(days, weekStart) });
    }
    case 'times_per_week':
      return t('habits.summary.timesPerWeek', { count: schedule.times ?? 0 });
    case 'times_per_month':
      return t('habits.summary.timesPerMonth', { count: schedule.times ?? 0 });
    case 'every_n_days':
      return t('habits.summary.everyNDays', { count: schedule.n ?? 1 });
    default:
      return t('habits.schedule.other');
  }
}

/** A counting habit's target in words: "target 8 glasses", "at most 2"; undefined for the others. */
export function targetSummary(habit: Habit): string | undefined {
  if (habit.target === undefined || habit.target === null) return undefined;
  const limit = habit.type === 'limit';
  if (habit.unit) return t(limit ? 'habits.limitUnit' : 'habits.targetUnit', { target: habit.target, unit: habit.unit });
  return t(limit ? 'habits.limitShort' : 'habits.targetShort', { target: habit.target });
}
