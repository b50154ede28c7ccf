import { useMe } from '../../api/auth';
import type { ApiError } from '../../api/errors';
import { useHabitTypes } from '../../api/habits';
import type { ReminderDraft, ReminderSaveResult } from '../../api/reminders';
import type { Habit } from '../../api/types';
import { t } from '../../i18n/t';
import type { KindsState } from './HabitFields';
import type { ReminderErrors } from './RemindersField';

/** The built-in types, for when GET /habit-types cannot be read. */
const BUILT_IN: KindsState['types'] = [
  { key: 'boolean', needsTarget: false, valueKind: 'none' },
  { key: 'count', needsTarget: true, valueKind: 'number' },
  { key: 'limit', needsTarget: true, valueKind: 'number' },
];

/** The kinds the form offers: the server's, and the kinds of `habits` that are not running (not to choose). */
export function useKinds(habits: readonly Habit[]): KindsState & { pending: boolean } {
  const types = useHabitTypes();
  const list = types.data ?? (types.isError ? BUILT_IN : []);
  const running = new Set(list.map((x) => x.key));
  const unavailable = [
    ...new Set(habits.filter((h) => h.available === false && h.type && !running.has(h.type)).map((h) => h.type!)),
  ];
  return {
    types: list,
    unavailable: types.isPending ? [] : unavailable,
    error: types.isError ? types.error.message : undefined,
    pending: types.isPending,
  };
}

/** The user's first day of the week (MON until /me has answered). */
export function useWeekStart(): string | undefined {
  return useMe().data?.weekStart;
}

/** A failed reminder request's errors, by where the form shows them. */
export function reminderErrorsOf(error: ApiError): ReminderErrors {
  const time = error.fieldMessage('time');
  const dayFields = error.errors.filter((e) => e.field === 'days' || e.field.startsWith('days['));
  const days = dayFields.length > 0 ? dayFields.map((e) => e.message).join('; ') : undefined;
  const others = error.errors.filter((e) => e.field !== 'time' && !dayFields.includes(e));
  const other =
    others.length > 0
      ? others.map((e) => `${e.field}: ${e.message}`).join('; ')
      : time === undefined && days === undefined
        ? error.message
        : undefined;
  return { time, days, other };
}

/** Every failure of a reminders save in one sentence. */
export function reminderFailureText(result: ReminderSaveResult, drafts: readonly ReminderDraft[]): string {
  const parts: string[] = [];
  for (const d of drafts) {
    const e = result.failed[d.key];
    if (e) parts.push(`${d.time}: ${e.message}`);
  }
  for (const { reminder, error } of result.notDeleted) {
    parts.push(t('habits.reminders.notDeleted', { time: reminder.time ?? '', reason: error.message }));
  }
  return parts.join(' ');
}

/** The errors of each failed draft, by draft key. */
export function reminderErrorMap(result: ReminderSaveResult): Record<string, ReminderErrors> {
  return Object.fromEntries(Object.entries(result.failed).map(([key, e]) => [key, reminderErrorsOf(e)]));
}
