import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import { ApiError } from './errors';
import type { DayStatus, Today, TodayItem } from './types';

export const todayKey = ['today'] as const;

export function useToday() {
  return useQuery({
    queryKey: todayKey,
    queryFn: ({ signal }) => api.get('/v1/today', { signal }),
  });
}

/** The types the Today screen can check in: a tap for `boolean`, +/- for the ones that count. */
export const COUNTING_TYPES = new Set(['count', 'limit']);

/** The status an item shows until the server's answer: the server's rules, for the built-in types. */
function statusFor(item: TodayItem, value: number): DayStatus {
  const target = item.progress?.target ?? item.habit?.target;
  const type = item.habit?.type;
  if (type === 'limit') {
    if (value > (target ?? 0)) return 'missed';
    return item.status === 'missed' ? 'pending' : ((item.status ?? 'pending') as DayStatus);
  }
  if (target !== undefined && value >= target) return 'done';
  if (value > 0) return 'partial';
  return item.due ? 'pending' : 'not_due';
}

function mapItem(today: Today, habitId: string, change: (item: TodayItem) => TodayItem): Today {
  return { ...today, habits: (today.habits ?? []).map((i) => (i.habit?.id === habitId ? change(i) : i)) };
}

/** Today with a boolean habit marked done or not done. Pure. */
export function withChecked(today: Today, habitId: string, done: boolean): Today {
  return mapItem(today, habitId, (i) => ({
    ...i,
    status: done ? 'done' : i.due ? 'pending' : 'not_due',
    progress: { ...i.progress, value: done ? 1 : 0 },
  }));
}

/** Today with `delta` added to a counting habit's value (never below zero). Pure. */
export function withDelta(today: Today, habitId: string, delta: number): Today {
  return mapItem(today, habitId, (i) => {
    const value = Math.max(0, (i.progress?.value ?? 0) + delta);
    return { ...i, status: statusFor(i, value), progress: { ...i.progress, value } };
  });
}

/** Applies an optimistic change to the cached Today; answers how to undo exactly that change. */
async function optimistic(client: QueryClient, change: (t: Today) => Today, undo: (t: Today) => Today) {
  await client.cancelQueries({ queryKey: todayKey });
  const before = client.getQueryData<Today>(todayKey);
  if (before) client.setQueryData<Today>(todayKey, change(before));
  return { undo };
}

/** Told of every check-in or increment the server refused (after its change was taken back on screen). */
export type OnFailure = (error: unknown, habitName: string) => void;

export interface CheckIn {
  habitId: string;
  habitName: string;
  date: string;
  done: boolean;
}

/** Checks a boolean habit in (PUT `{}`) or clears the day (DELETE), at once on screen, undone if the server refuses. */
export function useCheckIn(onFailure?: OnFailure) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ habitId, date, done }: CheckIn) =>
      done
        ? api.put('/v1/habits/{id}/checkins/{date}', { path: { id: habitId, date }, body: {} })
        : api.delete('/v1/habits/{id}/checkins/{date}', { path: { id: habitId, date } }),
    onMutate: ({ habitId, done }) => {
      const previous = client.getQueryData<Today>(todayKey)?.habits?.find((i) => i.habit?.id === habitId);
      return optimistic(
        client,
        (t) => withChecked(t, habitId, done),
        (t) => (previous ? mapItem(t, habitId, () => previous) : t),
      );
    },
    // here, not in mutate()'s own callbacks: those run for the latest tap only
    onError: (error, vars, context) => {
      const current = client.getQueryData<Today>(todayKey);
      if (context && current) client.setQueryData<Today>(todayKey, context.undo(current));
      onFailure?.(error, vars.habitName);
    },
    // the server's own verdict replaces the guess; not awaited, so that the tap's outcome is not held up by it
    onSettled: () => void client.invalidateQueries({ queryKey: todayKey }),
  });
}

export interface Increment {
  habitId: string;
  habitName: string;
  date: string;
  delta: number;
  /** Made once per tap, so that a retry of the same tap adds nothing twice. */
  idempotencyKey: string;
}

/**
 * Adds to a counting habit (POST …/increment with an Idempotency-Key), at once on screen. A failed tap takes back
 * only its own delta, so that other taps in flight keep theirs.
 */
export function useIncrement(onFailure?: OnFailure) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ habitId, date, delta, idempotencyKey }: Increment) =>
      api.post('/v1/habits/{id}/checkins/{date}/increment', {
        path: { id: habitId, date },
        body: { delta },
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    // the key makes a retry safe: retry when the answer was lost, never when the server said no
    retry: (count, error) => count < 2 && error instanceof ApiError && error.isNetwork,
    onMutate: ({ habitId, delta }) =>
      optimistic(
        client,
        (t) => withDelta(t, habitId, delta),
        (t) => withDelta(t, habitId, -delta),
      ),
    // here, not in mutate()'s own callbacks: those run for the latest tap only
    onError: (error, vars, context) => {
      const current = client.getQueryData<Today>(todayKey);
      if (context && current) client.setQueryData<Today>(todayKey, context.undo(current));
      onFailure?.(error, vars.habitName);
    },
    // the server's own verdict replaces the guess; not awaited, so that the tap's outcome is not held up by it
    onSettled: () => void client.invalidateQueries({ queryKey: todayKey }),
  });
}

/** A fresh idempotency key (a random UUID). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
