import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, problem, type Handler } from '../../testing/fakeApi';
import { renderApp } from '../../testing/render';

const ANN = { userId: 'u-ann', displayName: 'Ann' };
const RUN = { id: 'h-run', name: 'Run' };
const me = () => json({ id: 'u-me', email: 'me@example.org', displayName: 'Me' });

/** The first screen of a file waits for its lazy chunk: longer than findBy's second on a busy machine. */
const LOAD = { timeout: 8000 };

function routes(extra: Record<string, Handler>): Record<string, Handler> {
  return {
    'GET /api/v1/me': me,
    'GET /api/v1/notifications/unread-count': () => json({ count: 0 }),
    'GET /api/v1/partners': () => json([]),
    'GET /api/v1/partners/invitations': () => json({ received: [], sent: [] }),
    'GET /api/v1/referee/queue': () => json([]),
    'GET /api/v1/today': () => json({ date: '2026-12-01', timezone: 'UTC', habits: [] }),
    'GET /api/v1/habit-types': () =>
      json([
        { key: 'boolean', name: 'Yes or no', needsTarget: false, valueKind: 'none' },
        { key: 'count', name: 'Count', needsTarget: true, valueKind: 'number', defaultUnit: 'times' },
      ]),
    ...extra,
  };
}

function calendar(statuses: string[]) {
  const days = statuses.map((status, i) => ({
    date: `2026-11-${String(4 + i).padStart(2, '0')}`,
    due: status !== 'not_due',
    status,
  }));
  return { habit: RUN, from: days[0]?.date, to: days.at(-1)?.date, days };
}

beforeEach(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  vi.stubGlobal('scrollTo', vi.fn());
});

describe('Partners', { timeout: 30_000 }, () => {
  it('invites by email: a bad address is refused at the field, a good one is listed as pending with Cancel', async () => {
    let sent: unknown[] = [];
    const api = fakeApi(
      routes({
        'GET /api/v1/partners/invitations': () => json({ received: [], sent }),
        'POST /api/v1/partners/invitations': (req) => {
          const email = (req.body as { email: string }).email;
          if (email === 'ann@example.invalid') {
            return problem(422, {
              detail: 'email: must be an email address such as ann@example.org',
              errors: [{ field: 'email', message: 'must be an email address such as ann@example.org' }],
            });
          }
          const inv = { id: 'i-1', direction: 'sent', email, status: 'pending', createdAt: '2026-12-01T10:00:00Z' };
          sent = [inv];
          return json(inv, 201);
        },
        'DELETE /api/v1/partners/invitations/{id}': () => {
          sent = [];
          return new Response(null, { status: 204 });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/people');

    const field = await screen.findByRole('textbox', { name: /email address/i }, LOAD);
    await user.type(field, 'bob@');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/not an email address/);
    expect(api.callsTo('POST', '/api/v1/partners/invitations')).toHaveLength(0);

    // the server's own word on an address it refuses, next to the field
    await user.clear(field);
    await user.type(field, 'ann@example.invalid');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription('must be an email address such as ann@example.org'));

    await user.clear(field);
    await user.type(field, 'bob@example.org');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText('Invitation sent to bob@example.org.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/partners/invitations').at(-1)?.body).toEqual({ email: 'bob@example.org' });
    expect(field).toHaveValue('');

    const sentList = screen.getByRole('heading', { name: 'Invitations you sent' }).parentElement!;
    expect(within(sentList).getByText('bob@example.org')).toBeInTheDocument();
    expect(within(sentList).getByText('Pending')).toBeInTheDocument();
    await user.click(within(sentList).getByRole('button', { name: 'Cancel the invitation to bob@example.org' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Invitations you sent' })).not.toBeInTheDocument());
    expect(api.callsTo('DELETE', '/api/v1/partners/invitations/i-1')).toHaveLength(1);
  });

  it('accepts an invitation: the tab counts it, and the sender becomes a partner', async () => {
    let received = [
      {
        id: 'i-9',
        direction: 'received',
        from: { ...ANN, email: 'ann@example.org' },
        status: 'pending',
        createdAt: '2026-12-01T08:00:00Z',
      },
    ];
    let partners: unknown[] = [];
    const api = fakeApi(
      routes({
        'GET /api/v1/partners/invitations': () => json({ received, sent: [] }),
        'GET /api/v1/partners': () => json(partners),
        'POST /api/v1/partners/invitations/{id}/accept': () => {
          received = [];
          partners = [{ ...ANN, since: '2026-12-01T09:00:00Z' }];
          return json({ ...ANN, since: '2026-12-01T09:00:00Z' });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/people');

    const tab = await screen.findByRole('link', { name: 'Partners' }, LOAD);
    await waitFor(() => expect(tab).toHaveAccessibleDescription('1 invitation waiting for your answer'));
    expect(screen.getByText('Ann invites you to be accountability partners')).toBeInTheDocument();
    expect(screen.getByText('No partners yet. Invite someone below, by email or with a code.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Accept the invitation from Ann' }));
    expect(await screen.findByText('You and Ann are partners now.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/partners/invitations/i-9/accept')).toHaveLength(1);
    expect(await screen.findByRole('link', { name: 'Ann' })).toHaveAttribute('href', '/people/partners/u-ann');
    await waitFor(() => expect(tab).not.toHaveAccessibleDescription());
    expect(screen.queryByRole('heading', { name: 'Invitations for you' })).not.toBeInTheDocument();
  });

  it('redeems a code someone gave, and says in words when the code is unknown', async () => {
    const api = fakeApi(
      routes({
        'POST /api/v1/partners/invite-codes/{code}/accept': (req) =>
          req.params.code === 'K7QX-3MPA-W9TD'
            ? json({ ...ANN, since: '2026-12-01T09:00:00Z' })
            : problem(404, { title: 'Not Found', detail: 'Invite code (it may have expired or been used) not found' }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/people');

    const field = await screen.findByRole('textbox', { name: /partner code/i }, LOAD);
    await user.type(field, 'NOPE-NOPE');
    await user.click(screen.getByRole('button', { name: 'Redeem code' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Invite code (it may have expired or been used) not found');

    await user.clear(field);
    await user.type(field, '  K7QX-3MPA-W9TD ');
    await user.click(screen.getByRole('button', { name: 'Redeem code' }));
    expect(await screen.findByText('You and Ann are partners now.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/partners/invite-codes/K7QX-3MPA-W9TD/accept')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'See what they share' })).toHaveAttribute('href', '/people/partners/u-ann');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('A partner’s page', { timeout: 30_000 }, () => {
  it('shows the shared habits with today and the last weeks, and a refused nudge in words', async () => {
    let nudges = 0;
    fakeApi(
      routes({
        'GET /api/v1/partners': () => json([{ ...ANN, since: '2026-11-01T10:00:00Z' }]),
        'GET /api/v1/partners/{userId}/habits': () =>
          json([
            {
              habit: { ...RUN, type: 'boolean', schedule: { kind: 'daily' }, shareNotes: false },
              today: { date: '2026-12-01', due: true, status: 'pending' },
              streak: { current: 4, longest: 9, unit: 'days' },
              strength: 0.5,
              doneDays: 20,
            },
          ]),
        'GET /api/v1/partners/{userId}/habits/{habitId}/calendar': () =>
          json(calendar(['done', 'done', 'missed', 'not_due', 'done', 'skipped', 'pending'])),
        'POST /api/v1/partners/{userId}/nudges': () =>
          ++nudges === 1
            ? json({ to: ANN.userId, habitId: RUN.id, message: null, remainingToday: 2 }, 201)
            : problem(429, {
                title: 'Too Many Requests',
                detail: 'You nudged Ann 3 times today; the limit resets at midnight UTC',
              }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/people/partners/u-ann');

    expect(await screen.findByRole('heading', { level: 1, name: 'Ann' }, LOAD)).toBeInTheDocument();
    const card = (await screen.findByRole('heading', { level: 2, name: 'Run' })).closest('li')!;
    expect(within(card).getByText('Today:').parentElement).toHaveTextContent('Today:To do');
    expect(within(card).getByText('Streak: 4 days')).toBeInTheDocument();
    const days = await within(card).findByRole('list', { name: 'Run, day by day' });
    expect(within(days).getAllByRole('listitem')).toHaveLength(7);
    expect(within(days).getAllByRole('listitem')[2]).toHaveTextContent(/Nov 6: Missed/);
    expect(within(card).getByText('Done on 3 of these 7 days.')).toBeInTheDocument();

    const nudge = within(card).getByRole('button', { name: 'Nudge Ann about Run' });
    await user.click(nudge);
    expect(await within(card).findByText('Nudge sent to Ann. You can nudge them 2 more times today.')).toBeInTheDocument();

    await user.click(nudge);
    expect(await within(card).findByRole('alert')).toHaveTextContent(
      'You nudged Ann 3 times today; the limit resets at midnight UTC',
    );
  });
});

describe('Groups', { timeout: 30_000 }, () => {
  it('creates a group and opens it', async () => {
    const group = {
      id: 'g-1',
      name: 'Runners',
      description: 'We run',
      role: 'owner',
      memberCount: 1,
      createdAt: '2026-12-01T10:00:00Z',
      members: [{ userId: 'u-me', displayName: 'Me', role: 'owner', joinedAt: '2026-12-01T10:00:00Z' }],
    };
    let groups: unknown[] = [];
    const api = fakeApi(
      routes({
        'GET /api/v1/groups': () => json(groups),
        'POST /api/v1/groups': (req) => {
          const body = req.body as { name: string };
          if (body.name.length > 100) return problem(422, { errors: [{ field: 'name', message: 'too long' }] });
          groups = [{ ...group, members: null }];
          return json({ ...group, members: null }, 201);
        },
        'GET /api/v1/groups/{id}': () => json(group),
        'GET /api/v1/groups/{id}/challenges': () => json([]),
      }),
    );
    const user = userEvent.setup();
    renderApp('/people/groups');

    expect(await screen.findByText('You are in no group yet. Start one, or join one with a code.', {}, LOAD)).toBeInTheDocument();
    const create = screen.getByRole('button', { name: 'Create group' });
    await user.click(create);
    expect(screen.getByRole('textbox', { name: /group name/i })).toHaveAccessibleDescription('Give the group a name.');
    expect(api.callsTo('POST', '/api/v1/groups')).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: /group name/i }), ' Runners ');
    await user.type(screen.getByRole('textbox', { name: /description/i }), 'We run');
    await user.click(create);

    expect(await screen.findByRole('heading', { level: 1, name: 'Runners' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/groups')[0]?.body).toEqual({ name: 'Runners', description: 'We run' });
    expect(screen.getByText('Me (you)')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Invite someone' })).toBeInTheDocument();
    expect(await screen.findByText('No challenges yet. Start the first one.')).toBeInTheDocument();
  });

  it('shows a challenge’s leaderboard as a table', async () => {
    fakeApi(
      routes({
        'GET /api/v1/groups/{id}': () =>
          json({
            id: 'g-1',
            name: 'Runners',
            role: 'member',
            memberCount: 2,
            members: [
              { ...ANN, role: 'owner', joinedAt: '2026-11-01T10:00:00Z' },
              { userId: 'u-me', displayName: 'Me', role: 'member', joinedAt: '2026-11-02T10:00:00Z' },
            ],
          }),
        'GET /api/v1/groups/{id}/challenges': () =>
          json([
            {
              id: 'c-1',
              groupId: 'g-1',
              name: 'December push-ups',
              habit: { type: 'count', target: 20, unit: 'push-ups', schedule: { kind: 'daily' } },
              startDate: '2026-12-01',
              endDate: '2026-12-31',
              participants: 2,
              myHabitId: 'h-mine',
            },
          ]),
        'GET /api/v1/groups/{id}/challenges/{cid}/leaderboard': () =>
          json([
            { rank: 1, ...ANN, completionRate: 1, currentStreak: 5, doneDays: 5 },
            { rank: 2, userId: 'u-me', displayName: 'Me', completionRate: 0.6, currentStreak: 1, doneDays: 3 },
          ]),
      }),
    );
    const user = userEvent.setup();
    renderApp('/people/groups/g-1');

    const card = (await screen.findByRole('heading', { level: 3, name: 'December push-ups' }, LOAD)).closest('li')!;
    expect(within(card).getByText('Count · 20 push-ups · Every day')).toBeInTheDocument();
    expect(within(card).getByText('You’re in')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: /^Join/ })).not.toBeInTheDocument();

    const toggle = within(card).getByRole('button', { name: 'Show leaderboard' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const table = await within(card).findByRole('table', { name: 'Leaderboard of December push-ups' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Rank',
      'Name',
      'Done days',
      'Completion',
      'Streak',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', 'Ann', '5', '100%', '5']);
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', 'Me (you)', '3', '60%', '1']);
  });
});

describe('Referee queue', { timeout: 30_000 }, () => {
  it('confirms a day: it leaves the list and the tab’s count', async () => {
    let queue = [
      { owner: ANN, habit: RUN, date: '2026-12-01', value: null, note: '5k in the park', recordedAt: '2026-12-01T18:00:00Z' },
      { owner: ANN, habit: { id: 'h-gym', name: 'Gym' }, date: '2026-11-30', value: null, note: null },
    ];
    const api = fakeApi(
      routes({
        'GET /api/v1/referee/queue': () => json(queue),
        // the proof of the run: one photo; the gym day has none
        'GET /api/v1/partners/{userId}/habits/{habitId}/checkins/{date}/attachments': (req) =>
          json(
            req.params.habitId === 'h-run'
              ? [{ id: 'p-1', contentType: 'image/jpeg', url: '/api/v1/media/t-1', thumbnailUrl: '/api/v1/media/t-2' }]
              : [],
          ),
        'POST /api/v1/referee/habits/{habitId}/checkins/{date}/confirm': (req) => {
          queue = queue.filter((w) => !(w.habit.id === req.params.habitId && w.date === req.params.date));
          return json({ habitId: req.params.habitId, date: req.params.date, verification: 'confirmed' });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/people/referee');

    const tab = await screen.findByRole('link', { name: 'Referee' }, LOAD);
    expect(tab).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(tab).toHaveAccessibleDescription('2 days waiting for your verdict'));
    const list = await screen.findByRole('list', { name: 'Days waiting for your verdict' });
    const run = within(list).getByRole('heading', { name: 'Ann · Run' }).closest('li')!;
    expect(within(run).getByText('Note: “5k in the park”')).toBeInTheDocument();
    // the referee sees the day's photos, from the partners' route of the owner
    expect(await within(run).findByTestId('photo-thumb')).toBeInTheDocument();
    expect(within(run).getByRole('img')).toHaveAttribute('src', '/api/v1/media/t-2');
    expect(api.callsTo('GET', '/api/v1/partners/u-ann/habits/h-run/checkins/2026-12-01/attachments')).toHaveLength(1);
    const gym = within(list).getByRole('heading', { name: 'Ann · Gym' }).closest('li')!;
    expect(within(gym).queryByTestId('photo-thumb')).not.toBeInTheDocument();

    await user.click(within(run).getByRole('button', { name: /^Confirm Run of Ann on / }));
    expect(await screen.findByText(/^Confirmed Run of Ann on /)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/referee/habits/h-run/checkins/2026-12-01/confirm')[0]?.body).toEqual({});
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(within(list).getByRole('heading', { name: 'Ann · Gym' })).toBeInTheDocument();
    await waitFor(() => expect(tab).toHaveAccessibleDescription('1 day waiting for your verdict'));
  });

  it('disputes a day with a reason', async () => {
    let queue = [{ owner: ANN, habit: RUN, date: '2026-12-01', value: null, note: null }];
    const api = fakeApi(
      routes({
        'GET /api/v1/referee/queue': () => json(queue),
        'POST /api/v1/referee/habits/{habitId}/checkins/{date}/dispute': () => {
          queue = [];
          return json({ habitId: RUN.id, date: '2026-12-01', verification: 'disputed', verificationComment: 'no photo' });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/people/referee');

    await user.click(await screen.findByRole('button', { name: /^Dispute Run of Ann on / }, LOAD));
    const reason = screen.getByRole('textbox', { name: /why do you dispute it/i });
    expect(reason).toHaveFocus();
    await user.type(reason, 'no photo');
    await user.click(screen.getByRole('button', { name: /^Dispute day: Run of Ann on / }));
    expect(await screen.findByText(/^Disputed Run of Ann on /)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/referee/habits/h-run/checkins/2026-12-01/dispute')[0]?.body).toEqual({
      comment: 'no photo',
    });
    expect(await screen.findByText('Nothing waits for your verdict.')).toBeInTheDocument();
  });
});
