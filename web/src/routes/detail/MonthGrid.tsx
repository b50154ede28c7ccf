import { Box, HStack, Text, VisuallyHidden } from '@chakra-ui/react';
import { memo, useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import type { CalendarHabit } from '../../api/history';
import { t } from '../../i18n/t';
import { addDays, addMonthsToDate, daysBetween, monthRange, startOfWeek, weekdayName } from './dates';
import { countedHabits, dayCellLabel, daySummary } from './daySummary';
import { cellStatus, statusLabel, type CellStatus } from './status';
import { StatusDot } from './StatusDot';

/** The most dots a cell shows; more habits show as "+n". */
const MAX_DOTS = 6;

interface MonthGridProps {
  month: string;
  today: string;
  weekStart: number;
  selected: string;
  /** Each date's habits, undefined while the month is loading. */
  days: Map<string, CalendarHabit[]> | undefined;
  /** A day was chosen; `focus` when by the keyboard, so that the keyboard follows. */
  onSelect: (date: string, focus: boolean) => void;
  /** The day the keyboard should be on after this render, if any. */
  focusDate: string | undefined;
  onFocused: () => void;
  labelledBy: string;
}

/** The weeks of a month as rows of seven dates (null: a day of the month before or after). */
export function monthWeeks(month: string, weekStart: number): (string | null)[][] {
  const { from, to } = monthRange(month);
  const first = startOfWeek(from, weekStart);
  const count = Math.ceil((daysBetween(first, to) + 1) / 7);
  return Array.from({ length: count }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => {
      const date = addDays(first, w * 7 + d);
      return date >= from && date <= to ? date : null;
    }),
  );
}

function Dots({ items }: { items: CalendarHabit[] }) {
  const counted = countedHabits(items);
  const extra = counted.length - MAX_DOTS;
  return (
    <HStack gap="1" wrap="wrap" aria-hidden="true" mt="auto">
      {counted.slice(0, MAX_DOTS).map((i, n) => (
        <StatusDot key={i.habitId ?? n} status={cellStatus(i.status)} />
      ))}
      {extra > 0 ? (
        <Text as="span" textStyle="2xs" color="fg.muted" lineHeight="1">
          {t('detail.calendar.more', { count: extra })}
        </Text>
      ) : null}
    </HStack>
  );
}

const LEGEND: CellStatus[] = ['done', 'partial', 'missed', 'skipped', 'pending', 'paused'];

/** The legend of the calendar's dots. */
export function DotLegend() {
  return (
    <HStack as="ul" aria-label={t('detail.calendar.legend')} gap="3" wrap="wrap" listStyleType="none" m="0" p="0">
      {LEGEND.map((s) => (
        <HStack as="li" key={s} gap="1.5" textStyle="xs" color="fg.muted">
          <StatusDot status={s} size="2.5" />
          <span>{statusLabel(s)}</span>
        </HStack>
      ))}
    </HStack>
  );
}

interface DayCellProps {
  date: string;
  today: string;
  items: CalendarHabit[] | undefined;
  selected: boolean;
  onSelect: (date: string, focus: boolean) => void;
  onKey: (e: KeyboardEvent, date: string) => void;
}

/** One day of the month: its number, its summary (from a tablet's width on) and a dot per habit. */
const DayCell = memo(function DayCell({ date, today, items, selected: isSelected, onSelect, onKey }: DayCellProps) {
  const isToday = date === today;
  return (
    <Box
      role="gridcell"
      data-date={date}
      tabIndex={isSelected ? 0 : -1}
      aria-selected={isSelected}
      aria-current={isToday ? 'date' : undefined}
      onClick={() => onSelect(date, false)}
      onKeyDown={(e) => onKey(e, date)}
      cursor="pointer"
      display="flex"
      flexDirection="column"
      gap="1"
      minH={{ base: '12', sm: '16', md: '20' }}
      p={{ base: '1', sm: '1.5' }}
      rounded="md"
      borderWidth={isSelected ? '2px' : '1px'}
      borderColor={isSelected ? 'teal.solid' : 'border'}
      bg={isSelected ? 'teal.subtle' : date > today ? 'bg' : 'bg.subtle'}
      _hover={{ borderColor: 'teal.solid' }}
      overflow="hidden"
    >
      {/* the name is this sentence; what the cell shows is the same in short, hidden from screen readers */}
      <VisuallyHidden>{dayCellLabel(items, date, today)}</VisuallyHidden>
      <Text
        as="span"
        aria-hidden="true"
        textStyle={{ base: 'xs', sm: 'sm' }}
        fontWeight={isToday ? 'bold' : 'medium'}
        alignSelf="start"
        px={isToday ? '1.5' : '0'}
        rounded="full"
        bg={isToday ? 'teal.solid' : undefined}
        color={isToday ? 'teal.contrast' : undefined}
      >
        {Number(date.slice(8, 10))}
      </Text>
      {/* on a phone the cell shrinks to its dots */}
      <Box aria-hidden="true" display={{ base: 'none', md: 'block' }}>
        <Text as="span" textStyle="xs" color="fg.muted" lineClamp={2}>
          {items ? daySummary(items, date, today) : null}
        </Text>
      </Box>
      {items ? <Dots items={items} /> : null}
    </Box>
  );
});

/**
 * A month as an ARIA grid: one tab stop (roving tabindex on the selected day); the arrow keys move by day and week,
 * Home and End to the week's ends, Page Up and Page Down by month.
 */
export function MonthGrid({ month, today, weekStart, selected, days, onSelect, focusDate, onFocused, labelledBy }: MonthGridProps) {
  const grid = useRef<HTMLDivElement>(null);
  const weeks = monthWeeks(month, weekStart);

  useEffect(() => {
    if (!focusDate) return;
    const cell = grid.current?.querySelector<HTMLElement>(`[data-date="${focusDate}"]`);
    if (cell) {
      cell.focus();
      onFocused();
    }
  }, [focusDate, month, onFocused]);

  const onKeyDown = useCallback((e: KeyboardEvent, date: string) => {
    const week = startOfWeek(date, weekStart);
    let next: string | undefined;
    switch (e.key) {
      case 'ArrowLeft':
        next = addDays(date, -1);
        break;
      case 'ArrowRight':
        next = addDays(date, 1);
        break;
      case 'ArrowUp':
        next = addDays(date, -7);
        break;
      case 'ArrowDown':
        next = addDays(date, 7);
        break;
      case 'Home':
        next = week;
        break;
      case 'End':
        next = addDays(week, 6);
        break;
      case 'PageUp':
        next = addMonthsToDate(date, e.shiftKey ? -12 : -1);
        break;
      case 'PageDown':
        next = addMonthsToDate(date, e.shiftKey ? 12 : 1);
        break;
      case 'Enter':
      case ' ':
        next = date;
        break;
      default:
        return;
    }
    e.preventDefault();
    onSelect(next, true);
  }, [weekStart, onSelect]);

  return (
    <Box role="grid" aria-labelledby={labelledBy} aria-describedby="calendar-help" ref={grid} aria-busy={days === undefined}>
      <Box role="row" display="grid" gridTemplateColumns="repeat(7, minmax(0, 1fr))" gap="1" mb="1">
        {Array.from({ length: 7 }, (_, i) => {
          const index = (weekStart + i) % 7;
          return (
            <Box role="columnheader" key={index} textAlign="center" textStyle="xs" fontWeight="semibold" color="fg.muted">
              <VisuallyHidden>{weekdayName(index)}</VisuallyHidden>
              <Box as="span" display={{ base: 'inline', sm: 'none' }} aria-hidden="true">
                {weekdayName(index, 'narrow')}
              </Box>
              <Box as="span" display={{ base: 'none', sm: 'inline' }} aria-hidden="true">
                {weekdayName(index, 'short')}
              </Box>
            </Box>
          );
        })}
      </Box>
      {weeks.map((week) => (
        <Box role="row" key={week.find(Boolean) ?? ''} display="grid" gridTemplateColumns="repeat(7, minmax(0, 1fr))" gap="1" mb="1">
          {week.map((date, i) => {
            if (!date) return <Box role="gridcell" key={`empty-${i}`} aria-hidden="true" />;
            return (
              <DayCell
                key={date}
                date={date}
                today={today}
                items={days?.get(date)}
                selected={date === selected}
                onSelect={onSelect}
                onKey={onKeyDown}
              />
            );
          })}
        </Box>
      ))}
    </Box>
  );
}
