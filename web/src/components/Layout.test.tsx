import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { Providers } from '../App';
import { createQueryClient } from '../api/queryClient';
import { installFakeEventSource, installResizeObserver } from '../routes/feed/fakeEventSource';
import { fakeApi, json } from '../testing/fakeApi';
import { Layout } from './Layout';

const ANN = { userId: 'u-ann', displayName: 'Ann' };
const BOB = { userId: 'u-bob', displayName: 'Bob' };
const READ = { id: 'h-read', name: 'Read' };

function Where() {
  const { pathname } = useLocation();
  return <h1>Screen at {pathname}</h1>;
}

beforeEach(() => installResizeObserver());

/** The frame around a stand-in screen that says where it is. */
function renderFrame(path = '/') {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } });
  render(
    <Providers client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route element={<Layout />}>
            <Route path="*" element={<Where />} />
          </Route>
          <Route path="/sign-in" element={<h1>Sign in</h1>} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
  return client;
}

/** The bell once its popover has loaded (until then a plain button of the same name stands in for it). */
async function bell(name: string) {
  let found: HTMLElement | undefined;
  await waitFor(
    () => {
      found = screen.getByRole('button', { name });
      expect(found).toHaveAttribute('aria-haspopup', 'dialog');
    },
    { timeout: 8000 },
  );
  return found!;
}

describe('Layout', { timeout: 20_000 }, () => {
  it('has the named links, the bell, the theme switch and sign-out at phone width', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 360 });
    fakeApi({ 'GET /api/v1/notifications/unread-count': () => json({ count: 0 }) });
    const user = userEvent.setup();
    renderFrame('/');

    const nav = screen.getByRole('navigation', { name: 'Main' });
    for (const name of ['Today', 'Habits', 'Calendar', 'People', 'Feed']) {
      expect(within(nav).getByRole('link', { name })).toBeInTheDocument();
    }
    expect(within(nav).getByRole('link', { name: 'Today' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Colour theme/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
    expect(await bell('Notifications')).toBeInTheDocument();

    // the screens that do not fit in a phone's tab bar are under More
    const moreButton = within(nav).getByRole('button', { name: 'More' });
    expect(moreButton).toHaveAttribute('aria-expanded', 'false');
    await user.click(moreButton);
    expect(moreButton).toHaveAttribute('aria-expanded', 'true');
    const more = screen.getByRole('list', { name: 'More screens' });
    const achievements = within(more).getByRole('link', { name: 'Achievements' });
    expect(achievements).toHaveAttribute('href', '/achievements');
    expect(achievements).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('list', { name: 'More screens' })).not.toBeInTheDocument();
    expect(moreButton).toHaveFocus();

    await user.keyboard('{Enter}');
    await user.click(within(screen.getByRole('list', { name: 'More screens' })).getByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { name: 'Screen at /settings' })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'More screens' })).not.toBeInTheDocument();

    await user.click(within(nav).getByRole('link', { name: 'Habits' }));
    expect(await screen.findByRole('heading', { name: 'Screen at /habits' })).toBeInTheDocument();
  });

  it('signs out and goes to sign in', async () => {
    const api = fakeApi({
      'GET /api/v1/notifications/unread-count': () => json({ count: 0 }),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderFrame('/feed');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/auth/logout')).toHaveLength(1);
  });
});

describe('The bell', { timeout: 20_000 }, () => {
  it('says how many are unread and asks again when the event stream says something happened', async () => {
    const Source = installFakeEventSource();
    let unread = 2;
    const api = fakeApi({ 'GET /api/v1/notifications/unread-count': () => json({ count: unread }) });
    renderFrame('/');

    const button = await bell('Notifications, 2 unread');
    expect(screen.getByTestId('bell-badge')).toHaveTextContent('2');

    // one stream for the app, with the session cookie
    expect(Source.open()).toHaveLength(1);
    const stream = Source.open()[0]!;
    expect(stream.url).toBe('/api/v1/events');
    act(() => stream.open());

    unread = 3;
    act(() =>
      stream.send('notification', { id: 9, kind: 'cheer', actor: BOB, habit: READ, createdAt: new Date().toISOString() }),
    );
    await waitFor(() => expect(button).toHaveAccessibleName('Notifications, 3 unread'));
    expect(api.callsTo('GET', '/api/v1/notifications/unread-count')).toHaveLength(2);
    expect(screen.getByTestId('bell-badge')).toHaveTextContent('3');
  });

  it('opens on the latest notifications, marks them read, links to what they are about and closes with Escape', async () => {
    installFakeEventSource();
    let unread = 2;
    const now = Date.now();
    const api = fakeApi({
      'GET /api/v1/notifications/unread-count': () => json({ count: unread }),
      'GET /api/v1/notifications': () =>
        json({
          items: [
            { id: 3, kind: 'nudge', actor: BOB, habit: READ, comment: 'You can do it', createdAt: new Date(now - 5 * 60_000).toISOString(), read: false },
            { id: 2, kind: 'referee_disputed', actor: ANN, habit: READ, date: '2026-11-30', comment: 'no photo', createdAt: new Date(now - 3 * 3600_000).toISOString(), read: false },
            { id: 1, kind: 'partner_accepted', actor: ANN, createdAt: new Date(now - 3 * 86400_000).toISOString(), read: true },
          ],
          nextCursor: null,
        }),
      'POST /api/v1/notifications/read': (req) => {
        unread = 0;
        return json({ updated: (req.body as { ids: number[] }).ids.length });
      },
    });
    const user = userEvent.setup();
    renderFrame('/');

    const button = await bell('Notifications, 2 unread');
    await user.click(button);
    const panel = await screen.findByRole('dialog', { name: 'Notifications' });

    const nudge = await within(panel).findByRole('link', { name: /Bob nudged you about Read/ });
    expect(nudge).toHaveTextContent('“You can do it”');
    expect(nudge).toHaveTextContent('5 minutes ago');
    expect(nudge).toHaveTextContent('New');
    expect(nudge).toHaveAttribute('href', '/');
    const disputed = within(panel).getByRole('link', { name: /Ann disputed your Read on/ });
    expect(disputed).toHaveTextContent('“no photo”');
    expect(disputed).toHaveTextContent('3 hours ago');
    expect(disputed).toHaveAttribute('href', '/habits/h-read');
    const accepted = within(panel).getByRole('link', { name: /Ann accepted your invitation/ });
    expect(accepted).toHaveAttribute('href', '/people');
    expect(accepted).not.toHaveTextContent('New');

    await waitFor(() => expect(api.callsTo('POST', '/api/v1/notifications/read')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/v1/notifications/read')[0]?.body).toEqual({ ids: [3, 2] });
    await waitFor(() => expect(button).toHaveAccessibleName('Notifications'));

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Notifications' })).not.toBeInTheDocument());
    expect(button).toHaveFocus();

    // a link takes the user where the notification is about, and closes the bell
    await user.click(button);
    await user.click(await screen.findByRole('link', { name: /Ann disputed your Read/ }));
    expect(await screen.findByRole('heading', { name: 'Screen at /habits/h-read' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Notifications' })).not.toBeInTheDocument());
  });

  it('shows in words why the notifications could not be loaded', async () => {
    installFakeEventSource();
    fakeApi({
      'GET /api/v1/notifications/unread-count': () => json({ count: 1 }),
      'GET /api/v1/notifications': () =>
        new Response(JSON.stringify({ title: 'Service Unavailable', status: 503, requestId: 'req-9' }), {
          status: 503,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    });
    const user = userEvent.setup();
    renderFrame('/');
    await user.click(await bell('Notifications, 1 unread'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load your notifications: Something went wrong on the server. If it keeps happening, quote this request id: req-9.',
    );
  });
});
