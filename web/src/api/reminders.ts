import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { toApiError, type ApiError } from './errors';
import type { components } from './schema';
import { todayKey } from './today';

export type Reminder = components['schemas']['ReminderDto'];
export type ReminderInput = components['schemas']['ReminderInput'];

/** The reminders of one habit (GET /habits/{id}/reminders), by time of day. */
export function remindersKey(habitId: string) {
  return ['habits', habitId, 'reminders'] as const;
}

/** A habit's reminders; only fetched when `enabled`. */
export function useReminders(habitId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: remindersKey(habitId ?? ''),
    queryFn: ({ signal }) => api.get('/v1/habits/{id}/reminders', { path: { id: habitId! }, signal }),
    enabled: enabled && habitId !== undefined,
  });
}

/** A reminder as a form edits it: `id` once the server has it; `days` null means the habit's due days. */
export interface ReminderDraft {
  key: string;
  id?: string | undefined;
  time: string;
  days: string[] | null;
}

/** The outcome of {@link saveReminders}: the ids of the drafts created, and each failure by draft key. */
export interface ReminderSaveResult {
  created: Record<string, string>;
  failed: Record<string, ApiError>;
  /** The reminders that could not be deleted (they are still on the server). */
  notDeleted: { reminder: Reminder; error: ApiError }[];
}

function sameDays(a: readonly (string | null)[] | null | undefined, b: readonly string[] | null): boolean {
  if (!a || !b) return (a ?? null) === null && b === null;
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** Whether the draft differs from the saved reminder it edits. Pure. */
export function reminderChanged(saved: Reminder, draft: ReminderDraft): boolean {
  return saved.time !== draft.time || !sameDays(saved.days, draft.days);
}

/**
 * Makes a habit's reminders on the server what the drafts say: deletes the saved ones no draft has any more, changes
 * the edited ones (PATCH) and creates the new ones (POST). Every request is tried; failures are answered, not thrown.
 */
export async function saveReminders(
  habitId: string,
  saved: readonly Reminder[],
  drafts: readonly ReminderDraft[],
): Promise<ReminderSaveResult> {
  const result: ReminderSaveResult = { created: {}, failed: {}, notDeleted: [] };
  const kept = new Set(drafts.map((d) => d.id).filter((id): id is string => id !== undefined));
  const path = (reminderId: string) => ({ id: habitId, reminderId });
  await Promise.all(
    saved
      .filter((r) => r.id !== undefined && !kept.has(r.id))
      .map(async (r) => {
        try {
          await api.delete('/v1/habits/{id}/reminders/{reminderId}', { path: path(r.id!) });
        } catch (e) {
          result.notDeleted.push({ reminder: r, error: toApiError(e) });
        }
      }),
  );
  // one after the other: the server allows at most 10 per habit, and the answers stay in the drafts' order
  for (const draft of drafts) {
    const body: ReminderInput = { time: draft.time, days: draft.days };
    try {
      if (draft.id === undefined) {
        const made = (await api.post('/v1/habits/{id}/reminders', { path: { id: habitId }, body })) as
          | Reminder
          | undefined;
        if (made?.id) result.created[draft.key] = made.id;
      } else {
        const before = saved.find((r) => r.id === draft.id);
        if (!before || reminderChanged(before, draft)) {
          await api.patch('/v1/habits/{id}/reminders/{reminderId}', { path: path(draft.id), body });
        }
      }
    } catch (e) {
      result.failed[draft.key] = toApiError(e);
    }
  }
  return result;
}

/** Whether every request of a save succeeded. */
export function allSaved(result: ReminderSaveResult): boolean {
  return Object.keys(result.failed).length === 0 && result.notDeleted.length === 0;
}

/** {@link saveReminders}, then the habit's reminders and today (its next reminder) are read again. */
export function useSaveReminders() {
  const client = useQueryClient();
  return async (habitId: string, saved: readonly Reminder[], drafts: readonly ReminderDraft[]) => {
    const result = await saveReminders(habitId, saved, drafts);
    await Promise.all([
      client.invalidateQueries({ queryKey: remindersKey(habitId) }),
      client.invalidateQueries({ queryKey: todayKey }),
    ]);
    return result;
  };
}
