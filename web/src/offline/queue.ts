import { ApiError, toApiError } from '../api/errors';
import type { DayChange, PendingChange } from './changes';
import { defaultStorage, type QueueStorage } from './storage';

/** A change the server refused when the queue sent it: dropped, and told to the user. */
export interface QueueFailure {
  id: string;
  habitName: string;
  date: string;
  /** The server's reason, in words. */
  message: string;
}

/** What the queue holds and does, for the screens. */
export interface QueueState {
  /** The changes waiting, in the order they are sent. */
  items: readonly PendingChange[];
  /** Whether the stored changes have been read (until then `items` may be short). */
  loaded: boolean;
  /** Whether a send is under way. */
  sending: boolean;
  /** Changes the server refused, until the user dismisses them. */
  failures: readonly QueueFailure[];
  /** When the last send emptied the queue (ms since the epoch); cleared by the next change. */
  savedAt: number | undefined;
}

/** Whether a failure is the network's (or the browser says it is offline): the change waits and is tried again. */
export function isOfflineError(error: unknown): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return true;
  return toApiError(error).isNetwork;
}

/**
 * Whether a failed send should stop the queue and keep the change for later: no answer, a server that is away or
 * busy (5xx, 408, 425, 429), or a session problem (401, 403: signed out, or another user is signed in now) that is
 * not the change's fault. Any other 4xx is the server's verdict on the change itself.
 */
export function isRetryable(error: unknown): boolean {
  const e = toApiError(error);
  if (!(error instanceof ApiError)) return true;
  return e.status === 0 || e.status >= 500 || [401, 403, 408, 425, 429].includes(e.status);
}

let counter = 0;
function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `c-${Date.now()}-${++counter}`;
}

/** Sends one change; throws an ApiError when the server refuses it or cannot be reached. */
export type Sender = (change: PendingChange) => Promise<void>;

/**
 * The changes made while the server could not be reached, kept (in IndexedDB) until they are sent. They are sent in
 * the order they were made, one at a time; a change the server took is removed, one it refused (4xx) is removed and
 * reported, and a network failure stops the send until the next try with everything kept — an increment keeps its
 * Idempotency-Key, so a try whose answer was lost never counts twice.
 */
export class OfflineQueue {
  private state: QueueState = { items: [], loaded: false, sending: false, failures: [], savedAt: undefined };
  private readonly listeners = new Set<() => void>();
  private storage: Promise<QueueStorage>;
  private seq = 0;
  private running: Promise<void> | undefined;
  private again = false;
  /** Resolves once the stored changes are read. */
  ready: Promise<void>;

  constructor(storage: QueueStorage | Promise<QueueStorage> = defaultStorage()) {
    this.storage = Promise.resolve(storage);
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    let stored: PendingChange[] = [];
    try {
      stored = await (await this.storage).load();
    } catch {
      // unreadable storage: start empty rather than not at all
    }
    const known = new Set(this.state.items.map((i) => i.id));
    const items = [...stored.filter((s) => !known.has(s.id)), ...this.state.items].sort(byOrder);
    this.seq = Math.max(this.seq, ...items.map((i) => i.seq));
    this.set({ items, loaded: true });
  }

  /** Listens to every change of {@link getState}; answers how to stop. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current state (the same object until something changes). */
  getState = (): QueueState => this.state;

  private set(patch: Partial<QueueState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** The changes of one user that wait, in order. */
  pendingFor(userId: string | undefined): PendingChange[] {
    return userId === undefined ? [] : this.state.items.filter((i) => i.userId === userId);
  }

  /** Keeps a change for later; it shows at once (the state changes before it is stored). */
  add(userId: string, change: DayChange): PendingChange {
    const item: PendingChange = {
      ...change,
      id: newId(),
      userId,
      createdAt: new Date().toISOString(),
      seq: Math.max(++this.seq, Date.now()),
    };
    this.seq = item.seq;
    this.set({ items: [...this.state.items, item], savedAt: undefined });
    void this.storage.then((s) => s.put(item)).catch(() => {});
    return item;
  }

  private drop(id: string) {
    this.set({ items: this.state.items.filter((i) => i.id !== id) });
    void this.storage.then((s) => s.remove(id)).catch(() => {});
  }

  /** Forgets a reported failure. */
  dismiss(id: string) {
    this.set({ failures: this.state.failures.filter((f) => f.id !== id) });
  }

  /**
   * Sends the user's waiting changes in order. `onSent` is told of each one the server took, at the moment it
   * leaves the queue. A call while a send is under way runs once more after it; answers when all is done.
   */
  flush(userId: string, send: Sender, onSent?: (change: PendingChange) => void): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        await this.ready;
        do {
          this.again = false;
          await this.sendAll(userId, send, onSent);
        } while (this.again);
      } finally {
        this.running = undefined;
        this.set({ sending: false });
      }
    })();
    return this.running;
  }

  private async sendAll(userId: string, send: Sender, onSent?: (change: PendingChange) => void) {
    let sent = 0;
    for (;;) {
      const next = this.pendingFor(userId)[0];
      if (!next) break;
      if (!this.state.sending) this.set({ sending: true });
      try {
        await send(next);
      } catch (error) {
        if (isRetryable(error)) {
          this.set({ sending: false });
          return;
        }
        const failure = { id: next.id, habitName: next.habitName, date: next.date, message: toApiError(error).message };
        this.set({ failures: [...this.state.failures, failure] });
        this.drop(next.id);
        continue;
      }
      this.drop(next.id);
      sent++;
      onSent?.(next);
    }
    if (sent > 0 && this.pendingFor(userId).length === 0) this.set({ savedAt: Date.now(), sending: false });
  }

  /** Forgets every change and failure (signing out on a shared device; tests). */
  async reset(): Promise<void> {
    this.set({ items: [], failures: [], savedAt: undefined, sending: false });
    await (await this.storage).clear().catch(() => {});
  }
}

function byOrder(a: PendingChange, b: PendingChange): number {
  return a.seq - b.seq || a.createdAt.localeCompare(b.createdAt);
}

/** The app's queue (one per page). */
export const offlineQueue = new OfflineQueue();
