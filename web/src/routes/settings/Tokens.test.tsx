import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AccessToken } from '../../api/settings';
import { fakeApi, json, problem } from '../../testing/fakeApi';
import { renderApp } from '../../testing/render';
import { ANN, fill, findSection, stubPointerEvent } from './testing';

const SECRET = 'sfp_W-3pqmUdJft034Bx7ys08scMpJ9o';

describe('Settings: API tokens', { timeout: 60_000 }, () => {
  beforeEach(stubPointerEvent);

  it('creates a token, shows its secret once with a warning, and never again', async () => {
    let tokens: AccessToken[] = [];
    const api = fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/me/tokens': () => json(tokens),
      'POST /api/v1/me/tokens': (req) => {
        const body = req.body as { name: string; scopes: string[]; expiresAt?: string };
        if (!body.name) {
          return problem(422, { detail: 'name: must be 1 to 100 characters', errors: [{ field: 'name', message: 'must be 1 to 100 characters' }] });
        }
        const made: AccessToken = { id: 't1', name: body.name, scopes: body.scopes, createdAt: '2026-12-01T10:00:00Z' };
        if (body.expiresAt) made.expiresAt = body.expiresAt;
        tokens = [made];
        return json({ ...made, token: SECRET }, 201);
      },
    });
    const user = userEvent.setup();
    renderApp('/settings/tokens');
    await findSection('API tokens');
    expect(await screen.findByText('No tokens yet.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create token' }));
    const name = screen.getByRole('textbox', { name: /^Name/ });
    await waitFor(() => expect(name).toHaveAccessibleDescription('must be 1 to 100 characters'));

    await fill(user, name, 'Dashboard');
    await user.click(screen.getByRole('checkbox', { name: /Write/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Expires' }), 'never');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    const secret = await screen.findByRole('textbox', { name: 'Token' });
    expect(secret).toHaveValue(SECRET);
    expect(secret).toHaveAttribute('readonly');
    expect(screen.getByText(/It will not be shown again/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy Token' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/me/tokens').at(-1)?.body).toEqual({ name: 'Dashboard', scopes: ['read', 'write'] });

    const list = await screen.findByRole('list', { name: 'Your tokens' });
    expect(within(list).getByText('Dashboard')).toBeInTheDocument();
    expect(within(list).getByText(/never used · never expires/)).toBeInTheDocument();
    expect(within(list).queryByText(SECRET)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByDisplayValue(SECRET)).toBeNull();
    expect(screen.queryByText(SECRET)).toBeNull();
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('');
  });

  it('revokes a token after asking', async () => {
    let tokens: AccessToken[] = [
      { id: 't1', name: 'Dashboard', scopes: ['read'], createdAt: '2026-11-01T10:00:00Z', lastUsedAt: '2026-11-30T08:00:00Z' },
    ];
    const api = fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/me/tokens': () => json(tokens),
      'DELETE /api/v1/me/tokens/{id}': () => {
        tokens = [];
        return new Response(null, { status: 204 });
      },
    });
    const user = userEvent.setup();
    renderApp('/settings/tokens');
    await findSection('API tokens');

    await user.click(await screen.findByRole('button', { name: 'Revoke Dashboard' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Revoke Dashboard?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke token' }));
    expect(await screen.findByText('No tokens yet.')).toBeInTheDocument();
    expect(api.callsTo('DELETE', '/api/v1/me/tokens/t1')).toHaveLength(1);
  });
});
