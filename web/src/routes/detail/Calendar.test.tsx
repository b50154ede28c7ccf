import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem, type FakeRequest } from '../../testing/fakeApi';
import { renderApp } from '../../testing/render';

/** The first render loads the screen's lazy chunk: on a busy machine that takes more than the default second. */
const SLOW = { timeout: 10_000 };

/** The month the grid shows is `label` (its heading names the grid; a role query on the whole page is slow). */
const shows = (label: string) =>
  waitFor(() => expect(document.getElementById('calendar-month')).toHaveTextContent(label), SLOW);

/** A day of the month grid. */
const cell = (date: string) => document.querySelector<HTMLElement>(`[role=gridcell][data-date="${date}"]`);
import { addDays } from './dates';

const READ = { id: 'h-read', name: 'Read', type: 'boolean', schedule: { kind: 'daily' }, sortOrder: 0 };
const WATER = { id: 'h-water', name: 'Water', type: 'count', target: 8, unit: 'glasses', schedule: { kind: 'daily' }, sortOrder: 1 };

/** Every day both habits are due; before today Read is done and Water missed (3 glasses), today Water is still to do. */
function calendar(req: FakeRequest) {
  const from = req.query.get('from')!;
  const to = req.query.get('to')!;
  const days = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const past = d < '2026-03-10';
    days.push({
      date: d,
      habits: [
        { habitId: READ.id, due: true, status: d <= '2026-03-10' ? 'done' : 'pending', value: null, period: null },
        { habitId: WATER.id, due: true, status: past ? 'missed' : 'pending', value: past ? 3 : null, period: null },
      ],
    });
  }
  return json({ from, to, days });
}

function setup() {
  const api = fakeApi({
    'GET /api/v1/me': () => json({ id: 'u1', email: 'ann@example.org', weekStart: 'SUN' }),
    'GET /api/v1/today': () => json({ date: '2026-03-10', timezone: 'America/New_York', habits: [] }),
    'GET /api/v1/habits': () => json([READ, WATER]),
    'GET /api/v1/calendar': calendar,
  });
  const ranges = () => api.callsTo('GET', '/api/v1/calendar').map((c) => `${c.query.get('from')}..${c.query.get('to')}`);
  return { api, ranges };
}

describe('Calendar', () => {
  it('shows the month in the user’s weeks, and moves by month with the buttons', { timeout: 60_000 }, async () => {
    const { ranges } = setup();
    const user = userEvent.setup();
    renderApp('/calendar');

    expect(await screen.findByRole('heading', { level: 1, name: 'Calendar' }, SLOW)).toBeInTheDocument();
    const grid = await screen.findByRole('grid', { name: 'March 2026' }, SLOW);
    const headers = within(grid).getAllByRole('columnheader');
    expect(headers[0]).toHaveAccessibleName('Sunday');
    expect(headers[6]).toHaveAccessibleName('Saturday');
    // 1 March 2026 is a Sunday: the first cell of the first week
    const firstRow = within(grid).getAllByRole('row')[1]!;
    expect(within(firstRow).getAllByRole('gridcell')[0]).toHaveAttribute('data-date', '2026-03-01');
    expect(ranges()).toEqual(['2026-03-01..2026-03-31']);
    await waitFor(() => expect(cell('2026-03-10')).toHaveAccessibleName('Tuesday, March 10, 2026, today: 1 of 2 done'));
    expect(cell('2026-03-10')).toHaveAttribute('aria-selected', 'true');
    expect(cell('2026-03-09')).toHaveAccessibleName('Monday, March 9, 2026: 1 of 2 done');
    expect(cell('2026-03-09')).toHaveAttribute('tabindex', '-1');
    expect(cell('2026-03-11')).toHaveAccessibleName('Wednesday, March 11, 2026: 2 due');
    expect(screen.getByRole('button', { name: 'This month' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Next month' }));
    await shows('April 2026');
    await user.click(screen.getByRole('button', { name: 'Previous month' }));
    await user.click(screen.getByRole('button', { name: 'Previous month' }));
    await shows('February 2026');
    await waitFor(() =>
      expect(ranges()).toEqual(['2026-03-01..2026-03-31', '2026-04-01..2026-04-30', '2026-02-01..2026-02-28']),
    );
    await user.click(screen.getByRole('button', { name: 'This month' }));
    await shows('March 2026');
  });

  it('moves between days with the arrow keys, one tab stop, into the next month', { timeout: 60_000 }, async () => {
    const { ranges } = setup();
    const user = userEvent.setup();
    renderApp('/calendar');

    await shows('March 2026');
    const today = cell('2026-03-10')!;
    expect(today).toHaveAccessibleName(/March 10, 2026, today/);
    await user.click(today);
    expect(today).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    const eleventh = cell('2026-03-11');
    expect(eleventh).toHaveFocus();
    expect(eleventh).toHaveAttribute('aria-selected', 'true');
    expect(eleventh).toHaveAttribute('tabindex', '0');
    expect(today).toHaveAttribute('tabindex', '-1');
    expect(screen.getByRole('heading', { level: 2, name: 'Wednesday, March 11, 2026' })).toBeInTheDocument();

    await user.keyboard('{ArrowUp}{Home}');
    expect(cell('2026-03-01')).toHaveFocus();
    expect(cell('2026-03-01')).toHaveAccessibleName('Sunday, March 1, 2026: 1 of 2 done');
    await user.keyboard('{End}');
    expect(cell('2026-03-07')).toHaveFocus();

    // past the month's end: the next month, the keyboard still on the day
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    await shows('April 2026');
    await waitFor(() => expect(cell('2026-04-04')).toHaveFocus());
    await user.keyboard('{PageUp}');
    await shows('March 2026');
    await waitFor(() => expect(cell('2026-03-04')).toHaveFocus());
    expect(ranges()).toContain('2026-04-01..2026-04-30');
  });

  it('shows the chosen day’s habits and their status in the panel, with a way to open each', { timeout: 60_000 }, async () => {
    setup();
    const user = userEvent.setup();
    renderApp('/calendar');

    await shows('March 2026');
    await waitFor(() => expect(cell('2026-03-03')).toHaveAccessibleName('Tuesday, March 3, 2026: 1 of 2 done'));
    await user.click(cell('2026-03-03')!);
    const panel = screen.getByRole('heading', { level: 2, name: 'Tuesday, March 3, 2026' }).closest('section')!;
    expect(within(panel).getByText('1 of 2 done')).toBeInTheDocument();
    const items = within(panel).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Read');
    expect(items[0]).toHaveTextContent('Done');
    expect(items[1]).toHaveTextContent('Water');
    expect(items[1]).toHaveTextContent('3 glasses');
    expect(items[1]).toHaveTextContent('Missed');
    expect(within(panel).getByRole('link', { name: 'Water' })).toHaveAttribute('href', '/habits/h-water');

    await user.click(within(panel).getByRole('link', { name: 'Read' }));
    expect(await screen.findByRole('heading', { level: 1 }, SLOW)).toBeInTheDocument();
  });

  it('says so when the calendar cannot be loaded', { timeout: 60_000 }, async () => {
    fakeApi({
      'GET /api/v1/me': () => json({ id: 'u1', email: 'ann@example.org', weekStart: 'MON' }),
      'GET /api/v1/today': () => json({ date: '2026-03-10', habits: [] }),
      'GET /api/v1/habits': () => json([]),
      'GET /api/v1/calendar': () => problem(422, { title: 'Unprocessable Content', detail: 'to: is too far from from' }),
    });
    renderApp('/calendar?month=2026-03');
    expect(await screen.findByRole('alert', undefined, SLOW)).toHaveTextContent('Could not load the calendar: to: is too far from from');
  });
});
