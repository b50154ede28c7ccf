import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { meKey } from './auth';
import { ApiError } from './errors';

/** Retries a read only when the network failed or the server is briefly away; a 4xx is an answer, not a glitch. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (error instanceof ApiError) return error.isNetwork || error.status === 503;
  return false;
}

const isUnauthorized = (error: unknown) => error instanceof ApiError && error.status === 401;

/**
 * The app's query client. A 401 from any request but sign-in means the session ended (expired, signed out in
 * another tab, revoked): the signed-in user is asked for again, and the sign-in guard takes the user to sign in.
 */
export function createQueryClient(): QueryClient {
  const sessionEnded = () => void client.invalidateQueries({ queryKey: meKey });
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthorized(error) && query.queryKey[0] !== meKey[0]) sessionEnded();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _context, mutation) => {
        if (isUnauthorized(error) && mutation.options.mutationKey?.[0] !== 'auth') sessionEnded();
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
  return client;
}
