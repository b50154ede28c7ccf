import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Today } from '../api/types';
import { deferred, fakeApi, json, problem } from '../testing/fakeApi';
import { renderApp } from '../testing/render';

const READ = { id: 'h-read', name: 'Read', type: 'boolean', available: true };
const WATER = { id: 'h-water', name: 'Water', type: 'count', target: 8, unit: 'glasses', available: true };

function today(readDone: boolean, water: number): Today {
  return {
    date: '2026-12-01',
    timezone: 'Europe/Berlin',
    habits: [
      { habit: READ, due: true, status: readDone ? 'done' : 'pending', progress: { value: readDone ? 1 : 0, target: 1 } },
      { habit: WATER, due: true, status: water >= 8 ? 'done' : water > 0 ? 'partial' : 'pending', progress: { value: water, target: 8 } },
    ],
  };
}

const me = () => json({ id: 'u1', email: 'ann@example.org' });

/** Answers the first GET /today with `first` and never answers the refetches: what the screen shows then is its own. */
function onlyFirst(first: Today) {
  let calls = 0;
  return () => (calls++ === 0 ? json(first) : new Promise<Response>(() => {}));
}

describe('Today', () => {
  it('checks a habit in at once and takes it back when the server refuses', async () => {
    const answer = deferred<Response>();
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/today': onlyFirst(today(false, 3)),
      'PUT /api/v1/habits/{id}/checkins/{date}': () => answer.promise,
    });
    document.cookie = 'sf_csrf=csrf-123; path=/';
    const user = userEvent.setup();
    renderApp('/');

    const read = await screen.findByRole('button', { name: 'Read' });
    expect(read).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByText('0 of 2 done')).toBeInTheDocument();

    await user.click(read);
    // optimistic: done before the server answered
    expect(read).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('1 of 2 done')).toBeInTheDocument();
    const [put] = api.callsTo('PUT', '/api/v1/habits/h-read/checkins/2026-12-01');
    expect(put?.body).toEqual({});
    expect(put?.headers.get('X-CSRF-Token')).toBe('csrf-123');

    await act(async () => answer.resolve(problem(409, { title: 'Conflict', detail: 'the habit type is not available' })));

    await waitFor(() => expect(read).toHaveAttribute('aria-pressed', 'false'));
    expect(screen.getByText('0 of 2 done')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Could not save Read: the habit type is not available');
  });

  it('keeps a check-in the server accepted, and the key 1 does the same', async () => {
    let server = today(false, 0);
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/today': () => json(server),
      'PUT /api/v1/habits/{id}/checkins/{date}': () => {
        server = today(true, 0);
        return json({ habitId: READ.id, date: '2026-12-01', status: 'done', recordStatus: 'done' });
      },
    });
    const user = userEvent.setup();
    renderApp('/');

    const read = await screen.findByRole('button', { name: 'Read' });
    await user.keyboard('1');
    expect(read).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(api.callsTo('GET', '/api/v1/today')).toHaveLength(2));
    expect(read).toHaveAttribute('aria-pressed', 'true');
  });

  it('counts up at once with an idempotency key, and takes back only the failed tap', async () => {
    const answers = [deferred<Response>(), deferred<Response>()];
    let n = 0;
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/today': onlyFirst(today(false, 3)),
      'POST /api/v1/habits/{id}/checkins/{date}/increment': () => answers[n++]!.promise,
    });
    const user = userEvent.setup();
    renderApp('/');

    const add = await screen.findByRole('button', { name: 'Add one to Water' });
    const row = add.closest('li')!;
    expect(within(row).getByTestId('value')).toHaveTextContent('3 of 8 glasses');

    await user.click(add);
    await user.click(add);
    expect(within(row).getByTestId('value')).toHaveTextContent('5 of 8 glasses');

    const calls = api.callsTo('POST', '/api/v1/habits/h-water/checkins/2026-12-01/increment');
    expect(calls.map((c) => c.body)).toEqual([{ delta: 1 }, { delta: 1 }]);
    const keys = calls.map((c) => c.headers.get('Idempotency-Key'));
    expect(keys[0]).toBeTruthy();
    expect(keys[0]).not.toBe(keys[1]);

    // the first tap is refused, the second counts
    await act(async () =>
      answers[0]!.resolve(problem(422, { title: 'Unprocessable Content', detail: 'delta: is too large' })),
    );
    await act(async () => answers[1]!.resolve(json({ habitId: WATER.id, value: 4, status: 'partial' })));

    await waitFor(() => expect(within(row).getByTestId('value')).toHaveTextContent('4 of 8 glasses'));
    expect(screen.getByRole('alert')).toHaveTextContent('Could not save Water: delta: is too large');
  });

  it('goes to sign in when the session has ended', async () => {
    let session = true;
    fakeApi({
      'GET /api/v1/me': () => (session ? me() : problem(401, { title: 'Unauthorized', detail: 'no session' })),
      'GET /api/v1/today': () => {
        session = false;
        return problem(401, { title: 'Unauthorized', detail: 'no session' });
      },
    });
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
  });
});
