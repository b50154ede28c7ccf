import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelType, Delivery } from '../../api/settings';
import { fakeApi, json, problem } from '../../testing/fakeApi';
import { renderApp } from '../../testing/render';
import { ANN, fill, findSection, stubPointerEvent } from './testing';

const IN_APP: Channel = {
  id: 'c-app',
  type: 'in-app',
  name: 'In the app',
  config: {},
  enabled: true,
  disabledReason: null,
  typeAvailable: true,
};

const TYPES: ChannelType[] = [
  { key: 'in-app', name: 'In the app', config: [] },
  {
    key: 'ntfy',
    name: 'ntfy',
    config: [
      { name: 'url', label: 'Topic URL', type: 'url', required: true, secret: false, description: 'e.g. https://ntfy.sh/my-habits' },
      { name: 'token', label: 'Access token', type: 'string', required: false, secret: true, description: 'For a protected topic' },
      { name: 'priority', label: 'Priority', type: 'integer', required: false, secret: false, description: '1 to 5' },
      { name: 'markdown', label: 'Markdown', type: 'boolean', required: false, secret: false, description: 'Format messages' },
      { name: 'events', label: 'Events', type: 'string_list', required: false, secret: false, description: 'What to send' },
    ],
  },
];

function routes(channels: () => Channel[], extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /api/v1/me': () => json(ANN),
    'GET /api/v1/channel-types': () => json(TYPES),
    'GET /api/v1/me/channels': () => json(channels()),
    'GET /api/v1/me/deliveries': () => json({ items: [], nextCursor: null }),
    ...extra,
  });
}

describe('Settings: channels', { timeout: 60_000 }, () => {
  beforeEach(stubPointerEvent);

  it('makes a form from the type’s fields, shows the server’s field errors at them, and creates the channel', async () => {
    let list = [IN_APP];
    let refuse = true;
    const api = routes(() => list, {
      'POST /api/v1/me/channels': (req) => {
        if (refuse) {
          return problem(422, {
            detail: 'config.url: is a loopback address',
            errors: [{ field: 'config.url', message: 'is a loopback address' }],
          });
        }
        const body = req.body as Channel;
        const made = { ...body, id: 'c-phone', enabled: true, typeAvailable: true, config: { ...body.config, token: '********' } };
        list = [IN_APP, made];
        return json(made, 201);
      },
    });
    const user = userEvent.setup();
    renderApp('/settings/notifications');
    await findSection('Notifications & channels');

    await user.click(await screen.findByRole('button', { name: 'Add a channel' }));
    const kind = screen.getByRole('combobox', { name: /Kind of channel/ });
    // the in-app channel is always there: not offered
    expect(within(kind).queryByRole('option', { name: 'In the app' })).toBeNull();
    await user.selectOptions(kind, 'ntfy');

    const form = screen.getByRole('form', { name: 'New ntfy channel' });
    const url = within(form).getByLabelText(/Topic URL/);
    expect(url).toHaveAttribute('type', 'url');
    expect(url).toBeRequired();
    expect(url).toHaveAccessibleDescription('e.g. https://ntfy.sh/my-habits');
    const token = within(form).getByLabelText(/Access token/);
    expect(token).toHaveAttribute('type', 'password');
    expect(token).not.toBeRequired();
    const priority = within(form).getByLabelText(/Priority/);
    expect(within(form).getByRole('checkbox', { name: 'Markdown' })).not.toBeChecked();
    const events = within(form).getByRole('group', { name: 'Events' });

    await fill(user, within(form).getByLabelText(/^Name/), 'Phone');
    await fill(user, url, 'http://127.0.0.1/t');
    await fill(user, token, 'tk');
    await fill(user, priority, '2.5');
    await user.click(within(form).getByRole('button', { name: 'Add channel' }));
    // a number that is not whole is refused before it is sent
    expect(priority).toHaveAccessibleDescription('Enter a whole number, such as 3.');
    expect(api.callsTo('POST', '/api/v1/me/channels')).toHaveLength(0);

    await fill(user, priority, '4');
    await user.click(within(form).getByRole('checkbox', { name: 'Markdown' }));
    await user.click(within(events).getByRole('checkbox', { name: 'Reminder' }));
    await user.click(within(events).getByRole('checkbox', { name: 'Test message' }));
    await user.click(within(form).getByRole('button', { name: 'Add channel' }));
    await waitFor(() => expect(url).toHaveAccessibleDescription('is a loopback address'));

    refuse = false;
    await fill(user, url, 'https://ntfy.sh/ann');
    await user.click(within(form).getByRole('button', { name: 'Add channel' }));

    const phone = await screen.findByText('Phone');
    const item = phone.closest('li')!;
    expect(within(item).getByText('Hidden')).toBeInTheDocument();
    expect(within(item).getByText('https://ntfy.sh/ann')).toBeInTheDocument();
    expect(within(item).getByText('Reminder, Test message')).toBeInTheDocument();
    const posts = api.callsTo('POST', '/api/v1/me/channels');
    expect(posts.at(-1)?.body).toEqual({
      type: 'ntfy',
      name: 'Phone',
      config: { url: 'https://ntfy.sh/ann', token: 'tk', priority: 4, markdown: true, events: ['reminder.due', 'channel.test'] },
    });
  });

  it('sends a test and says in words how it went', async () => {
    let polls = 0;
    const pending: Delivery = { id: 'd1', channelId: 'c-app', kind: 'channel.test', status: 'pending', attempts: 0 };
    const api = routes(() => [IN_APP, { ...IN_APP, id: 'c-hook', type: 'webhook', name: 'Hook', enabled: false }], {
      'POST /api/v1/me/channels/{id}/test': () => json({ deliveryId: 'd1' }, 202),
      'GET /api/v1/me/deliveries/{id}': () =>
        json(
          polls++ === 0
            ? pending
            : { ...pending, status: 'failed', attempts: 8, lastError: 'the receiver answered 500 Internal Server Error' },
        ),
    });
    const user = userEvent.setup();
    renderApp('/settings/notifications');
    await findSection('Notifications & channels');

    // a channel that is off cannot be tested, and says so
    expect(await screen.findByRole('button', { name: 'Send a test to Hook' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Send a test to In the app' }));
    expect(await screen.findByText('Sending a test message…')).toBeInTheDocument();
    expect(
      await screen.findByText(
        'The test message could not be delivered: the receiver answered 500 Internal Server Error',
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/me/channels/c-app/test')).toHaveLength(1);
  });

  it('shows the delivery log with Retry on a failed delivery', async () => {
    const failed: Delivery = {
      id: 'd9',
      channelId: 'c-app',
      kind: 'reminder.due',
      title: 'Read',
      status: 'failed',
      attempts: 8,
      lastError: 'connection refused',
      createdAt: '2026-12-01T06:00:00Z',
    };
    const api = routes(() => [IN_APP], {
      'GET /api/v1/me/deliveries': (req) =>
        json(
          req.query.get('cursor')
            ? { items: [{ ...failed, id: 'd8', title: 'Older', status: 'sent', lastError: null }], nextCursor: null }
            : { items: [failed], nextCursor: 'next-1' },
        ),
      'POST /api/v1/me/deliveries/{id}/retry': () => json({ ...failed, status: 'pending' }),
    });
    const user = userEvent.setup();
    renderApp('/settings/notifications');
    await findSection('Notifications & channels');

    const log = await screen.findByRole('list', { name: 'Recent deliveries' });
    expect(within(log).getByText('Read')).toBeInTheDocument();
    expect(within(log).getByText('Failed')).toBeInTheDocument();
    expect(within(log).getByText('Last error: connection refused')).toBeInTheDocument();
    expect(within(log).getByText('8 attempts')).toBeInTheDocument();

    await user.click(within(log).getByRole('button', { name: 'Retry Read to In the app' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/v1/me/deliveries/d9/retry')).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Show older deliveries' }));
    expect(await within(log).findByText('Older')).toBeInTheDocument();
    expect(api.calls.some((c) => c.path === '/api/v1/me/deliveries' && c.query.get('cursor') === 'next-1')).toBe(true);
  });
});
