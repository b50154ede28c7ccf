import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { fakeApi, json, problem } from '../../testing/fakeApi';
import { renderApp } from '../../testing/render';
import { ANN, fill, findSection } from './testing';

describe('Settings: profile', { timeout: 60_000 }, () => {
  it('shows the server’s field error next to its field, then saves into the cached profile', async () => {
    let refuse = true;
    const api = fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'PATCH /api/v1/me': (req) =>
        refuse
          ? problem(422, {
              title: 'Unprocessable Content',
              detail: 'displayName: must be 1 to 100 characters',
              errors: [{ field: 'displayName', message: 'must be 1 to 100 characters' }],
            })
          : json({ ...ANN, ...(req.body as object) }),
    });
    const user = userEvent.setup();
    const { client } = renderApp('/settings');

    await findSection('Profile');
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    const name = screen.getByRole('textbox', { name: /Your name/ });
    expect(name).toHaveValue('Ann');
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveValue('ann@example.org');
    expect(screen.getByRole('combobox', { name: /Time zone/ })).toHaveValue('Europe/Berlin');

    await user.clear(name);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Weeks start on' }), 'Sunday');
    await user.selectOptions(screen.getByRole('combobox', { name: 'A new day starts at' }), '3');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    await waitFor(() => expect(name).toHaveAccessibleDescription('must be 1 to 100 characters'));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    const [patch] = api.callsTo('PATCH', '/api/v1/me');
    expect(patch?.body).toEqual({ displayName: '', timezone: 'Europe/Berlin', weekStart: 'SUN', dayStartsAt: 3 });

    refuse = false;
    await fill(user, name, 'Annie');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Profile saved.')).toBeInTheDocument();
    expect(client.getQueryData<User>(['me'])).toMatchObject({ displayName: 'Annie', weekStart: 'SUN', dayStartsAt: 3 });
    expect(screen.queryByText('must be 1 to 100 characters')).not.toBeInTheDocument();
  });

  it('asks for the current password to change the email', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'PATCH /api/v1/me': () =>
        problem(422, {
          detail: 'currentPassword: is not your password',
          errors: [{ field: 'currentPassword', message: 'is not your password' }],
        }),
    });
    const user = userEvent.setup();
    renderApp('/settings');

    await findSection('Profile');
    const email = screen.getByRole('textbox', { name: 'Email' });
    const profile = screen.getByRole('form', { name: 'About you' });
    expect(within(profile).queryByLabelText(/Current password/)).toBeNull();
    await fill(user, email, 'ann@new.org');
    const password = within(profile).getByLabelText(/Current password/);
    await fill(user, password, 'wrong');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    await waitFor(() => expect(password).toHaveAccessibleDescription('is not your password'));
    expect(api.callsTo('PATCH', '/api/v1/me')[0]?.body).toMatchObject({
      email: 'ann@new.org',
      currentPassword: 'wrong',
    });
  });

  it('checks that the new password is typed twice alike, and says other sessions were signed out', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'POST /api/v1/me/password': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderApp('/settings');

    await findSection('Profile');
    const form = screen.getByRole('form', { name: 'Change password' });
    const [current, next, repeat] = form.querySelectorAll<HTMLInputElement>('input[type=password]');
    await fill(user, current!, 'old secret');
    await fill(user, next!, 'new secret');
    await fill(user, repeat!, 'new secreT');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(repeat).toHaveAccessibleDescription('The two new passwords are not the same.');
    expect(api.callsTo('POST', '/api/v1/me/password')).toHaveLength(0);

    await fill(user, repeat!, 'new secret');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText(/Every other session and API token was signed out/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/me/password')[0]?.body).toEqual({
      currentPassword: 'old secret',
      newPassword: 'new secret',
    });
  });

  it('sets, shows and removes the profile picture, and says why the server refused one', async () => {
    let avatar: object | null = null;
    let refuse = true;
    const api = fakeApi({
      'GET /api/v1/me': () => json(ANN),
      'GET /api/v1/me/avatar': () => (avatar ? json(avatar) : problem(404, { title: 'Not Found', detail: 'No picture' })),
      'PUT /api/v1/me/avatar': () => {
        if (refuse) {
          refuse = false;
          return problem(415, {
            title: 'Unsupported Media Type',
            detail: 'file: is not a JPEG, PNG, WebP or HEIC image',
            errors: [{ field: 'file', message: 'is not a JPEG, PNG, WebP or HEIC image' }],
          });
        }
        avatar = { contentType: 'image/png', width: 600, height: 400, url: '/api/v1/media/a-1', thumbnailUrl: '/api/v1/media/a-2' };
        return json(avatar);
      },
      'DELETE /api/v1/me/avatar': () => {
        avatar = null;
        return new Response(null, { status: 204 });
      },
    });
    const user = userEvent.setup();
    renderApp('/settings');
    const part = (await screen.findByRole('heading', { name: 'Profile picture' })).closest('section')!;
    expect(await within(part).findByText('No picture yet.')).toBeInTheDocument();
    expect(within(part).queryByRole('img')).not.toBeInTheDocument();

    const input = within(part).getByTestId('avatar-input') as HTMLInputElement;
    // named and typed like a photo; the server tells from the bytes that it is not one
    const file = new File(['GIF89a'], 'photo.jpg', { type: 'image/jpeg' });
    await user.upload(input, file);
    expect(await within(part).findByText('The picture was not saved: is not a JPEG, PNG, WebP or HEIC image')).toBeInTheDocument();

    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'me.png', { type: 'image/png' });
    await user.upload(input, png);
    expect(await within(part).findByText('Picture saved.')).toBeInTheDocument();
    expect(within(part).getByRole('img', { name: 'Your profile picture' })).toHaveAttribute('src', '/api/v1/media/a-2');
    const [put] = api.callsTo('PUT', '/api/v1/me/avatar').slice(-1);
    expect((put?.body as FormData).get('file')).toBeInstanceOf(File);

    await user.click(within(part).getByRole('button', { name: 'Remove picture' }));
    expect(await within(part).findByText('Picture removed.')).toBeInTheDocument();
    expect(within(part).queryByRole('img')).not.toBeInTheDocument();
    expect(api.callsTo('DELETE', '/api/v1/me/avatar')).toHaveLength(1);
  });
});
