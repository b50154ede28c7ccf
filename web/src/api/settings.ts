import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { meKey } from './auth';
import { api } from './client';
import type { Schemas, User } from './types';

export type ProfilePatch = Schemas['ProfilePatch'];
export type Notify = Schemas['NotifyDto'];
export type AccessToken = Schemas['TokenDto'];
export type TokenRequest = Schemas['TokenRequest'];
/** The answer of POST /me/tokens: the token with its secret, shown this once. */
export type CreatedToken = AccessToken & { token?: string };
/** A signed-in browser or app; `kind` is `session` or `password-change` (a sign-in that may only change the password). */
export type Session = Schemas['SessionDto'];
export type EndedSessions = Schemas['Ended'];
/** One event of the security log: `kind` (sign-in, sign-in-failed, password-changed, …), when, from where, `detail`. */
export type SecurityEntry = Schemas['EntryDto'];
/** A page of the security log; `next` (null on the last page) is the `before` of the page after it. */
export type SecurityLogPage = Omit<Schemas['LogPage'], 'next'> & { next?: string | null };
export type Vacation = Schemas['VacationDto'];
export type VacationInput = Schemas['VacationInput'];
/** The settings of a channel, by name (the generated type says every value is an object; they are any JSON). */
export type ChannelConfig = Record<string, unknown>;
export type Channel = Omit<Schemas['ChannelDto'], 'config'> & { config?: ChannelConfig };
export type ChannelInput = Omit<Schemas['ChannelInput'], 'config'> & { config?: ChannelConfig };
export type ChannelPatch = Omit<Schemas['ChannelPatch'], 'config'> & { config?: ChannelConfig };
export type ChannelType = Schemas['ChannelTypeDto'];
export type ChannelField = Schemas['FieldDto'] & {
  /** Not in the server's document yet: the allowed values of a field that is a choice, if a type gives them. */
  options?: string[];
  enum?: string[];
};
export type Delivery = Schemas['DeliveryDto'];
export type DeliveryPage = Schemas['Page'];

export const tokensKey = ['me', 'tokens'] as const;
export const sessionsKey = ['me', 'sessions'] as const;
export const securityLogKey = ['me', 'security-log'] as const;
export const vacationsKey = ['me', 'vacations'] as const;
export const channelsKey = ['me', 'channels'] as const;
export const channelTypesKey = ['channel-types'] as const;
export const deliveriesKey = ['me', 'deliveries'] as const;
/** The calendar feed URL this page made; the server has no GET for it, so it is only known after a POST. */
export const calendarFeedKey = ['me', 'calendar-feed'] as const;

/** Changes the profile fields present (PATCH /me); the cached `['me']` gets the server's answer. */
export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: ProfilePatch) => api.patch('/v1/me', { body: patch }) as Promise<User | undefined>,
    onSuccess: (user) => {
      if (user) client.setQueryData<User>(meKey, user);
      else void client.invalidateQueries({ queryKey: meKey, exact: true });
      // the user's today and the days' judgement follow the time zone and the day start
      void client.invalidateQueries({ queryKey: ['today'] });
      // a new e-mail address is in the security log
      void client.invalidateQueries({ queryKey: securityLogKey });
    },
  });
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/** Changes the password (POST /me/password); the server revokes every other session and token. */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: PasswordChange) => api.post('/v1/me/password', { body: change }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: tokensKey }),
        client.invalidateQueries({ queryKey: sessionsKey }),
        client.invalidateQueries({ queryKey: securityLogKey }),
      ]),
  });
}

/**
 * Deletes the account and all it owns (DELETE /me with the password). Then the page forgets everything and `onGone`
 * is called (to go to sign in) before anything could ask the server again.
 */
export function useDeleteAccount(onGone: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.delete('/v1/me', { body: { password } }),
    onSuccess: () => {
      client.removeQueries();
      onGone();
    },
  });
}

/** The personal access tokens (GET /me/tokens), without secrets. */
export function useTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api.get('/v1/me/tokens', { signal }),
  });
}

/** Creates a personal access token (POST /me/tokens); its answer has the secret, once. */
export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: TokenRequest) => api.post('/v1/me/tokens', { body: request }) as Promise<CreatedToken>,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: tokensKey }),
        client.invalidateQueries({ queryKey: securityLogKey }),
      ]),
  });
}

/** Revokes a token (DELETE /me/tokens/{id}): it stops working at once. */
export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete('/v1/me/tokens/{id}', { path: { id } }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: tokensKey }),
        client.invalidateQueries({ queryKey: securityLogKey }),
      ]),
  });
}

/** Where the user is signed in (GET /me/sessions), the most recently used first; `current` is this browser's. */
export function useSessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: ({ signal }) => api.get('/v1/me/sessions', { signal }),
  });
}

/**
 * Ends another session (DELETE /me/sessions/{id}): it stops working at once, on every node. The list is asked again
 * whatever the answer (a 404 means that session had ended already).
 */
export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete('/v1/me/sessions/{id}', { path: { id } }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: sessionsKey }),
        client.invalidateQueries({ queryKey: securityLogKey }),
      ]),
  });
}

/**
 * Signs out everywhere else (POST /me/sessions/revoke-others): every other session ends, and so does the calendar
 * feed URL (the cached one is forgotten); personal access tokens stay. Answers how many sessions ended.
 */
export function useEndOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/v1/me/sessions/revoke-others') as Promise<EndedSessions | undefined>,
    onSuccess: () => {
      // the feed's query is never fetched, so invalidating it would keep the dead URL: it is cleared instead
      client.setQueryData<string | null>(calendarFeedKey, null);
      return Promise.all([
        client.invalidateQueries({ queryKey: sessionsKey }),
        client.invalidateQueries({ queryKey: securityLogKey }),
      ]);
    },
  });
}

export const SECURITY_LOG_PAGE = 20;

/**
 * The security log, the newest first, a page at a time (GET /me/security-log): the next page is the one `before`
 * the previous page's `next`, until that is null.
 */
export function useSecurityLog() {
  return useInfiniteQuery({
    queryKey: securityLogKey,
    queryFn: ({ pageParam, signal }) =>
      api.get('/v1/me/security-log', {
        query: { limit: String(SECURITY_LOG_PAGE), ...(pageParam ? { before: pageParam } : {}) },
        signal,
      }) as Promise<SecurityLogPage | undefined>,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last?.next ?? undefined,
  });
}

/** The calendar feed URL made on this page, if any (never fetched: the server keeps no readable copy). */
export function useCalendarFeedUrl(): string | undefined {
  const { data } = useQuery<string | null>({
    queryKey: calendarFeedKey,
    queryFn: () => null,
    staleTime: Infinity,
    gcTime: Infinity,
    enabled: false,
  });
  return data ?? undefined;
}

/** Makes the secret calendar feed URL (POST /me/calendar-feed); again, it rotates the URL. */
export function useCreateCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/v1/me/calendar-feed') as Promise<{ url?: string } | undefined>,
    onSuccess: (answer) => client.setQueryData<string | null>(calendarFeedKey, answer?.url ?? null),
  });
}

/** Turns the calendar feed off (DELETE /me/calendar-feed): its URL answers 404 from now on. */
export function useDeleteCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/v1/me/calendar-feed', {}),
    onSuccess: () => client.setQueryData<string | null>(calendarFeedKey, null),
  });
}

/** The vacations by start date (GET /me/vacations). */
export function useVacations() {
  return useQuery({
    queryKey: vacationsKey,
    queryFn: ({ signal }) => api.get('/v1/me/vacations', { signal }),
  });
}

function useInvalidateDays() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: vacationsKey }),
      client.invalidateQueries({ queryKey: ['today'] }),
      client.invalidateQueries({ queryKey: ['calendar'] }),
    ]);
}

/** Pauses habits from `from` to `to` (POST /me/vacations). */
export function useCreateVacation() {
  const invalidate = useInvalidateDays();
  return useMutation({
    mutationFn: (input: VacationInput) => api.post('/v1/me/vacations', { body: input }) as Promise<Vacation>,
    onSuccess: invalidate,
  });
}

/** Deletes a vacation that has not begun, or ends one that has (DELETE /me/vacations/{id}). */
export function useDeleteVacation() {
  const invalidate = useInvalidateDays();
  return useMutation({
    mutationFn: (id: string) => api.delete('/v1/me/vacations/{id}', { path: { id } }),
    onSuccess: invalidate,
  });
}

/** The channel types the server runs now, each with the settings it takes (GET /channel-types). */
export function useChannelTypes() {
  return useQuery({
    queryKey: channelTypesKey,
    queryFn: ({ signal }) => api.get('/v1/channel-types', { signal }) as Promise<ChannelType[]>,
    staleTime: 5 * 60_000,
  });
}

/** The user's channels, secrets masked (GET /me/channels). */
export function useChannels() {
  return useQuery({
    queryKey: channelsKey,
    queryFn: ({ signal }) => api.get('/v1/me/channels', { signal }) as Promise<Channel[]>,
  });
}

/** Adds a channel (POST /me/channels); a secret the server made is in this answer only. */
export function useCreateChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput) => api.post('/v1/me/channels', { body: input as Schemas['ChannelInput'] }) as Promise<Channel>,
    onSuccess: () => client.invalidateQueries({ queryKey: channelsKey }),
  });
}

export interface ChannelChange {
  id: string;
  patch: ChannelPatch;
}

/** Changes a channel's name, settings or whether it is on (PATCH /me/channels/{id}). */
export function useUpdateChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: ChannelChange) =>
      api.patch('/v1/me/channels/{id}', { path: { id }, body: patch as Schemas['ChannelPatch'] }) as Promise<
        Channel | undefined
      >,
    onSuccess: () => client.invalidateQueries({ queryKey: channelsKey }),
  });
}

/** Removes a channel and its log (DELETE /me/channels/{id}). */
export function useDeleteChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete('/v1/me/channels/{id}', { path: { id } }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: channelsKey }),
        client.invalidateQueries({ queryKey: deliveriesKey }),
      ]),
  });
}

/** Sends a test message to a channel now (POST /me/channels/{id}/test); answers the delivery's id. */
export function useTestChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post('/v1/me/channels/{id}/test', { path: { id } }) as Promise<{ deliveryId?: string }>,
    onSuccess: () => client.invalidateQueries({ queryKey: deliveriesKey }),
  });
}

/** How often and how many times a fresh delivery is looked at until its first attempt has an outcome. */
const POLL_MS = 1000;
const POLL_TIMES = 20;

/** One delivery (GET /me/deliveries/{id}), asked again every second while its first attempt is still to come. */
export function useDelivery(id: string | undefined) {
  return useQuery({
    queryKey: [...deliveriesKey, 'one', id],
    queryFn: ({ signal }) => api.get('/v1/me/deliveries/{id}', { path: { id: id! }, signal }),
    enabled: id !== undefined,
    staleTime: 0,
    refetchInterval: (query) => {
      const d = query.state.data;
      const waiting = !d || (d.status === 'pending' && (d.attempts ?? 0) === 0);
      return waiting && query.state.dataUpdateCount < POLL_TIMES ? POLL_MS : false;
    },
  });
}

export const DELIVERY_PAGE = 20;

/** The delivery log, the newest first, a page at a time (GET /me/deliveries with the cursor); only `status` if given. */
export function useDeliveries(status?: string) {
  return useInfiniteQuery({
    queryKey: [...deliveriesKey, 'log', status ?? 'all'],
    queryFn: ({ pageParam, signal }) =>
      api.get('/v1/me/deliveries', {
        query: {
          limit: String(DELIVERY_PAGE),
          ...(status ? { status } : {}),
          ...(pageParam ? { cursor: pageParam } : {}),
        },
        signal,
      }) as Promise<DeliveryPage>,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last?.nextCursor ?? undefined,
  });
}

/** Sends a failed delivery again now (POST /me/deliveries/{id}/retry). */
export function useRetryDelivery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post('/v1/me/deliveries/{id}/retry', { path: { id } }) as Promise<Delivery>,
    onSuccess: () => client.invalidateQueries({ queryKey: deliveriesKey }),
  });
}
