import { Button, Field, NativeSelect, Stack } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { useMe } from '../../api/auth';
import { formErrors } from '../../api/errors';
import { useChangePassword, useUpdateProfile, type ProfilePatch } from '../../api/settings';
import type { User } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n/t';
import { AvatarPart } from './AvatarPart';
import { formatHour } from './format';
import { Part, Saved, Section } from './Section';
import { TimeZoneField } from './TimeZoneField';

const PROFILE_FIELDS = ['displayName', 'email', 'currentPassword', 'timezone', 'weekStart', 'dayStartsAt'] as const;
const DAY_STARTS = [0, 1, 2, 3, 4, 5, 6] as const;

/** MON or SUN, whatever case or length the server wrote it in. */
function weekStartCode(value: string | undefined): 'MON' | 'SUN' {
  return value?.toUpperCase().startsWith('SUN') ? 'SUN' : 'MON';
}

function ProfileForm({ me }: { me: User }) {
  const update = useUpdateProfile();
  const [displayName, setDisplayName] = useState(me.displayName ?? '');
  const [email, setEmail] = useState(me.email ?? '');
  const [currentPassword, setCurrentPassword] = useState('');
  const [timezone, setTimezone] = useState(me.timezone ?? 'UTC');
  const [weekStart, setWeekStart] = useState(weekStartCode(me.weekStart));
  const [dayStartsAt, setDayStartsAt] = useState(me.dayStartsAt ?? 0);
  const errors = formErrors(update.error, PROFILE_FIELDS);
  const emailChanged = email.trim().toLowerCase() !== (me.email ?? '').toLowerCase();

  function edited<T>(set: (v: T) => void) {
    return (v: T) => {
      if (update.isSuccess) update.reset();
      set(v);
    };
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const patch: ProfilePatch = { displayName: displayName.trim(), timezone, weekStart, dayStartsAt };
    if (emailChanged) {
      patch.email = email.trim();
      patch.currentPassword = currentPassword;
    }
    update.mutate(patch, { onSuccess: () => setCurrentPassword('') });
  }

  return (
    <Part title={t('settings.profile.title')}>
      <form onSubmit={submit} noValidate aria-label={t('settings.profile.title')}>
        <Stack gap="4">
          {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
          <TextField
            name="displayName"
            label={t('settings.profile.displayName')}
            hint={t('settings.profile.displayNameHint')}
            value={displayName}
            onChange={(e) => edited(setDisplayName)(e.target.value)}
            error={errors.fields.displayName}
            autoComplete="nickname"
            maxLength={100}
            required
          />
          <TextField
            name="email"
            type="email"
            label={t('settings.profile.email')}
            hint={t('settings.profile.emailHint')}
            value={email}
            onChange={(e) => edited(setEmail)(e.target.value)}
            error={errors.fields.email}
            autoComplete="email"
            required
          />
          {emailChanged ? (
            <TextField
              name="currentPassword"
              type="password"
              label={t('settings.profile.currentPassword')}
              hint={t('settings.profile.currentPasswordHint')}
              value={currentPassword}
              onChange={(e) => edited(setCurrentPassword)(e.target.value)}
              error={errors.fields.currentPassword}
              autoComplete="current-password"
              required
            />
          ) : null}
          <TimeZoneField value={timezone} onChange={edited(setTimezone)} error={errors.fields.timezone} />
          <Field.Root invalid={errors.fields.weekStart !== undefined}>
            <Field.Label>{t('settings.profile.weekStart')}</Field.Label>
            <NativeSelect.Root>
              <NativeSelect.Field
                name="weekStart"
                value={weekStart}
                onChange={(e) => edited(setWeekStart)(weekStartCode(e.target.value))}
              >
                <option value="MON">{t('settings.profile.weekStart.MON')}</option>
                <option value="SUN">{t('settings.profile.weekStart.SUN')}</option>
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
            <Field.ErrorText>{errors.fields.weekStart}</Field.ErrorText>
          </Field.Root>
          <Field.Root invalid={errors.fields.dayStartsAt !== undefined}>
            <Field.Label>{t('settings.profile.dayStartsAt')}</Field.Label>
            <NativeSelect.Root>
              <NativeSelect.Field
                name="dayStartsAt"
                value={String(dayStartsAt)}
                onChange={(e) => edited(setDayStartsAt)(Number(e.target.value))}
              >
                {DAY_STARTS.map((h) => (
                  <option key={h} value={h}>
                    {h === 0 ? t('settings.profile.dayStartsAt.midnight') : formatHour(h)}
                  </option>
                ))}
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
            {errors.fields.dayStartsAt ? (
              <Field.ErrorText>{errors.fields.dayStartsAt}</Field.ErrorText>
            ) : (
              <Field.HelperText>
                {dayStartsAt === 0
                  ? t('settings.profile.dayStartsAtHintMidnight')
                  : t('settings.profile.dayStartsAtHint', { time: formatHour(dayStartsAt) })}
              </Field.HelperText>
            )}
          </Field.Root>
          <Stack direction="row" align="center" gap="4" wrap="wrap">
            <Button type="submit" loading={update.isPending} loadingText={t('settings.saving')}>
              {t('settings.profile.save')}
            </Button>
            <Saved>{update.isSuccess ? t('settings.profile.saved') : null}</Saved>
          </Stack>
        </Stack>
      </form>
    </Part>
  );
}

const PASSWORD_FIELDS = ['currentPassword', 'newPassword'] as const;

function PasswordForm({ email }: { email: string }) {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const errors = formErrors(change.error, PASSWORD_FIELDS);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
        },
      },
    );
  }

  function edit(set: (v: string) => void) {
    return (v: string) => {
      if (change.isSuccess) change.reset();
      setMismatch(false);
      set(v);
    };
  }

  return (
    <Part title={t('settings.password.title')} intro={t('settings.password.intro')}>
      <form onSubmit={submit} noValidate aria-label={t('settings.password.title')}>
        <Stack gap="4">
          {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
          {/* for password managers: whose password this is */}
          <input type="text" name="username" autoComplete="username" hidden readOnly value={email} />
          <TextField
            name="currentPassword"
            type="password"
            label={t('settings.password.current')}
            value={current}
            onChange={(e) => edit(setCurrent)(e.target.value)}
            error={errors.fields.currentPassword}
            autoComplete="current-password"
            required
          />
          <TextField
            name="newPassword"
            type="password"
            label={t('settings.password.new')}
            hint={t('settings.password.newHint')}
            value={next}
            onChange={(e) => edit(setNext)(e.target.value)}
            error={errors.fields.newPassword}
            autoComplete="new-password"
            required
          />
          <TextField
            name="repeatPassword"
            type="password"
            label={t('settings.password.repeat')}
            value={repeat}
            onChange={(e) => edit(setRepeat)(e.target.value)}
            error={mismatch ? t('settings.password.mismatch') : undefined}
            autoComplete="new-password"
            required
          />
          <Stack direction="row" align="center" gap="4" wrap="wrap">
            <Button type="submit" loading={change.isPending} loadingText={t('settings.saving')}>
              {t('settings.password.submit')}
            </Button>
            <Saved>{change.isSuccess ? t('settings.password.changed') : null}</Saved>
          </Stack>
        </Stack>
      </form>
    </Part>
  );
}

/** The profile (name, email, time zone, week start, day start) and the password. */
export function ProfileSection() {
  const me = useMe();
  return (
    <Section title={t('settings.nav.profile')} intro={t('settings.profile.intro')}>
      {me.data ? <ProfileForm me={me.data} /> : me.isError ? <ErrorAlert>{me.error.message}</ErrorAlert> : <PageSpinner />}
      <AvatarPart displayName={me.data?.displayName} />
      <PasswordForm email={me.data?.email ?? ''} />
    </Section>
  );
}
