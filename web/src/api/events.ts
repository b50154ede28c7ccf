import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { feedKey, notificationsKey, prependFeedItem, unreadCountKey, type FeedItem, type Notification } from './feed';
import { applyImportEvent, IMPORTED_KEYS, type ImportEvent } from './importEvents';

/**
 * The app's one live connection to the server: GET /api/v1/events (Server-Sent Events), opened while someone is
 * signed in (Layout calls {@link useEventStream}). The browser's EventSource sends the httpOnly session cookie (same
 * origin) and, when it reconnects by itself after a dropped connection, the Last-Event-ID of the last event, so that
 * the server sends what was missed first. When the server closes the stream for good (an error answer, 429 past five
 * streams), it is opened again after a growing delay, and the lists are refetched since events may have been lost.
 * Without EventSource the notifications and the feed are polled every minute instead.
 *
 * Each event makes the matching queries stale: `notification` → ['notifications'] (the bell's count and list) and
 * what the kind is about (see {@link keysFor}); `feed` → the item goes to the top of the cached ['feed']; `import` →
 * the import's progress goes into its cached query, which is asked for again (and, once it is done, the habits).
 * Screens subscribe to the events themselves with {@link useServerEvent}.
 */

export const EVENTS_URL = '/api/v1/events';

/** The events the stream sends, with their data: a /notifications or a /feed item, an import's progress. */
export interface ServerEvents {
  notification: Notification;
  feed: FeedItem;
  import: ImportEvent;
}
export type ServerEventName = keyof ServerEvents;
export type ServerEventListener<N extends ServerEventName> = (data: ServerEvents[N]) => void;

const EVENT_NAMES: readonly ServerEventName[] = ['notification', 'feed', 'import'];
const listeners: { [N in ServerEventName]: Set<ServerEventListener<N>> } = {
  notification: new Set(),
  feed: new Set(),
  import: new Set(),
};

/** Calls `listener` with the data of every `name` event of the stream; answers how to stop. */
export function subscribe<N extends ServerEventName>(name: N, listener: ServerEventListener<N>): () => void {
  const set = listeners[name] as Set<ServerEventListener<N>>;
  set.add(listener);
  return () => void set.delete(listener);
}

/** Calls `listener` (the latest one rendered) for each `name` event while the component is mounted. */
export function useServerEvent<N extends ServerEventName>(name: N, listener: ServerEventListener<N>) {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => subscribe(name, (data) => latest.current(data)), [name]);
}

const PARTNERS: QueryKey = ['partners'];
const TODAY: QueryKey = ['today'];

/** The queries, besides the event's own list, that an event makes stale. */
export function keysFor<N extends ServerEventName>(name: N, data: ServerEvents[N] | undefined): QueryKey[] {
  // a partner's check-in changes what the People screens show of their habits
  if (name === 'feed') return [PARTNERS];
  // an import that is done has made habits and days
  if (name === 'import') return (data as ImportEvent | undefined)?.status === 'done' ? [...IMPORTED_KEYS] : [];
  switch ((data as Notification | undefined)?.kind) {
    case 'partner_invitation':
    case 'partner_accepted':
    case 'partner_joined':
      return [PARTNERS, ['invitations'], feedKey];
    case 'partner_missed':
      return [PARTNERS];
    case 'referee_request':
      return [['referee']];
    case 'referee_confirmed':
    case 'referee_disputed':
      return [TODAY, ['habits'], ['habit'], ['calendar'], ['achievements']];
    case 'nudge':
    case 'reminder':
    case 'streak_at_risk':
      return [TODAY];
    case 'channel_disabled':
      return [['channels']];
    default:
      return [];
  }
}

export interface StreamOptions {
  url?: string;
  /** How often to poll without EventSource. */
  pollMs?: number;
  /** The first delay before opening a closed stream again; it doubles up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** readyState of an EventSource that will not reconnect by itself. */
const CLOSED = 2;

function parse(event: MessageEvent): unknown {
  try {
    return typeof event.data === 'string' && event.data ? JSON.parse(event.data) : undefined;
  } catch {
    return undefined;
  }
}

/** The lists that may have missed events while the stream was away. */
function catchUp(client: QueryClient) {
  void client.invalidateQueries({ queryKey: notificationsKey });
  void client.invalidateQueries({ queryKey: feedKey });
}

function deliver<N extends ServerEventName>(client: QueryClient, name: N, data: ServerEvents[N] | undefined) {
  if (name === 'notification') void client.invalidateQueries({ queryKey: notificationsKey });
  else if (name === 'import') {
    if (data) applyImportEvent(client, data as ImportEvent);
  }
  // the item itself is the news: no need to fetch every loaded page again
  else if (data) prependFeedItem(client, data as FeedItem);
  for (const key of keysFor(name, data)) void client.invalidateQueries({ queryKey: key });
  if (data === undefined) return;
  for (const listener of [...listeners[name]] as ServerEventListener<N>[]) listener(data);
}

/**
 * Opens the event stream for `client`'s queries (or polls without EventSource); answers how to close it. Prefer
 * {@link useEventStream}, which shares one stream among its callers.
 */
export function openEventStream(client: QueryClient, options: StreamOptions = {}): () => void {
  const { url = EVENTS_URL, pollMs = 60_000, minDelayMs = 1_000, maxDelayMs = 60_000 } = options;

  if (typeof EventSource === 'undefined') {
    const timer = setInterval(() => catchUp(client), pollMs);
    return () => clearInterval(timer);
  }

  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let missed = false;
  let stopped = false;

  function connect() {
    retry = undefined;
    const s = new EventSource(url, { withCredentials: true });
    source = s;
    s.addEventListener('open', () => {
      attempt = 0;
      if (missed) catchUp(client);
      missed = false;
    });
    for (const name of EVENT_NAMES) {
      s.addEventListener(name, (e) => deliver(client, name, parse(e as MessageEvent) as ServerEvents[typeof name]));
    }
    s.addEventListener('error', () => {
      missed = true;
      // CONNECTING: the browser tries again by itself, with Last-Event-ID; CLOSED: it has given up
      if (s.readyState !== CLOSED || stopped) return;
      s.close();
      // the stream may have closed because the session ended: a request that answers 401 takes the user to sign in
      void client.invalidateQueries({ queryKey: unreadCountKey });
      schedule();
    });
  }

  function schedule() {
    const base = Math.min(maxDelayMs, minDelayMs * 2 ** attempt);
    attempt++;
    // some jitter, so that the tabs of a restarted server do not all come back at once
    retry = setTimeout(connect, base * (0.8 + Math.random() * 0.4));
  }

  function online() {
    if (retry === undefined || stopped) return;
    clearTimeout(retry);
    connect();
  }

  connect();
  window.addEventListener('online', online);
  return () => {
    stopped = true;
    if (retry !== undefined) clearTimeout(retry);
    source?.close();
    window.removeEventListener('online', online);
  };
}

let shared: { client: QueryClient; close: () => void; users: number } | undefined;

/** Keeps the app's one event stream open while the calling component is mounted (the signed-in frame). */
export function useEventStream(options?: StreamOptions) {
  const client = useQueryClient();
  const opts = useRef(options);
  useEffect(() => {
    if (shared && shared.client !== client) {
      shared.close();
      shared = undefined;
    }
    if (!shared) shared = { client, close: openEventStream(client, opts.current), users: 0 };
    const mine = shared;
    mine.users++;
    return () => {
      mine.users--;
      if (mine.users === 0) {
        mine.close();
        if (shared === mine) shared = undefined;
      }
    };
  }, [client]);
}
