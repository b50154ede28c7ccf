import { Box, Heading, HStack, ProgressCircle, SimpleGrid, Stack, Text } from '@chakra-ui/react';
import type { Stats } from '../../api/history';
import type { Habit } from '../../api/types';
import { t } from '../../i18n/t';
import { dayCodeName, formatLongDate } from './dates';
import { hasValue, valueWithUnit } from './schedule';

/** A rate 0…1 as a whole percentage, or a dash when nothing was due. */
function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? t('detail.none') : t('detail.percent', { value: Math.round(rate * 100) });
}

function streakText(count: number, unit: string | null | undefined): string {
  if (unit === 'weeks') return t('detail.streak.weeks', { count });
  if (unit === 'months') return t('detail.streak.months', { count });
  return t('detail.streak.days', { count });
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string | undefined }) {
  return (
    <Box as="div" borderWidth="1px" rounded="lg" p="3" bg="bg.subtle">
      <Text as="dt" textStyle="sm" color="fg.muted">
        {label}
      </Text>
      <Text as="dd" textStyle="xl" fontWeight="semibold" m="0">
        {value}
      </Text>
      {hint ? (
        <Text as="dd" textStyle="xs" color="fg.muted" m="0">
          {hint}
        </Text>
      ) : null}
    </Box>
  );
}

/** The habit's streaks, strength, totals and completion rates. */
export function StatsPanel({ stats, habit }: { stats: Stats; habit: Habit }) {
  const streak = stats.streak ?? {};
  const strength = Math.round(Math.max(0, Math.min(1, stats.strength ?? 0)) * 100);
  const completion = stats.completion ?? {};
  const totals = stats.totals ?? {};
  const current = streak.current ?? 0;
  const goal = stats.goal;
  return (
    <Stack as="section" aria-labelledby="detail-stats" gap="4">
      <Heading as="h2" size="lg" id="detail-stats">
        {t('detail.stats.title')}
      </Heading>
      <HStack gap="4" align="center">
        <ProgressCircle.Root value={strength} size="lg" colorPalette="teal" aria-label={t('detail.stats.strength')}>
          <ProgressCircle.Circle>
            <ProgressCircle.Track />
            <ProgressCircle.Range strokeLinecap="round" />
          </ProgressCircle.Circle>
        </ProgressCircle.Root>
        <Box>
          <Text fontWeight="semibold" data-testid="strength">
            {t('detail.stats.strengthValue', { value: strength })}
          </Text>
          <Text textStyle="sm" color="fg.muted">
            {t('detail.stats.strengthHint')}
          </Text>
        </Box>
      </HStack>
      <SimpleGrid as="dl" columns={{ base: 2, md: 4 }} gap="2" m="0">
        <Figure
          label={t('detail.stats.current')}
          value={streakText(current, streak.unit)}
          hint={current > 0 && streak.currentStart ? t('detail.stats.since', { date: formatLongDate(streak.currentStart) }) : undefined}
        />
        <Figure
          label={t('detail.stats.longest')}
          value={streakText(streak.longest ?? 0, streak.unit)}
          hint={
            streak.longestStart && streak.longestEnd
              ? t('detail.stats.range', { from: formatLongDate(streak.longestStart), to: formatLongDate(streak.longestEnd) })
              : undefined
          }
        />
        <Figure label={t('detail.stats.doneDays')} value={t('detail.stats.days', { count: totals.doneDays ?? 0 })} />
        {hasValue(habit) && habit.type !== 'measurement' ? (
          <Figure label={t('detail.stats.total')} value={valueWithUnit(totals.value ?? 0, habit.unit)} />
        ) : (
          <Figure
            label={t('detail.stats.bestWeekday')}
            value={stats.bestWeekday ? dayCodeName(stats.bestWeekday) : t('detail.none')}
          />
        )}
        <Figure label={t('detail.stats.last7')} value={percent(completion.last7)} />
        <Figure label={t('detail.stats.last30')} value={percent(completion.last30)} />
        <Figure label={t('detail.stats.last365')} value={percent(completion.last365)} />
        <Figure label={t('detail.stats.allTime')} value={percent(completion.allTime)} />
      </SimpleGrid>
      {hasValue(habit) && habit.type !== 'measurement' && stats.bestWeekday ? (
        <Text textStyle="sm" color="fg.muted">
          {t('detail.stats.bestWeekdayLine', { day: dayCodeName(stats.bestWeekday) })}
        </Text>
      ) : null}
      {goal && goal.value !== undefined && goal.value !== null && goal.by ? (
        <Box borderWidth="1px" rounded="lg" p="3">
          <Text fontWeight="semibold">
            {t('detail.goal.line', {
              direction: t(goal.direction === 'up' ? 'detail.goal.up' : 'detail.goal.down'),
              value: valueWithUnit(goal.value, habit.unit),
              date: formatLongDate(goal.by),
            })}
          </Text>
          {goal.latest?.value !== undefined && goal.latest?.value !== null && goal.expectedToday !== undefined && goal.expectedToday !== null ? (
            <Text textStyle="sm" color={goal.onTrack ? 'fg.success' : 'fg.error'}>
              {t(goal.onTrack ? 'detail.goal.onTrack' : 'detail.goal.behind', {
                latest: valueWithUnit(goal.latest.value, habit.unit),
                expected: valueWithUnit(goal.expectedToday, habit.unit),
              })}
            </Text>
          ) : (
            <Text textStyle="sm" color="fg.muted">
              {t('detail.goal.noValue')}
            </Text>
          )}
        </Box>
      ) : null}
    </Stack>
  );
}
