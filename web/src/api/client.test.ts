import { describe, expect, it, vi } from 'vitest';
import { fakeApi, json, problem } from '../testing/fakeApi';
import { createApiClient, readCookie } from './client';
import { ApiError, formErrors } from './errors';

describe('the API client', () => {
  it('sends the CSRF cookie as a header on writes only, with the cookies included', async () => {
    const api = fakeApi({
      'GET /api/v1/today': () => json({ date: '2026-12-01', habits: [] }),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    document.cookie = 'sf_csrf=a%2Bb; path=/';
    const client = createApiClient();

    await expect(client.get('/v1/today')).resolves.toEqual({ date: '2026-12-01', habits: [] });
    await expect(client.post('/v1/auth/logout')).resolves.toBeUndefined();

    const [get, post] = api.calls;
    expect(get?.headers.get('X-CSRF-Token')).toBeNull();
    expect(post?.headers.get('X-CSRF-Token')).toBe('a+b');
    expect(api.calls.every((c) => c.credentials === 'include')).toBe(true);
  });

  it('fills in path parameters and the query', async () => {
    const api = fakeApi({ 'GET /api/v1/today': () => json({}) });
    await createApiClient().get('/v1/today', { query: { date: '2026-11-30' } });
    expect(api.calls[0]?.query.get('date')).toBe('2026-11-30');
  });

  it('turns a problem into an ApiError with its title, detail, status and field errors', async () => {
    fakeApi({
      'POST /api/v1/habits': () =>
        problem(422, {
          title: 'Unprocessable Content',
          detail: 'name: must not be blank',
          errors: [{ field: 'name', message: 'must not be blank' }, { field: 'schedule.days', message: 'is required' }],
        }),
    });
    const error = await createApiClient()
      .post('/v1/habits', { body: { name: '' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect([e.status, e.title, e.detail, e.requestId]).toEqual([422, 'Unprocessable Content', 'name: must not be blank', 'req-1']);
    expect(e.fieldMessage('name')).toBe('must not be blank');
    expect(formErrors(e, ['name'] as const)).toEqual({
      fields: { name: 'must not be blank' },
      general: 'schedule.days: is required',
    });
  });

  it('says in words when the server cannot be reached or fails', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const offline = (await createApiClient().get('/v1/me').catch((e: unknown) => e)) as ApiError;
    expect(offline.isNetwork).toBe(true);
    expect(offline.message).toMatch(/could not be reached/);

    fakeApi({ 'GET /api/v1/me': () => problem(500, { title: 'Internal Server Error', requestId: 'r-42' }) });
    const failed = (await createApiClient().get('/v1/me').catch((e: unknown) => e)) as ApiError;
    expect(failed.message).toMatch(/r-42/);

    fakeApi({ 'GET /api/v1/me': () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }) });
    const proxy = (await createApiClient().get('/v1/me').catch((e: unknown) => e)) as ApiError;
    expect(proxy.status).toBe(502);
  });

  it('reads a cookie among others', () => {
    expect(readCookie('sf_csrf', 'a=1; sf_csrf=xyz; b=2')).toBe('xyz');
    expect(readCookie('sf_csrf', 'a=1')).toBeUndefined();
  });

  it('sends a FormData upload untyped, with the CSRF header and the browser’s own multipart type', async () => {
    const api = fakeApi({
      'POST /api/v1/habits/{id}/checkins/{date}/attachments': () => json({ id: 'a1' }, 201),
      'GET /api/v1/me/export': () => new Response('BEGIN:VCALENDAR', { headers: { 'Content-Type': 'text/calendar' } }),
      'POST /api/v1/me/imports': () => problem(422, { detail: 'file: not a known format', errors: [{ field: 'file', message: 'not a known format' }] }),
    });
    document.cookie = 'sf_csrf=tok; path=/';
    const client = createApiClient();
    const form = new FormData();
    form.append('file', new File(['x'], 'a.png', { type: 'image/png' }));

    await expect(
      client.untyped('post', '/v1/habits/{id}/checkins/{date}/attachments', { path: { id: 'h/1', date: '2026-12-01' }, body: form }),
    ).resolves.toEqual({ id: 'a1' });
    const [upload] = api.calls;
    expect(upload?.path).toBe('/api/v1/habits/h%2F1/checkins/2026-12-01/attachments');
    expect(upload?.headers.get('X-CSRF-Token')).toBe('tok');
    expect(upload?.headers.get('Content-Type')).toBeNull();
    expect(upload?.body).toBe(form);
    expect(upload?.credentials).toBe('include');

    const download = await client.raw('get', '/v1/me/export', { query: { format: 'ics' }, accept: '*/*' });
    expect(await download.text()).toBe('BEGIN:VCALENDAR');
    expect(api.calls[1]?.headers.get('Accept')).toBe('*/*');
    expect(api.calls[1]?.headers.get('X-CSRF-Token')).toBeNull();

    const refused = (await client.untyped('post', '/v1/me/imports', { body: form }).catch((e: unknown) => e)) as ApiError;
    expect(refused.status).toBe(422);
    expect(refused.fieldMessage('file')).toBe('not a known format');
  });
});
