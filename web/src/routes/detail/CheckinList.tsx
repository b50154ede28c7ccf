import { Badge, Box, Button, Card, Flex, HStack, Heading, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { Checkin } from '../../api/history';
import type { Habit } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n/t';
import { formatLongDayDate } from './dates';
import { DayPhotos } from './DayPhotos';
import { hasValue, valueWithUnit } from './schedule';
import { STATUS_PALETTE, cellStatus, statusLabel } from './status';

/** How many check-ins the list shows at first, and how many more each "show more" adds. */
export const PAGE = 10;

interface CheckinListProps {
  habit: Habit;
  records: Checkin[] | undefined;
  error: Error | null;
  onRetry: () => void;
  onEdit: (date: string) => void;
}

/** The habit's day records, newest first, with their notes; a few at a time. */
export function CheckinList({ habit, records, error, onRetry, onEdit }: CheckinListProps) {
  const [shown, setShown] = useState(PAGE);
  const list = records ?? [];
  const visible = list.slice(0, shown);
  const left = list.length - visible.length;
  return (
    <Stack as="section" aria-labelledby="detail-checkins" gap="3">
      <Heading as="h2" size="lg" id="detail-checkins">
        {t('detail.checkins.title')}
      </Heading>
      {error ? (
        <ErrorAlert action={<Button size="sm" onClick={onRetry}>{t('detail.retry')}</Button>}>
          {t('detail.checkins.loadFailed', { reason: error.message })}
        </ErrorAlert>
      ) : records === undefined ? (
        <Text color="fg.muted">{t('detail.loading')}</Text>
      ) : list.length === 0 ? (
        <Text color="fg.muted">{t('detail.checkins.empty')}</Text>
      ) : (
        <>
          <Stack as="ol" gap="2" listStyleType="none" m="0" p="0" aria-label={t('detail.checkins.listLabel')}>
            {visible.map((c) => {
              const status = cellStatus(c.status);
              const date = c.date ?? '';
              return (
                <Card.Root as="li" key={date} size="sm" variant="outline">
                  <Card.Body>
                    <Flex gap="3" align="start" justify="space-between">
                      <Box minW="0">
                        <Text fontWeight="semibold">{formatLongDayDate(date)}</Text>
                        <HStack gap="2" wrap="wrap" mt="1">
                          <Badge colorPalette={STATUS_PALETTE[status]} variant="subtle">
                            {statusLabel(status)}
                          </Badge>
                          {hasValue(habit) && c.value !== null && c.value !== undefined ? (
                            <Text textStyle="sm" color="fg.muted">
                              {valueWithUnit(c.value, habit.unit)}
                            </Text>
                          ) : null}
                          {c.backfilled ? (
                            <Badge variant="outline">{t('detail.checkins.backfilled')}</Badge>
                          ) : null}
                          {c.imported ? (
                            <Badge variant="outline" colorPalette="purple">
                              {t('detail.checkins.imported')}
                            </Badge>
                          ) : null}
                          {c.verification ? (
                            <Badge variant="outline" colorPalette={c.verification === 'disputed' ? 'red' : 'gray'}>
                              {t(`detail.checkins.verification.${c.verification === 'confirmed' ? 'confirmed' : c.verification === 'disputed' ? 'disputed' : 'pending'}`)}
                            </Badge>
                          ) : null}
                        </HStack>
                        {c.note ? (
                          <Text mt="2" whiteSpace="pre-wrap" wordBreak="break-word">
                            {c.note}
                          </Text>
                        ) : null}
                        {c.verificationComment ? (
                          <Text mt="1" textStyle="sm" color="fg.muted">
                            {t('detail.checkins.refereeSaid', { comment: c.verificationComment })}
                          </Text>
                        ) : null}
                        <DayPhotos habitId={habit.id ?? ''} date={date} editable={false} hasRecord />
                      </Box>
                      <Button
                        variant="ghost"
                        size="sm"
                        flexShrink={0}
                        onClick={() => onEdit(date)}
                        aria-label={t('detail.checkins.editLabel', { date: formatLongDayDate(date) })}
                      >
                        {t('detail.checkins.edit')}
                      </Button>
                    </Flex>
                  </Card.Body>
                </Card.Root>
              );
            })}
          </Stack>
          {left > 0 ? (
            <Button variant="outline" alignSelf="start" onClick={() => setShown((n) => n + PAGE)}>
              {t('detail.checkins.more', { count: Math.min(PAGE, left) })}
            </Button>
          ) : null}
          <Text textStyle="xs" color="fg.muted" aria-live="polite">
            {t('detail.checkins.shown', { shown: visible.length, count: list.length })}
          </Text>
        </>
      )}
    </Stack>
  );
}
