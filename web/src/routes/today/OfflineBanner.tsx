import { Box, Button, HStack, Stack, Text } from '@chakra-ui/react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckIcon } from '../../components/icons';
import { t } from '../../i18n/t';
import { formatTime } from '../../lib/dates';
import type { OfflineSync } from '../../offline/useOfflineSync';
import { formatDayMonth } from './format';
import { OfflineIcon } from './icons';

/** The sentence about the offline queue, or undefined when there is nothing to say. */
export function queueText(sync: Pick<OfflineSync, 'online' | 'pending' | 'sending' | 'savedAt'>): string | undefined {
  const count = sync.pending.length;
  if (!sync.online) return count > 0 ? t('offline.pending', { count }) : t('offline.offline');
  if (count > 0) return sync.sending ? t('offline.sending', { count }) : t('offline.waiting', { count });
  return sync.savedAt !== undefined ? t('offline.saved') : undefined;
}

export interface OfflineBannerProps {
  sync: OfflineSync;
  /** When the Today on screen was loaded, if it came from this device's storage while offline. */
  staleSince: number | undefined;
  timezone: string | undefined;
}

/**
 * Where the offline queue stands (a polite live region, present even when empty so that its changes are read out),
 * "Send now" while changes wait online, and every change the server refused, each with Dismiss.
 */
export function OfflineBanner({ sync, staleSince, timezone }: OfflineBannerProps) {
  const text = queueText(sync);
  const offline = !sync.online;
  // "All changes saved" is a quiet line; waiting changes are a box, orange while offline
  const boxed = text !== undefined && (offline || sync.pending.length > 0);
  return (
    <Stack gap="2">
      <Box
        role="status"
        aria-live="polite"
        data-testid="sync-status"
        borderWidth={boxed ? '1px' : undefined}
        borderColor={offline ? 'orange.emphasized' : 'border'}
        bg={boxed ? (offline ? 'orange.subtle' : 'bg.subtle') : undefined}
        rounded="md"
        px={boxed ? '3' : undefined}
        py={boxed ? '2' : undefined}
      >
        {text ? (
          <HStack gap="2" justify="space-between" wrap="wrap">
            <HStack gap="2" color={boxed ? 'fg' : 'fg.muted'}>
              {offline ? <OfflineIcon /> : boxed ? null : <CheckIcon />}
              <Text textStyle="sm" fontWeight={boxed ? 'medium' : undefined}>
                {text}
              </Text>
            </HStack>
            {sync.online && sync.pending.length > 0 && !sync.sending ? (
              <Button size="xs" variant="outline" onClick={() => void sync.sendNow()}>
                {t('offline.sendNow')}
              </Button>
            ) : null}
          </HStack>
        ) : null}
        {offline && staleSince !== undefined ? (
          <Text textStyle="xs" color="fg.muted" mt="1">
            {t('offline.stale', { time: formatTime(new Date(staleSince).toISOString(), timezone) })}
          </Text>
        ) : null}
      </Box>
      {sync.failures.map((f) => (
        <ErrorAlert
          key={f.id}
          action={
            <Button size="xs" variant="ghost" onClick={() => sync.dismiss(f.id)}>
              {t('offline.dismiss')}
            </Button>
          }
        >
          {t('offline.failed', { habit: f.habitName, date: formatDayMonth(f.date), reason: f.message })}
        </ErrorAlert>
      ))}
    </Stack>
  );
}
