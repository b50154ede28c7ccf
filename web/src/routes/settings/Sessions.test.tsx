import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { calendarFeedKey, type Session } from '../../api/settings';
import { fakeApi, json, problem } from '../../testing/fakeApi';
import { renderApp } from '../../testing/render';
import { ANN, findSection, stubPointerEvent } from './testing';

const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** A session as the server sends it: the user agent and the address may be null. */
function session(id: string, userAgent: string | null, extra: { [K in keyof Session]?: Session[K] | null } = {}): Session {
  return {
    id,
    kind: 'session',
    userAgent,
    address: '203.0.113.7',
    createdAt: '2026-11-20T09:00:00Z',
    lastUsedAt: '2026-12-01T07:30:00Z',
    expiresAt: '2026-12-31T09:00:00Z',
    current: false,
    ...extra,
  } as Session;
}

function threeSessions(): Session[] {
  return [
    session('s1', FIREFOX_LINUX, { current: true, address: '198.51.100.4' }),
    session('s2', SAFARI_IPHONE),
    session('s3', CHROME_WINDOWS, { address: null }),
  ];
}

describe('Settings: where you are signed in', { timeout: 60_000 }, () => {
  beforeEach(stubPointerEvent);

  it('lists the sessions with this device marked, and signs another one out', async () => {
    let sessions = threeSessions();
    const api = fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/me/sessions': () => json(sessions),
      'DELETE /api/v1/me/sessions/{id}': (req) => {
        sessions = sessions.filter((s) => s.id !== req.params.id);
        return new Response(null, { status: 204 });
      },
    });
    const user = userEvent.setup();
    renderApp('/settings/sessions');
    await findSection('Where you’re signed in');

    const list = await screen.findByRole('list', { name: 'Your sessions' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(3);

    const [mine, phone, pc] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(mine).getByText('Firefox on Linux')).toHaveAttribute('title', FIREFOX_LINUX);
    expect(within(mine).getByText('This device')).toBeInTheDocument();
    expect(within(mine).getByText(/Active now · signed in .* · from 198\.51\.100\.4/)).toBeInTheDocument();
    expect(within(mine).queryByRole('button')).toBeNull();

    expect(within(phone).getByText('Safari on iPhone')).toHaveAttribute('title', SAFARI_IPHONE);
    expect(within(phone).queryByText('This device')).toBeNull();
    expect(within(phone).getByText(/^Last active .*2026.* · signed in .*2026 · from 203\.0\.113\.7$/)).toBeInTheDocument();
    expect(within(pc).getByText(/^Last active .* · signed in [^·]*$/)).toBeInTheDocument();
    expect(within(pc).getByRole('button', { name: 'Sign out Chrome on Windows' })).toBeInTheDocument();

    await user.click(within(phone).getByRole('button', { name: 'Sign out Safari on iPhone' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(within(list).queryByText('Safari on iPhone')).toBeNull();
    expect(screen.getByText('Signed out Safari on iPhone.')).toHaveAttribute('role', 'status');
    expect(api.callsTo('DELETE', '/api/v1/me/sessions/s2')).toHaveLength(1);
    expect(api.callsTo('DELETE', '/api/v1/me/sessions/s1')).toHaveLength(0);
    expect(list).toHaveFocus();
  });

  it('signs out everywhere else after asking, and forgets the calendar feed link', async () => {
    let sessions = threeSessions();
    const api = fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/me/sessions': () => json(sessions),
      'POST /api/v1/me/sessions/revoke-others': () => {
        const ended = sessions.filter((s) => !s.current).length;
        sessions = sessions.filter((s) => s.current);
        return json({ ended });
      },
    });
    const user = userEvent.setup();
    const { client } = renderApp('/settings/sessions');
    client.setQueryData(calendarFeedKey, 'https://steadfast.example/api/v1/calendar/feed/secret.ics');
    await findSection('Where you’re signed in');

    const everywhere = await screen.findByRole('button', { name: 'Sign out everywhere else' });
    await user.click(everywhere);
    let dialog = await screen.findByRole('alertdialog', { name: 'Sign out everywhere else?' });
    expect(within(dialog).getByText(/calendar feed link stops working too/)).toBeInTheDocument();
    expect(within(dialog).getByText(/API tokens keep working/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.callsTo('POST', '/api/v1/me/sessions/revoke-others')).toHaveLength(0);
    expect(within(screen.getByRole('list', { name: 'Your sessions' })).getAllByRole('listitem')).toHaveLength(3);
    expect(everywhere).toHaveFocus();

    await user.click(everywhere);
    dialog = await screen.findByRole('alertdialog', { name: 'Sign out everywhere else?' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign out everywhere else' }));

    expect(await screen.findByText(/^Signed out of 2 other sessions\./)).toHaveAttribute('role', 'status');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.callsTo('POST', '/api/v1/me/sessions/revoke-others')).toHaveLength(1);
    const list = screen.getByRole('list', { name: 'Your sessions' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(within(list).getByText('This device')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign out everywhere else' })).toBeNull();
    await waitFor(() => expect(list).toHaveFocus());
    expect(client.getQueryData(calendarFeedKey)).toBeNull();
  });

  it('has no sign-out-everywhere button when this is the only session, and says when the list cannot load', async () => {
    let fail = true;
    fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/me/sessions': () =>
        fail ? problem(503, { title: 'Service Unavailable' }) : json([session('s1', null, { current: true })]),
    });
    const user = userEvent.setup();
    renderApp('/settings/sessions');
    await findSection('Where you’re signed in');

    expect(await screen.findByText(/Could not load your sessions/)).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    const list = await screen.findByRole('list', { name: 'Your sessions' });
    expect(within(list).getByText('Unknown device')).not.toHaveAttribute('title');
    expect(within(list).getByText('This device')).toBeInTheDocument();
    expect(within(list).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out everywhere else' })).toBeNull();
  });
});
