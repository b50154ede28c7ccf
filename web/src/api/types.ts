import type { components } from './schema';

/** The API's shapes the screens use, named (from the generated OpenAPI types). */
export type Schemas = components['schemas'];
export type User = Schemas['UserDto'];
export type Habit = Schemas['HabitDto'];
export type HabitInput = Schemas['HabitInput'];
export type Today = Schemas['Today'];
export type TodayItem = Schemas['TodayItem'];
export type AuthResult = Schemas['AuthResult'];

/** A day's evaluated state, as /today, /calendar and the check-in answers say it. */
export type DayStatus = 'done' | 'partial' | 'missed' | 'skipped' | 'paused' | 'pending' | 'not_due';
