import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, problem } from '../../testing/fakeApi';
import { renderApp } from '../../testing/render';
import { ANN, fill, findSection, stubPointerEvent } from './testing';

const EXPORT = { format: 'steadfast-export', version: 1, profile: { email: 'ann@example.org' } };

describe('Settings: your data', { timeout: 60_000 }, () => {
  beforeEach(stubPointerEvent);
  afterEach(() => vi.restoreAllMocks());

  /** Catches what the page saves: the Blob and the link clicked. */
  function catchDownloads() {
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((b: Blob) => {
        blobs.push(b);
        return `blob:export-${blobs.length}`;
      }),
      revokeObjectURL: vi.fn(),
    });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    return { blobs, clicked };
  }

  it('downloads the export as a JSON file', async () => {
    const { blobs, clicked } = catchDownloads();
    const api = fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/today': () => json({ date: '2026-12-01', habits: [] }),
      'GET /api/v1/me/imports': () => json([]),
      'GET /api/v1/me/export': () => json(EXPORT),
    });
    const user = userEvent.setup();
    renderApp('/settings/data');
    await findSection('Your data');

    await user.click(screen.getByRole('button', { name: 'Download JSON' }));
    expect(await screen.findByText(/^Downloaded steadfast-export(-2026-12-01)?\.json\.$/)).toBeInTheDocument();
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toMatch(/^steadfast-export(-2026-12-01)?\.json$/);
    expect(clicked[0]?.getAttribute('href')).toBe('blob:export-1');
    expect(blobs[0]?.type).toBe('application/json');
    expect(JSON.parse(await blobs[0]!.text())).toEqual(EXPORT);
    expect(api.callsTo('GET', '/api/v1/me/export')[0]?.query.get('format')).toBe('json');
    expect(api.callsTo('GET', '/api/v1/me/export')[0]?.credentials).toBe('include');
  });

  it('downloads the CSV zip with the name the server gives it', async () => {
    const { blobs, clicked } = catchDownloads();
    const api = fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/today': () => json({ date: '2026-12-01', habits: [] }),
      'GET /api/v1/me/imports': () => json([]),
      'GET /api/v1/me/export': () =>
        new Response('PK\u0003\u0004zip bytes', {
          headers: {
            'Content-Type': 'application/zip',
            'Content-Disposition': 'attachment; filename="steadfast-export-2026-11-30.zip"',
          },
        }),
    });
    const user = userEvent.setup();
    renderApp('/settings/data');
    await findSection('Your data');

    await user.click(screen.getByRole('button', { name: 'Download CSV (.zip)' }));
    expect(await screen.findByText('Downloaded steadfast-export-2026-11-30.zip.')).toBeInTheDocument();
    const [call] = api.callsTo('GET', '/api/v1/me/export');
    expect(call?.query.get('format')).toBe('csv');
    expect(call?.credentials).toBe('include');
    expect(clicked[0]?.download).toBe('steadfast-export-2026-11-30.zip');
    expect(blobs[0]?.type).toBe('application/zip');
    expect(await blobs[0]!.text()).toBe('PK\u0003\u0004zip bytes');
  });

  it('names the iCalendar file after today when the server gives no name', async () => {
    const { blobs, clicked } = catchDownloads();
    fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/today': () => json({ date: '2026-12-01', habits: [] }),
      'GET /api/v1/me/imports': () => json([]),
      'GET /api/v1/me/export': (req) =>
        req.query.get('format') === 'ics'
          ? new Response('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', { headers: { 'Content-Type': 'text/calendar' } })
          : problem(422, { detail: 'format: json, csv or ics' }),
    });
    const user = userEvent.setup();
    renderApp('/settings/data');
    await findSection('Your data');
    // the day names the file: wait until Today has answered
    await waitFor(() => expect(screen.getByRole('button', { name: 'Download iCalendar (.ics)' })).toBeEnabled());
    await screen.findByText(/iCalendar: your done days/);

    await user.click(screen.getByRole('button', { name: 'Download iCalendar (.ics)' }));
    expect(await screen.findByText(/^Downloaded steadfast-export(-2026-12-01)?\.ics\.$/)).toBeInTheDocument();
    expect(clicked[0]?.download).toMatch(/^steadfast-export(-2026-12-01)?\.ics$/);
    expect(blobs[0]?.type).toBe('text/calendar');
  });

  it('says why the export failed', async () => {
    fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/today': () => json({ date: '2026-12-01', habits: [] }),
      'GET /api/v1/me/imports': () => json([]),
      'GET /api/v1/me/export': () => problem(500, { requestId: 'req-77' }),
    });
    const user = userEvent.setup();
    renderApp('/settings/data');
    await findSection('Your data');
    await user.click(screen.getByRole('button', { name: 'Download CSV (.zip)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('req-77');
  });

  it('deletes the account only with the password, then goes to sign in', async () => {
    let gone = false;
    const api = fakeApi({
      'GET /api/v1/me': () => (gone ? problem(401, { detail: 'no session' }) : json(ANN)),
      'GET /api/v1/today': () => json({ date: '2026-12-01', habits: [] }),
      'GET /api/v1/me/imports': () => json([]),
      'DELETE /api/v1/me': (req) => {
        if ((req.body as { password: string }).password !== 'right') {
          return problem(422, { detail: 'password: is not your password', errors: [{ field: 'password', message: 'is not your password' }] });
        }
        gone = true;
        return new Response(null, { status: 204 });
      },
    });
    const user = userEvent.setup();
    renderApp('/settings/data');
    await findSection('Your data');

    await user.click(screen.getByRole('button', { name: 'Delete my account…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete your account?' });
    expect(within(dialog).getByText(/ann@example.org/)).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Delete my account' });
    expect(confirm).toBeDisabled();
    const password = within(dialog).getByLabelText(/Your password/);

    await fill(user, password, 'wrong');
    await user.click(confirm);
    await waitFor(() => expect(password).toHaveAccessibleDescription('is not your password'));
    expect(api.callsTo('DELETE', '/api/v1/me')[0]?.body).toEqual({ password: 'wrong' });

    await fill(user, password, 'right');
    await user.click(confirm);
    expect(await screen.findByRole('heading', { name: 'Sign in' }, { timeout: 5000 })).toBeInTheDocument();
    expect(api.callsTo('DELETE', '/api/v1/me')).toHaveLength(2);
  });
});
