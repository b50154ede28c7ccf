import { Badge, Box, Card, Flex, HStack, Heading, Link, Stack, Text } from '@chakra-ui/react';
import { Link as RouterLink } from 'react-router';
import type { CalendarHabit } from '../../api/history';
import type { Habit } from '../../api/types';
import { t } from '../../i18n/t';
import { formatLongDayDate } from './dates';
import { daySummary } from './daySummary';
import { hasValue, valueWithUnit } from './schedule';
import { STATUS_PALETTE, cellStatus, statusLabel } from './status';
import { StatusDot } from './StatusDot';

interface DayPanelProps {
  date: string;
  today: string;
  items: CalendarHabit[] | undefined;
  habits: Map<string, Habit>;
  loading: boolean;
}

function periodText(item: CalendarHabit): string | undefined {
  const p = item.period;
  if (!p || p.times === undefined || p.times === null) return undefined;
  return t('detail.calendar.period', { done: p.done ?? 0, times: p.times });
}

/** The selected day: each habit with its status and value, and a link to open it. */
export function DayPanel({ date, today, items, habits, loading }: DayPanelProps) {
  const sorted = [...(items ?? [])].sort((a, b) => {
    const due = Number(Boolean(b.due || b.status === 'done')) - Number(Boolean(a.due || a.status === 'done'));
    if (due !== 0) return due;
    return (habits.get(a.habitId ?? '')?.sortOrder ?? 0) - (habits.get(b.habitId ?? '')?.sortOrder ?? 0);
  });
  return (
    <Stack as="section" aria-labelledby="calendar-day" gap="3" borderWidth="1px" rounded="lg" p={{ base: '3', sm: '4' }} bg="bg.subtle">
      <Box>
        <Heading as="h2" size="md" id="calendar-day">
          {formatLongDayDate(date)}
          {date === today ? ` · ${t('detail.calendar.today')}` : ''}
        </Heading>
        <Text color="fg.muted" textStyle="sm" aria-live="polite">
          {loading ? t('detail.loading') : daySummary(items, date, today)}
        </Text>
      </Box>
      {!loading && sorted.length === 0 ? <Text>{t('detail.calendar.noHabits')}</Text> : null}
      {sorted.length > 0 ? (
        <Stack as="ul" gap="2" listStyleType="none" m="0" p="0">
          {sorted.map((item, n) => {
            const habit = habits.get(item.habitId ?? '');
            const status = date > today && item.status === 'pending' ? 'future' : cellStatus(item.status);
            const shown = item.due || item.status === 'done' ? status : 'not_due';
            const period = periodText(item);
            return (
              <Card.Root as="li" key={item.habitId ?? n} size="sm" variant="outline">
                <Card.Body py="2">
                  <Flex gap="3" align="center" wrap="wrap">
                    <StatusDot status={shown} size="3" />
                    <Box flex="1" minW="0">
                      {habit && item.habitId ? (
                        <Link asChild fontWeight="semibold" color="fg" textDecoration="underline">
                          <RouterLink to={`/habits/${encodeURIComponent(item.habitId)}`}>
                            {habit.icon && [...habit.icon].length <= 2 ? `${habit.icon} ` : ''}
                            {habit.name}
                          </RouterLink>
                        </Link>
                      ) : (
                        <Text fontWeight="semibold">{t('detail.calendar.unknownHabit')}</Text>
                      )}
                      <HStack gap="2" wrap="wrap" mt="0.5" textStyle="sm" color="fg.muted">
                        {hasValue(habit) && item.value !== null && item.value !== undefined ? (
                          <span>{valueWithUnit(item.value, habit?.unit)}</span>
                        ) : null}
                        {period ? <span>{period}</span> : null}
                      </HStack>
                    </Box>
                    <Badge colorPalette={STATUS_PALETTE[shown]} variant="subtle">
                      {shown === 'future' ? t('detail.calendar.dueLabel') : statusLabel(shown)}
                    </Badge>
                  </Flex>
                </Card.Body>
              </Card.Root>
            );
          })}
        </Stack>
      ) : null}
    </Stack>
  );
}
