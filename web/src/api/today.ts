import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { applyChange, changedItem, COUNTING_TYPES, sendChange, type DayChange, type TodayEntry } from '../offline/changes';
import { loadToday, saveToday } from '../offline/persist';
import { isOfflineError, offlineQueue } from '../offline/queue';
import { api } from './client';
import type { Today } from './types';

export const todayKey = ['today'] as const;
export { COUNTING_TYPES };
export type { DayChange, TodayEntry };

/**
 * The user's today (GET /v1/today). Each answer is kept on this device under the user's id; opened while the
 * browser is offline, the screen starts from the kept one. While offline the query waits instead of failing.
 */
export function useToday(userId?: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: todayKey,
    queryFn: async ({ signal }) => {
      const today = await api.get('/v1/today', { signal });
      if (userId && today) saveToday(userId, today);
      return withKnownNotes(today, client.getQueryData<Today>(todayKey));
    },
    initialData: () => {
      if (!userId || typeof navigator === 'undefined' || navigator.onLine) return undefined;
      return loadToday(userId)?.today;
    },
    initialDataUpdatedAt: () => (userId ? loadToday(userId)?.savedAt : undefined),
  });
}

/**
 * The server's Today with the notes this page already knows (read or written here: /today does not carry them), for
 * the same day. A note the server does send wins. Pure.
 */
export function withKnownNotes(today: Today, before: Today | undefined): Today {
  if (!before || before.date !== today.date || !today.habits) return today;
  const notes = new Map<string, string | null | undefined>();
  for (const i of (before.habits ?? []) as TodayEntry[]) if (i.habit?.id && i.note !== undefined) notes.set(i.habit.id, i.note);
  if (notes.size === 0) return today;
  return {
    ...today,
    habits: today.habits.map((i: TodayEntry) =>
      i.note === undefined && i.habit?.id && notes.has(i.habit.id) ? { ...i, note: notes.get(i.habit.id) } : i,
    ),
  };
}

/** Today with a boolean habit marked done or not done. Pure. */
export function withChecked(today: Today, habitId: string, done: boolean): Today {
  return applyChange(today, { habitId, habitName: '', date: today.date ?? '', kind: done ? 'check' : 'uncheck', body: {} });
}

/** Today with `delta` added to a counting habit's value (never below zero). Pure. */
export function withDelta(today: Today, habitId: string, delta: number): Today {
  return applyChange(today, { habitId, habitName: '', date: today.date ?? '', kind: 'increment', body: { delta } });
}

/** Told of every change the server refused (after it was taken back on screen). */
export type OnFailure = (error: unknown, habitName: string, change: DayChange) => void;

/** How one change ended: the server took it, it waits in the offline queue, or the server refused it. */
export type Outcome = { result: 'saved' } | { result: 'queued' } | { result: 'failed'; error: unknown };

/** The key of every day change's mutation (for useMutationState: which rows are saving). */
export const dayChangeKey = ['day-change'] as const;

function mapItem(today: Today, habitId: string, change: (item: TodayEntry) => TodayEntry): Today {
  return { ...today, habits: (today.habits ?? []).map((i) => (i.habit?.id === habitId ? change(i) : i)) };
}

/**
 * How to take back exactly one change: an increment takes back its own delta (other taps in flight keep theirs);
 * anything else puts the item back as it was.
 */
function undoOf(client: QueryClient, change: DayChange): (t: Today) => Today {
  if (change.kind === 'increment') {
    const back = { ...change, body: { delta: -(change.body.delta ?? 0) } };
    return (t) => mapItem(t, change.habitId, (i) => changedItem(i, back));
  }
  const previous = client.getQueryData<Today>(todayKey)?.habits?.find((i) => i.habit?.id === change.habitId);
  return (t) => (previous ? mapItem(t, change.habitId, () => previous) : t);
}

/** Who hears how each change ended (by the change object: every mutation's callbacks, not only the latest's). */
const listeners = new WeakMap<DayChange, (outcome: Outcome) => void>();

/**
 * Every write to a day of Today: at once on screen, then sent. When the server refuses, the change is taken back
 * and told — to the `done` given to `submit`, or else to `onFailure`; when it cannot be reached (or changes already
 * wait), the change joins the offline queue, which keeps it on screen and sends it later.
 */
export function useDayChange(userId: string | undefined, onFailure?: OnFailure) {
  const client = useQueryClient();
  const mutation = useMutation({
    // the queue, not the query client, waits for the network: the request must fail to be queued
    networkMode: 'always',
    mutationKey: dayChangeKey,
    mutationFn: (change: DayChange) => sendChange(change),
    onMutate: async (change) => {
      const undo = undoOf(client, change);
      await client.cancelQueries({ queryKey: todayKey });
      client.setQueryData<Today>(todayKey, (t) => (t ? applyChange(t, change) : t));
      return { undo };
    },
    onError: (error, change, context) => {
      client.setQueryData<Today>(todayKey, (t) => (t && context ? context.undo(t) : t));
      const listener = listeners.get(change);
      if (userId && isOfflineError(error)) {
        // in the same tick as the undo: the queue shows the change instead of the cache, without a flicker
        offlineQueue.add(userId, change);
        listener?.({ result: 'queued' });
        return;
      }
      if (listener) listener({ result: 'failed', error });
      else onFailure?.(error, change.habitName, change);
      void client.invalidateQueries({ queryKey: todayKey });
    },
    onSuccess: (_answer, change) => {
      listeners.get(change)?.({ result: 'saved' });
      // the server's own verdict replaces the guess; not awaited, so that the outcome is not held up by it
      void client.invalidateQueries({ queryKey: todayKey });
    },
  });

  const { mutate } = mutation;
  /**
   * Sends a change, or queues it when offline or when earlier changes still wait (they go first). `done` hears how
   * it ended; without one, a refusal goes to `onFailure`.
   */
  const submit = useCallback(
    (change: DayChange, done?: (outcome: Outcome) => void) => {
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      if (userId && (offline || offlineQueue.pendingFor(userId).length > 0)) {
        offlineQueue.add(userId, change);
        done?.({ result: 'queued' });
        return;
      }
      if (done) listeners.set(change, done);
      mutate(change);
    },
    [mutate, userId],
  );
  return { submit, mutation };
}

/** A fresh idempotency key (a random UUID). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
