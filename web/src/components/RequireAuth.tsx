import { Button } from '@chakra-ui/react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/auth';
import { ApiError } from '../api/errors';
import { t } from '../i18n/t';
import { ErrorAlert } from './ErrorAlert';
import { PageSpinner } from './PageSpinner';

/** Shows its routes to a signed-in user (GET /api/v1/me) and sends everyone else to sign in, then back here. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageSpinner />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      const next = location.pathname + location.search;
      const to = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
      return <Navigate to={to} replace />;
    }
    return (
      <ErrorAlert action={<Button size="sm" onClick={() => me.refetch()}>{t('today.retry')}</Button>}>
        {me.error.message}
      </ErrorAlert>
    );
  }
  return <Outlet />;
}

/** Where to go after signing in: the `next` the guard gave, if it is a path of this app. */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
