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

  it('downloads the export as a JSON file', async () => {
    const blobs: Blob[] = [];
    const create = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:export-1';
    });
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/today': () => json({ date: '2026-12-01', habits: [] }),
      'GET /api/v1/me/export': () => json(EXPORT),
    });
    const user = userEvent.setup();
    renderApp('/settings/data');
    await findSection('Your data');

    await user.click(screen.getByRole('button', { name: 'Download export' }));
    expect(await screen.findByText('The export was downloaded.')).toBeInTheDocument();
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toMatch(/^steadfast-export(-2026-12-01)?\.json$/);
    expect(clicked[0]?.getAttribute('href')).toBe('blob:export-1');
    expect(blobs[0]?.type).toBe('application/json');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]!);
    });
    expect(JSON.parse(text)).toEqual(EXPORT);
  });

  it('says why the export failed', async () => {
    fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/today': () => json({ date: '2026-12-01', habits: [] }),
      'GET /api/v1/me/export': () => problem(500, { requestId: 'req-77' }),
    });
    const user = userEvent.setup();
    renderApp('/settings/data');
    await findSection('Your data');
    await user.click(screen.getByRole('button', { name: 'Download export' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('req-77');
  });

  it('deletes the account only with the password, then goes to sign in', async () => {
    let gone = false;
    const api = fakeApi({
      'GET /api/v1/me': () => (gone ? problem(401, { detail: 'no session' }) : json(ANN)),
      'GET /api/v1/today': () => json({ date: '2026-12-01', habits: [] }),
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
