import { Button, Field, Input, Stack, Switch, Text } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { useMe } from '../../api/auth';
import { formErrors } from '../../api/errors';
import { useChannels, useUpdateProfile } from '../../api/settings';
import type { User } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { t } from '../../i18n/t';
import { Channels } from './Channels';
import { DeliveryLog } from './DeliveryLog';
import { Part, Saved, Section } from './Section';

const ALERT_FIELDS = ['notify.partnerMissed', 'notify.streakAtRisk', 'notify'] as const;

function AlertsForm({ me }: { me: User }) {
  const update = useUpdateProfile();
  const [partnerMissed, setPartnerMissed] = useState(me.notify?.partnerMissed === true);
  const [atRisk, setAtRisk] = useState(typeof me.notify?.streakAtRisk === 'string');
  const [time, setTime] = useState(me.notify?.streakAtRisk ?? '20:30');
  const errors = formErrors(update.error, ALERT_FIELDS);

  function edited() {
    if (update.isSuccess) update.reset();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    update.mutate({ notify: { partnerMissed, streakAtRisk: atRisk ? time : null } });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('settings.alerts.title')}>
      <Stack gap="4">
        {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
        {errors.fields.notify ? <ErrorAlert>{errors.fields.notify}</ErrorAlert> : null}
        <Field.Root invalid={errors.fields['notify.partnerMissed'] !== undefined}>
          <Switch.Root
            checked={partnerMissed}
            onCheckedChange={(e) => {
              edited();
              setPartnerMissed(e.checked);
            }}
            name="partnerMissed"
          >
            <Switch.HiddenInput />
            <Switch.Control />
            <Switch.Label>{t('settings.alerts.partnerMissed')}</Switch.Label>
          </Switch.Root>
          <Field.HelperText>{t('settings.alerts.partnerMissedHint')}</Field.HelperText>
          <Field.ErrorText>{errors.fields['notify.partnerMissed']}</Field.ErrorText>
        </Field.Root>
        <Stack gap="2">
          <Field.Root>
            <Switch.Root
              checked={atRisk}
              onCheckedChange={(e) => {
                edited();
                setAtRisk(e.checked);
              }}
              name="streakAtRisk"
            >
              <Switch.HiddenInput />
              <Switch.Control />
              <Switch.Label>{t('settings.alerts.streakAtRisk')}</Switch.Label>
            </Switch.Root>
            <Field.HelperText>{t('settings.alerts.streakAtRiskHint')}</Field.HelperText>
          </Field.Root>
          {atRisk ? (
            <Field.Root invalid={errors.fields['notify.streakAtRisk'] !== undefined} w="auto" ps={{ base: '0', sm: '12' }}>
              <Field.Label>{t('settings.alerts.streakAtRiskTime')}</Field.Label>
              <Input
                type="time"
                name="streakAtRiskTime"
                value={time}
                onChange={(e) => {
                  edited();
                  setTime(e.target.value);
                }}
                w="9rem"
              />
              <Field.ErrorText>{errors.fields['notify.streakAtRisk']}</Field.ErrorText>
            </Field.Root>
          ) : null}
        </Stack>
        <Stack direction="row" align="center" gap="4" wrap="wrap">
          <Button type="submit" loading={update.isPending} loadingText={t('settings.saving')}>
            {t('settings.alerts.save')}
          </Button>
          <Saved>{update.isSuccess ? t('settings.alerts.saved') : null}</Saved>
        </Stack>
      </Stack>
    </form>
  );
}

/** The alerts the user opted in to, the channels messages go to, and what became of the recent messages. */
export function NotificationsSection() {
  const me = useMe();
  const channels = useChannels();
  const timeZone = me.data?.timezone;
  return (
    <Section title={t('settings.nav.notifications')} intro={t('settings.notifications.intro')}>
      <Part title={t('settings.alerts.title')} intro={t('settings.alerts.intro')}>
        {me.data ? <AlertsForm me={me.data} /> : me.isError ? <ErrorAlert>{me.error.message}</ErrorAlert> : <PageSpinner />}
      </Part>
      <Part title={t('settings.channels.title')} intro={t('settings.channels.intro')}>
        <Channels timeZone={timeZone} />
      </Part>
      <Part title={t('settings.deliveries.title')} intro={t('settings.deliveries.intro')}>
        <DeliveryLog channels={channels.data ?? []} timeZone={timeZone} />
        <Text fontSize="sm" color="fg.muted">
          {t('settings.deliveries.kept')}
        </Text>
      </Part>
    </Section>
  );
}
