import { api as defaultApi, type ApiClient } from '../api/client';
import type { DayStatus, Today, TodayItem } from '../api/types';

/**
 * What a change does to a day: check a yes-or-no habit in or out, add to a count, record a measured value, write a
 * note (a journal's entry is a note too), skip the day or take the skip back.
 */
export type ChangeKind = 'check' | 'uncheck' | 'increment' | 'value' | 'note' | 'skip' | 'unskip';

/** The part of a change the server needs besides its habit and date. */
export interface ChangeBody {
  /** `increment`: what to add (negative takes away). */
  delta?: number;
  /** `value`: the day's value. */
  value?: number;
  /** `note`: the day's note; empty clears it. */
  note?: string;
}

/** One write to one day of one habit, as the Today screen makes it. */
export interface DayChange {
  habitId: string;
  /** For the messages about it ("Could not save Read from 2 Dec: …"). */
  habitName: string;
  date: string;
  kind: ChangeKind;
  body: ChangeBody;
  /** `increment` only: made once per tap, sent with every try of it, so that the server counts it once. */
  idempotencyKey?: string;
}

/** A change kept on this device until the server has it. */
export interface PendingChange extends DayChange {
  id: string;
  /** Whose change it is: it is sent only in that user's session. */
  userId: string;
  /** When it was made (ISO instant). */
  createdAt: string;
  /** Its place in the queue: changes are sent in this order. */
  seq: number;
}

/** A Today item as the screen knows it: the server's, and the day's note once this page has read or written it. */
export type TodayEntry = TodayItem & { note?: string | null };

/** The types counted with +/- on Today. */
export const COUNTING_TYPES: ReadonlySet<string> = new Set(['count', 'limit']);

/** The status an item shows until the server's answer: the server's rules, for the built-in types. */
export function statusFor(item: TodayItem, value: number): DayStatus {
  const target = item.progress?.target ?? item.habit?.target ?? undefined;
  const type = item.habit?.type;
  if (type === 'limit') {
    if (value > (target ?? 0)) return 'missed';
    return item.status === 'missed' ? 'pending' : ((item.status ?? 'pending') as DayStatus);
  }
  if (target !== undefined && target !== null && value >= target) return 'done';
  if (value > 0) return 'partial';
  return notDone(item);
}

function notDone(item: TodayItem): DayStatus {
  return item.due === false ? 'not_due' : 'pending';
}

/** The item with a new status, value and note; a per-week or per-month habit's period counts the day with it. */
function settle(item: TodayEntry, status: DayStatus, value: number | null, note: string | null | undefined): TodayEntry {
  let period = item.period;
  if (period) {
    const change = (status === 'done' ? 1 : 0) - (item.status === 'done' ? 1 : 0);
    const done = Math.max(0, (period.done ?? 0) + change);
    const times = period.times ?? 0;
    const open = period.status === 'open' || period.status === 'met' || period.status === undefined;
    period = { ...period, done, status: open ? (times > 0 && done >= times ? 'met' : 'open') : period.status };
  }
  return { ...item, status, progress: { ...item.progress, value: value ?? undefined }, period, note };
}

/** The item after one change, as the server is expected to judge it. Pure. */
export function changedItem(item: TodayEntry, change: Pick<DayChange, 'kind' | 'body'>): TodayEntry {
  const type = item.habit?.type;
  const value = item.progress?.value ?? 0;
  switch (change.kind) {
    case 'check':
      return settle(item, 'done', 1, item.note);
    case 'uncheck':
    case 'unskip':
      // the day's record is cleared, its note with it
      return settle(item, notDone(item), null, null);
    case 'increment': {
      const next = Math.max(0, value + (change.body.delta ?? 0));
      return settle(item, statusFor(item, next), next, item.note);
    }
    case 'value':
      return settle(item, 'done', change.body.value ?? null, item.note);
    case 'skip':
      return settle(item, 'skipped', null, item.note);
    case 'note': {
      const note = change.body.note ? change.body.note : null;
      const recorded = item.status === 'done' || item.status === 'partial' || item.status === 'skipped' || value > 0;
      // a note on a day without a record makes one: done, for the types done by a record alone
      if (!recorded && !(type && COUNTING_TYPES.has(type))) {
        return settle(item, 'done', type === 'boolean' ? 1 : null, note);
      }
      return { ...item, note };
    }
  }
}

/** Today after one change of one habit's day (a change of another day leaves it as it is). Pure. */
export function applyChange(today: Today, change: DayChange): Today {
  if (today.date && change.date !== today.date) return today;
  return {
    ...today,
    habits: (today.habits ?? []).map((i) => (i.habit?.id === change.habitId ? changedItem(i, change) : i)),
  };
}

/** Today with every change still waiting to be sent applied in order: what the user did, seen at once. Pure. */
export function applyAll(today: Today, changes: readonly DayChange[]): Today {
  return changes.reduce(applyChange, today);
}

type Record = { date?: string; value?: number | null; note?: string | null; recordStatus?: string | null };

/** The day's record as the server has it now, or undefined when the day has none. */
async function currentRecord(client: ApiClient, habitId: string, date: string): Promise<Record | undefined> {
  const list = (await client.get('/v1/habits/{id}/checkins', {
    path: { id: habitId },
    query: { from: date, to: date },
  })) as Record[] | undefined;
  return (list ?? []).find((r) => r.date === date);
}

/** A check-in body without its empty parts. */
function putBody(value: number | null | undefined, note: string | null | undefined, status?: string) {
  const body: { value?: number; note?: string; status?: string } = {};
  if (value !== undefined && value !== null) body.value = value;
  if (note) body.note = note;
  if (status) body.status = status;
  return body;
}

/**
 * Sends one change to the server. A PUT sets the whole day (value, note and status), so a value, a note or a skip
 * first reads the day's record and keeps what the change does not touch: a note survives a new value, and the
 * other way round. An increment carries its Idempotency-Key.
 */
export async function sendChange(change: DayChange, client: ApiClient = defaultApi): Promise<void> {
  const path = { id: change.habitId, date: change.date };
  switch (change.kind) {
    case 'check':
      await client.put('/v1/habits/{id}/checkins/{date}', { path, body: {} });
      return;
    case 'uncheck':
    case 'unskip':
      await client.delete('/v1/habits/{id}/checkins/{date}', { path });
      return;
    case 'increment':
      await client.post('/v1/habits/{id}/checkins/{date}/increment', {
        path,
        body: { delta: change.body.delta ?? 0 },
        headers: change.idempotencyKey ? { 'Idempotency-Key': change.idempotencyKey } : {},
      });
      return;
    case 'value': {
      const record = await currentRecord(client, change.habitId, change.date);
      await client.put('/v1/habits/{id}/checkins/{date}', { path, body: putBody(change.body.value, record?.note) });
      return;
    }
    case 'note': {
      const record = await currentRecord(client, change.habitId, change.date);
      const skipped = record?.recordStatus === 'skipped' ? 'skipped' : undefined;
      await client.put('/v1/habits/{id}/checkins/{date}', {
        path,
        body: putBody(record?.value, change.body.note, skipped),
      });
      return;
    }
    case 'skip': {
      const record = await currentRecord(client, change.habitId, change.date);
      await client.put('/v1/habits/{id}/checkins/{date}', { path, body: putBody(undefined, record?.note, 'skipped') });
      return;
    }
  }
}
