import {
  Badge,
  Box,
  Button,
  Card,
  Flex,
  HStack,
  Heading,
  IconButton,
  ProgressCircle,
  Stack,
  Text,
} from '@chakra-ui/react';
import { useCallback, useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { toApiError } from '../api/errors';
import { COUNTING_TYPES, newIdempotencyKey, useCheckIn, useIncrement, useToday } from '../api/today';
import type { DayStatus, Today as TodayData, TodayItem } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { CheckIcon, MinusIcon, PlusIcon } from '../components/icons';
import { PageSpinner } from '../components/PageSpinner';
import { t } from '../i18n/t';
import { formatDay, formatTime } from '../lib/dates';

const STATUS_PALETTE: Record<DayStatus, string> = {
  done: 'green',
  partial: 'blue',
  missed: 'red',
  skipped: 'gray',
  paused: 'purple',
  pending: 'orange',
  not_due: 'gray',
};

function statusText(status: string | undefined): string {
  return status && status in STATUS_PALETTE ? t(`status.${status as DayStatus}`) : (status ?? '');
}

function StatusBadge({ status }: { status: string | undefined }) {
  const palette = STATUS_PALETTE[(status ?? 'pending') as DayStatus] ?? 'gray';
  return (
    <Badge colorPalette={palette} variant="subtle">
      {statusText(status)}
    </Badge>
  );
}

/** The day's progress: the share of the habits to do today that are done. */
export function dayProgress(today: TodayData): { done: number; count: number } {
  const items = (today.habits ?? []).filter((i) => i.due || i.status === 'done');
  return { done: items.filter((i) => i.status === 'done').length, count: items.length };
}

function DayRing({ today }: { today: TodayData }) {
  const { done, count } = dayProgress(today);
  const percent = count === 0 ? 0 : Math.round((done / count) * 100);
  const label = count === 0 ? t('today.nothingDue') : t('today.progress', { done, count });
  return (
    <HStack gap="4">
      <ProgressCircle.Root value={percent} size="lg" colorPalette="teal" aria-label={t('today.progressLabel')}>
        <ProgressCircle.Circle>
          <ProgressCircle.Track />
          <ProgressCircle.Range strokeLinecap="round" />
        </ProgressCircle.Circle>
      </ProgressCircle.Root>
      <Text fontWeight="medium" aria-live="polite">
        {label}
      </Text>
    </HStack>
  );
}

interface RowProps {
  item: TodayItem;
  index: number;
  timezone: string | undefined;
  onToggle: (item: TodayItem) => void;
  onDelta: (item: TodayItem, delta: number) => void;
}

function HabitRow({ item, index, timezone, onToggle, onDelta }: RowProps) {
  const habit = item.habit ?? {};
  const name = habit.name ?? '';
  const done = item.status === 'done';
  const unavailable = habit.available === false;
  const value = item.progress?.value ?? 0;
  const target = item.progress?.target ?? habit.target;
  const valueText =
    target === undefined ? t('today.valueNoTarget', { value }) : t('today.value', { value, target });
  const shortcut = index < 9 ? String(index + 1) : undefined;

  let control;
  if (habit.type === 'boolean') {
    control = (
      <Button
        aria-pressed={done}
        aria-keyshortcuts={shortcut}
        variant={done ? 'solid' : 'outline'}
        colorPalette={done ? 'green' : 'teal'}
        disabled={unavailable}
        onClick={() => onToggle(item)}
        minW="11"
        h="11"
        px="3"
        aria-label={name}
        title={t(done ? 'today.uncheck' : 'today.check', { habit: name })}
      >
        <CheckIcon />
      </Button>
    );
  } else if (habit.type && COUNTING_TYPES.has(habit.type)) {
    control = (
      <HStack gap="1">
        <IconButton
          aria-label={t('today.decrement', { habit: name })}
          variant="outline"
          disabled={unavailable || value <= 0}
          onClick={() => onDelta(item, -1)}
          size="lg"
        >
          <MinusIcon />
        </IconButton>
        <IconButton
          aria-label={t('today.increment', { habit: name })}
          aria-keyshortcuts={shortcut}
          disabled={unavailable}
          onClick={() => onDelta(item, 1)}
          size="lg"
        >
          <PlusIcon />
        </IconButton>
      </HStack>
    );
  }

  return (
    <Card.Root as="li" size="sm" variant="outline" data-status={item.status}>
      <Card.Body>
        <Flex gap="3" align="center">
          {shortcut ? (
            <Text as="span" aria-hidden="true" color="fg.muted" fontFamily="mono" w="3" display={{ base: 'none', sm: 'block' }}>
              {shortcut}
            </Text>
          ) : null}
          <Box flex="1" minW="0">
            <Text fontWeight="semibold" truncate>
              {name}
            </Text>
            <HStack gap="2" wrap="wrap" mt="1">
              <StatusBadge status={item.status} />
              {habit.type && COUNTING_TYPES.has(habit.type) ? (
                <Text textStyle="sm" color="fg.muted" data-testid="value">
                  {habit.unit ? t('today.unit', { value: valueText, unit: habit.unit }) : valueText}
                </Text>
              ) : null}
              {item.nextReminderAt ? (
                <Text textStyle="xs" color="fg.muted">
                  {t('today.reminder', { time: formatTime(item.nextReminderAt, timezone) })}
                </Text>
              ) : null}
            </HStack>
            {unavailable ? (
              <Text textStyle="xs" color="fg.muted" mt="1">
                {t('today.notAvailable')}
              </Text>
            ) : !control ? (
              <Text textStyle="xs" color="fg.muted" mt="1">
                {t('today.notEditable')}
              </Text>
            ) : null}
          </Box>
          {control}
        </Flex>
      </Card.Body>
    </Card.Root>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Today: each habit of the day with its status; a tap checks a habit in, +/- counts; keys 1–9 do the same. */
export default function Today() {
  const today = useToday();
  const [failure, setFailure] = useState<string | undefined>();
  const onFailure = useCallback(
    (error: unknown, habit: string) => setFailure(t('today.failed', { habit, reason: toApiError(error).message })),
    [],
  );
  const checkIn = useCheckIn(onFailure);
  const increment = useIncrement(onFailure);
  const date = today.data?.date;

  const onToggle = useCallback(
    (item: TodayItem) => {
      const id = item.habit?.id;
      if (!id || !date) return;
      setFailure(undefined);
      checkIn.mutate({ habitId: id, habitName: item.habit?.name ?? '', date, done: item.status !== 'done' });
    },
    [checkIn, date],
  );

  const onDelta = useCallback(
    (item: TodayItem, delta: number) => {
      const id = item.habit?.id;
      if (!id || !date) return;
      setFailure(undefined);
      increment.mutate({
        habitId: id,
        habitName: item.habit?.name ?? '',
        date,
        delta,
        idempotencyKey: newIdempotencyKey(),
      });
    },
    [increment, date],
  );

  const items = today.data?.habits ?? [];
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target) || !/^[1-9]$/.test(e.key)) return;
      const item = items[Number(e.key) - 1];
      if (!item || item.habit?.available === false) return;
      if (item.habit?.type === 'boolean') onToggle(item);
      else if (item.habit?.type && COUNTING_TYPES.has(item.habit.type)) onDelta(item, 1);
      else return;
      e.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [items, onToggle, onDelta]);

  if (today.isPending) return <PageSpinner />;
  if (today.isError) {
    return (
      <ErrorAlert action={<Button size="sm" onClick={() => today.refetch()}>{t('today.retry')}</Button>}>
        {t('today.loadFailed', { reason: today.error.message })}
      </ErrorAlert>
    );
  }
  const data = today.data;
  return (
    <Stack gap="5">
      <Flex justify="space-between" align="center" gap="4" wrap="wrap">
        <Box>
          <Heading as="h1" size="2xl">
            {t('today.title')}
          </Heading>
          {data.date ? <Text color="fg.muted">{formatDay(data.date)}</Text> : null}
        </Box>
        <DayRing today={data} />
      </Flex>
      {failure ? <ErrorAlert>{failure}</ErrorAlert> : null}
      {items.length === 0 ? (
        <Stack gap="3" align="start">
          <Text>{t('today.empty')}</Text>
          <Button asChild>
            <RouterLink to="/habits">{t('today.addHabit')}</RouterLink>
          </Button>
        </Stack>
      ) : (
        <>
          <Stack as="ol" gap="2" listStyleType="none" m="0" p="0">
            {items.map((item, index) => (
              <HabitRow
                key={item.habit?.id ?? index}
                item={item}
                index={index}
                timezone={data.timezone}
                onToggle={onToggle}
                onDelta={onDelta}
              />
            ))}
          </Stack>
          <Text textStyle="xs" color="fg.muted" display={{ base: 'none', md: 'block' }}>
            {t('today.shortcuts')}
          </Text>
        </>
      )}
    </Stack>
  );
}
