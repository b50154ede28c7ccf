import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '../testing/fakeApi';
import { renderApp } from '../testing/render';

const signedOut = () => problem(401, { title: 'Unauthorized', detail: 'Send Authorization: Bearer <token>' });

describe('Sign in', () => {
  it('shows a field error next to its field, not as a general message', async () => {
    const api = fakeApi({
      'GET /api/v1/me': signedOut,
      'POST /api/v1/auth/login': () =>
        problem(422, {
          title: 'Unprocessable Content',
          detail: 'email: is not a valid email address such as ann@example.org',
          errors: [{ field: 'email', message: 'is not a valid email address such as ann@example.org' }],
        }),
    });
    const user = userEvent.setup();
    renderApp('/sign-in');

    await user.type(await screen.findByLabelText(/email/i), 'ann');
    await user.type(screen.getByLabelText(/password/i), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText(/email/i);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('is not a valid email address such as ann@example.org');
    expect(screen.getByLabelText(/password/i)).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    const [login] = api.callsTo('POST', '/api/v1/auth/login');
    expect(login?.body).toEqual({ email: 'ann', password: 'correct horse battery staple' });
    expect(login?.headers.get('X-Steadfast-Session')).toBe('cookie');
    expect(login?.credentials).toBe('include');
  });

  it("shows the problem's detail when no field is to blame", async () => {
    fakeApi({
      'GET /api/v1/me': signedOut,
      'POST /api/v1/auth/login': () => problem(401, { title: 'Unauthorized', detail: 'Invalid email or password' }),
    });
    const user = userEvent.setup();
    renderApp('/sign-in');

    await user.type(await screen.findByLabelText(/email/i), 'ann@example.org');
    await user.type(screen.getByLabelText(/password/i), 'wrong password');
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password');
    expect(screen.getByLabelText(/email/i)).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('sends a visitor who is not signed in to sign in, and back after signing in', async () => {
    let signedIn = false;
    fakeApi({
      'GET /api/v1/me': () => (signedIn ? json({ id: 'u1', email: 'ann@example.org' }) : signedOut()),
      'POST /api/v1/auth/login': () => {
        signedIn = true;
        return json({ user: { id: 'u1', email: 'ann@example.org' }, passwordChangeRequired: false });
      },
      'GET /api/v1/habits': () => json([]),
    });
    const user = userEvent.setup();
    renderApp('/habits');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/email/i), 'ann@example.org');
    await user.type(screen.getByLabelText(/password/i), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Habits' })).toBeInTheDocument();
  });
});
