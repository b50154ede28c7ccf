import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportJob } from '../../api/transfer';
import { fakeApi, json, problem } from '../../testing/fakeApi';
import { renderApp } from '../../testing/render';
import { installFakeEventSource } from '../feed/fakeEventSource';
import { ANN, findSection, stubPointerEvent } from './testing';

const CSV = 'habit,date,value,note,status\nRead,2026-11-30,,,done\n';

function job(fields: Partial<ImportJob>): ImportJob {
  return {
    id: 'imp-1',
    status: 'queued',
    format: 'csv',
    fileName: 'history.csv',
    size: CSV.length,
    progress: { done: 0, total: 4 },
    summary: { habits: 0, checkins: 0, skipped: 0, warnings: [] },
    error: null,
    createdAt: '2026-12-01T09:00:00Z',
    finishedAt: null,
    ...fields,
  };
}

const PAST = job({
  id: 'imp-0',
  status: 'done',
  format: 'loop-sqlite',
  fileName: 'Loop Habits Backup.db',
  summary: { habits: 3, checkins: 120, skipped: 0, warnings: [] },
  createdAt: '2026-11-20T08:00:00Z',
  finishedAt: '2026-11-20T08:00:09Z',
});

function base(extra: Record<string, Parameters<typeof fakeApi>[0][string]>) {
  return {
    'GET /api/v1/me': () => json(ANN),
    'GET /api/v1/today': () => json({ date: '2026-12-01', habits: [] }),
    'GET /api/v1/notifications/unread-count': () => json({ count: 0 }),
    ...extra,
  };
}

async function chooseAndImport(user: ReturnType<typeof userEvent.setup>) {
  const input = await screen.findByLabelText('File to import');
  expect(input).toHaveAttribute('accept', '.db,.zip,.csv,.json');
  await user.upload(input, new File([CSV], 'history.csv', { type: 'text/csv' }));
  expect(screen.getByText(/Chosen: history\.csv/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Import' }));
}

describe('Settings: importing history', { timeout: 60_000 }, () => {
  beforeEach(stubPointerEvent);
  afterEach(() => vi.restoreAllMocks());

  it('uploads the file, shows its progress live, then the summary, and refreshes the habits', async () => {
    const Source = installFakeEventSource();
    let current = job({});
    const api = fakeApi(
      base({
        'GET /api/v1/me/imports': () => json(current.status === 'queued' ? [current, PAST] : [current, PAST]),
        'POST /api/v1/me/imports': () => json(current, 202),
        'GET /api/v1/me/imports/{id}': () => json(current),
      }),
    );
    document.cookie = 'sf_csrf=csrf-3; path=/';
    const user = userEvent.setup();
    const { client } = renderApp('/settings/data');
    await findSection('Your data');
    client.setQueryData(['habits'], []);

    // the past imports, newest first
    const past = await screen.findByRole('list', { name: 'Past imports' });
    expect(within(past).getByText('Loop Habits Backup.db')).toBeInTheDocument();
    expect(within(past).getByText('Loop Habit Tracker backup')).toBeInTheDocument();
    expect(within(past).getByText(/3 habits created, 120 days added/)).toBeInTheDocument();

    await chooseAndImport(user);
    const [post] = api.callsTo('POST', '/api/v1/me/imports');
    expect(post?.headers.get('X-CSRF-Token')).toBe('csrf-3');
    expect(post?.headers.get('Content-Type')).toBeNull();
    const form = post?.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    const sent = form.get('file') as File;
    expect(sent.name).toBe('history.csv');
    expect(sent.size).toBe(CSV.length);
    expect(await screen.findByText('Waiting to start…')).toBeInTheDocument();

    // the event stream tells the progress: shown at once
    const stream = Source.open()[0]!;
    act(() => stream.open());
    current = job({ status: 'running', progress: { done: 2, total: 4 } });
    act(() => stream.send('import', { id: 'imp-1', status: 'running', progress: { done: 2, total: 4 } }));
    expect(await screen.findByText('Imported 2 of 4 days…')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '50');
    expect(bar).toHaveAccessibleName('Import progress: Imported 2 of 4 days…');

    current = job({
      status: 'done',
      progress: { done: 4, total: 4 },
      summary: { habits: 2, checkins: 3, skipped: 1, photos: 2, warnings: ['line 5: the habit "Gym" has no days; left out'] },
      finishedAt: '2026-12-01T09:00:05Z',
    });
    act(() => stream.send('import', { id: 'imp-1', status: 'done', progress: { done: 4, total: 4 } }));
    expect(await screen.findByText('Import done: history.csv.')).toBeInTheDocument();
    expect(screen.getByText('2 habits created')).toBeInTheDocument();
    expect(screen.getByText('3 days added')).toBeInTheDocument();
    expect(screen.getByText('1 left out')).toBeInTheDocument();
    expect(screen.getByText('2 photos added')).toBeInTheDocument();
    // the warnings are folded away until asked for
    const warnings = screen.getByText('Show 1 warning');
    expect(screen.getByText(/has no days; left out/)).not.toBeVisible();
    await user.click(warnings);
    expect(screen.getByText(/has no days; left out/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'See your habits' })).toHaveAttribute('href', '/habits');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    // Today and Habits show the new habits
    await waitFor(() => expect(client.getQueryState(['habits'])?.isInvalidated).toBe(true));
  });

  it('says there is no earlier import when the only one is the one just made', async () => {
    const current = job({ status: 'done', progress: { done: 4, total: 4 }, summary: { habits: 1, checkins: 4, skipped: 0, warnings: [] } });
    let listed: unknown[] = [];
    fakeApi(
      base({
        'GET /api/v1/me/imports': () => json(listed),
        'POST /api/v1/me/imports': () => {
          listed = [current];
          return json(current, 202);
        },
        'GET /api/v1/me/imports/{id}': () => json(current),
      }),
    );
    const user = userEvent.setup();
    renderApp('/settings/data');
    await findSection('Your data');
    expect(await screen.findByText('No imports yet.')).toBeInTheDocument();
    await chooseAndImport(user);
    expect(await screen.findByText('Import done: history.csv.')).toBeInTheDocument();
    expect(await screen.findByText('No earlier imports.')).toBeInTheDocument();
    expect(screen.queryByText('No imports yet.')).not.toBeInTheDocument();
  });

  it('shows the detail of a file the server refuses', async () => {
    fakeApi(
      base({
        'GET /api/v1/me/imports': () => json([]),
        'POST /api/v1/me/imports': () =>
          problem(422, {
            title: 'Unprocessable Content',
            detail: "file: line 12: date '2024-13-01' is not a day like 2024-05-31",
            errors: [{ field: 'file', message: "line 12: date '2024-13-01' is not a day like 2024-05-31" }],
          }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/settings/data');
    await findSection('Your data');
    expect(await screen.findByText('No imports yet.')).toBeInTheDocument();

    await chooseAndImport(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "The file was not imported: line 12: date '2024-13-01' is not a day like 2024-05-31",
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('says when a file is too large', async () => {
    fakeApi(
      base({
        'GET /api/v1/me/imports': () => json([]),
        'POST /api/v1/me/imports': () => problem(413, { title: 'Content Too Large', detail: 'The file is larger than 50 MB.' }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/settings/data');
    await findSection('Your data');
    await chooseAndImport(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is too large to import. The file is larger than 50 MB.');
  });

  it('follows an import by asking for it when there are no events, and says why it failed', async () => {
    let asked = 0;
    fakeApi(
      base({
        'GET /api/v1/me/imports': () => json([]),
        'POST /api/v1/me/imports': () => json(job({}), 202),
        'GET /api/v1/me/imports/{id}': () => {
          asked++;
          return json(
            asked < 2
              ? job({ status: 'running', progress: { done: 1, total: 4 } })
              : job({ status: 'failed', error: 'The server could not store the habit "Read": the name is too long' }),
          );
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/settings/data');
    await findSection('Your data');
    await chooseAndImport(user);

    expect(await screen.findByRole('alert', undefined, { timeout: 10_000 })).toHaveTextContent(
      'The import of history.csv failed: The server could not store the habit "Read": the name is too long',
    );
    expect(asked).toBeGreaterThanOrEqual(2);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('follows an import that was running when the page opened, to its summary', async () => {
    let done = false;
    fakeApi(
      base({
        'GET /api/v1/me/imports': () => json([done ? job({ status: 'done' }) : job({ status: 'running', progress: { done: 1, total: 4 } })]),
        'GET /api/v1/me/imports/{id}': () => {
          const answer = done
            ? job({ status: 'done', progress: { done: 4, total: 4 }, summary: { habits: 1, checkins: 4, skipped: 0, warnings: [] } })
            : job({ status: 'running', progress: { done: 1, total: 4 } });
          done = true;
          return json(answer);
        },
      }),
    );
    renderApp('/settings/data');
    await findSection('Your data');
    expect(await screen.findByText('Imported 1 of 4 days…')).toBeInTheDocument();
    expect(await screen.findByText('Import done: history.csv.', undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText('4 days added')).toBeInTheDocument();
    // it stays after the list no longer shows it running
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.getByText('Import done: history.csv.')).toBeInTheDocument();
  });
});
