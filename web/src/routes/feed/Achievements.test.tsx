import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '../../testing/fakeApi';
import { renderApp } from '../../testing/render';
import { formatShortDay } from '../../lib/dates';

const LOAD = { timeout: 8000 };
const base = {
  'GET /api/v1/me': () => json({ id: 'u-me', email: 'me@example.org' }),
  'GET /api/v1/notifications/unread-count': () => json({ count: 0 }),
};

describe('Achievements', () => {
  it('lists the earned ones with the day each was reached, and the progress towards the next', async () => {
    fakeApi({
      ...base,
      'GET /api/v1/achievements': () =>
        json({
          earned: [
            { code: 'first-checkin', title: 'First check-in', habitId: null, habitName: null, reachedOn: '2026-11-02' },
            { code: 'streak-7', title: '7-day streak', habitId: 'h-read', habitName: 'Read', reachedOn: '2026-11-20' },
          ],
          next: [
            { code: 'done-100', title: '100 done days', habitId: 'h-read', habitName: 'Read', current: 25, target: 100 },
            { code: 'streak-30', title: '30-day streak', habitId: 'h-read', habitName: 'Read', current: 12, target: 30 },
          ],
        }),
    });
    renderApp('/achievements');

    expect(await screen.findByRole('heading', { level: 1, name: 'Achievements' }, LOAD)).toBeInTheDocument();
    const earned = await screen.findByRole('region', { name: 'Earned' }, LOAD);
    expect(within(earned).getByText('2 earned')).toBeInTheDocument();
    const cards = within(earned).getAllByTestId('earned');
    // the latest first
    expect(within(cards[0]!).getByRole('heading', { name: '7-day streak' })).toBeInTheDocument();
    expect(within(cards[0]!).getByRole('link', { name: 'Read' })).toHaveAttribute('href', '/habits/h-read');
    expect(cards[0]).toHaveTextContent(`Reached on ${formatShortDay('2026-11-20')}`);
    expect(cards[0]).toHaveTextContent('Earned');
    expect(within(cards[1]!).getByRole('heading', { name: 'First check-in' })).toBeInTheDocument();
    expect(cards[1]).toHaveTextContent('Your account');
    expect(cards[1]).toHaveTextContent('Mark a day done for the first time.');

    const next = screen.getByRole('region', { name: 'Next up' });
    const bars = within(next).getAllByRole('progressbar');
    // the closest first: 12 of 30 (40 %) before 25 of 100
    expect(bars[0]).toHaveAccessibleName('Progress towards 30-day streak on Read');
    expect(bars[0]).toHaveAttribute('aria-valuenow', '40');
    expect(within(next).getAllByTestId('next')[0]).toHaveTextContent('12 of 30');
    expect(bars[1]).toHaveAccessibleName('Progress towards 100 done days on Read');
    expect(within(next).getAllByTestId('next')[1]).toHaveTextContent('25 of 100');
  });

  it('says how to earn the first one', async () => {
    fakeApi({ ...base, 'GET /api/v1/achievements': () => json({ earned: [], next: [] }) });
    renderApp('/achievements');
    expect(await screen.findByText(/Nothing earned yet/, {}, LOAD)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add a habit' })).toHaveAttribute('href', '/habits');
  });

  it('says in words why they could not be loaded', async () => {
    fakeApi({ ...base, 'GET /api/v1/achievements': () => problem(500, { title: 'Internal Server Error', requestId: 'r-7' }) });
    renderApp('/achievements');
    expect(await screen.findByRole('alert', {}, LOAD)).toHaveTextContent(
      'Could not load your achievements: Something went wrong on the server. If it keeps happening, quote this request id: r-7.',
    );
  });
});
