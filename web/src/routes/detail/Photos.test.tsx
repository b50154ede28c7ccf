import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../api/attachments';
import { fakeApi, json, problem, type Handler } from '../../testing/fakeApi';
import { renderApp } from '../../testing/render';
import { stubPointerEvent } from '../settings/testing';

const SLOW = { timeout: 10_000 };

const HABIT = {
  id: 'h-run',
  name: 'Run',
  type: 'boolean',
  schedule: { kind: 'daily' },
  startDate: '2026-03-01',
  archived: false,
  available: true,
};

const RECORDS = [
  { habitId: 'h-run', date: '2026-03-10', status: 'done', recordStatus: 'done', note: 'Park loop', backfilled: false },
  { habitId: 'h-run', date: '2026-03-08', status: 'done', recordStatus: 'done', backfilled: false },
];

let serial = 0;
function photo(fields: Partial<Attachment> = {}): Attachment {
  serial++;
  return {
    id: `a-${serial}`,
    habitId: 'h-run',
    date: '2026-03-10',
    contentType: 'image/jpeg',
    size: 245_000,
    width: 1600,
    height: 1200,
    url: `https://steadfast.test/api/v1/media/full-${serial}-v1`,
    thumbnailUrl: `https://steadfast.test/api/v1/media/thumb-${serial}-v1`,
    createdAt: '2026-03-10T07:00:00Z',
    ...fields,
  };
}

function routes(photos: () => Attachment[], extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    'GET /api/v1/me': () => json({ id: 'u1', email: 'ann@example.org', weekStart: 'MON' }),
    'GET /api/v1/today': () => json({ date: '2026-03-10', timezone: 'Europe/Berlin', habits: [] }),
    'GET /api/v1/habits/{id}': () => json(HABIT),
    'GET /api/v1/habits/{id}/stats': () => json({ streak: { current: 1, longest: 1, unit: 'days' }, strength: 0.1 }),
    'GET /api/v1/habits/{id}/heatmap': (req) => json({ habitId: HABIT.id, year: Number(req.query.get('year')), days: [] }),
    'GET /api/v1/habits/{id}/series': () => json([]),
    'GET /api/v1/habits/{id}/checkins': () => json(RECORDS),
    'GET /api/v1/habits/{id}/checkins/{date}/attachments': (req) =>
      json(req.params.date === '2026-03-10' ? photos() : []),
    ...extra,
  };
}

/** The day editor's photos ("Record a day" shows today, which has a record). */
async function editorPhotos() {
  const heading = await screen.findByRole('heading', { name: 'Photos', level: 3 }, SLOW);
  return heading.closest('section') as HTMLElement;
}

describe('Photos on a day', () => {
  it('shows the day’s thumbnails, opens a photo, and asks again for the URLs when one has expired', { timeout: 60_000 }, async () => {
    let photos = [photo(), photo({ contentType: 'image/webp', thumbnailUrl: null })];
    const api = fakeApi(routes(() => photos));
    const user = userEvent.setup();
    renderApp('/habits/h-run');

    const section = await editorPhotos();
    const list = await within(section).findByRole('list', { name: 'Photos of Tuesday, March 10, 2026' });
    const images = within(list).getAllByRole('img');
    expect(images.map((i) => i.getAttribute('alt'))).toEqual([
      'Photo 1 of 2, Tuesday, March 10, 2026',
      'Photo 2 of 2, Tuesday, March 10, 2026',
    ]);
    // the thumbnail; a WebP without one shows the file itself
    expect(images[0]).toHaveAttribute('src', photos[0]!.thumbnailUrl);
    expect(images[1]).toHaveAttribute('src', photos[1]!.url);
    expect(within(section).getByText(/Location data is removed from photos\./)).toBeInTheDocument();
    expect(within(section).getByTestId('photo-input')).toHaveAttribute('accept', 'image/jpeg,image/png,image/webp,image/heic,image/heif');

    // the day's record in the check-in list shows them too
    const checkins = screen.getByRole('list', { name: 'Check-ins, newest first' });
    expect(await within(checkins).findAllByRole('button', { name: /^Photo \d of 2, Tuesday, March 10, 2026$/ })).toHaveLength(2);

    await user.click(within(list).getByRole('button', { name: 'Photo 1 of 2, Tuesday, March 10, 2026' }));
    const dialog = await screen.findByRole('dialog', { name: 'Photo 1 of 2, Tuesday, March 10, 2026' });
    const full = within(dialog).getByRole('img', { name: 'Photo 1 of 2, Tuesday, March 10, 2026' });
    expect(full).toHaveAttribute('src', photos[0]!.url);
    expect(within(dialog).getByText(/1,?600 × 1,?200 px/)).toBeInTheDocument();

    // a signed URL that has expired: the list is asked for again, with fresh URLs
    const before = api.callsTo('GET', '/api/v1/habits/h-run/checkins/2026-03-10/attachments').length;
    photos = photos.map((p) => ({ ...p, url: p.url.replace('-v1', '-v2'), thumbnailUrl: p.thumbnailUrl?.replace('-v1', '-v2') ?? null }));
    const now = Date.now();
    const later = Date.now;
    Date.now = () => now + 60_000;
    try {
      fireEvent.error(full);
    } finally {
      Date.now = later;
    }
    await waitFor(() =>
      expect(api.callsTo('GET', '/api/v1/habits/h-run/checkins/2026-03-10/attachments').length).toBeGreaterThan(before),
    );
    await waitFor(() =>
      expect(within(dialog).getByRole('img', { name: 'Photo 1 of 2, Tuesday, March 10, 2026' })).toHaveAttribute(
        'src',
        photos[0]!.url,
      ),
    );

    // one that fails again at once cannot be shown here: a link to the file instead
    fireEvent.error(within(dialog).getByRole('img'));
    expect(await within(dialog).findByText('This photo cannot be shown in this browser.')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Download the original' })).toHaveAttribute('href', photos[0]!.url);

    await user.click(within(dialog).getAllByRole('button', { name: 'Close' })[0]!);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('adds a photo to the day, and shows the server’s refusal in words', { timeout: 60_000 }, async () => {
    const photos: Attachment[] = [photo()];
    let refuse: Response | undefined = problem(422, {
      type: 'urn:steadfast:problem:limit-reached',
      detail: 'A day has at most 5 photos.',
    });
    const api = fakeApi(
      routes(() => photos, {
        'POST /api/v1/habits/{id}/checkins/{date}/attachments': () => {
          if (refuse) {
            const r = refuse;
            refuse = undefined;
            return r;
          }
          const added = photo();
          photos.push(added);
          return json(added, 201);
        },
      }),
    );
    document.cookie = 'sf_csrf=csrf-5; path=/';
    const user = userEvent.setup();
    renderApp('/habits/h-run');
    const section = await editorPhotos();
    await within(section).findByRole('list', { name: /^Photos of/ });
    const input = within(section).getByTestId('photo-input');
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'run.jpg', { type: 'image/jpeg' });

    await user.upload(input, file);
    expect(await within(section).findByRole('alert')).toHaveTextContent('The photo was not added: A day has at most 5 photos.');

    await user.upload(input, file);
    expect(await within(section).findByText('Photo added.')).toBeInTheDocument();
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();
    await waitFor(() => expect(within(section).getAllByTestId('photo-thumb')).toHaveLength(2));
    const posts = api.callsTo('POST', '/api/v1/habits/h-run/checkins/2026-03-10/attachments');
    expect(posts).toHaveLength(2);
    expect(posts[1]?.headers.get('X-CSRF-Token')).toBe('csrf-5');
    expect(posts[1]?.headers.get('Content-Type')).toBeNull();
    expect(((posts[1]?.body as FormData).get('file') as File).name).toBe('run.jpg');
  });

  it('says a day needs a check-in before a photo', { timeout: 60_000 }, async () => {
    const api = fakeApi(routes(() => []));
    renderApp('/habits/h-run');
    const date = await screen.findByLabelText(/^Day/, undefined, SLOW);
    fireEvent.change(date, { target: { value: '2026-03-09' } });
    const section = await editorPhotos();
    expect(within(section).getByText('Save the day first, then add photos to it.')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Add photo' })).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/v1/habits/h-run/checkins/2026-03-09/attachments')).toHaveLength(0);
  });

  it('deletes a photo after asking', { timeout: 60_000 }, async () => {
    let photos = [photo(), photo()];
    const api = fakeApi(
      routes(() => photos, {
        'DELETE /api/v1/habits/{id}/checkins/{date}/attachments/{attachmentId}': (req) => {
          photos = photos.filter((p) => p.id !== req.params.attachmentId);
          return new Response(null, { status: 204 });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/habits/h-run');
    const section = await editorPhotos();
    await within(section).findByRole('list', { name: /^Photos of/ });
    const first = photos[0]!.id;

    await user.click(within(section).getByRole('button', { name: 'Delete photo 1 of 2' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete this photo?' });
    // Cancel keeps it
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(api.calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);

    await user.click(within(section).getByRole('button', { name: 'Delete photo 1 of 2' }));
    const again = await screen.findByRole('alertdialog', { name: 'Delete this photo?' });
    await user.click(within(again).getByRole('button', { name: 'Delete photo' }));
    expect(await within(section).findByText('Photo deleted.')).toBeInTheDocument();
    expect(api.callsTo('DELETE', `/api/v1/habits/h-run/checkins/2026-03-10/attachments/${first}`)).toHaveLength(1);
    await waitFor(() => expect(within(section).getAllByTestId('photo-thumb')).toHaveLength(1));
    expect(within(section).getByRole('img', { name: 'Photo 1 of 1, Tuesday, March 10, 2026' })).toBeInTheDocument();
  });

  it('lets the owner show a shared habit’s photos to those who see it', { timeout: 60_000 }, async () => {
    stubPointerEvent();
    let shared = false;
    const api = fakeApi(
      routes(() => [], {
        'GET /api/v1/habits/{id}': () => json({ ...HABIT, visibility: 'partners' }),
        'GET /api/v1/habits/{id}/attachment-sharing': () => json({ shareAttachments: shared }),
        'PUT /api/v1/habits/{id}/attachment-sharing': (req) => {
          shared = (req.body as { shareAttachments: boolean }).shareAttachments;
          return json({ shareAttachments: shared });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/habits/h-run');
    await editorPhotos();
    const toggle = await screen.findByRole('checkbox', { name: 'Show this habit’s photos to the partners and groups who see it' });
    await waitFor(() => expect(toggle).toBeEnabled());
    expect(toggle).not.toBeChecked();
    expect(screen.getByText('Off: only you and the habit’s referee see its photos.')).toBeInTheDocument();

    await user.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(api.callsTo('PUT', '/api/v1/habits/h-run/attachment-sharing')[0]?.body).toEqual({ shareAttachments: true });
    expect(await screen.findByText(/^On: everyone who sees this habit sees its photos/)).toBeInTheDocument();
  });
});
