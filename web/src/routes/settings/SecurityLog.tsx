import { Badge, Box, Button, Heading, HStack, Stack, Text } from '@chakra-ui/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useSecurityLog, type SecurityEntry } from '../../api/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/t';
import { deviceName } from './device';
import { formatDateTime } from './format';

/** The kinds of entry the server writes (GET /me/security-log), each with its sentence in the catalogue. */
const KINDS = [
  'account-created',
  'sign-in',
  'sign-in-failed',
  'sign-in-locked',
  'sign-out',
  'session-ended',
  'signed-out-everywhere-else',
  'password-changed',
  'password-confirm-failed',
  'password-reset',
  'reset-link-issued',
  'temporary-password-set',
  'email-changed',
  'token-created',
  'token-revoked',
  'tokens-revoked',
  'role-changed',
] as const;
type Kind = (typeof KINDS)[number];

function isKind(kind: string | undefined): kind is Kind {
  return (KINDS as readonly (string | undefined)[]).includes(kind);
}

/** The entries that are marked: a badge with words, so that colour is not the only sign. */
const MARKS: Partial<Record<Kind, { palette: string; label: MessageKey }>> = {
  'sign-in-failed': { palette: 'red', label: 'settings.security.badge.failed' },
  'password-confirm-failed': { palette: 'red', label: 'settings.security.badge.failed' },
  'sign-in-locked': { palette: 'orange', label: 'settings.security.badge.locked' },
};

/** What happened, in words ("Signed in"); a kind this app does not know yet is "Account activity". */
export function securitySentence(kind: string | undefined): string {
  return isKind(kind) ? t(`settings.security.kind.${kind}`) : t('settings.security.kind.unknown');
}

function EntryRow({ entry, timeZone }: { entry: SecurityEntry; timeZone?: string | undefined }) {
  const mark = isKind(entry.kind) ? MARKS[entry.kind] : undefined;
  const userAgent = entry.userAgent?.trim();
  const facts = [
    entry.at ? (
      <time key="at" dateTime={entry.at}>
        {formatDateTime(entry.at, timeZone)}
      </time>
    ) : null,
    userAgent ? (
      <span key="device" title={userAgent}>
        {deviceName(userAgent)}
      </span>
    ) : null,
    entry.address ? <span key="address">{t('settings.sessions.address', { address: entry.address })}</span> : null,
  ].filter((fact) => fact !== null);
  return (
    // focusable from code: "Show older" moves the focus to the first entry it brought
    <Box as="li" tabIndex={-1} borderBottomWidth="1px" py="3" _last={{ borderBottomWidth: 0 }}>
      <Stack gap="1">
        <HStack justify="space-between" align="start" gap="3" wrap="wrap">
          <Text fontWeight="medium">{securitySentence(entry.kind)}</Text>
          {mark ? (
            <Badge colorPalette={mark.palette} variant="surface">
              {t(mark.label)}
            </Badge>
          ) : null}
        </HStack>
        {facts.length > 0 ? (
          <Text fontSize="sm" color="fg.muted" overflowWrap="anywhere">
            {facts.flatMap((fact, i) => (i === 0 ? [fact] : [' · ', fact]))}
          </Text>
        ) : null}
        {entry.detail ? (
          <Text fontSize="sm" color="fg.muted" overflowWrap="anywhere">
            {entry.detail}
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}

/** The account's recent security events (sign-ins, failed ones, password changes, tokens…), the newest first. */
export function SecurityLog({ timeZone }: { timeZone?: string | undefined }) {
  const log = useSecurityLog();
  const headingId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  /** The index of the first entry of the page being fetched, to move the focus there once it is shown. */
  const [focusFrom, setFocusFrom] = useState<number>();
  const entries = log.data?.pages.flatMap((p) => p?.entries ?? []) ?? [];
  const count = entries.length;

  useEffect(() => {
    if (focusFrom === undefined || count <= focusFrom) return;
    listRef.current?.querySelectorAll<HTMLElement>(':scope > li')[focusFrom]?.focus();
    setFocusFrom(undefined);
  }, [focusFrom, count]);

  function showOlder() {
    setFocusFrom(count);
    void log.fetchNextPage().then((result) => {
      if (result.isFetchNextPageError) setFocusFrom(undefined);
    });
  }

  return (
    <Stack as="section" aria-labelledby={headingId} gap="4" borderWidth="1px" rounded="lg" p={{ base: '3', sm: '5' }} bg="bg">
      <Stack gap="1">
        <Heading as="h3" size="md" id={headingId}>
          {t('settings.security.title')}
        </Heading>
        <Text color="fg.muted" fontSize="sm">
          {t('settings.security.intro')}
        </Text>
      </Stack>
      {log.isPending ? (
        <PageSpinner />
      ) : log.isError && count === 0 ? (
        <ErrorAlert
          action={
            <Button size="sm" onClick={() => log.refetch()} aria-label={t('settings.security.retry')}>
              {t('settings.retry')}
            </Button>
          }
        >
          {t('settings.security.loadFailed', { reason: log.error.message })}
        </ErrorAlert>
      ) : count === 0 ? (
        <Text color="fg.muted">{t('settings.security.empty')}</Text>
      ) : (
        <Box asChild listStyleType="none">
          <ul ref={listRef} aria-labelledby={headingId}>
            {entries.map((entry, i) => (
              <EntryRow key={entry.id ?? i} entry={entry} timeZone={timeZone} />
            ))}
          </ul>
        </Box>
      )}
      {log.isFetchNextPageError ? (
        <ErrorAlert>{t('settings.security.loadMoreFailed', { reason: log.error?.message ?? '' })}</ErrorAlert>
      ) : null}
      {log.hasNextPage && count > 0 ? (
        <Box>
          <Button
            variant="outline"
            onClick={showOlder}
            loading={log.isFetchingNextPage}
            loadingText={t('settings.loadingMore')}
          >
            {t('settings.security.more')}
          </Button>
        </Box>
      ) : null}
    </Stack>
  );
}
