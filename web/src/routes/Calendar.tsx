import { Button, Flex, Heading, HStack, IconButton, Stack, Text } from '@chakra-ui/react';
import { Busy } from '../components/Busy';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../api/auth';
import { useHabits } from '../api/habits';
import { useCalendar, type CalendarHabit } from '../api/history';
import { useToday } from '../api/today';
import type { Habit } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageSpinner } from '../components/PageSpinner';
import { t } from '../i18n/t';
import { addMonths, formatMonth, monthOf, monthRange, weekStartIndex } from './detail/dates';
import { DayPanel } from './detail/DayPanel';
import { DotLegend, MonthGrid } from './detail/MonthGrid';

const Chevron = ({ back }: { back?: boolean }) => (
  <svg viewBox="0 0 24 24" width="1.25em" height="1.25em" fill="none" stroke="currentColor" strokeWidth={2.25} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
    <path d={back ? 'M15 5l-7 7 7 7' : 'M9 5l7 7-7 7'} />
  </svg>
);

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function CalendarView({ today, weekStart }: { today: string; weekStart: number }) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month = asked && MONTH.test(asked) ? asked : monthOf(today);
  const { from, to } = monthRange(month);
  const calendar = useCalendar(from, to);
  const habits = useHabits();
  const [chosen, setChosen] = useState<string | undefined>();
  const [focusDate, setFocusDate] = useState<string | undefined>();
  const onFocused = useCallback(() => setFocusDate(undefined), []);

  // the chosen day when it is in this month; else today, or the month's first day
  const selected = chosen && monthOf(chosen) === month ? chosen : monthOf(today) === month ? today : from;

  const fresh = calendar.data && calendar.data.from === from && !calendar.isPlaceholderData ? calendar.data : undefined;
  const days = useMemo(() => {
    if (!fresh) return undefined;
    const map = new Map<string, CalendarHabit[]>();
    for (const d of fresh.days ?? []) if (d.date) map.set(d.date, d.habits ?? []);
    return map;
  }, [fresh]);
  const byId = useMemo(() => new Map<string, Habit>((habits.data ?? []).map((h) => [h.id ?? '', h])), [habits.data]);

  const goTo = useCallback(
    (m: string) => {
      setChosen(undefined);
      setParams(m === monthOf(today) ? {} : { month: m }, { replace: true });
    },
    [setParams, today],
  );

  const onSelect = useCallback(
    (date: string, focus: boolean) => {
      const m = monthOf(date);
      if (m !== month) setParams(m === monthOf(today) ? {} : { month: m }, { replace: true });
      setChosen(date);
      if (focus) setFocusDate(date);
    },
    [month, setParams, today],
  );

  const label = formatMonth(month);
  return (
    <Stack gap="4">
      <Heading as="h1" size="2xl">
        {t('detail.calendar.title')}
      </Heading>
      <Flex justify="space-between" align="center" gap="2" wrap="wrap">
        <HStack gap="2">
          <Heading as="h2" size="lg" id="calendar-month" aria-live="polite">
            {label}
          </Heading>
          {calendar.isFetching ? <Busy label={t('detail.loading')} /> : null}
        </HStack>
        <HStack gap="1">
          <IconButton variant="outline" size="sm" aria-label={t('detail.calendar.previous')} title={t('detail.calendar.previous')} onClick={() => goTo(addMonths(month, -1))}>
            <Chevron back />
          </IconButton>
          <Button variant="outline" size="sm" onClick={() => goTo(monthOf(today))} disabled={month === monthOf(today)}>
            {t('detail.calendar.thisMonth')}
          </Button>
          <IconButton variant="outline" size="sm" aria-label={t('detail.calendar.next')} title={t('detail.calendar.next')} onClick={() => goTo(addMonths(month, 1))}>
            <Chevron />
          </IconButton>
        </HStack>
      </Flex>
      {calendar.isError ? (
        <ErrorAlert action={<Button size="sm" onClick={() => calendar.refetch()}>{t('detail.retry')}</Button>}>
          {t('detail.calendar.loadFailed', { reason: calendar.error.message })}
        </ErrorAlert>
      ) : null}
      {habits.isError ? <ErrorAlert>{t('detail.calendar.habitsFailed', { reason: habits.error.message })}</ErrorAlert> : null}
      <MonthGrid
        month={month}
        today={today}
        weekStart={weekStart}
        selected={selected}
        days={days}
        onSelect={onSelect}
        focusDate={focusDate}
        onFocused={onFocused}
        labelledBy="calendar-month"
      />
      <DotLegend />
      <Text id="calendar-help" textStyle="xs" color="fg.muted">
        {t('detail.calendar.help')}
      </Text>
      <DayPanel date={selected} today={today} items={days?.get(selected)} habits={byId} loading={!days && !calendar.isError} />
    </Stack>
  );
}

/** All the habits over a month: each day's status per habit, and the selected day's habits in a panel. */
export default function Calendar() {
  const today = useToday();
  const me = useMe();
  if (today.isError) {
    return (
      <ErrorAlert action={<Button size="sm" onClick={() => today.refetch()}>{t('detail.retry')}</Button>}>
        {t('detail.calendar.loadFailed', { reason: today.error.message })}
      </ErrorAlert>
    );
  }
  if (today.isPending || !today.data.date) return <PageSpinner />;
  return <CalendarView today={today.data.date} weekStart={weekStartIndex(me.data?.weekStart)} />;
}
