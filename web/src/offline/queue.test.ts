import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import { ApiError } from '../api/errors';
import type { Today } from '../api/types';
import { fakeApi, json, problem } from '../testing/fakeApi';
import { applyAll, sendChange, type DayChange, type PendingChange } from './changes';
import { OfflineQueue } from './queue';
import { memoryStorage } from './storage';

const READ: DayChange = { habitId: 'h-read', habitName: 'Read', date: '2026-12-02', kind: 'check', body: {} };
const water = (key: string): DayChange => ({
  habitId: 'h-water',
  habitName: 'Water',
  date: '2026-12-02',
  kind: 'increment',
  body: { delta: 1 },
  idempotencyKey: key,
});

describe('OfflineQueue', () => {
  it('keeps changes in order, in its storage, and for their user only', async () => {
    const storage = memoryStorage();
    const queue = new OfflineQueue(storage);
    await queue.ready;
    queue.add('u1', READ);
    queue.add('u1', water('k-1'));
    queue.add('u2', water('k-other'));

    expect(queue.pendingFor('u1').map((c) => c.kind)).toEqual(['check', 'increment']);
    expect(queue.pendingFor('u2')).toHaveLength(1);
    const first = queue.pendingFor('u1')[0]!;
    expect(first).toMatchObject({ habitId: 'h-read', date: '2026-12-02', kind: 'check', body: {}, userId: 'u1' });
    expect(first.id).toBeTruthy();
    expect(Date.parse(first.createdAt)).not.toBeNaN();

    // a new page reads them back, in the same order
    await new Promise((r) => setTimeout(r, 0));
    const again = new OfflineQueue(storage);
    await again.ready;
    expect(again.pendingFor('u1').map((c) => c.id)).toEqual(queue.pendingFor('u1').map((c) => c.id));
  });

  it('sends in order, removes what the server took, and stops at a network failure', async () => {
    const queue = new OfflineQueue(memoryStorage());
    await queue.ready;
    queue.add('u1', READ);
    queue.add('u1', water('k-1'));
    queue.add('u1', water('k-2'));

    const seen: string[] = [];
    let fail = true;
    const send = async (c: PendingChange) => {
      seen.push(c.idempotencyKey ?? c.kind);
      if (c.idempotencyKey === 'k-1' && fail) throw new ApiError(0);
    };
    const sent: string[] = [];
    await queue.flush('u1', send, (c) => sent.push(c.idempotencyKey ?? c.kind));
    expect(seen).toEqual(['check', 'k-1']);
    expect(sent).toEqual(['check']);
    expect(queue.pendingFor('u1').map((c) => c.idempotencyKey)).toEqual(['k-1', 'k-2']);
    expect(queue.getState().savedAt).toBeUndefined();

    fail = false;
    await queue.flush('u1', send, (c) => sent.push(c.idempotencyKey ?? c.kind));
    // the retry carries the same key: the server counts the tap once even if the first answer was lost
    expect(seen).toEqual(['check', 'k-1', 'k-1', 'k-2']);
    expect(sent).toEqual(['check', 'k-1', 'k-2']);
    expect(queue.pendingFor('u1')).toEqual([]);
    expect(queue.getState().savedAt).toBeTypeOf('number');
  });

  it('drops a change the server refuses and tells why; a 5xx or 401 keeps it', async () => {
    const queue = new OfflineQueue(memoryStorage());
    await queue.ready;
    queue.add('u1', READ);
    queue.add('u1', water('k-1'));

    await queue.flush('u1', async () => {
      throw new ApiError(503, { title: 'Service Unavailable' });
    });
    await queue.flush('u1', async () => {
      throw new ApiError(401, { title: 'Unauthorized' });
    });
    expect(queue.pendingFor('u1')).toHaveLength(2);

    await queue.flush('u1', async (c) => {
      if (c.kind === 'check') throw new ApiError(422, { detail: 'date: is after your today (2026-12-01)' });
    });
    expect(queue.pendingFor('u1')).toEqual([]);
    const [failure] = queue.getState().failures;
    expect(failure).toMatchObject({ habitName: 'Read', date: '2026-12-02', message: 'date: is after your today (2026-12-01)' });
    queue.dismiss(failure!.id);
    expect(queue.getState().failures).toEqual([]);
  });

  it('sends another user’s changes only in their session', async () => {
    const queue = new OfflineQueue(memoryStorage());
    await queue.ready;
    queue.add('u2', READ);
    const seen: string[] = [];
    await queue.flush('u1', async (c) => void seen.push(c.userId));
    expect(seen).toEqual([]);
    expect(queue.pendingFor('u2')).toHaveLength(1);
  });
});

describe('sendChange', () => {
  const client = createApiClient();

  it('sends an increment with its idempotency key, the same on every try', async () => {
    let calls = 0;
    const api = fakeApi({
      'POST /api/v1/habits/{id}/checkins/{date}/increment': () => {
        calls++;
        return calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : json({ value: 4 });
      },
    });
    const queue = new OfflineQueue(memoryStorage());
    await queue.ready;
    queue.add('u1', water('tap-7'));
    await queue.flush('u1', (c) => sendChange(c, client));
    await queue.flush('u1', (c) => sendChange(c, client));
    const posts = api.callsTo('POST', '/api/v1/habits/h-water/checkins/2026-12-02/increment');
    expect(posts.map((p) => p.headers.get('Idempotency-Key'))).toEqual(['tap-7', 'tap-7']);
    expect(posts.map((p) => p.body)).toEqual([{ delta: 1 }, { delta: 1 }]);
    expect(queue.pendingFor('u1')).toEqual([]);
  });

  it('keeps the note when it saves a value, and the value when it saves a note', async () => {
    let record: Record<string, unknown> = { date: '2026-12-02', value: 72, note: 'after the run', recordStatus: 'done' };
    const api = fakeApi({
      'GET /api/v1/habits/{id}/checkins': () => json([record]),
      'PUT /api/v1/habits/{id}/checkins/{date}': (req) => {
        record = { ...(req.body as object), date: '2026-12-02', recordStatus: 'done' };
        return json(record);
      },
    });
    const weight = { habitId: 'h-w', habitName: 'Weight', date: '2026-12-02' };
    await sendChange({ ...weight, kind: 'value', body: { value: 71.5 } }, client);
    await sendChange({ ...weight, kind: 'note', body: { note: 'before breakfast' } }, client);
    await sendChange({ ...weight, kind: 'skip', body: {} }, client);
    const puts = api.callsTo('PUT', '/api/v1/habits/h-w/checkins/2026-12-02').map((p) => p.body);
    expect(puts).toEqual([
      { value: 71.5, note: 'after the run' },
      { value: 71.5, note: 'before breakfast' },
      { note: 'before breakfast', status: 'skipped' },
    ]);
    const [get] = api.callsTo('GET', '/api/v1/habits/h-w/checkins');
    expect(get?.query.get('from')).toBe('2026-12-02');
    expect(get?.query.get('to')).toBe('2026-12-02');
  });

  it('answers a refusal as an ApiError with the server’s words', async () => {
    fakeApi({ 'PUT /api/v1/habits/{id}/checkins/{date}': () => problem(409, { detail: 'the habit type is not available' }) });
    await expect(sendChange(READ, client)).rejects.toMatchObject({ status: 409, message: 'the habit type is not available' });
  });
});

describe('applyAll', () => {
  it('shows waiting changes on the day they were made, and counts a per-week habit’s period', () => {
    const today: Today = {
      date: '2026-12-02',
      habits: [
        { habit: { id: 'h-read', name: 'Read', type: 'boolean' }, due: true, status: 'pending', progress: {} },
        { habit: { id: 'h-water', name: 'Water', type: 'count', target: 8 }, due: true, status: 'pending', progress: { value: 7, target: 8 } },
        {
          habit: { id: 'h-gym', name: 'Gym', type: 'boolean', schedule: { kind: 'times_per_week', times: 3 } },
          due: true,
          status: 'pending',
          progress: {},
          period: { done: 2, times: 3, start: '2026-11-30', end: '2026-12-06', status: 'open' },
        },
      ],
    };
    const gym: DayChange = { ...READ, habitId: 'h-gym', habitName: 'Gym' };
    const yesterday: DayChange = { ...READ, date: '2026-12-01' };
    const after = applyAll(today, [READ, water('a'), gym, yesterday]);
    expect(after.habits?.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    expect(after.habits?.[1]?.progress?.value).toBe(8);
    expect(after.habits?.[2]?.period).toMatchObject({ done: 3, status: 'met' });
    expect(applyAll(today, [yesterday])).toEqual(today);
  });
});
