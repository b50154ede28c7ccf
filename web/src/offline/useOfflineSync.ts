import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Today } from '../api/types';
import { applyChange, sendChange, type PendingChange } from './changes';
import { saveToday } from './persist';
import { offlineQueue, type QueueFailure } from './queue';

/** The query key of Today (the same as api/today.ts's; kept here so that this module does not import the hooks). */
const TODAY_KEY = ['today'] as const;

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Whether the browser says it is online (`navigator.onLine`, updated by its `online` and `offline` events). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

/** Sends the user's waiting changes; the cached Today takes each one the server took. */
function flushFor(userId: string, client: QueryClient): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return Promise.resolve();
  let sent = 0;
  const onSent = (change: PendingChange) => {
    sent++;
    // the change leaves the queue: the cache carries it until the server's next Today
    const updated = client.setQueryData<Today>(TODAY_KEY, (t) => (t ? applyChange(t, change) : t));
    if (updated) saveToday(userId, updated);
  };
  return offlineQueue
    .flush(userId, (c) => sendChange(c), onSent)
    .then(() => {
      if (sent > 0) void client.invalidateQueries({ queryKey: TODAY_KEY });
    });
}

/** Who the background sending works for: the last signed-in user whose screen used the queue. */
let target: { userId: string; client: QueryClient } | undefined;
let started = false;

/** The tries that need no screen: when the browser is back online, and every 30 s while changes wait. */
function startBackground() {
  if (started || typeof window === 'undefined') return;
  started = true;
  const tick = () => {
    if (target && offlineQueue.pendingFor(target.userId).length > 0) void flushFor(target.userId, target.client);
  };
  window.addEventListener('online', tick);
  setInterval(tick, 30_000);
}

/** What the screens show of the queue for the signed-in user. */
export interface OfflineSync {
  online: boolean;
  /** The user's changes waiting to be sent, in order. */
  pending: readonly PendingChange[];
  sending: boolean;
  failures: readonly QueueFailure[];
  /** When the last send emptied the queue, or undefined. */
  savedAt: number | undefined;
  /** Tries to send now (a button, or a test). */
  sendNow: () => Promise<void>;
  dismiss: (failureId: string) => void;
}

/**
 * The offline queue for the signed-in user: its state, and the sending — at once (the screen opened with changes
 * left from an earlier visit), when the browser is back online, and every 30 s while changes wait (the last two go
 * on after the screen is left).
 */
export function useOfflineSync(userId: string | undefined): OfflineSync {
  const client = useQueryClient();
  const state = useSyncExternalStore(offlineQueue.subscribe, offlineQueue.getState, offlineQueue.getState);
  const online = useOnline();
  const pending = useMemo(() => state.items.filter((i) => i.userId === userId), [state.items, userId]);

  const sendNow = useCallback(
    () => (userId ? flushFor(userId, client) : Promise.resolve()),
    [client, userId],
  );

  useEffect(() => {
    if (!userId) return;
    target = { userId, client };
    startBackground();
  }, [client, userId]);

  // at once: changes left from an earlier visit (once read from storage), back online, or queued while online
  const waiting = pending.length;
  useEffect(() => {
    if (userId && online && waiting > 0) void flushFor(userId, client);
  }, [client, userId, online, waiting]);

  const dismiss = useCallback((id: string) => offlineQueue.dismiss(id), []);
  return {
    online,
    pending,
    sending: state.sending,
    failures: state.failures,
    savedAt: state.savedAt,
    sendNow,
    dismiss,
  };
}

/** Forgets the background sending's user (tests). */
export function resetOfflineSync() {
  target = undefined;
}
