import { Button, Link, Stack, Text } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { browserTimeZone, useSignUp } from '../api/auth';
import { formErrors } from '../api/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { nextPath } from '../components/RequireAuth';
import { TextField } from '../components/TextField';
import { t } from '../i18n/t';
import { AuthFrame } from './AuthFrame';

const FIELDS = ['email', 'password', 'displayName'] as const;

/** Create an account (POST /api/v1/auth/register), in the browser's time zone; signed in at once. */
export default function SignUp() {
  const signUp = useSignUp();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const errors = formErrors(signUp.error, FIELDS);

  function submit(e: FormEvent) {
    e.preventDefault();
    const name = displayName.trim();
    signUp.mutate(
      { email: email.trim(), password, timezone: browserTimeZone(), ...(name ? { displayName: name } : {}) },
      { onSuccess: () => navigate(nextPath(location.search), { replace: true }) },
    );
  }

  return (
    <AuthFrame title={t('signUp.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="4">
          {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
          <TextField
            name="displayName"
            label={
              <>
                {t('field.displayName')} <Text as="span" color="fg.muted">{t('field.optional')}</Text>
              </>
            }
            autoComplete="name"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            error={errors.fields.displayName}
          />
          <TextField
            name="email"
            type="email"
            label={t('field.email')}
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.fields.email}
          />
          <TextField
            name="password"
            type="password"
            label={t('field.password')}
            autoComplete="new-password"
            required
            hint={t('signUp.passwordHint')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.fields.password}
          />
          <Button type="submit" loading={signUp.isPending} loadingText={t('signUp.submitting')}>
            {t('signUp.submit')}
          </Button>
          <Text textStyle="sm">
            {t('signUp.haveAccount')}{' '}
            <Link asChild variant="underline">
              <RouterLink to={{ pathname: '/sign-in', search: location.search }}>{t('signUp.toSignIn')}</RouterLink>
            </Link>
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
