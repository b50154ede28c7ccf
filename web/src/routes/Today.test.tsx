import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { onlineManager } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Today } from '../api/types';
import { deferred, fakeApi, json, problem } from '../testing/fakeApi';
import { saveToday } from '../offline/persist';
import { offlineQueue } from '../offline/queue';
import { resetOfflineSync } from '../offline/useOfflineSync';
import { renderApp } from '../testing/render';
import { formatDayMonth } from './today/format';

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

// the first test also loads the screen's lazy chunk, on a machine shared with builds
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 30_000 });
// jsdom has no ResizeObserver; the menus' positioning asks for one
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

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

const GYM = {
  id: 'h-gym',
  name: 'Gym',
  type: 'boolean',
  available: true,
  schedule: { kind: 'times_per_week', times: 3 },
};
const CALL = {
  id: 'h-call',
  name: 'Call mum',
  type: 'boolean',
  available: true,
  schedule: { kind: 'times_per_month', times: 4 },
};
const WEIGHT = { id: 'h-weight', name: 'Weight', type: 'measurement', unit: 'kg', available: true };

function richToday(): Today {
  return {
    date: '2026-12-01',
    timezone: 'Europe/Berlin',
    habits: [
      { habit: READ, due: true, status: 'done', progress: { value: 1 } },
      { habit: WEIGHT, due: true, status: 'pending', progress: {} },
      {
        habit: GYM,
        due: true,
        status: 'pending',
        progress: {},
        period: { done: 1, times: 3, start: '2026-11-30', end: '2026-12-06', status: 'open' },
      },
      {
        habit: CALL,
        due: true,
        status: 'pending',
        progress: {},
        period: { done: 0, times: 4, start: '2026-12-01', end: '2026-12-31', status: 'open' },
      },
    ],
  };
}

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

describe('Today: values, notes, skips and periods', () => {
  beforeEach(async () => {
    await offlineQueue.reset();
    resetOfflineSync();
  });

  it('saves a measurement’s value on Enter, keeping the day’s note, and shows a refusal at the field', async () => {
    const puts: unknown[] = [];
    fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/today': onlyFirst(richToday()),
      'GET /api/v1/habits/{id}/checkins': () => json([{ date: '2026-12-01', value: 73, note: 'after the run', recordStatus: 'done' }]),
      'PUT /api/v1/habits/{id}/checkins/{date}': (req) => {
        puts.push(req.body);
        const value = (req.body as { value?: number }).value;
        return value === 1.123456
          ? problem(422, { detail: 'value: must have at most 4 decimal places', errors: [{ field: 'value', message: 'must have at most 4 decimal places' }] })
          : json({ habitId: WEIGHT.id, value, status: 'done' });
      },
    });
    const user = userEvent.setup();
    renderApp('/');

    const field = await screen.findByRole('textbox', { name: 'Weight in kg' });
    const row = field.closest('li')!;
    await user.type(field, '72,5{Enter}');
    await waitFor(() => expect(puts).toEqual([{ value: 72.5, note: 'after the run' }]));
    expect(within(row).getByText('Done')).toBeInTheDocument();
    await waitFor(() => expect(field).toHaveValue('72.5'));

    await user.clear(field);
    await user.type(field, 'heavy');
    await user.tab();
    expect(within(row).getByText('Enter a number, such as 72.5.')).toBeInTheDocument();
    expect(puts).toHaveLength(1);

    await user.clear(field);
    await user.type(field, '1.123456');
    await user.tab();
    expect(await within(row).findByText('must have at most 4 decimal places')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  it('adds a note to a day’s check-in, and keeps showing it after the server’s next Today', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/today': () => json(richToday()),
      'GET /api/v1/habits/{id}/checkins': () => json([{ date: '2026-12-01', value: null, note: null, recordStatus: 'done' }]),
      'PUT /api/v1/habits/{id}/checkins/{date}': (req) => json({ habitId: READ.id, ...(req.body as object), status: 'done' }),
    });
    const user = userEvent.setup();
    renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Add note to Read' }));
    const note = screen.getByRole('textbox', { name: 'Note on Read' });
    await waitFor(() => expect(api.callsTo('GET', '/api/v1/habits/h-read/checkins')).toHaveLength(1));
    await user.type(note, 'Chapter 3, finally');
    await user.click(screen.getByRole('button', { name: 'Save note' }));

    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Note on Read' })).not.toBeInTheDocument());
    expect(screen.getByText('Chapter 3, finally')).toBeInTheDocument();
    const [put] = api.callsTo('PUT', '/api/v1/habits/h-read/checkins/2026-12-01');
    expect(put?.body).toEqual({ note: 'Chapter 3, finally' });
    await waitFor(() => expect(api.callsTo('GET', '/api/v1/today')).toHaveLength(2));
    expect(screen.getByText('Chapter 3, finally')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit note on Read' })).toBeInTheDocument();
  });

  it('skips a day from the habit’s menu and takes the skip back', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/today': onlyFirst(richToday()),
      'GET /api/v1/habits/{id}/checkins': () => json([]),
      'PUT /api/v1/habits/{id}/checkins/{date}': () => json({ habitId: GYM.id, status: 'skipped', recordStatus: 'skipped' }),
      'DELETE /api/v1/habits/{id}/checkins/{date}': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderApp('/');

    const gym = await screen.findByRole('button', { name: 'Gym' });
    const row = gym.closest('li')!;
    await user.click(within(row).getByRole('button', { name: 'More for Gym' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Skip today' }));

    expect(await within(row).findByText('Skipped')).toBeInTheDocument();
    await waitFor(() =>
      expect(api.callsTo('PUT', '/api/v1/habits/h-gym/checkins/2026-12-01').map((c) => c.body)).toEqual([
        { status: 'skipped' },
      ]),
    );
    // a skipped day is not to do: 1 of the 3 left is done
    expect(screen.getByText('1 of 3 done')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Undo skipping Gym' }));
    expect(await within(row).findByText('To do')).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('DELETE', '/api/v1/habits/h-gym/checkins/2026-12-01')).toHaveLength(1));
  });

  it('says how a per-week or per-month habit stands, and links each habit to its page', async () => {
    fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/today': onlyFirst(richToday()),
      'PUT /api/v1/habits/{id}/checkins/{date}': () => json({ habitId: GYM.id, status: 'done', recordStatus: 'done' }),
    });
    const user = userEvent.setup();
    renderApp('/');

    const gym = (await screen.findByRole('button', { name: 'Gym' })).closest('li')!;
    expect(within(gym).getByText('1 of 3 this week')).toBeInTheDocument();
    expect(within(gym).getByText('2 still due this week')).toBeInTheDocument();
    const call = screen.getByRole('button', { name: 'Call mum' }).closest('li')!;
    expect(within(call).getByText('0 of 4 this month')).toBeInTheDocument();
    expect(within(call).getByText('4 still due this month')).toBeInTheDocument();

    await user.click(within(gym).getByRole('button', { name: 'Gym' }));
    expect(within(gym).getByText('2 of 3 this week')).toBeInTheDocument();
    expect(within(gym).getByText('1 still due this week')).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Read' })).toHaveAttribute('href', '/habits/h-read');
  });
});

describe('Today offline', () => {
  beforeEach(async () => {
    await offlineQueue.reset();
    resetOfflineSync();
  });
  afterEach(() => {
    onlineManager.setOnline(true);
  });

  it('keeps taps made offline on this device and sends them, in order and with their keys, once back online', async () => {
    const posts: { key: string | null; body: unknown }[] = [];
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/today': onlyFirst(today(false, 3)),
      'PUT /api/v1/habits/{id}/checkins/{date}': () => json({ status: 'done' }),
      'POST /api/v1/habits/{id}/checkins/{date}/increment': (req) => {
        posts.push({ key: req.headers.get('Idempotency-Key'), body: req.body });
        return json({ value: 3 + posts.length });
      },
    });
    const user = userEvent.setup();
    renderApp('/');

    const add = await screen.findByRole('button', { name: 'Add one to Water' });
    const row = add.closest('li')!;
    setOnline(false);
    expect(
      await screen.findByText('Offline — your check-ins are kept on this device and sent when you are back online'),
    ).toBeInTheDocument();

    await user.click(add);
    await user.click(add);
    await user.click(screen.getByRole('button', { name: 'Read' }));
    expect(within(row).getByTestId('value')).toHaveTextContent('5 of 8 glasses');
    expect(screen.getByRole('button', { name: 'Read' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('sync-status')).toHaveTextContent(
      'Offline — 3 check-ins will be sent when you are back online',
    );
    expect(api.callsTo('POST', '/api/v1/habits/h-water/checkins/2026-12-01/increment')).toEqual([]);
    const keys = offlineQueue.pendingFor('u1').map((c) => c.idempotencyKey);
    expect(keys[0]).toBeTruthy();
    expect(keys[0]).not.toBe(keys[1]);

    setOnline(true);
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
    expect(posts).toEqual([
      { key: keys[0], body: { delta: 1 } },
      { key: keys[1], body: { delta: 1 } },
    ]);
    expect(api.callsTo('PUT', '/api/v1/habits/h-read/checkins/2026-12-01')).toHaveLength(1);
    expect(within(row).getByTestId('value')).toHaveTextContent('5 of 8 glasses');
    expect(offlineQueue.pendingFor('u1')).toEqual([]);
  });

  it('queues a check-in whose request found no network, and shows a refusal of it in words', async () => {
    let network = false;
    fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/today': onlyFirst(today(false, 0)),
      'PUT /api/v1/habits/{id}/checkins/{date}': () =>
        network
          ? problem(422, { detail: 'date: is after your today (2026-11-30)' })
          : Promise.reject(new TypeError('Failed to fetch')),
    });
    const user = userEvent.setup();
    renderApp('/');

    const read = await screen.findByRole('button', { name: 'Read' });
    await user.click(read);
    expect(await screen.findByText('1 check-in is waiting to be sent')).toBeInTheDocument();
    expect(read).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    network = true;
    await user.click(screen.getByRole('button', { name: 'Send now' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      `Could not save Read from ${formatDayMonth('2026-12-01')}: date: is after your today (2026-11-30)`,
    );
    await waitFor(() => expect(read).toHaveAttribute('aria-pressed', 'false'));
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('opens with the last Today kept on this device when offline, and only for its user', async () => {
    saveToday('u1', today(true, 2), Date.parse('2026-12-01T07:30:00Z'));
    saveToday('u2', { date: '2026-12-01', habits: [{ habit: { ...READ, id: 'x', name: 'Someone else' } }] });
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const me = json({ id: 'u1', email: 'ann@example.org' });
    fakeApi({ 'GET /api/v1/me': () => me.clone(), 'GET /api/v1/today': () => Promise.reject(new TypeError('offline')) });
    renderApp('/');

    expect(await screen.findByRole('button', { name: 'Read' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('1 of 2 done')).toBeInTheDocument();
    expect(screen.queryByText('Someone else')).not.toBeInTheDocument();
    expect(screen.getByText(/Showing today as last loaded at/)).toBeInTheDocument();
  });
});
