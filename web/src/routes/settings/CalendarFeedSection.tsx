import { Box, Button, HStack, Link, List, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { useCalendarFeedUrl, useCreateCalendarFeed, useDeleteCalendarFeed } from '../../api/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n/t';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyField } from './CopyField';
import { Part, Saved, Section } from './Section';

/** The same feed address for calendar apps that open `webcal:` links (Apple Calendar, Outlook). */
function webcal(url: string): string {
  return url.replace(/^https?:/, 'webcal:');
}

/** The secret iCalendar URL of the habits due in the next 14 days: make, copy, reset, turn off; how to subscribe. */
export function CalendarFeedSection() {
  const url = useCalendarFeedUrl();
  const create = useCreateCalendarFeed();
  const remove = useDeleteCalendarFeed();
  const [confirm, setConfirm] = useState<'reset' | 'off'>();
  const [done, setDone] = useState('');

  function make() {
    setDone('');
    create.mutate(undefined, {
      onSuccess: () => {
        setConfirm(undefined);
        setDone(url ? t('settings.feed.resetDone') : t('settings.feed.created'));
      },
    });
  }

  return (
    <Section title={t('settings.nav.calendarFeed')} intro={t('settings.feed.intro')}>
      <Part title={t('settings.feed.urlTitle')}>
        {create.isError && confirm === undefined ? <ErrorAlert>{create.error.message}</ErrorAlert> : null}
        {remove.isError && confirm === undefined ? <ErrorAlert>{remove.error.message}</ErrorAlert> : null}
        {url ? (
          <Stack gap="3">
            <CopyField label={t('settings.feed.url')} value={url} name="feedUrl" hint={t('settings.feed.secretHint')} />
            <HStack gap="2" wrap="wrap">
              <Button asChild variant="outline" size="sm">
                <a href={webcal(url)}>{t('settings.feed.open')}</a>
              </Button>
              <Button variant="outline" size="sm" onClick={() => { create.reset(); setConfirm('reset'); }}>
                {t('settings.feed.reset')}
              </Button>
              <Button variant="outline" size="sm" colorPalette="red" onClick={() => { remove.reset(); setConfirm('off'); }}>
                {t('settings.feed.off')}
              </Button>
            </HStack>
          </Stack>
        ) : (
          <Stack gap="3">
            <Text>{remove.isSuccess ? t('settings.feed.isOff') : t('settings.feed.none')}</Text>
            <HStack gap="2" wrap="wrap">
              <Button onClick={make} loading={create.isPending} loadingText={t('settings.feed.creating')}>
                {t('settings.feed.create')}
              </Button>
              {remove.isSuccess ? null : (
                <Button variant="outline" colorPalette="red" onClick={() => { remove.reset(); setConfirm('off'); }}>
                  {t('settings.feed.off')}
                </Button>
              )}
            </HStack>
          </Stack>
        )}
        <Saved>{done}</Saved>
      </Part>
      <Part title={t('settings.feed.howTitle')}>
        <Stack gap="3">
          <Box>
            <Text fontWeight="medium">{t('settings.feed.google')}</Text>
            <List.Root as="ol" ps="5" gap="1" color="fg.muted">
              <List.Item>{t('settings.feed.google1')}</List.Item>
              <List.Item>
                {t('settings.feed.google2')}{' '}
                <Link href="https://calendar.google.com/calendar/r/settings/addbyurl" target="_blank" rel="noreferrer" color="colorPalette.fg">
                  {t('settings.feed.googleLink')}
                </Link>
              </List.Item>
              <List.Item>{t('settings.feed.google3')}</List.Item>
            </List.Root>
          </Box>
          <Box>
            <Text fontWeight="medium">{t('settings.feed.apple')}</Text>
            <List.Root as="ul" ps="5" gap="1" color="fg.muted">
              <List.Item>{t('settings.feed.appleMac')}</List.Item>
              <List.Item>{t('settings.feed.appleIos')}</List.Item>
            </List.Root>
          </Box>
          <Text fontSize="sm" color="fg.muted">
            {t('settings.feed.refresh')}
          </Text>
        </Stack>
      </Part>
      <ConfirmDialog
        open={confirm === 'reset'}
        title={t('settings.feed.resetTitle')}
        body={t('settings.feed.resetBody')}
        confirmLabel={t('settings.feed.resetConfirm')}
        pendingLabel={t('settings.feed.creating')}
        pending={create.isPending}
        error={create.error?.message}
        onClose={() => setConfirm(undefined)}
        onConfirm={make}
      />
      <ConfirmDialog
        open={confirm === 'off'}
        title={t('settings.feed.offTitle')}
        body={t('settings.feed.offBody')}
        confirmLabel={t('settings.feed.offConfirm')}
        pendingLabel={t('settings.feed.turningOff')}
        pending={remove.isPending}
        error={remove.error?.message}
        onClose={() => setConfirm(undefined)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              setConfirm(undefined);
              setDone(t('settings.feed.offDone'));
            },
          })
        }
      />
    </Section>
  );
}
