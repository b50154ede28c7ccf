import type { HabitType } from '../../api/habits';
import type { Reminder, ReminderDraft } from '../../api/reminders';
import type { Habit, HabitInput, Schemas } from '../../api/types';
import { t } from '../../i18n/t';

/** The schedule kinds of the API's ScheduleSpec, in the order the form offers them. */
export const SCHEDULE_KINDS = ['daily', 'weekdays', 'times_per_week', 'times_per_month', 'every_n_days'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export const VISIBILITIES = ['private', 'partners', 'groups'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** The fields the server may name in a habit's errors, as the form shows them. */
export const HABIT_FIELDS = [
  'name',
  'description',
  'type',
  'target',
  'unit',
  'schedule',
  'schedule.kind',
  'schedule.days',
  'schedule.times',
  'schedule.n',
  'startDate',
  'color',
  'icon',
  'goal',
  'goal.value',
  'goal.direction',
  'goal.by',
  'visibility',
  'groupIds',
  'shareNotes',
  'refereeUserId',
] as const;
export type HabitField = (typeof HABIT_FIELDS)[number];
export type FieldErrors = Partial<Record<HabitField, string>>;

/** Everything the habit form edits, as the controls hold it (numbers as typed). */
export interface HabitFormState {
  name: string;
  description: string;
  type: string;
  target: string;
  unit: string;
  scheduleKind: ScheduleKind;
  days: string[];
  times: string;
  n: string;
  startDate: string;
  color: string;
  icon: string;
  goalOn: boolean;
  goalValue: string;
  goalDirection: 'down' | 'up';
  goalBy: string;
  visibility: Visibility;
  groupIds: string[];
  shareNotes: boolean;
  refereeUserId: string;
  reminders: ReminderDraft[];
}

/** A new habit's form: done-or-not, every day. */
export function emptyForm(): HabitFormState {
  return {
    name: '',
    description: '',
    type: 'boolean',
    target: '',
    unit: '',
    scheduleKind: 'daily',
    days: [],
    times: '3',
    n: '2',
    startDate: '',
    color: '',
    icon: '',
    goalOn: false,
    goalValue: '',
    goalDirection: 'down',
    goalBy: '',
    visibility: 'private',
    groupIds: [],
    shareNotes: false,
    refereeUserId: '',
    reminders: [],
  };
}

let keys = 0;
/** A key for a reminder draft, unique on this page. */
export function draftKey(): string {
  keys += 1;
  return `r${keys}`;
}

/** The reminders as drafts. */
export function draftsOf(reminders: readonly Reminder[]): ReminderDraft[] {
  return reminders.map((r) => ({
    key: r.id ?? draftKey(),
    id: r.id,
    time: r.time ?? '08:00',
    days: r.days ? r.days.filter((d): d is string => d !== null) : null,
  }));
}

function isScheduleKind(kind: string | undefined): kind is ScheduleKind {
  return (SCHEDULE_KINDS as readonly string[]).includes(kind ?? '');
}

/** The form for editing `habit` (its reminders are added when they have loaded). */
export function formFromHabit(habit: Habit, reminders: readonly Reminder[] = []): HabitFormState {
  const schedule = habit.schedule ?? {};
  const goal = habit.goal ?? null;
  const visibility = (VISIBILITIES as readonly string[]).includes(habit.visibility ?? '')
    ? (habit.visibility as Visibility)
    : 'private';
  return {
    ...emptyForm(),
    name: habit.name ?? '',
    description: habit.description ?? '',
    type: habit.type ?? 'boolean',
    target: habit.target === undefined || habit.target === null ? '' : String(habit.target),
    unit: habit.unit ?? '',
    scheduleKind: isScheduleKind(schedule.kind) ? schedule.kind : 'daily',
    days: schedule.days ?? [],
    times: schedule.times === undefined || schedule.times === null ? '3' : String(schedule.times),
    n: schedule.n === undefined || schedule.n === null ? '2' : String(schedule.n),
    startDate: habit.startDate ?? '',
    color: habit.color ?? '',
    icon: habit.icon ?? '',
    goalOn: goal !== null && goal !== undefined,
    goalValue: goal?.value === undefined || goal?.value === null ? '' : String(goal.value),
    goalDirection: goal?.direction === 'up' ? 'up' : 'down',
    goalBy: goal?.by ?? '',
    visibility,
    groupIds: habit.groupIds ?? [],
    shareNotes: habit.shareNotes ?? false,
    refereeUserId: habit.refereeUserId ?? '',
    reminders: draftsOf(reminders),
  };
}

/** What a habit type asks of the form: a target, a unit, a goal. */
export function typeTraits(type: string, types: readonly HabitType[]) {
  const info = types.find((x) => x.key === type);
  const builtIn = type === 'count' || type === 'limit';
  return {
    needsTarget: info?.needsTarget ?? builtIn,
    hasUnit: info ? info.valueKind === 'number' : builtIn || type === 'measurement',
    defaultUnit: info?.defaultUnit ?? undefined,
    hasGoal: type === 'measurement',
  };
}

function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.NaN;
}

function parseWhole(text: string): number | undefined {
  const n = parseNumber(text);
  return n === undefined || Number.isNaN(n) ? n : Number.isInteger(n) ? n : Number.NaN;
}

/** The schedule the form describes. */
export function scheduleOf(s: HabitFormState): Schemas['ScheduleSpec'] {
  switch (s.scheduleKind) {
    case 'weekdays':
      return { kind: 'weekdays', days: s.days };
    case 'times_per_week':
    case 'times_per_month':
      return { kind: s.scheduleKind, times: parseWhole(s.times) };
    case 'every_n_days':
      return { kind: 'every_n_days', n: parseWhole(s.n) };
    default:
      return { kind: 'daily' };
  }
}

/**
 * The whole habit the form describes, for POST /habits, or the errors found before asking the server (numbers that
 * are not numbers). The server checks everything else and names the field.
 */
export function toInput(
  s: HabitFormState,
  types: readonly HabitType[],
): { input: HabitInput; errors?: undefined } | { input?: undefined; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const traits = typeTraits(s.type, types);
  const target = traits.needsTarget ? parseNumber(s.target) : undefined;
  if (Number.isNaN(target)) errors.target = t('habits.error.number');
  const schedule = scheduleOf(s);
  if (Number.isNaN(schedule.times)) errors['schedule.times'] = t('habits.error.whole');
  if (Number.isNaN(schedule.n)) errors['schedule.n'] = t('habits.error.whole');
  let goal: Schemas['GoalSpec'] | undefined;
  if (traits.hasGoal && s.goalOn) {
    const value = parseNumber(s.goalValue);
    if (Number.isNaN(value)) errors['goal.value'] = t('habits.error.number');
    goal = { value, direction: s.goalDirection, by: s.goalBy || undefined };
  }
  if (Object.keys(errors).length > 0) return { errors };
  const input: HabitInput = {
    name: s.name.trim(),
    type: s.type,
    schedule,
    visibility: s.visibility,
  };
  if (s.description.trim()) input.description = s.description.trim();
  if (target !== undefined) input.target = target;
  if (traits.hasUnit && s.unit.trim()) input.unit = s.unit.trim();
  if (s.startDate) input.startDate = s.startDate;
  if (s.color) input.color = s.color;
  if (s.icon) input.icon = s.icon;
  if (goal) input.goal = goal;
  if (s.visibility === 'groups') input.groupIds = s.groupIds;
  if (s.visibility !== 'private') input.shareNotes = s.shareNotes;
  if (s.refereeUserId) input.refereeUserId = s.refereeUserId;
  return { input };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The PATCH for the changes the form made to `original` (only the fields that changed: a schedule sent again would
 * start a new schedule from today), or the errors found before asking the server. The type never changes.
 */
export function toPatch(
  original: HabitFormState,
  s: HabitFormState,
  types: readonly HabitType[],
): { patch: HabitInput; errors?: undefined } | { patch?: undefined; errors: FieldErrors } {
  const result = toInput(s, types);
  if (result.errors) return { errors: result.errors };
  const next = result.input;
  const before = toInput(original, types).input ?? ({} as HabitInput);
  const traits = typeTraits(s.type, types);
  const patch: HabitInput = {};
  if (next.name !== before.name) patch.name = next.name;
  // an empty text clears a field (null would leave it as it is)
  if ((next.description ?? '') !== (before.description ?? '')) patch.description = next.description ?? '';
  if (traits.needsTarget && next.target !== before.target) patch.target = next.target;
  if (traits.hasUnit && (next.unit ?? '') !== (before.unit ?? '')) patch.unit = next.unit ?? '';
  if (!same(next.schedule, before.schedule)) patch.schedule = next.schedule;
  if (next.startDate && next.startDate !== before.startDate) patch.startDate = next.startDate;
  if ((next.color ?? '') !== (before.color ?? '')) patch.color = next.color ?? '';
  if ((next.icon ?? '') !== (before.icon ?? '')) patch.icon = next.icon ?? '';
  if (traits.hasGoal && !same(next.goal ?? null, before.goal ?? null)) patch.goal = next.goal ?? null;
  const groupsChanged = !same([...(next.groupIds ?? [])].sort(), [...(before.groupIds ?? [])].sort());
  if (next.visibility !== before.visibility || (next.visibility === 'groups' && groupsChanged)) {
    patch.visibility = next.visibility;
    if (next.visibility === 'groups') patch.groupIds = next.groupIds;
  }
  if (s.visibility !== 'private' && s.shareNotes !== original.shareNotes) patch.shareNotes = s.shareNotes;
  if ((next.refereeUserId ?? '') !== (before.refereeUserId ?? '')) patch.refereeUserId = next.refereeUserId ?? null;
  return { patch };
}

/** Whether a form differs from another (to ask before throwing changes away). */
export function formChanged(a: HabitFormState, b: HabitFormState): boolean {
  return !same(a, b);
}
