import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keysFor, openEventStream, subscribe } from '../../api/events';
import { feedKey } from '../../api/feed';
import { installFakeEventSource } from './fakeEventSource';

function client() {
  const c = new QueryClient();
  const invalidated: unknown[][] = [];
  vi.spyOn(c, 'invalidateQueries').mockImplementation(async (filters) => {
    invalidated.push([...(filters?.queryKey ?? [])]);
  });
  return { c, invalidated };
}

afterEach(() => vi.useRealTimers());

describe('the event stream', () => {
  it('makes the notifications and what the event is about stale, and tells the subscribers', () => {
    const Source = installFakeEventSource();
    const { c, invalidated } = client();
    const heard: unknown[] = [];
    const unsubscribe = subscribe('notification', (n) => heard.push(n.kind));
    const close = openEventStream(c);
    const s = Source.open()[0]!;
    expect(s.withCredentials).toBe(true);
    s.open();

    s.send('notification', { id: 1, kind: 'nudge' });
    expect(invalidated).toEqual([['notifications'], ['today']]);
    expect(heard).toEqual(['nudge']);

    unsubscribe();
    close();
    expect(Source.open()).toHaveLength(0);
  });

  it('puts a feed item at the top of the cached feed, once', () => {
    const Source = installFakeEventSource();
    const { c } = client();
    c.setQueryData(feedKey, { pages: [{ items: [{ id: 1 }], nextCursor: null }], pageParams: [undefined] });
    const close = openEventStream(c);
    const s = Source.open()[0]!;
    s.send('feed', { id: 2, kind: 'checkin' });
    s.send('feed', { id: 2, kind: 'checkin' });
    expect(c.getQueryData<{ pages: { items: { id: number }[] }[] }>(feedKey)?.pages[0]?.items.map((i) => i.id)).toEqual([2, 1]);
    close();
  });

  it('lets the browser reconnect a dropped stream, and opens a closed one again later and later', () => {
    vi.useFakeTimers();
    const Source = installFakeEventSource();
    const { c, invalidated } = client();
    const close = openEventStream(c, { minDelayMs: 1000, maxDelayMs: 4000 });
    const first = Source.instances[0]!;
    first.open();

    // dropped: EventSource reconnects by itself (with Last-Event-ID)
    first.fail(false);
    expect(Source.instances).toHaveLength(1);
    first.open();
    expect(invalidated).toContainEqual(['feed']);

    // closed for good (an error answer): a new stream after about a second, then about two
    first.fail(true);
    expect(invalidated).toContainEqual(['notifications', 'unread-count']);
    vi.advanceTimersByTime(1300);
    expect(Source.instances).toHaveLength(2);
    Source.instances[1]!.fail(true);
    vi.advanceTimersByTime(1500);
    expect(Source.instances).toHaveLength(2);
    vi.advanceTimersByTime(1000);
    expect(Source.instances).toHaveLength(3);

    // once open, the next failure starts from a second again, and the lists are fetched again
    invalidated.length = 0;
    Source.instances[2]!.open();
    expect(invalidated).toEqual([['notifications'], ['feed']]);
    Source.instances[2]!.fail(true);
    vi.advanceTimersByTime(1300);
    expect(Source.instances).toHaveLength(4);

    close();
    Source.instances[3]!.fail(true);
    vi.advanceTimersByTime(10_000);
    expect(Source.instances).toHaveLength(4);
  });

  it('polls every minute without EventSource', () => {
    vi.useFakeTimers();
    vi.stubGlobal('EventSource', undefined);
    const { c, invalidated } = client();
    const close = openEventStream(c);
    vi.advanceTimersByTime(59_000);
    expect(invalidated).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(invalidated).toEqual([['notifications'], ['feed']]);
    close();
    vi.advanceTimersByTime(120_000);
    expect(invalidated).toHaveLength(2);
  });

  it('knows what each kind of event is about', () => {
    expect(keysFor('notification', { kind: 'partner_accepted' })).toContainEqual(['partners']);
    expect(keysFor('notification', { kind: 'referee_disputed' })).toContainEqual(['today']);
    expect(keysFor('notification', { kind: 'cheer' })).toEqual([]);
    expect(keysFor('feed', { kind: 'checkin' })).toEqual([['partners']]);
  });
});
