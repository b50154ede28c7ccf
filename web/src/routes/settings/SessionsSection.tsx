import { Badge, Box, Button, HStack, Stack, Text } from '@chakra-ui/react';
import { useRef, useState } from 'react';
import { useMe } from '../../api/auth';
import { useEndOtherSessions, useEndSession, useSessions, type Session } from '../../api/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { t } from '../../i18n/t';
import { ConfirmDialog } from './ConfirmDialog';
import { deviceName } from './device';
import { formatDateTime, formatInstantDay } from './format';
import { Part, Saved, Section } from './Section';
import { SecurityLog } from './SecurityLog';

function SessionRow({
  session,
  timeZone,
  ending,
  onEnd,
}: {
  session: Session;
  timeZone?: string | undefined;
  ending: boolean;
  onEnd: (session: Session) => void;
}) {
  const device = deviceName(session.userAgent);
  const facts = [
    session.current
      ? t('settings.sessions.activeNow')
      : session.lastUsedAt
        ? t('settings.sessions.lastActive', { time: formatDateTime(session.lastUsedAt, timeZone) })
        : undefined,
    session.createdAt ? t('settings.sessions.signedIn', { date: formatInstantDay(session.createdAt, timeZone) }) : undefined,
    session.address ? t('settings.sessions.address', { address: session.address }) : undefined,
  ].filter((fact) => fact !== undefined);
  return (
    <Box as="li" borderWidth="1px" rounded="md" p={{ base: '3', sm: '4' }}>
      <Stack gap="2">
        <HStack justify="space-between" align="start" gap="3" wrap="wrap">
          <Text fontWeight="semibold" overflowWrap="anywhere" title={session.userAgent ?? undefined}>
            {device}
          </Text>
          <HStack gap="1">
            {session.kind === 'password-change' ? (
              <Badge colorPalette="orange" variant="surface">
                {t('settings.sessions.passwordChange')}
              </Badge>
            ) : null}
            {session.current ? (
              <Badge colorPalette="green" variant="surface">
                {t('settings.sessions.current')}
              </Badge>
            ) : null}
          </HStack>
        </HStack>
        {facts.length > 0 ? (
          <Text fontSize="sm" color="fg.muted" overflowWrap="anywhere">
            {facts.join(' · ')}
          </Text>
        ) : null}
        {session.current ? null : (
          <Box>
            <Button
              size="sm"
              variant="outline"
              colorPalette="red"
              onClick={() => onEnd(session)}
              loading={ending}
              loadingText={t('settings.sessions.signingOut')}
              aria-label={t('settings.sessions.signOutNamed', { device })}
            >
              {t('settings.sessions.signOut')}
            </Button>
          </Box>
        )}
      </Stack>
    </Box>
  );
}

/**
 * The browsers and apps signed in to the account: each other one can be signed out, or all of them at once. Below
 * them, the account's recent security activity.
 */
export function SessionsSection() {
  const sessions = useSessions();
  const end = useEndSession();
  const endOthers = useEndOtherSessions();
  const timeZone = useMe().data?.timezone;
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState<{ device: string; reason: string }>();
  const [done, setDone] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const othersRef = useRef<HTMLButtonElement>(null);
  const list = sessions.data ?? [];
  const others = list.some((s) => !s.current);

  function endOne(session: Session) {
    if (!session.id) return;
    const device = deviceName(session.userAgent);
    setDone('');
    setFailed(undefined);
    end.mutate(session.id, {
      onSuccess: () => {
        setDone(t('settings.sessions.signedOut', { device }));
        listRef.current?.focus();
      },
      onError: (e) => setFailed({ device, reason: e.message }),
    });
  }

  return (
    <Section title={t('settings.nav.sessions')} intro={t('settings.sessions.intro')}>
      <Part title={t('settings.sessions.listTitle')}>
        {sessions.isPending ? (
          <PageSpinner />
        ) : sessions.isError ? (
          <ErrorAlert action={<Button size="sm" onClick={() => sessions.refetch()}>{t('settings.retry')}</Button>}>
            {t('settings.sessions.loadFailed', { reason: sessions.error.message })}
          </ErrorAlert>
        ) : (
          <Stack gap="4">
            {failed ? <ErrorAlert>{t('settings.sessions.signOutFailed', failed)}</ErrorAlert> : null}
            <Stack asChild listStyleType="none" gap="3" outline="none">
              {/* focusable from code: the focus goes here when the button it was on is gone */}
              <ul ref={listRef} tabIndex={-1} aria-label={t('settings.sessions.listTitle')}>
                {list.map((s) => (
                  <SessionRow
                    key={s.id}
                    session={s}
                    timeZone={timeZone}
                    ending={end.isPending && end.variables === s.id}
                    onEnd={endOne}
                  />
                ))}
              </ul>
            </Stack>
            {others ? (
              <Box>
                <Button
                  ref={othersRef}
                  variant="outline"
                  colorPalette="red"
                  onClick={() => {
                    endOthers.reset();
                    setDone('');
                    setFailed(undefined);
                    setConfirming(true);
                  }}
                >
                  {t('settings.sessions.others')}
                </Button>
              </Box>
            ) : null}
          </Stack>
        )}
        <Saved>{done}</Saved>
      </Part>
      <SecurityLog timeZone={timeZone} />
      <ConfirmDialog
        open={confirming}
        title={t('settings.sessions.othersTitle')}
        body={t('settings.sessions.othersBody')}
        confirmLabel={t('settings.sessions.othersConfirm')}
        pendingLabel={t('settings.sessions.signingOut')}
        pending={endOthers.isPending}
        error={endOthers.error?.message}
        onClose={() => setConfirming(false)}
        // once done, the button is gone with the other sessions
        finalFocus={() => (endOthers.isSuccess ? listRef.current : othersRef.current)}
        onConfirm={() =>
          endOthers.mutate(undefined, {
            onSuccess: (answer) => {
              setDone(t('settings.sessions.othersDone', { count: answer?.ended ?? 0 }));
              setConfirming(false);
            },
          })
        }
      />
    </Section>
  );
}
