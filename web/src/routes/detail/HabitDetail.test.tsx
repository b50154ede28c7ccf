import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem, type FakeRequest } from '../../testing/fakeApi';
import { renderApp } from '../../testing/render';

/** The first render loads the screen's lazy chunk: on a busy machine that takes more than the default second. */
const SLOW = { timeout: 10_000 };

/** A day of the heat map (by id: a role query over 371 cells is slow in jsdom). */
const heatCell = (date: string) => document.getElementById(`hm-${date}`);

const HABIT = {
  id: 'h-water',
  name: 'Water',
  type: 'count',
  target: 8,
  unit: 'glasses',
  schedule: { kind: 'daily' },
  startDate: '2026-01-01',
  color: '#2a9d8f',
  icon: '💧',
  archived: false,
  available: true,
};

const STATS = {
  streak: { current: 5, longest: 12, unit: 'days', currentStart: '2026-03-05', longestStart: '2026-01-02', longestEnd: '2026-01-13' },
  strength: 0.42,
  completion: { last7: 0.857, last30: 0.6, last365: 0.5, allTime: 0.5 },
  totals: { doneDays: 31, value: 250 },
  bestWeekday: 'MON',
  goal: null,
};

const RECORDS = Array.from({ length: 14 }, (_, i) => {
  const day = String(i + 1).padStart(2, '0');
  // the first week came from an import
  return { habitId: HABIT.id, date: `2026-02-${day}`, value: 8, note: i === 13 ? 'Two bottles at work' : null, status: 'done', recordStatus: 'done', backfilled: false, imported: i < 7 };
});

function heatmap(req: FakeRequest) {
  const year = Number(req.query.get('year'));
  const days =
    year === 2026
      ? [
          { date: '2026-03-03', value: 8, status: 'done' },
          { date: '2026-03-04', value: 3, status: 'partial' },
          { date: '2026-03-05', value: null, status: 'skipped' },
          { date: '2026-03-06', value: 0, status: 'missed' },
        ]
      : [];
  return json({ habitId: HABIT.id, year, days });
}

function routes(overrides: Record<string, (req: FakeRequest) => Response | Promise<Response>> = {}) {
  return {
    'GET /api/v1/me': () => json({ id: 'u1', email: 'ann@example.org', weekStart: 'MON' }),
    'GET /api/v1/today': () => json({ date: '2026-03-10', timezone: 'Europe/Berlin', habits: [] }),
    'GET /api/v1/habits/{id}': () => json(HABIT),
    'GET /api/v1/habits/{id}/stats': () => json(STATS),
    'GET /api/v1/habits/{id}/heatmap': heatmap,
    'GET /api/v1/habits/{id}/series': (req: FakeRequest) =>
      json(
        req.query.get('granularity') === 'month'
          ? [
              { start: '2026-01-01', end: '2026-01-31', due: 31, done: 20, rate: 0.645, value: 180 },
              { start: '2026-02-01', end: '2026-02-28', due: 28, done: 14, rate: 0.5, value: 112 },
            ]
          : [{ start: '2026-03-09', end: '2026-03-10', due: 2, done: 1, rate: 0.5, value: 11 }],
      ),
    'GET /api/v1/habits/{id}/checkins': () => json(RECORDS),
    ...overrides,
  };
}

describe('HabitDetail', () => {
  it('shows the habit, its stats, a named heat map and the check-ins newest first', { timeout: 60_000 }, async () => {
    const api = fakeApi(routes());
    const user = userEvent.setup();
    renderApp('/habits/h-water');

    expect(await screen.findByRole('heading', { level: 1, name: 'Water' }, SLOW)).toBeInTheDocument();
    expect(screen.getByTestId('schedule')).toHaveTextContent('Every day');
    expect(screen.getByText('· 8 glasses a day')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit on the habits page' })).toHaveAttribute('href', '/habits?edit=h-water');

    expect(await screen.findByTestId('strength', undefined, SLOW)).toHaveTextContent('Strength 42%');
    const stats = screen.getByRole('heading', { name: 'Statistics' }).closest('section')!;
    expect(within(stats).getByText('Current streak').nextSibling).toHaveTextContent('5 days');
    expect(within(stats).getByText('Best streak').nextSibling).toHaveTextContent('12 days');
    expect(within(stats).getByText('Total').nextSibling).toHaveTextContent('250 glasses');
    expect(within(stats).getByText('Last 7 days').nextSibling).toHaveTextContent('86%');

    // a year: 53 weeks of 7 days, each day named; one tab stop
    const grid = await screen.findByRole('grid', { name: 'The last 12 months' }, SLOW);
    expect(grid.querySelectorAll('[role=gridcell]')).toHaveLength(371);
    expect(heatCell('2026-03-03')).toHaveAccessibleName('March 3, 2026: done, 8 glasses');
    expect(heatCell('2026-03-05')).toHaveAccessibleName('March 5, 2026: skipped');
    expect(heatCell('2026-03-11')).toHaveAccessibleName('March 11, 2026: still to come');
    expect(heatCell('2025-12-01')).toHaveAccessibleName('December 1, 2025: before the habit started');
    expect(heatCell('2026-03-03')).toHaveAttribute('role', 'gridcell');
    expect(grid).toHaveAttribute('tabindex', '0');
    expect(screen.getByText('In the last 53 weeks: 1 day done, 1 in progress, 1 skipped and 1 missed.')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/v1/habits/h-water/heatmap').map((c) => c.query.get('year')).sort()).toEqual(['2025', '2026']);

    // the chart's values as a table, by week and by month
    expect(screen.getByRole('table', { name: 'Completion by week' })).toHaveTextContent('1 of 2');
    await user.click(screen.getByRole('button', { name: 'By month' }));
    expect(await screen.findByRole('table', { name: 'Completion by month' }, SLOW)).toHaveTextContent('65%');
    expect(screen.getByRole('button', { name: 'By month' })).toHaveAttribute('aria-pressed', 'true');

    // the check-ins: newest first, ten at a time
    const list = await screen.findByRole('list', { name: 'Check-ins, newest first' }, SLOW);
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(10);
    expect(items[0]).toHaveTextContent('Saturday, February 14, 2026');
    expect(items[0]).toHaveTextContent('Two bottles at work');
    expect(items[0]).not.toHaveTextContent('Imported');
    expect(items[7]).toHaveTextContent('Saturday, February 7, 2026');
    expect(items[7]).toHaveTextContent('Imported');
    await user.click(screen.getByRole('button', { name: 'Show 4 more' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(14);
    expect(api.callsTo('GET', '/api/v1/habits/h-water/checkins')[0]?.query.toString()).toBe('from=2026-01-01&to=2026-03-10');
  });

  it('backfills a past day with a value and a note, and refreshes the stats and lists', { timeout: 60_000 }, async () => {
    let stored: unknown;
    const api = fakeApi(
      routes({
        'PUT /api/v1/habits/{id}/checkins/{date}': (req) => {
          stored = req.body;
          return json({ habitId: HABIT.id, date: req.params.date, value: 6, note: 'Hot day', status: 'partial', recordStatus: 'done', backfilled: true });
        },
      }),
    );
    document.cookie = 'sf_csrf=csrf-9; path=/';
    const user = userEvent.setup();
    renderApp('/habits/h-water');

    const date = await screen.findByLabelText(/^Day/, undefined, SLOW);
    expect(date).toHaveValue('2026-03-10');
    expect(date).toHaveAttribute('max', '2026-03-10');
    expect(date).toHaveAttribute('min', '2026-01-01');
    fireEvent.change(date, { target: { value: '2026-03-07' } });
    await user.type(screen.getByLabelText(/^Value \(glasses\)/), '6');
    await user.type(screen.getByLabelText(/^Note/), 'Hot day');
    const statsBefore = api.callsTo('GET', '/api/v1/habits/h-water/stats').length;
    await user.click(screen.getByRole('button', { name: 'Save day' }));

    expect(await screen.findByRole('status', undefined, SLOW)).toHaveTextContent('Saved March 7, 2026: in progress.');
    const [put] = api.callsTo('PUT', '/api/v1/habits/h-water/checkins/2026-03-07');
    expect(stored).toEqual({ status: 'done', value: 6, note: 'Hot day' });
    expect(put?.headers.get('X-CSRF-Token')).toBe('csrf-9');
    await waitFor(() => expect(api.callsTo('GET', '/api/v1/habits/h-water/stats').length).toBeGreaterThan(statsBefore));
    await waitFor(() => expect(api.callsTo('GET', '/api/v1/habits/h-water/checkins').length).toBeGreaterThan(1));
  });

  it('skips a day chosen on the heat map with the keyboard', { timeout: 60_000 }, async () => {
    const api = fakeApi(
      routes({
        'PUT /api/v1/habits/{id}/checkins/{date}': (req) =>
          json({ habitId: HABIT.id, date: req.params.date, status: 'skipped', recordStatus: 'skipped' }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/habits/h-water');

    const grid = await screen.findByRole('grid', { name: 'The last 12 months' }, SLOW);
    act(() => grid.focus());
    expect(grid).toHaveAttribute('aria-activedescendant', 'hm-2026-03-10');
    await user.keyboard('{ArrowLeft}{ArrowUp}');
    expect(grid).toHaveAttribute('aria-activedescendant', 'hm-2026-03-02');
    expect(screen.getByTestId('heatmap-active')).toHaveTextContent('March 2, 2026: not due');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByLabelText(/^Day/)).toHaveValue('2026-03-02'));

    await user.click(screen.getByRole('radio', { name: /Skipped/ }));
    expect(screen.queryByLabelText(/^Value/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save day' }));
    await screen.findByText('Saved March 2, 2026: skipped.', undefined, SLOW);
    expect(api.callsTo('PUT', '/api/v1/habits/h-water/checkins/2026-03-02')[0]?.body).toEqual({ status: 'skipped' });
  });

  it('refuses a day after today without asking the server, and shows the server’s own refusal', { timeout: 60_000 }, async () => {
    const api = fakeApi(
      routes({
        'PUT /api/v1/habits/{id}/checkins/{date}': () =>
          problem(422, {
            title: 'Unprocessable Content',
            detail: 'date: is before the habit’s start date (2026-01-01)',
            errors: [{ field: 'date', message: 'is before the habit’s start date (2026-01-01)' }],
          }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/habits/h-water');

    const date = await screen.findByLabelText(/^Day/, undefined, SLOW);
    fireEvent.change(date, { target: { value: '2026-03-11' } });
    await user.type(screen.getByLabelText(/^Value/), '8');
    await user.click(screen.getByRole('button', { name: 'Save day' }));
    expect(await screen.findByText(/Choose today \(March 10, 2026\) or an earlier day/, undefined, SLOW)).toBeInTheDocument();
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);

    // a refusal the screen could not foresee is shown at its field
    fireEvent.change(date, { target: { value: '2026-01-05' } });
    await user.click(screen.getByRole('button', { name: 'Save day' }));
    expect(await screen.findByText('is before the habit’s start date (2026-01-01)', undefined, SLOW)).toBeInTheDocument();
    expect(api.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });

  it('says so when the habit is unknown or someone else’s', { timeout: 60_000 }, async () => {
    fakeApi(routes({ 'GET /api/v1/habits/{id}': () => problem(404, { title: 'Not Found', detail: 'Habit not found' }) }));
    renderApp('/habits/someone-elses');
    expect(await screen.findByRole('heading', { level: 1, name: 'Habit not found' }, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to your habits' })).toHaveAttribute('href', '/habits');
  });

  it('shows an error that is not a 404 in words', { timeout: 60_000 }, async () => {
    fakeApi(routes({ 'GET /api/v1/habits/{id}': () => problem(500, { title: 'Server Error', requestId: 'req-77' }) }));
    renderApp('/habits/h-water');
    expect(await screen.findByRole('alert', undefined, SLOW)).toHaveTextContent('quote this request id: req-77');
  });
});
