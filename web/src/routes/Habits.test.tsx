import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Habit } from '../api/types';
import { deferred, fakeApi, json, problem, type FakeRequest, type Handler } from '../testing/fakeApi';
import { renderApp } from '../testing/render';

const TYPES = [
  { key: 'boolean', name: 'Yes or no', description: 'Do it or not, once a day.', needsTarget: false, valueKind: 'none' },
  { key: 'count', name: 'Count', description: 'Reach a number each day.', needsTarget: true, valueKind: 'number', defaultUnit: 'times' },
  { key: 'limit', name: 'Limit', description: 'Stay at or under a number.', needsTarget: true, valueKind: 'number' },
  { key: 'measurement', name: 'Measurement', description: 'Record a value.', needsTarget: false, valueKind: 'number', defaultUnit: 'kg' },
];

function habit(id: string, name: string, extra: Partial<Habit> = {}): Habit {
  return {
    id,
    name,
    type: 'boolean',
    schedule: { kind: 'daily' },
    startDate: '2026-11-01',
    archived: false,
    available: true,
    visibility: 'private',
    shareNotes: false,
    groupIds: [],
    goal: null,
    ...extra,
  };
}

/** A fake server with habits that it keeps: GET, POST, PATCH, order and reminders, plus `overrides`. */
function server(initial: Habit[], overrides: Record<string, Handler> = {}) {
  let habits = [...initial];
  let next = 1;
  const api = fakeApi({
    'GET /api/v1/me': () => json({ id: 'u1', email: 'ann@example.org', weekStart: 'MON' }),
    'GET /api/v1/habit-types': () => json(TYPES),
    'GET /api/v1/partners': () => json([{ userId: 'p-bob', displayName: 'Bob', since: '2026-10-01T00:00:00Z' }]),
    'GET /api/v1/groups': () => json([{ id: 'g-1', name: 'Runners', role: 'member', memberCount: 3 }]),
    'GET /api/v1/today': () => json({ date: '2026-12-01', habits: [] }),
    'GET /api/v1/habits': (req: FakeRequest) =>
      json(habits.filter((h) => h.archived === (req.query.get('archived') === 'true'))),
    'POST /api/v1/habits': (req) => {
      const made = habit(`h-new-${next++}`, '', { ...(req.body as Habit), startDate: '2026-12-01' });
      habits = [...habits, made];
      return json(made, 201);
    },
    'PATCH /api/v1/habits/{id}': (req) => {
      habits = habits.map((h) => (h.id === req.params.id ? { ...h, ...(req.body as Habit) } : h));
      return json(habits.find((h) => h.id === req.params.id));
    },
    'PUT /api/v1/habits/order': (req) => {
      const ids = req.body as string[];
      habits = [...ids.map((id) => habits.find((h) => h.id === id)!), ...habits.filter((h) => !ids.includes(h.id!))];
      return new Response(null, { status: 204 });
    },
    'GET /api/v1/habits/{id}/reminders': () => json([]),
    'POST /api/v1/habits/{id}/reminders': (req) =>
      json({ id: `rem-${next++}`, habitId: req.params.id, ...(req.body as object) }, 201),
    ...overrides,
  });
  return { api, habits: () => habits };
}

/** The screen once it has loaded (the route is a lazy chunk: the first test waits for its transform). */
async function ready() {
  return screen.findByRole('heading', { level: 1, name: 'Habits' }, { timeout: 10_000 });
}

const names = () => within(screen.getByRole('list', { name: 'Your active list, in order' }))
  .getAllByRole('link')
  .map((a) => a.textContent);

// jsdom has neither; Chakra's menus, checkboxes and text areas use them
beforeEach(() => {
  if (typeof window.ResizeObserver !== 'function') {
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
  }
  if (typeof window.PointerEvent !== 'function') vi.stubGlobal('PointerEvent', class extends MouseEvent {});
});

// the screens are large and the machine may be busy: generous time limits
describe('Habits', { timeout: 60_000 }, () => {
  it('creates a habit with just a name: done or not, every day', async () => {
    const { api } = server([]);
    const user = userEvent.setup({ delay: null });
    renderApp('/habits');
    await ready();

    expect(await screen.findByRole('radio', { name: /Yes or no/ })).toBeChecked();
    expect(screen.getAllByLabelText(/name/i)).toHaveLength(1);
    await user.type(await screen.findByLabelText(/^Name/), 'Stretch{Enter}');

    expect(await screen.findByText('Created Stretch.')).toBeInTheDocument();
    const [post] = api.callsTo('POST', '/api/v1/habits');
    expect(post?.body).toEqual({ name: 'Stretch', type: 'boolean', schedule: { kind: 'daily' }, visibility: 'private' });
    expect(await screen.findByRole('link', { name: 'Stretch' })).toHaveAttribute('href', '/habits/h-new-1');
    expect(screen.getByLabelText(/^Name/)).toHaveValue('');
  });

  it('creates a counting habit with a target, a unit and chosen weekdays', async () => {
    const { api } = server([]);
    const user = userEvent.setup({ delay: null });
    renderApp('/habits');
    await ready();

    await user.type(await screen.findByLabelText(/^Name/), 'Water');
    await user.click(await screen.findByRole('radio', { name: /Count/ }));
    await user.type(await screen.findByLabelText(/Target per day/), '8');
    await user.type(await screen.findByLabelText(/^Unit/), 'glasses');
    await user.click(await screen.findByRole('radio', { name: 'On chosen days of the week' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Monday' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Friday' }));
    await user.click(await screen.findByRole('button', { name: 'Create habit' }));

    expect(await screen.findByText('Created Water.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/habits')[0]?.body).toEqual({
      name: 'Water',
      type: 'count',
      target: 8,
      unit: 'glasses',
      schedule: { kind: 'weekdays', days: ['MON', 'FRI'] },
      visibility: 'private',
    });
  });

  it('creates a habit three times a week, with a colour, an icon and a reminder', async () => {
    const { api } = server([]);
    const user = userEvent.setup({ delay: null });
    renderApp('/habits');
    await ready();

    await user.type(await screen.findByLabelText(/^Name/), 'Run');
    await user.click(await screen.findByRole('radio', { name: 'A number of times a week' }));
    await user.clear(await screen.findByLabelText('Times per week'));
    await user.type(await screen.findByLabelText('Times per week'), '3');
    await user.click(await screen.findByRole('button', { name: 'More options' }));
    await user.click(await screen.findByRole('radio', { name: 'Green' }));
    await user.click(await screen.findByRole('radio', { name: 'Running' }));
    await user.click(await screen.findByRole('button', { name: 'Add a reminder' }));
    const time = screen.getByLabelText('Time');
    expect(time).toHaveFocus();
    await user.clear(time);
    await user.type(time, '07:30');
    await user.selectOptions(screen.getByLabelText('Days'), 'On chosen days');
    const reminder = screen.getByRole('group', { name: 'Reminder 1' });
    await user.click(await within(reminder).findByRole('checkbox', { name: 'Saturday' }));
    await user.click(await screen.findByRole('button', { name: 'Create habit' }));

    expect(await screen.findByText('Created Run.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/habits')[0]?.body).toMatchObject({
      name: 'Run',
      schedule: { kind: 'times_per_week', times: 3 },
      color: '#16A34A',
      icon: '🏃',
    });
    await waitFor(() => expect(api.callsTo('POST', '/api/v1/habits/h-new-1/reminders')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/v1/habits/h-new-1/reminders')[0]?.body).toEqual({ time: '07:30', days: ['SAT'] });
  });

  it('shows the server’s field errors next to their fields', async () => {
    server([], {
      'POST /api/v1/habits': () =>
        problem(422, {
          title: 'Unprocessable Content',
          detail: 'target: is required for habits of type count',
          errors: [{ field: 'target', message: 'is required for habits of type count' }],
        }),
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/habits');
    await ready();

    await user.type(await screen.findByLabelText(/^Name/), 'Water');
    await user.click(await screen.findByRole('radio', { name: /Count/ }));
    await user.click(await screen.findByRole('button', { name: 'Create habit' }));

    const target = screen.getByLabelText(/Target per day/);
    await waitFor(() => expect(target).toHaveAttribute('aria-invalid', 'true'));
    expect(target).toHaveAccessibleDescription('is required for habits of type count');
    expect(target).toHaveFocus();
    expect(screen.queryByText('Created Water.')).not.toBeInTheDocument();
  });

  it('says in words what is wrong with the schedule, next to it', async () => {
    server([], {
      'POST /api/v1/habits': () =>
        problem(422, { errors: [{ field: 'schedule.days', message: 'must list at least one day' }] }),
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/habits');
    await ready();

    await user.type(await screen.findByLabelText(/^Name/), 'Gym');
    await user.click(await screen.findByRole('radio', { name: 'On chosen days of the week' }));
    await user.click(await screen.findByRole('button', { name: 'Create habit' }));

    const days = await screen.findByRole('group', { name: 'Days of the week' });
    expect(await within(days).findByText('must list at least one day')).toBeInTheDocument();
  });

  it('edits a habit in a dialog, saving only what changed', async () => {
    const { api } = server([habit('h-read', 'Read'), habit('h-gym', 'Gym')]);
    const user = userEvent.setup({ delay: null });
    renderApp('/habits');
    await ready();

    const edit = await screen.findByRole('button', { name: 'Edit Read' });
    await user.click(edit);
    const dialog = await screen.findByRole('dialog', { name: 'Edit Read' });
    const name = within(dialog).getByLabelText(/^Name/);
    expect(name).toHaveValue('Read');
    await user.clear(name);
    await user.type(name, 'Read 20 pages');
    await user.click(await within(dialog).findByRole('radio', { name: 'Every few days' }));
    await user.clear(await within(dialog).findByLabelText('Every how many days'));
    await user.type(await within(dialog).findByLabelText('Every how many days'), '2');
    await user.selectOptions(await within(dialog).findByLabelText('Referee'), 'Bob');
    await user.click(await within(dialog).findByRole('radio', { name: 'My partners' }));
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Also share my notes' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Saved Read 20 pages.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('PATCH', '/api/v1/habits/h-read')[0]?.body).toEqual({
      name: 'Read 20 pages',
      schedule: { kind: 'every_n_days', n: 2 },
      visibility: 'partners',
      shareNotes: true,
      refereeUserId: 'p-bob',
    });
    expect(await screen.findByRole('link', { name: 'Read 20 pages' })).toBeInTheDocument();
  });

  it('closes the edit dialog with Escape, saving nothing, and gives the focus back to Edit', async () => {
    const { api } = server([habit('h-read', 'Read'), habit('h-gym', 'Gym')]);
    const user = userEvent.setup({ delay: null });
    renderApp('/habits');
    await ready();

    await user.click(await screen.findByRole('button', { name: 'Edit Gym' }));
    await screen.findByRole('dialog', { name: 'Edit Gym' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit Gym' })).toHaveFocus());
    expect(api.callsTo('PATCH', '/api/v1/habits/h-gym')).toHaveLength(0);
  });

  it('opens the editor of the habit a habit page links to (/habits?edit=<id>)', async () => {
    server([habit('h-read', 'Read'), habit('h-gym', 'Gym')]);
    const user = userEvent.setup({ delay: null });
    renderApp('/habits?edit=h-gym');
    await ready();
    await screen.findByRole('dialog', { name: 'Edit Gym' }, { timeout: 10_000 });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('adds and removes reminders of a habit through the reminders endpoints', async () => {
    const { api } = server([habit('h-read', 'Read')], {
      'GET /api/v1/habits/{id}/reminders': () =>
        json([{ id: 'rem-old', habitId: 'h-read', time: '21:00', days: null, onlyIfNotDone: true, channelIds: [] }]),
      'DELETE /api/v1/habits/{id}/reminders/{reminderId}': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/habits');
    await ready();

    await user.click(await screen.findByRole('button', { name: 'Edit Read' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Read' });
    await within(dialog).findByRole('button', { name: 'Remove the reminder at 21:00' });
    await user.click(await within(dialog).findByRole('button', { name: 'Add a reminder' }));
    const times = within(dialog).getAllByLabelText('Time');
    await user.clear(times[1]!);
    await user.type(times[1]!, '07:15');
    await user.click(await within(dialog).findByRole('button', { name: 'Remove the reminder at 21:00' }));
    expect(within(dialog).getByRole('button', { name: 'Add a reminder' })).toHaveFocus();
    await user.click(await within(dialog).findByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Saved Read.')).toBeInTheDocument();
    expect(api.callsTo('PATCH', '/api/v1/habits/h-read')).toHaveLength(0);
    expect(api.callsTo('DELETE', '/api/v1/habits/h-read/reminders/rem-old')).toHaveLength(1);
    expect(api.callsTo('POST', '/api/v1/habits/h-read/reminders')[0]?.body).toEqual({ time: '07:15', days: null });
  });

  it('keeps the dialog open with the error next to a reminder the server refused', async () => {
    server([habit('h-read', 'Read')], {
      'POST /api/v1/habits/{id}/reminders': () =>
        problem(422, { errors: [{ field: 'time', message: 'must be a local time "HH:mm"' }] }),
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/habits');
    await ready();

    await user.click(await screen.findByRole('button', { name: 'Edit Read' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Read' });
    await user.click(await within(dialog).findByRole('button', { name: 'Add a reminder' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Save changes' }));

    const time = within(dialog).getByLabelText('Time');
    await waitFor(() => expect(time).toHaveAccessibleDescription('must be a local time "HH:mm"'));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Saved Read, but not every reminder.');
  });

  it('archives a habit into the collapsed archived section, and unarchives it', async () => {
    const { api } = server([habit('h-read', 'Read'), habit('h-gym', 'Gym')]);
    const user = userEvent.setup({ delay: null });
    renderApp('/habits');
    await ready();

    await user.click(await screen.findByRole('button', { name: 'More actions for Read' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Archive Read' }));

    expect(await screen.findByText('Archived Read.')).toBeInTheDocument();
    expect(api.callsTo('PATCH', '/api/v1/habits/h-read')[0]?.body).toEqual({ archived: true });
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Read' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'Gym' })).toHaveFocus();

    const toggle = await screen.findByRole('button', { name: 'Archived (1)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(await screen.findByRole('button', { name: 'Unarchive Read' }));

    expect(await screen.findByText('Unarchived Read: it is back on your list.')).toBeInTheDocument();
    expect(api.callsTo('PATCH', '/api/v1/habits/h-read')[1]?.body).toEqual({ archived: false });
    expect(await screen.findByRole('link', { name: 'Read' })).toBeInTheDocument();
  });

  it('deletes a habit after a confirmation that names it', async () => {
    const { api } = server([habit('h-read', 'Read')], {
      'DELETE /api/v1/habits/{id}': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/habits');
    await ready();

    await user.click(await screen.findByRole('button', { name: 'More actions for Read' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete Read' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete Read?' });
    expect(within(dialog).getByText(/deletes Read with all its days/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    await user.click(await within(dialog).findByRole('button', { name: 'Delete Read' }));

    expect(await screen.findByText('Deleted Read.')).toBeInTheDocument();
    expect(api.callsTo('DELETE', '/api/v1/habits/h-read')).toHaveLength(1);
  });

  it('reorders by keyboard with the move buttons and Alt+Arrow keys, and keeps the focus on the habit', async () => {
    const { api } = server([habit('a', 'Read'), habit('b', 'Gym'), habit('c', 'Water')]);
    const user = userEvent.setup({ delay: null });
    renderApp('/habits');
    await ready();

    const down = await screen.findByRole('button', { name: 'Move Read down' });
    expect(screen.getByRole('button', { name: 'Move Read up' })).toBeDisabled();
    await user.click(down);
    expect(names()).toEqual(['Gym', 'Read', 'Water']);
    expect(api.callsTo('PUT', '/api/v1/habits/order')[0]?.body).toEqual(['b', 'a', 'c']);
    expect(screen.getByRole('button', { name: 'Move Read down' })).toHaveFocus();
    expect(screen.getByText('Moved Read to position 2 of 3.')).toBeInTheDocument();

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(names()).toEqual(['Gym', 'Water', 'Read']);
    // at the end: the focus moves to the arrow that can still move it
    expect(screen.getByRole('button', { name: 'Move Read up' })).toHaveFocus();
    await waitFor(() => expect(api.callsTo('PUT', '/api/v1/habits/order')).toHaveLength(2));
    expect(api.callsTo('PUT', '/api/v1/habits/order')[1]?.body).toEqual(['b', 'c', 'a']);
  });

  it('reorders by dragging a habit by its handle', async () => {
    const { api } = server([habit('a', 'Read'), habit('b', 'Gym'), habit('c', 'Water')]);
    renderApp('/habits');
    await ready();
    await screen.findByRole('link', { name: 'Water' });
    // jsdom lays nothing out: each row is 60 px high, one under the other
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const rows = [...document.querySelectorAll('li[data-habit]')];
      const i = rows.indexOf(this);
      return { top: i * 60, height: 60, bottom: i * 60 + 60, left: 0, right: 300, width: 300, x: 0, y: i * 60 } as DOMRect;
    });

    const water = document.querySelector('[data-habit="c"] [data-drag-handle]')!;
    fireEvent.pointerDown(water, { button: 0, clientY: 150 });
    fireEvent.pointerMove(window, { clientY: 80 });
    // while dragging, the rows make room
    expect(names()).toEqual(['Read', 'Water', 'Gym']);
    fireEvent.pointerMove(window, { clientY: 10 });
    fireEvent.pointerUp(window, { clientY: 10 });

    expect(names()).toEqual(['Water', 'Read', 'Gym']);
    await waitFor(() => expect(api.callsTo('PUT', '/api/v1/habits/order')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/v1/habits/order')[0]?.body).toEqual(['c', 'a', 'b']);
    expect(screen.getByText('Moved Water to position 1 of 3.')).toBeInTheDocument();
  });

  it('takes a move back and says why when the server refuses the new order', async () => {
    const answer = deferred<Response>();
    server([habit('a', 'Read'), habit('b', 'Gym')], { 'PUT /api/v1/habits/order': () => answer.promise });
    const user = userEvent.setup({ delay: null });
    renderApp('/habits');
    await ready();

    await user.click(await screen.findByRole('button', { name: 'Move Gym up' }));
    // at once, before the server answered
    expect(names()).toEqual(['Gym', 'Read']);

    await act(async () => answer.resolve(problem(503, { title: 'Service Unavailable', detail: 'database away' })));

    await waitFor(() => expect(names()).toEqual(['Read', 'Gym']));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The new order was not saved and the previous one is back: Something went wrong on the server.',
    );
  });

  it('sets a goal on a measurement habit', async () => {
    const { api } = server([]);
    const user = userEvent.setup({ delay: null });
    renderApp('/habits');
    await ready();

    await user.type(await screen.findByLabelText(/^Name/), 'Weight');
    await user.click(await screen.findByRole('radio', { name: /Measurement/ }));
    await user.click(await screen.findByRole('button', { name: 'More options' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Set a goal to reach by a date' }));
    await user.type(await screen.findByLabelText('Goal value'), '70');
    await user.type(await screen.findByLabelText('Reach it by'), '2027-03-31');
    await user.click(await screen.findByRole('button', { name: 'Create habit' }));

    expect(await screen.findByText('Created Weight.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/habits')[0]?.body).toMatchObject({
      type: 'measurement',
      goal: { value: 70, direction: 'down', by: '2027-03-31' },
    });
  });
});
