import { Button, Link, Stack, Text } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, Navigate, useLocation, useNavigate } from 'react-router';
import { useMe, useSignIn } from '../api/auth';
import { formErrors } from '../api/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { nextPath } from '../components/RequireAuth';
import { TextField } from '../components/TextField';
import { t } from '../i18n/t';
import { AuthFrame } from './AuthFrame';

const FIELDS = ['email', 'password'] as const;

/** Sign in with email and password (POST /api/v1/auth/login); the server answers with the session cookie. */
export function SignIn() {
  const me = useMe();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = formErrors(signIn.error, FIELDS);
  const next = nextPath(location.search);

  if (me.isSuccess && !signIn.data?.passwordChangeRequired) return <Navigate to={next} replace />;

  function submit(e: FormEvent) {
    e.preventDefault();
    signIn.mutate(
      { email: email.trim(), password },
      { onSuccess: (r) => (r?.passwordChangeRequired ? undefined : navigate(next, { replace: true })) },
    );
  }

  return (
    <AuthFrame title={t('signIn.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="4">
          {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
          {signIn.data?.passwordChangeRequired ? (
            <ErrorAlert
              action={
                <Button asChild size="sm">
                  <RouterLink to="/settings">{t('signIn.toChangePassword')}</RouterLink>
                </Button>
              }
            >
              {t('signIn.passwordChangeRequired')}
            </ErrorAlert>
          ) : null}
          <TextField
            name="email"
            type="email"
            label={t('field.email')}
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.fields.email}
          />
          <TextField
            name="password"
            type="password"
            label={t('field.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.fields.password}
          />
          <Button type="submit" loading={signIn.isPending} loadingText={t('signIn.submitting')}>
            {t('signIn.submit')}
          </Button>
          <Text textStyle="sm">
            {t('signIn.noAccount')}{' '}
            <Link asChild variant="underline">
              <RouterLink to={{ pathname: '/sign-up', search: location.search }}>{t('signIn.toSignUp')}</RouterLink>
            </Link>
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
