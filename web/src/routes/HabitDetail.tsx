import { Badge, Box, Button, Flex, HStack, Heading, Link, Stack, Text } from '@chakra-ui/react';
import { useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useMe } from '../api/auth';
import { ApiError } from '../api/errors';
import { useCheckins, useHabit, useHabitStats, useHeatmap, type Checkin } from '../api/history';
import { useToday } from '../api/today';
import type { Habit } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageSpinner } from '../components/PageSpinner';
import { t } from '../i18n/t';
import { BackfillForm } from './detail/BackfillForm';
import { CheckinList } from './detail/CheckinList';
import { formatLongDate, weekStartIndex, yearOf } from './detail/dates';
import { Heatmap, heatmapRange } from './detail/Heatmap';
import { scheduleInWords, targetInWords } from './detail/schedule';
import { SeriesChart } from './detail/SeriesChart';
import { StatsPanel } from './detail/StatsPanel';

function NotFound() {
  return (
    <Stack gap="4" align="start">
      <Heading as="h1" size="2xl">
        {t('detail.notFound.title')}
      </Heading>
      <Text>{t('detail.notFound.text')}</Text>
      <Button asChild>
        <RouterLink to="/habits">{t('detail.backToHabits')}</RouterLink>
      </Button>
    </Stack>
  );
}

function Header({ habit }: { habit: Habit }) {
  const target = targetInWords(habit);
  return (
    <Stack gap="2">
      <Link asChild color="fg.muted" textStyle="sm" alignSelf="start">
        <RouterLink to="/habits">{t('detail.backToHabits')}</RouterLink>
      </Link>
      <Flex gap="3" align="start" justify="space-between" wrap="wrap">
        <HStack gap="3" align="center" minW="0">
          <Box
            aria-hidden="true"
            flexShrink={0}
            w="10"
            h="10"
            rounded="full"
            display="flex"
            alignItems="center"
            justifyContent="center"
            fontSize="xl"
            borderWidth="2px"
            borderColor="border"
            data-testid="habit-colour"
            style={habit.color ? { background: habit.color, borderColor: habit.color } : undefined}
          >
            {habit.icon && [...habit.icon].length <= 2 ? habit.icon : null}
          </Box>
          <Heading as="h1" size="2xl" wordBreak="break-word">
            {habit.name}
          </Heading>
        </HStack>
        <Button asChild variant="outline" size="sm">
          <RouterLink to={`/habits?edit=${encodeURIComponent(habit.id ?? '')}`}>
            {t('detail.edit')}
          </RouterLink>
        </Button>
      </Flex>
      <HStack gap="2" wrap="wrap" color="fg.muted">
        <Text data-testid="schedule">{scheduleInWords(habit.schedule)}</Text>
        {target ? <Text>· {target}</Text> : null}
        {habit.startDate ? <Text>· {t('detail.since', { date: formatLongDate(habit.startDate) })}</Text> : null}
        {habit.archived ? <Badge variant="subtle">{t('detail.archived')}</Badge> : null}
        {habit.available === false ? (
          <Badge colorPalette="orange" variant="subtle">
            {t('detail.unavailable')}
          </Badge>
        ) : null}
      </HStack>
      {habit.description ? <Text whiteSpace="pre-wrap">{habit.description}</Text> : null}
    </Stack>
  );
}

function focusBackfill() {
  // after the date is set: bring the form into view and put the keyboard there
  requestAnimationFrame(() => {
    const input = document.querySelector<HTMLElement>('[data-backfill-field="date"]');
    input?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    input?.focus({ preventScroll: true });
  });
}

function Detail({ habit, today, weekStart }: { habit: Habit; today: string; weekStart: number }) {
  const id = habit.id ?? '';
  const stats = useHabitStats(id);
  const { start } = heatmapRange(today, weekStart);
  const years = useMemo(() => {
    const list: number[] = [];
    for (let y = yearOf(start); y <= yearOf(today); y++) list.push(y);
    return list;
  }, [start, today]);
  const heatmap = useHeatmap(id, years, true);
  const checkins = useCheckins(id, habit.startDate && habit.startDate <= today ? habit.startDate : today, today);
  const records = useMemo(() => new Map<string, Checkin>((checkins.data ?? []).map((c) => [c.date ?? '', c])), [checkins.data]);
  const [date, setDate] = useState(today);

  useEffect(() => {
    const before = document.title;
    document.title = t('detail.documentTitle', { habit: habit.name ?? '', app: t('app.name') });
    return () => {
      document.title = before;
    };
  }, [habit.name]);

  function choose(day: string) {
    setDate(day);
    focusBackfill();
  }

  return (
    <Stack gap="8">
      <Header habit={habit} />
      {stats.isError ? (
        <ErrorAlert action={<Button size="sm" onClick={() => stats.refetch()}>{t('detail.retry')}</Button>}>
          {t('detail.stats.loadFailed', { reason: stats.error.message })}
        </ErrorAlert>
      ) : stats.isPending ? (
        <Text color="fg.muted">{t('detail.loading')}</Text>
      ) : (
        <StatsPanel stats={stats.data} habit={habit} />
      )}
      {heatmap.isError ? (
        <ErrorAlert action={<Button size="sm" onClick={() => heatmap.refetch()}>{t('detail.retry')}</Button>}>
          {t('detail.heatmap.loadFailed', { reason: heatmap.error.message })}
        </ErrorAlert>
      ) : heatmap.isPending ? (
        <Text color="fg.muted">{t('detail.loading')}</Text>
      ) : (
        <Heatmap
          days={heatmap.data}
          today={today}
          weekStart={weekStart}
          startDate={habit.startDate}
          unit={habit.unit ?? undefined}
          onChoose={choose}
        />
      )}
      <SeriesChart habit={habit} />
      <BackfillForm habit={habit} today={today} date={date} onDateChange={setDate} records={records} />
      <CheckinList
        habit={habit}
        records={checkins.data}
        error={checkins.error}
        onRetry={() => checkins.refetch()}
        onEdit={choose}
      />
    </Stack>
  );
}

/** One habit: its streaks and strength, a year's heat map, charts by week and month, its check-ins and backfilling. */
export default function HabitDetail() {
  const { id = '' } = useParams();
  const habit = useHabit(id);
  const today = useToday();
  const me = useMe();

  if (habit.isError) {
    if (habit.error instanceof ApiError && habit.error.status === 404) return <NotFound />;
    return (
      <ErrorAlert action={<Button size="sm" onClick={() => habit.refetch()}>{t('detail.retry')}</Button>}>
        {t('detail.loadFailed', { reason: habit.error.message })}
      </ErrorAlert>
    );
  }
  if (today.isError) {
    return (
      <ErrorAlert action={<Button size="sm" onClick={() => today.refetch()}>{t('detail.retry')}</Button>}>
        {t('detail.loadFailed', { reason: today.error.message })}
      </ErrorAlert>
    );
  }
  if (habit.isPending || today.isPending || !today.data.date) return <PageSpinner />;
  return <Detail habit={habit.data} today={today.data.date} weekStart={weekStartIndex(me.data?.weekStart)} />;
}
