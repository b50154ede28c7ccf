import { describe, expect, it } from 'vitest';
import type { Habit } from '../../api/types';
import { emptyForm, formFromHabit, toInput, toPatch } from './form';

const TYPES = [
  { key: 'boolean', needsTarget: false, valueKind: 'none' },
  { key: 'count', needsTarget: true, valueKind: 'number', defaultUnit: 'times' },
  { key: 'measurement', needsTarget: false, valueKind: 'number', defaultUnit: 'kg' },
];

const WATER: Habit = {
  id: 'h1',
  name: 'Water',
  description: 'Stay hydrated',
  type: 'count',
  target: 8,
  unit: 'glasses',
  schedule: { kind: 'daily' },
  startDate: '2026-11-01',
  color: '#0D9488',
  visibility: 'private',
  shareNotes: false,
  groupIds: [],
  goal: null,
};

describe('the habit form', () => {
  it('sends a new habit with only what was given', () => {
    expect(toInput({ ...emptyForm(), name: '  Read ' }, TYPES)).toEqual({
      input: { name: 'Read', type: 'boolean', schedule: { kind: 'daily' }, visibility: 'private' },
    });
  });

  it('reads decimal commas and refuses what is not a number, before asking the server', () => {
    const form = { ...emptyForm(), name: 'Water', type: 'count', target: '2,5' };
    expect(toInput(form, TYPES).input?.target).toBe(2.5);
    expect(toInput({ ...form, target: 'lots' }, TYPES).errors).toEqual({ target: 'Enter a number, such as 8 or 2.5.' });
    const weekly = { ...emptyForm(), name: 'Run', scheduleKind: 'times_per_week' as const, times: '2.5' };
    expect(toInput(weekly, TYPES).errors).toEqual({ 'schedule.times': 'Enter a whole number.' });
  });

  it('patches only the fields that changed; an emptied text is sent empty to clear it', () => {
    const original = formFromHabit(WATER);
    expect(toPatch(original, original, TYPES).patch).toEqual({});
    const changed = { ...original, description: '', target: '10', color: '' };
    expect(toPatch(original, changed, TYPES).patch).toEqual({ description: '', target: 10, color: '' });
  });

  it('sends the schedule only when it changed', () => {
    const original = formFromHabit(WATER);
    const weekdays = { ...original, scheduleKind: 'weekdays' as const, days: ['MON', 'THU'] };
    expect(toPatch(original, weekdays, TYPES).patch).toEqual({ schedule: { kind: 'weekdays', days: ['MON', 'THU'] } });
  });

  it('shares with groups with their ids, and removes a referee with null', () => {
    const original = formFromHabit({ ...WATER, refereeUserId: 'p1' });
    const shared = { ...original, visibility: 'groups' as const, groupIds: ['g1'], refereeUserId: '' };
    expect(toPatch(original, shared, TYPES).patch).toEqual({
      visibility: 'groups',
      groupIds: ['g1'],
      refereeUserId: null,
    });
  });

  it('sets, changes and removes a measurement habit’s goal', () => {
    const weight: Habit = { ...WATER, type: 'measurement', target: undefined, unit: 'kg' };
    const original = formFromHabit(weight);
    const withGoal = { ...original, goalOn: true, goalValue: '70', goalDirection: 'down' as const, goalBy: '2027-03-31' };
    expect(toPatch(original, withGoal, TYPES).patch).toEqual({ goal: { value: 70, direction: 'down', by: '2027-03-31' } });
    const had = formFromHabit({ ...weight, goal: { value: 70, direction: 'down', by: '2027-03-31' } });
    expect(toPatch(had, { ...had, goalOn: false }, TYPES).patch).toEqual({ goal: null });
  });
});
