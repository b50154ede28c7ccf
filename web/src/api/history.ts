import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { todayKey } from './today';
import type { Habit, Schemas } from './types';

/** The shapes of a habit's history (the generated types say `value?: number`; the server answers `null` too). */
export type Stats = Schemas['StatsDto'];
export type Heatmap = Schemas['Heatmap'];
export type HeatmapDay = Schemas['HeatmapDay'];
export type Bucket = Schemas['BucketDto'];
export type Checkin = Schemas['CheckinDto'];
export type CheckinInput = Schemas['CheckinInput'];
export type CalendarRange = Schemas['Calendar'];
export type CalendarDay = Schemas['CalendarDay'];
export type CalendarHabit = Schemas['CalendarHabit'];
export type Granularity = 'week' | 'month';

/** Every query about one habit starts with this key: invalidating it refreshes the habit, its stats and lists. */
export const habitKey = (id: string) => ['habit', id] as const;
export const calendarKey = ['calendar'] as const;

/** One habit (GET /habits/{id}); a 404 is another user's or an unknown habit. */
export function useHabit(id: string) {
  return useQuery({
    queryKey: [...habitKey(id), 'habit'],
    queryFn: ({ signal }) => api.get('/v1/habits/{id}', { path: { id }, signal }) as Promise<Habit>,
  });
}

/** The streaks, strength, completion rates and totals of a habit. */
export function useHabitStats(id: string) {
  return useQuery({
    queryKey: [...habitKey(id), 'stats'],
    queryFn: ({ signal }) => api.get('/v1/habits/{id}/stats', { path: { id }, signal }) as Promise<Stats>,
  });
}

/** Each day's value and status of the given years (one request a year), merged by date. */
export function useHeatmap(id: string, years: readonly number[], enabled: boolean) {
  return useQuery({
    queryKey: [...habitKey(id), 'heatmap', ...years],
    enabled,
    queryFn: async ({ signal }) => {
      const answers = await Promise.all(
        years.map(
          (year) =>
            api.get('/v1/habits/{id}/heatmap', { path: { id }, query: { year: String(year) }, signal }) as Promise<Heatmap>,
        ),
      );
      const byDate = new Map<string, HeatmapDay>();
      for (const a of answers) for (const d of a.days ?? []) if (d.date) byDate.set(d.date, d);
      return byDate;
    },
  });
}

/** Completion and value per week or month (the server's default: the last 12). */
export function useSeries(id: string, granularity: Granularity) {
  return useQuery({
    queryKey: [...habitKey(id), 'series', granularity],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get('/v1/habits/{id}/series', { path: { id }, query: { granularity }, signal }) as Promise<Bucket[]>,
  });
}

/** The habit's day records from `from` to `to`, newest first. */
export function useCheckins(id: string, from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: [...habitKey(id), 'checkins', from, to],
    enabled: from !== undefined && to !== undefined,
    queryFn: async ({ signal }) => {
      const list = (await api.get('/v1/habits/{id}/checkins', {
        path: { id },
        query: { from: from!, to: to! },
        signal,
      })) as Checkin[];
      return [...list].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    },
  });
}

/** Each day's status of every active habit from `from` to `to` (GET /calendar, at most 366 days). */
export function useCalendar(from: string, to: string) {
  return useQuery({
    queryKey: [...calendarKey, from, to],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get('/v1/calendar', { query: { from, to }, signal }) as Promise<CalendarRange>,
  });
}

export interface SaveDay {
  date: string;
  input: CheckinInput;
}

function useRefresh(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: habitKey(id) }),
      client.invalidateQueries({ queryKey: calendarKey }),
      client.invalidateQueries({ queryKey: todayKey }),
    ]);
}

/** Sets a day's record (PUT /habits/{id}/checkins/{date}), then refreshes the habit's stats and lists. */
export function useSaveDay(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: ({ date, input }: SaveDay) =>
      api.put('/v1/habits/{id}/checkins/{date}', { path: { id, date }, body: input }) as Promise<Checkin>,
    onSuccess: refresh,
  });
}

/** Clears a day's record (DELETE /habits/{id}/checkins/{date}), then refreshes the habit's stats and lists. */
export function useClearDay(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (date: string) => api.delete('/v1/habits/{id}/checkins/{date}', { path: { id, date } }),
    onSuccess: refresh,
  });
}
