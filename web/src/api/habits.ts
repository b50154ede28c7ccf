import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { components } from './schema';
import { todayKey } from './today';
import type { Habit, HabitInput } from './types';

export type HabitType = components['schemas']['HabitTypeDto'];
export type Partner = components['schemas']['PartnerDto'];
export type Group = components['schemas']['GroupDto'];

/** The active habits, in the user's order (GET /habits). Every other habits key starts with this one. */
export const habitsKey = ['habits'] as const;
/** The archived habits (GET /habits?archived=true). */
export const archivedHabitsKey = ['habits', 'archived'] as const;
export const habitTypesKey = ['habit-types'] as const;
/** The user's partners, as the habit form needs them (to choose a referee). */
export const partnersListKey = ['partners', 'list'] as const;
/** The user's groups, as the habit form needs them (to share a habit with groups). */
export const groupsListKey = ['groups', 'list'] as const;

/** The active habits in their order. */
export function useHabits() {
  return useQuery({
    queryKey: habitsKey,
    queryFn: ({ signal }) => api.get('/v1/habits', { signal }),
  });
}

/** The archived habits. */
export function useArchivedHabits() {
  return useQuery({
    queryKey: archivedHabitsKey,
    queryFn: ({ signal }) => api.get('/v1/habits', { query: { archived: 'true' }, signal }),
  });
}

/** The habit types the server runs now (built in: boolean, count, limit; plugins add more). */
export function useHabitTypes() {
  return useQuery({
    queryKey: habitTypesKey,
    queryFn: ({ signal }) => api.get('/v1/habit-types', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The user's accountability partners (GET /partners); only fetched when `enabled`. */
export function usePartnerList(enabled = true) {
  return useQuery({
    queryKey: partnersListKey,
    queryFn: ({ signal }) => api.get('/v1/partners', { signal }),
    enabled,
  });
}

/** The user's groups (GET /groups); only fetched when `enabled`. */
export function useGroupList(enabled = true) {
  return useQuery({
    queryKey: groupsListKey,
    queryFn: ({ signal }) => api.get('/v1/groups', { signal }),
    enabled,
  });
}

function useInvalidateHabits() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: habitsKey }),
      client.invalidateQueries({ queryKey: todayKey }),
    ]);
}

/** Creates a habit (POST /habits); answers the habit the server made. */
export function useCreateHabit() {
  const invalidate = useInvalidateHabits();
  return useMutation({
    mutationFn: (input: HabitInput) => api.post('/v1/habits', { body: input }) as Promise<Habit | undefined>,
    onSuccess: invalidate,
  });
}

export interface HabitChange {
  id: string;
  patch: HabitInput;
}

/** Changes the fields present in `patch` (PATCH /habits/{id}); archiving is `{archived: true}`. */
export function useUpdateHabit() {
  const invalidate = useInvalidateHabits();
  return useMutation({
    mutationFn: ({ id, patch }: HabitChange) => api.patch('/v1/habits/{id}', { path: { id }, body: patch }),
    onSuccess: invalidate,
  });
}

/** Deletes a habit and its whole history (DELETE /habits/{id}). */
export function useDeleteHabit() {
  const invalidate = useInvalidateHabits();
  return useMutation({
    mutationFn: (id: string) => api.delete('/v1/habits/{id}', { path: { id } }),
    onSuccess: invalidate,
  });
}

/** `habits` in the order of `ids` (ids not listed follow in their order, as the server does). Pure. */
export function inOrder(habits: readonly Habit[], ids: readonly string[]): Habit[] {
  const rank = new Map(ids.map((id, i) => [id, i]));
  const listed = habits.filter((h) => h.id !== undefined && rank.has(h.id));
  listed.sort((a, b) => rank.get(a.id!)! - rank.get(b.id!)!);
  return [...listed, ...habits.filter((h) => h.id === undefined || !rank.has(h.id))];
}

/** `ids` with the one at `from` moved to `to`. Pure. */
export function moved<T>(ids: readonly T[], from: number, to: number): T[] {
  const next = [...ids];
  const [item] = next.splice(from, 1);
  if (item === undefined) return next;
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/**
 * Saves the order of the active habits (PUT /habits/order), at once on screen; when the server refuses, the order
 * before this change comes back and `onFailure` is told.
 */
export function useReorderHabits(onFailure?: (error: unknown) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.put('/v1/habits/order', { body: ids }),
    onMutate: async (ids) => {
      await client.cancelQueries({ queryKey: habitsKey, exact: true });
      const before = client.getQueryData<Habit[]>(habitsKey);
      if (before) client.setQueryData<Habit[]>(habitsKey, inOrder(before, ids));
      return { before };
    },
    onError: (error, _ids, context) => {
      if (context?.before) client.setQueryData<Habit[]>(habitsKey, context.before);
      onFailure?.(error);
    },
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: habitsKey, exact: true }),
        client.invalidateQueries({ queryKey: todayKey }),
      ]),
  });
}
