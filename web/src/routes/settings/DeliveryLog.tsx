import { Badge, Box, Button, Field, HStack, NativeSelect, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { useDeliveries, useRetryDelivery, type Channel, type Delivery } from '../../api/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/t';
import { eventLabel } from './events';
import { formatDateTime } from './format';

const STATUSES = ['', 'failed', 'pending', 'waiting', 'sent'] as const;
type StatusFilter = (typeof STATUSES)[number];

const STATUS_LABEL: Record<string, MessageKey> = {
  pending: 'settings.deliveries.status.pending',
  sent: 'settings.deliveries.status.sent',
  failed: 'settings.deliveries.status.failed',
  waiting: 'settings.deliveries.status.waiting',
};
const STATUS_PALETTE: Record<string, string> = { sent: 'green', failed: 'red', pending: 'orange', waiting: 'gray' };

function statusLabel(status: string | undefined): string {
  const key = status ? STATUS_LABEL[status] : undefined;
  return key ? t(key) : (status ?? '');
}

function DeliveryRow({ delivery, channelName, timeZone }: { delivery: Delivery; channelName: string; timeZone?: string }) {
  const retry = useRetryDelivery();
  const what = delivery.title || eventLabel(delivery.kind);
  return (
    <Box as="li" borderBottomWidth="1px" py="3" _last={{ borderBottomWidth: 0 }}>
      <Stack gap="1">
        <HStack justify="space-between" align="start" gap="3" wrap="wrap">
          <Stack gap="0" minW="0">
            <Text fontWeight="medium">{what}</Text>
            <Text fontSize="sm" color="fg.muted">
              {t('settings.deliveries.meta', {
                kind: eventLabel(delivery.kind),
                channel: channelName,
                time: delivery.createdAt ? formatDateTime(delivery.createdAt, timeZone) : '',
              })}
            </Text>
          </Stack>
          <Badge colorPalette={STATUS_PALETTE[delivery.status ?? ''] ?? 'gray'} variant="surface">
            {statusLabel(delivery.status)}
          </Badge>
        </HStack>
        <Text fontSize="sm" color="fg.muted">
          {t('settings.deliveries.attempts', { count: delivery.attempts ?? 0 })}
          {delivery.status === 'sent' && delivery.sentAt
            ? ` · ${t('settings.deliveries.sentAt', { time: formatDateTime(delivery.sentAt, timeZone) })}`
            : null}
          {delivery.status === 'pending' && delivery.nextAttemptAt
            ? ` · ${t('settings.deliveries.nextAt', { time: formatDateTime(delivery.nextAttemptAt, timeZone) })}`
            : null}
        </Text>
        {delivery.lastError ? (
          <Text fontSize="sm">{t('settings.deliveries.lastError', { reason: delivery.lastError })}</Text>
        ) : null}
        {delivery.status === 'waiting' ? <Text fontSize="sm">{t('settings.deliveries.waitingText')}</Text> : null}
        {retry.isError ? <ErrorAlert>{t('settings.deliveries.retryFailed', { reason: retry.error.message })}</ErrorAlert> : null}
        {delivery.status === 'failed' && delivery.id ? (
          <Box>
            <Button
              size="sm"
              variant="outline"
              loading={retry.isPending}
              loadingText={t('settings.deliveries.retrying')}
              onClick={() => retry.mutate(delivery.id!)}
              aria-label={t('settings.deliveries.retryNamed', { what, channel: channelName })}
            >
              {t('settings.deliveries.retry')}
            </Button>
          </Box>
        ) : null}
      </Stack>
    </Box>
  );
}

/** The recent deliveries to the user's channels, the newest first, with Retry on the failed ones. */
export function DeliveryLog({ channels, timeZone }: { channels: readonly Channel[]; timeZone?: string | undefined }) {
  const [status, setStatus] = useState<StatusFilter>('');
  const log = useDeliveries(status || undefined);
  const names = new Map(channels.map((c) => [c.id, c.name || c.type || '']));
  const items = log.data?.pages.flatMap((p) => p?.items ?? []) ?? [];

  return (
    <Stack gap="3">
      <Field.Root maxW="16rem">
        <Field.Label>{t('settings.deliveries.filter')}</Field.Label>
        <NativeSelect.Root size="sm">
          <NativeSelect.Field value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === '' ? t('settings.deliveries.filter.all') : statusLabel(s)}
              </option>
            ))}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
      </Field.Root>
      {log.isPending ? (
        <PageSpinner />
      ) : log.isError && items.length === 0 ? (
        <ErrorAlert action={<Button size="sm" onClick={() => log.refetch()}>{t('settings.retry')}</Button>}>
          {t('settings.deliveries.loadFailed', { reason: log.error.message })}
        </ErrorAlert>
      ) : items.length === 0 ? (
        <Text color="fg.muted">{status ? t('settings.deliveries.emptyFiltered') : t('settings.deliveries.empty')}</Text>
      ) : (
        <Box as="ul" listStyleType="none" aria-label={t('settings.deliveries.listLabel')}>
          {items.map((d) => (
            <DeliveryRow
              key={d.id}
              delivery={d}
              channelName={names.get(d.channelId) ?? t('settings.deliveries.deletedChannel')}
              timeZone={timeZone}
            />
          ))}
        </Box>
      )}
      {log.isFetchNextPageError ? (
        <ErrorAlert>{t('settings.deliveries.loadMoreFailed', { reason: log.error?.message ?? '' })}</ErrorAlert>
      ) : null}
      {log.hasNextPage ? (
        <Box>
          <Button
            variant="outline"
            onClick={() => log.fetchNextPage()}
            loading={log.isFetchingNextPage}
            loadingText={t('settings.loadingMore')}
          >
            {t('settings.deliveries.more')}
          </Button>
        </Box>
      ) : null}
    </Stack>
  );
}
