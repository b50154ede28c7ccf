import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { todayKey } from './today';
import type { Habit, HabitInput } from './types';

export const habitsKey = ['habits'] as const;

export function useHabits() {
  return useQuery({
    queryKey: habitsKey,
    queryFn: ({ signal }) => api.get('/v1/habits', { signal }),
  });
}

export function useCreateHabit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: HabitInput) => api.post('/v1/habits', { body: input }) as Promise<Habit | undefined>,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: habitsKey }),
        client.invalidateQueries({ queryKey: todayKey }),
      ]),
  });
}
