import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { ApiError } from './errors';
import { forgetOfflineData, lastUser, rememberUser } from '../offline/persist';
import type { AuthResult, User } from './types';

/** The header that asks login and register for the cookie session instead of a token in the body. */
export const SESSION_HEADER = { 'X-Steadfast-Session': 'cookie' } as const;

export const meKey = ['me'] as const;

/** The signed-in user; the query fails with a 401 ApiError when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    // offline, the user of the last load (kept by this browser for its own user only) opens the offline shell
    networkMode: 'offlineFirst',
    queryFn: async ({ signal }) => {
      try {
        const me = await api.get('/v1/me', { signal });
        rememberUser(me);
        return me;
      } catch (e) {
        const last = lastUser();
        if (e instanceof ApiError && e.isNetwork && last) return last;
        throw e;
      }
    },
    // a 401 is the answer "not signed in", not a failure to retry
    retry: (count, error) => count < 2 && error instanceof ApiError && error.isNetwork,
    staleTime: 5 * 60_000,
  });
}

export interface Credentials {
  email: string;
  password: string;
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'login'],
    mutationFn: (c: Credentials) =>
      api.post('/v1/auth/login', { body: c, headers: SESSION_HEADER }) as Promise<AuthResult>,
    onSuccess: (result) => {
      client.removeQueries();
      if (result?.user) client.setQueryData<User>(meKey, result.user);
    },
  });
}

export interface Registration extends Credentials {
  displayName?: string;
  timezone?: string;
}

export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'register'],
    mutationFn: (r: Registration) =>
      api.post('/v1/auth/register', { body: r, headers: SESSION_HEADER }) as Promise<AuthResult | undefined>,
    onSuccess: (result) => {
      client.removeQueries();
      if (result?.user) client.setQueryData<User>(meKey, result.user);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'logout'],
    mutationFn: () => api.post('/v1/auth/logout'),
    // signed out on the server or not (an expired session answers 401), the page forgets everything it knew
    onSettled: () => {
      client.removeQueries();
      forgetOfflineData();
    },
  });
}

/** The browser's IANA time zone, for a new account (the server's default would be UTC). */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
