import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedItem } from '../../api/feed';
import { deferred, fakeApi, json, problem, type Handler } from '../../testing/fakeApi';
import { renderApp } from '../../testing/render';
import { installFakeEventSource, installResizeObserver } from './fakeEventSource';

const ANN = { userId: 'u-ann', displayName: 'Ann' };
const BOB = { userId: 'u-bob', displayName: 'Bob' };
const READ = { id: 'h-read', name: 'Read' };
const RUN = { id: 'h-run', name: 'Run' };
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const MIN = 60_000;

function item(id: number, fields: Partial<FeedItem>): FeedItem {
  return {
    id,
    kind: 'checkin',
    actor: ANN,
    habit: READ,
    date: '2026-12-01',
    backfilled: false,
    createdAt: ago(5 * MIN),
    cheers: { count: 0, mine: false },
    ...fields,
  };
}

const me = () => json({ id: 'u-me', email: 'me@example.org', displayName: 'Me' });

function routes(extra: Record<string, Handler>): Record<string, Handler> {
  return {
    'GET /api/v1/me': me,
    'GET /api/v1/notifications/unread-count': () => json({ count: 0 }),
    'GET /api/v1/partners': () => json([{ ...ANN, since: '2026-11-01T10:00:00Z' }]),
    ...extra,
  };
}

/** The list item of the feed whose text matches. */
async function row(text: RegExp) {
  const p = await screen.findByText(
    (_, el) => el?.getAttribute('data-testid') === 'feed-text' && text.test(el.textContent ?? ''),
    {},
    LOAD,
  );
  return p.closest('li')!;
}

/** The first screen of a file waits for its lazy chunk: longer than findBy's second on a busy machine. */
const LOAD = { timeout: 8000 };

beforeEach(() => {
  installResizeObserver();
  vi.stubGlobal('scrollTo', vi.fn());
});

describe('Feed', () => {
  it('words each kind of item with the person, the habit and how long ago', async () => {
    installFakeEventSource();
    fakeApi(
      routes({
        'GET /api/v1/feed': () =>
          json({
            items: [
              item(7, { createdAt: ago(10 * 1000) }),
              item(6, { actor: BOB, habit: RUN, backfilled: true, date: '2026-11-28', createdAt: ago(3 * 60 * MIN) }),
              item(5, { kind: 'achievement', achievement: 'streak-7', createdAt: ago(26 * 60 * MIN) }),
              item(4, { kind: 'achievement', achievement: 'first-checkin', habit: undefined }),
              item(3, { kind: 'streak_milestone', milestone: 30 }),
              item(2, { kind: 'referee_outcome', verification: 'disputed', date: '2026-11-30' }),
              item(1, { kind: 'challenge_finished', habit: { id: 'h-plank', name: 'Plank' }, result: { doneDays: 20, dueDays: 30 } }),
            ],
            nextCursor: null,
          }),
      }),
    );
    renderApp('/feed');

    expect(await screen.findByRole('heading', { level: 1, name: 'Feed' }, LOAD)).toBeInTheDocument();
    const texts = (await screen.findAllByTestId('feed-text')).map((e) => e.textContent);
    expect(texts).toEqual([
      'Ann completed Read',
      expect.stringMatching(/^Bob completed Run for .*28.*2026$|^Bob completed Run for .*2026.*28/),
      'Ann earned 7-day streak on Read',
      'Ann earned First check-in',
      'Ann reached a streak of 30 on Read',
      expect.stringMatching(/^The referee disputed Ann’s Read on /),
      'Ann finished the challenge Plank: 20 of 30 days done',
    ]);
    expect(within(await row(/^Ann completed Read$/)).getByText('now')).toBeInTheDocument();
    expect(within(await row(/^Bob completed Run/)).getByText('3 hours ago')).toBeInTheDocument();
    expect(within(await row(/7-day streak/)).getByText('yesterday')).toBeInTheDocument();
    expect(screen.getByText('You’re all caught up.')).toBeInTheDocument();
  });

  it('cheers at once, and takes the cheer back with the reason when the server refuses', async () => {
    installFakeEventSource();
    const answer = deferred<Response>();
    const api = fakeApi(
      routes({
        'GET /api/v1/feed': () => json({ items: [item(7, { cheers: { count: 2, mine: false } })], nextCursor: null }),
        'POST /api/v1/feed/{itemId}/cheers': () => answer.promise,
      }),
    );
    document.cookie = 'sf_csrf=csrf-9; path=/';
    const user = userEvent.setup();
    renderApp('/feed');

    const cheer = await screen.findByRole('button', { name: "Cheer Ann's Read" }, LOAD);
    const li = cheer.closest('li')!;
    expect(cheer).toHaveAttribute('aria-pressed', 'false');
    expect(within(li).getByTestId('cheers')).toHaveTextContent('2 cheers');

    await user.click(cheer);
    // before the server answered
    expect(cheer).toHaveAttribute('aria-pressed', 'true');
    expect(within(li).getByTestId('cheers')).toHaveTextContent('3 cheers');
    const [post] = api.callsTo('POST', '/api/v1/feed/7/cheers');
    expect(post?.headers.get('X-CSRF-Token')).toBe('csrf-9');

    await act(async () => answer.resolve(problem(404, { title: 'Not Found', detail: 'Feed item not found' })));
    await waitFor(() => expect(cheer).toHaveAttribute('aria-pressed', 'false'));
    expect(within(li).getByTestId('cheers')).toHaveTextContent('2 cheers');
    expect(screen.getByRole('alert')).toHaveTextContent("Could not cheer Ann's Read: Feed item not found");
  });

  it('keeps the count the server answers, and takes a cheer back', async () => {
    installFakeEventSource();
    const api = fakeApi(
      routes({
        'GET /api/v1/feed': () => json({ items: [item(7, { cheers: { count: 1, mine: true } })], nextCursor: null }),
        'DELETE /api/v1/feed/{itemId}/cheers': () => json({ count: 4, mine: false }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/feed');

    const cheer = await screen.findByRole('button', { name: "Cheer Ann's Read" }, LOAD);
    expect(cheer).toHaveAttribute('aria-pressed', 'true');
    await user.click(cheer);
    expect(cheer).toHaveAttribute('aria-pressed', 'false');
    await waitFor(() => expect(within(cheer.closest('li')!).getByTestId('cheers')).toHaveTextContent('4 cheers'));
    expect(api.callsTo('DELETE', '/api/v1/feed/7/cheers')).toHaveLength(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('loads more with the cursor, and shows a live item at the top', async () => {
    const Source = installFakeEventSource();
    const api = fakeApi(
      routes({
        'GET /api/v1/feed': (req) =>
          req.query.get('cursor') === 'c2'
            ? json({ items: [item(1, { habit: RUN, createdAt: ago(2 * 86400_000) })], nextCursor: null })
            : json({ items: [item(2, {})], nextCursor: 'c2' }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/feed');

    await row(/^Ann completed Read$/);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await row(/^Ann completed Run$/);
    expect(api.callsTo('GET', '/api/v1/feed').map((c) => c.query.get('cursor'))).toEqual([null, 'c2']);
    expect(api.callsTo('GET', '/api/v1/feed')[0]?.query.get('limit')).toBe('20');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();

    const stream = Source.open()[0]!;
    act(() => stream.open());
    act(() => stream.send('feed', item(3, { actor: BOB, habit: RUN, createdAt: ago(0) }), '0-3'));

    const texts = await screen.findAllByTestId('feed-text');
    expect(texts.map((e) => e.textContent)).toEqual(['Bob completed Run', 'Ann completed Read', 'Ann completed Run']);
    expect(within((await row(/^Bob completed Run$/)) as HTMLElement).getByText('New')).toBeInTheDocument();
    const jump = screen.getByRole('button', { name: '1 new item at the top' });
    await user.click(jump);
    expect(screen.queryByRole('button', { name: '1 new item at the top' })).not.toBeInTheDocument();
    // the item came with the event: no page was fetched again
    expect(api.callsTo('GET', '/api/v1/feed')).toHaveLength(2);
  });

  it('nudges a partner about a habit, and says why a nudge was refused', { timeout: 20_000 }, async () => {
    installFakeEventSource();
    let calls = 0;
    const api = fakeApi(
      routes({
        'GET /api/v1/feed': () =>
          json({ items: [item(3, {}), item(2, { actor: BOB, habit: RUN }), item(1, {})], nextCursor: null }),
        'POST /api/v1/partners/{userId}/nudges': () =>
          calls++ === 0
            ? json({ to: ANN.userId, habitId: READ.id, message: 'Go Ann', sentAt: ago(0), remainingToday: 2 }, 201)
            : problem(429, { title: 'Too Many Requests', detail: 'At most 3 nudges a day to one partner' }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/feed');

    // one button per habit of a partner: Bob is in a group, not a partner
    const nudges = await screen.findAllByRole('button', { name: 'Nudge Ann about Read' }, LOAD);
    expect(nudges).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Nudge Bob/ })).not.toBeInTheDocument();

    await user.click(nudges[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'Nudge Ann' });
    await user.type(within(dialog).getByLabelText(/Message/), 'Go Ann');
    await user.click(within(dialog).getByRole('button', { name: 'Send nudge' }));
    expect(await screen.findByText('Nudge sent to Ann. You can send 2 more to Ann today.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/partners/u-ann/nudges')[0]?.body).toEqual({ habitId: 'h-read', message: 'Go Ann' });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Nudge Ann about Read' }));
    const again = await screen.findByRole('dialog', { name: 'Nudge Ann' });
    expect(within(again).getByLabelText(/Message/)).toHaveValue('');
    await user.click(within(again).getByRole('button', { name: 'Send nudge' }));
    expect(await within(again).findByRole('alert')).toHaveTextContent('At most 3 nudges a day to one partner');
    expect(api.callsTo('POST', '/api/v1/partners/u-ann/nudges')[1]?.body).toEqual({ habitId: 'h-read' });
  });

  it('says how to get partners when the feed is empty', async () => {
    installFakeEventSource();
    fakeApi(routes({ 'GET /api/v1/feed': () => json({ items: [], nextCursor: null }) }));
    renderApp('/feed');
    expect(await screen.findByRole('heading', { name: 'Nothing here yet' }, LOAD)).toBeInTheDocument();
    expect(screen.getByText(/Invite a partner/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Find partners' })).toHaveAttribute('href', '/people');
  });

  it('says in words why the feed could not be loaded', async () => {
    installFakeEventSource();
    fakeApi(routes({ 'GET /api/v1/feed': () => problem(400, { title: 'Bad Request', detail: 'cursor: is not a cursor' }) }));
    renderApp('/feed');
    expect(await screen.findByRole('alert', {}, LOAD)).toHaveTextContent('Could not load the feed: cursor: is not a cursor');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
