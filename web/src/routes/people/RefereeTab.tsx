import { Box, Button, Card, Field, HStack, Heading, Stack, Text, Textarea } from '@chakra-ui/react';
import { useRef, useState, type FormEvent } from 'react';
import { formErrors } from '../../api/errors';
import { useRefereeQueue, useVerdict, type Waiting } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { DayPhotos } from '../detail/DayPhotos';
import { t } from '../../i18n/t';
import { formatDay } from '../../lib/dates';
import { formatInstantDay, formatNumber } from './format';
import { Notice } from './shared';

const MAX_COMMENT = 500;

interface WaitingProps {
  item: Waiting;
  /** The tab's: the day leaves the list once judged, and a mutation's callbacks do not run after its component went. */
  verdict: ReturnType<typeof useVerdict>;
  onDone: (text: string) => void;
}

function WaitingDay({ item, verdict: shared, onDone }: WaitingProps) {
  const [disputing, setDisputing] = useState(false);
  const [comment, setComment] = useState('');
  const disputeButton = useRef<HTMLButtonElement>(null);
  const owner = item.owner?.displayName ?? t('people.someone');
  const habit = item.habit?.name ?? '';
  const date = item.date ?? '';
  const day = date ? formatDay(date) : '';
  const mine = shared.variables?.habitId === item.habit?.id && shared.variables?.date === date;
  // what the shared mutation says about this day only
  const verdict = {
    isPending: mine && shared.isPending,
    error: mine ? shared.error : null,
    variables: mine ? shared.variables : undefined,
    reset: () => (mine ? shared.reset() : undefined),
  };
  const errors = formErrors(verdict.error, ['comment'] as const);
  const params = { name: owner, habit, date: day };

  function send(kind: 'confirm' | 'dispute', text?: string) {
    if (!item.habit?.id || !date) return;
    shared.mutate(
      { habitId: item.habit.id, date, verdict: kind, comment: text?.trim() || undefined },
      { onSuccess: () => onDone(t(kind === 'confirm' ? 'people.referee.confirmed' : 'people.referee.disputed', params)) },
    );
  }

  function submitDispute(e: FormEvent) {
    e.preventDefault();
    send('dispute', comment);
  }

  const pendingKind = verdict.isPending ? verdict.variables?.verdict : undefined;
  return (
    <Card.Root as="li" size="sm" variant="outline">
      <Card.Body>
        <Stack gap="3">
          <Box>
            <Heading as="h2" size="sm">
              {t('people.referee.itemTitle', { name: owner, habit })}
            </Heading>
            <Text>{day}</Text>
            {item.value !== null && item.value !== undefined ? (
              <Text textStyle="sm" color="fg.muted">
                {t('people.referee.value', { value: formatNumber(item.value) })}
              </Text>
            ) : null}
            {item.note ? (
              <Text textStyle="sm" mt="1" fontStyle="italic">
                {t('people.referee.note', { note: item.note })}
              </Text>
            ) : null}
            {item.recordedAt ? (
              <Text textStyle="xs" color="fg.muted" mt="1">
                {t('people.referee.recorded', { date: formatInstantDay(item.recordedAt) })}
              </Text>
            ) : null}
            {/* the proof: the day's photos, which a referee always sees */}
            {item.owner?.userId && item.habit?.id && date ? (
              <DayPhotos habitId={item.habit.id} date={date} editable={false} hasRecord ownerId={item.owner.userId} />
            ) : null}
          </Box>
          {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
          {disputing ? (
            <form onSubmit={submitDispute} noValidate>
              <Stack gap="3">
                <Field.Root invalid={errors.fields.comment !== undefined}>
                  <Field.Label>{t('people.referee.reason', { name: owner })}</Field.Label>
                  <Textarea
                    name="comment"
                    value={comment}
                    maxLength={MAX_COMMENT}
                    autoFocus
                    rows={2}
                    onChange={(e) => setComment(e.target.value)}
                  />
                  {errors.fields.comment ? (
                    <Field.ErrorText>{errors.fields.comment}</Field.ErrorText>
                  ) : (
                    <Field.HelperText>{t('people.referee.reasonHint', { max: MAX_COMMENT })}</Field.HelperText>
                  )}
                </Field.Root>
                <HStack gap="2" wrap="wrap">
                  <Button
                    type="submit"
                    size="sm"
                    colorPalette="red"
                    loading={pendingKind === 'dispute'}
                    loadingText={t('people.referee.disputing')}
                    disabled={shared.isPending}
                    aria-label={t('people.referee.sendDisputeLabel', params)}
                  >
                    {t('people.referee.sendDispute')}
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={shared.isPending}
                    onClick={() => {
                      setDisputing(false);
                      verdict.reset();
                      // back to the button that opened the form
                      requestAnimationFrame(() => disputeButton.current?.focus());
                    }}
                  >
                    {t('people.cancel')}
                  </Button>
                </HStack>
              </Stack>
            </form>
          ) : (
            <HStack gap="2" wrap="wrap">
              <Button
                size="sm"
                colorPalette="green"
                loading={pendingKind === 'confirm'}
                loadingText={t('people.referee.confirming')}
                disabled={shared.isPending}
                aria-label={t('people.referee.confirmLabel', params)}
                onClick={() => send('confirm')}
              >
                {t('people.referee.confirm')}
              </Button>
              <Button
                ref={disputeButton}
                size="sm"
                variant="outline"
                colorPalette="red"
                disabled={shared.isPending}
                aria-label={t('people.referee.disputeLabel', params)}
                onClick={() => {
                  verdict.reset();
                  setDisputing(true);
                }}
              >
                {t('people.referee.dispute')}
              </Button>
            </HStack>
          )}
        </Stack>
      </Card.Body>
    </Card.Root>
  );
}

/** The referee tab: the partners' done days waiting for the user's verdict, to confirm or dispute. */
export function RefereeTab() {
  const queue = useRefereeQueue();
  const verdict = useVerdict();
  const [notice, setNotice] = useState<string | undefined>();

  return (
    <Stack gap="4">
      <Text color="fg.muted">{t('people.referee.text')}</Text>
      {notice ? <Notice>{notice}</Notice> : null}
      {queue.isPending ? (
        <PageSpinner />
      ) : queue.isError ? (
        <ErrorAlert action={<Button size="sm" onClick={() => queue.refetch()}>{t('people.retry')}</Button>}>
          {t('people.referee.loadFailed', { reason: queue.error.message })}
        </ErrorAlert>
      ) : queue.data.length === 0 ? (
        <Text>{t('people.referee.empty')}</Text>
      ) : (
        <Stack as="ul" gap="2" listStyleType="none" m="0" p="0" aria-label={t('people.referee.listLabel')}>
          {queue.data.map((item) => (
            <WaitingDay key={`${item.habit?.id}/${item.date}`} item={item} verdict={verdict} onDone={setNotice} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
