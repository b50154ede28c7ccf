import { Text } from '@chakra-ui/react';
import { useDelivery } from '../../api/settings';
import { t } from '../../i18n/t';
import { formatDateTime } from './format';

/** How long a first attempt may take before the test is said to be queued. */
const QUEUED_AFTER_MS = 20_000;

/** What became of a test message, in words, followed until its first attempt has an outcome. */
export function TestResult({ deliveryId, timeZone }: { deliveryId: string; timeZone?: string | undefined }) {
  const delivery = useDelivery(deliveryId);
  let text: string;
  let tone: 'muted' | 'success' | 'error' = 'muted';
  const d = delivery.data;
  if (delivery.isError) {
    text = t('settings.test.checkFailed', { reason: delivery.error.message });
    tone = 'error';
  } else if (!d) {
    text = t('settings.test.sending');
  } else if (d.status === 'sent') {
    text = d.sentAt ? t('settings.test.sentAt', { time: formatDateTime(d.sentAt, timeZone) }) : t('settings.test.sent');
    tone = 'success';
  } else if (d.status === 'failed') {
    text = t('settings.test.failed', { reason: d.lastError || t('settings.deliveries.noReason') });
    tone = 'error';
  } else if (d.status === 'waiting') {
    text = t('settings.test.waiting');
  } else if ((d.attempts ?? 0) > 0) {
    text = t('settings.test.retrying', {
      reason: d.lastError || t('settings.deliveries.noReason'),
      time: d.nextAttemptAt ? formatDateTime(d.nextAttemptAt, timeZone) : t('settings.deliveries.soon'),
    });
    tone = 'error';
  } else if (d.createdAt && Date.now() - new Date(d.createdAt).getTime() > QUEUED_AFTER_MS && !delivery.isFetching) {
    text = t('settings.test.queued');
  } else {
    text = t('settings.test.sending');
  }
  return (
    <Text
      role="status"
      aria-live="polite"
      fontSize="sm"
      fontWeight="medium"
      color={tone === 'success' ? 'fg.success' : tone === 'error' ? 'fg.error' : 'fg.muted'}
    >
      {text}
    </Text>
  );
}
