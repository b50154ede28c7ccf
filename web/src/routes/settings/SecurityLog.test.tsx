import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SecurityEntry, Session } from '../../api/settings';
import { fakeApi, json, problem } from '../../testing/fakeApi';
import { renderApp } from '../../testing/render';
import { formatDateTime } from './format';
import { ANN, findSection, stubPointerEvent } from './testing';

const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

/** An entry as the server sends it: the address, user agent and detail may be null. */
function entry(id: string, kind: string, extra: { [K in keyof SecurityEntry]?: SecurityEntry[K] | null } = {}): SecurityEntry {
  return { id, kind, at: '2026-12-01T07:30:00Z', address: null, userAgent: null, detail: null, ...extra } as SecurityEntry;
}

const THIS_SESSION = { id: 's1', kind: 'session', userAgent: FIREFOX_LINUX, current: true } as Session;

function findLog() {
  return screen.findByRole('list', { name: 'Recent security activity' }, { timeout: 5_000 });
}

describe('Settings: recent security activity', { timeout: 60_000 }, () => {
  beforeEach(stubPointerEvent);

  it('says what happened in words, marks failed sign-ins and locks, and falls back for an unknown kind', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/me/sessions': () => json([THIS_SESSION]),
      'GET /api/v1/me/security-log': () =>
        json({
          entries: [
            entry('e1', 'sign-in', { userAgent: FIREFOX_LINUX, address: '203.0.113.7' }),
            entry('e2', 'sign-in-failed', { userAgent: SAFARI_IPHONE, address: '198.51.100.9', at: '2026-11-30T22:05:00Z' }),
            entry('e3', 'sign-in-locked', { address: '198.51.100.9' }),
            entry('e4', 'token-created', { userAgent: FIREFOX_LINUX, detail: 'token backup script (read)' }),
            entry('e5', 'role-changed', { detail: 'from user to admin' }),
            entry('e6', 'passkey-added'),
          ],
          next: null,
        }),
    });
    renderApp('/settings/sessions');
    await findSection('Where you’re signed in');

    const log = await findLog();
    const rows = within(log).getAllByRole('listitem');
    expect(rows).toHaveLength(6);
    const [signIn, failed, locked, token, role, unknown] = rows as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];

    expect(within(signIn).getByText('Signed in')).toBeInTheDocument();
    const time = within(signIn).getByText(formatDateTime('2026-12-01T07:30:00Z', 'Europe/Berlin'));
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('dateTime', '2026-12-01T07:30:00Z');
    expect(within(signIn).getByText('Firefox on Linux')).toHaveAttribute('title', FIREFOX_LINUX);
    expect(signIn).toHaveTextContent(/2026.* · Firefox on Linux · from 203\.0\.113\.7$/);
    expect(within(signIn).queryByText('Failed')).toBeNull();
    expect(within(signIn).queryByText('Locked')).toBeNull();

    expect(within(failed).getByText('A wrong password was tried')).toBeInTheDocument();
    expect(within(failed).getByText('Failed')).toBeInTheDocument();
    expect(failed).toHaveTextContent(/ · Safari on iPhone · from 198\.51\.100\.9$/);
    // the account's zone, not UTC
    expect(within(failed).getByText(formatDateTime('2026-11-30T22:05:00Z', 'Europe/Berlin'))).toBeInTheDocument();
    expect(formatDateTime('2026-11-30T22:05:00Z', 'Europe/Berlin')).not.toBe(formatDateTime('2026-11-30T22:05:00Z', 'UTC'));

    expect(within(locked).getByText('Sign-ins from this address were paused after wrong passwords')).toBeInTheDocument();
    expect(within(locked).getByText('Locked')).toBeInTheDocument();
    expect(locked).toHaveTextContent(/2026[^·]* · from 198\.51\.100\.9$/);
    expect(within(locked).queryByText('Unknown device')).toBeNull();

    expect(within(token).getByText('Access token made')).toBeInTheDocument();
    expect(within(token).getByText('token backup script (read)')).toBeInTheDocument();
    expect(within(role).getByText('Role changed')).toBeInTheDocument();
    expect(within(role).getByText('from user to admin')).toBeInTheDocument();
    expect(within(unknown).getByText('Account activity')).toBeInTheDocument();
    expect(within(unknown).queryByText('passkey-added')).toBeNull();

    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
    const [call] = api.callsTo('GET', '/api/v1/me/security-log');
    expect(call?.query.get('limit')).toBe('20');
    expect(call?.query.has('before')).toBe(false);
  });

  it('shows older activity from before the next of the last page, after what it shows', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/me/sessions': () => json([THIS_SESSION]),
      'GET /api/v1/me/security-log': (req) =>
        req.query.get('before') === 'cursor-1'
          ? json({ entries: [entry('e3', 'account-created', { at: '2026-11-01T10:00:00Z' })], next: null })
          : json({ entries: [entry('e1', 'password-changed'), entry('e2', 'email-changed')], next: 'cursor-1' }),
    });
    const user = userEvent.setup();
    renderApp('/settings/sessions');
    await findSection('Where you’re signed in');

    const log = await findLog();
    expect(within(log).getAllByRole('listitem')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Show older' }));

    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(3));
    const rows = within(log).getAllByRole('listitem');
    expect(rows.map((r) => r.firstElementChild?.firstElementChild?.textContent)).toEqual([
      'Password changed',
      'Email changed',
      'Account created',
    ]);
    const calls = api.callsTo('GET', '/api/v1/me/security-log');
    expect(calls).toHaveLength(2);
    expect(calls[1]?.query.get('before')).toBe('cursor-1');
    expect(calls[1]?.query.get('limit')).toBe('20');
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
    // the button is gone: the focus is on the first entry it brought
    await waitFor(() => expect(rows[2]).toHaveFocus());
  });

  it('says when there is nothing yet, and when the log cannot load, with its own retry', async () => {
    let fail = true;
    fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/me/sessions': () => json([THIS_SESSION]),
      'GET /api/v1/me/security-log': () =>
        fail ? problem(503, { title: 'Service Unavailable' }) : json({ entries: [], next: null }),
    });
    const user = userEvent.setup();
    renderApp('/settings/sessions');
    await findSection('Where you’re signed in');

    expect(await screen.findByText(/Could not load your security activity/)).toBeInTheDocument();
    // the sessions' list loaded: the only retry on the page is the log's
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again to load your security activity' }));
    expect(await screen.findByText('No security activity yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Recent security activity' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
  });

  it('is asked again after another session is signed out', async () => {
    let sessions: Session[] = [THIS_SESSION, { id: 's2', kind: 'session', userAgent: SAFARI_IPHONE, current: false } as Session];
    let ended = false;
    const api = fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/me/sessions': () => json(sessions),
      'DELETE /api/v1/me/sessions/{id}': (req) => {
        sessions = sessions.filter((s) => s.id !== req.params.id);
        ended = true;
        return new Response(null, { status: 204 });
      },
      'GET /api/v1/me/security-log': () =>
        json({
          entries: [
            ...(ended ? [entry('e2', 'session-ended', { detail: 'Safari on iPhone' })] : []),
            entry('e1', 'sign-in', { userAgent: FIREFOX_LINUX }),
          ],
          next: null,
        }),
    });
    const user = userEvent.setup();
    renderApp('/settings/sessions');
    await findSection('Where you’re signed in');

    const log = await findLog();
    expect(within(log).getAllByRole('listitem')).toHaveLength(1);
    await user.click(await screen.findByRole('button', { name: 'Sign out Safari on iPhone' }));
    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(2));
    expect(within(log).getByText('A session was signed out')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/v1/me/security-log')).toHaveLength(2);
  });
});
