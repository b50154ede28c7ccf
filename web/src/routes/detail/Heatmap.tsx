import { Box, HStack, Heading, Stack, Text } from '@chakra-ui/react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { HeatmapDay } from '../../api/history';
import { t } from '../../i18n/t';
import { addDays, daysBetween, formatLongDate, formatShortMonth, startOfWeek, weekdayName } from './dates';
import { valueWithUnit } from './schedule';
import { CELL_FILL, cellStatus, colorVar, statusLabel, statusWord, type CellStatus } from './status';

/** The weeks the heat map shows: a year, ending with the user's current week. */
export const HEATMAP_WEEKS = 53;

const CELL = 11;
const STEP = 13;
const LEFT = 36;
const TOP = 16;
const WIDTH = LEFT + HEATMAP_WEEKS * STEP;
const HEIGHT = TOP + 7 * STEP;

/** The first and the last day the heat map shows, weeks starting on `weekStart` (0 = Sunday). */
export function heatmapRange(today: string, weekStart: number): { start: string; end: string } {
  const thisWeek = startOfWeek(today, weekStart);
  const start = addDays(thisWeek, -(HEATMAP_WEEKS - 1) * 7);
  return { start, end: addDays(start, HEATMAP_WEEKS * 7 - 1) };
}

interface Cell {
  date: string;
  status: CellStatus;
  label: string;
}

interface HeatmapProps {
  days: Map<string, HeatmapDay> | undefined;
  today: string;
  weekStart: number;
  startDate: string | undefined;
  unit: string | undefined;
  /** A day was chosen (Enter, a click) that may be backfilled. */
  onChoose: (date: string) => void;
}

function cellLabel(date: string, status: CellStatus, value: number | null | undefined, unit: string | undefined, before: boolean) {
  const word = before ? t('detail.day.beforeStart') : statusWord(status);
  const name = formatLongDate(date);
  return value !== null && value !== undefined && status !== 'future'
    ? t('detail.heatmap.cellValue', { date: name, status: word, value: valueWithUnit(value, unit) })
    : t('detail.heatmap.cell', { date: name, status: word });
}

const LEGEND: CellStatus[] = ['not_due', 'pending', 'partial', 'done', 'skipped', 'missed', 'paused'];

/**
 * A year of days as a grid of 53 weeks × 7 days (SVG). The grid is one tab stop: the arrow keys move between days
 * (aria-activedescendant names each), Enter chooses a day to change; a sentence sums the year up.
 */
export function Heatmap({ days, today, weekStart, startDate, unit, onChoose }: HeatmapProps) {
  const { start } = heatmapRange(today, weekStart);
  const [active, setActive] = useState(today);
  const [focused, setFocused] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);

  const cells = useMemo(() => {
    const list: Cell[] = [];
    for (let i = 0; i < HEATMAP_WEEKS * 7; i++) {
      const date = addDays(start, i);
      const day = days?.get(date);
      const status: CellStatus = date > today ? 'future' : cellStatus(day?.status);
      const before = startDate !== undefined && date < startDate && !day?.value && status === 'not_due';
      list.push({ date, status, label: cellLabel(date, status, day?.value, unit, before) });
    }
    return list;
  }, [days, start, today, startDate, unit]);

  const counts = useMemo(() => {
    const c: Partial<Record<CellStatus, number>> = {};
    for (const cell of cells) c[cell.status] = (c[cell.status] ?? 0) + 1;
    return c;
  }, [cells]);

  // the latest weeks are at the right: show them first on a narrow screen
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, []);

  const activeIndex = Math.max(0, Math.min(cells.length - 1, daysBetween(start, active)));
  const activeCell = cells[activeIndex];

  function move(to: number) {
    const index = Math.max(0, Math.min(cells.length - 1, to));
    const cell = cells[index];
    if (!cell) return;
    setActive(cell.date);
    const el = scroller.current;
    if (el && el.scrollWidth > el.clientWidth) {
      const scale = el.scrollWidth / WIDTH;
      const x = (LEFT + Math.floor(index / 7) * STEP) * scale;
      if (x < el.scrollLeft + LEFT * scale) el.scrollLeft = x - LEFT * scale;
      else if (x + STEP * scale > el.scrollLeft + el.clientWidth) el.scrollLeft = x + STEP * scale - el.clientWidth;
    }
  }

  function choosable(date: string) {
    return date <= today && (startDate === undefined || date >= startDate);
  }

  function onKeyDown(e: KeyboardEvent) {
    const steps: Record<string, number> = { ArrowUp: -1, ArrowDown: 1, ArrowLeft: -7, ArrowRight: 7 };
    if (e.key in steps) move(activeIndex + steps[e.key]!);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(daysBetween(start, today));
    else if ((e.key === 'Enter' || e.key === ' ') && activeCell && choosable(activeCell.date)) onChoose(activeCell.date);
    else return;
    e.preventDefault();
  }

  const months: { x: number; label: string }[] = [];
  for (let w = 0; w < HEATMAP_WEEKS; w++) {
    const first = addDays(start, w * 7);
    const previous = addDays(first, -7);
    if (w === 0 || first.slice(5, 7) !== previous.slice(5, 7)) {
      // a label needs three columns: the first month's is left out when the next one begins sooner
      const last = months[months.length - 1];
      if (last && LEFT + w * STEP - last.x < 3 * STEP) months.pop();
      if (w < HEATMAP_WEEKS - 2) months.push({ x: LEFT + w * STEP, label: formatShortMonth(first) });
    }
  }

  const summary = t('detail.heatmap.summary', {
    done: t('detail.heatmap.countDone', { count: counts.done ?? 0 }),
    partial: t('detail.heatmap.countPartial', { count: counts.partial ?? 0 }),
    skipped: t('detail.heatmap.countSkipped', { count: counts.skipped ?? 0 }),
    missed: t('detail.heatmap.countMissed', { count: counts.missed ?? 0 }),
  });

  return (
    <Stack as="section" aria-labelledby="detail-heatmap" gap="3">
      <Heading as="h2" size="lg" id="detail-heatmap">
        {t('detail.heatmap.title')}
      </Heading>
      <Text id="detail-heatmap-summary">{summary}</Text>
      <Box ref={scroller} overflowX="auto" py="1" px="1">
        <svg
          role="grid"
          aria-labelledby="detail-heatmap"
          aria-describedby="detail-heatmap-summary detail-heatmap-help"
          aria-readonly="true"
          aria-activedescendant={activeCell ? `hm-${activeCell.date}` : undefined}
          tabIndex={0}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width="100%"
          style={{ minWidth: 560, display: 'block', borderRadius: 4 }}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
        >
          <g aria-hidden="true" fontSize="10" fill={colorVar('fg.muted')}>
            {months.map((m) => (
              <text key={m.x} x={m.x} y={TOP - 5}>
                {m.label}
              </text>
            ))}
          </g>
          {Array.from({ length: 7 }, (_, row) => (
            <g role="row" key={row}>
              <text
                role="rowheader"
                x={0}
                y={TOP + row * STEP + CELL - 1}
                fontSize="9"
                fill={colorVar('fg.muted')}
                // every other day's name is shown, as the rows are tight; each row is named all the same
                fillOpacity={row % 2 === 0 ? 1 : 0}
              >
                {weekdayName((weekStart + row) % 7, 'short')}
              </text>
              {Array.from({ length: HEATMAP_WEEKS }, (_, week) => {
                const cell = cells[week * 7 + row];
                if (!cell) return null;
                const isActive = focused && cell.date === activeCell?.date;
                return (
                  <rect
                    key={cell.date}
                    id={`hm-${cell.date}`}
                    role="gridcell"
                    aria-label={cell.label}
                    aria-selected={cell.date === activeCell?.date}
                    data-status={cell.status}
                    x={LEFT + week * STEP}
                    y={TOP + row * STEP}
                    width={CELL}
                    height={CELL}
                    rx={2}
                    style={{
                      fill: CELL_FILL[cell.status],
                      stroke: isActive
                        ? colorVar('fg')
                        : cell.date === today
                          ? colorVar('teal.solid')
                          : cell.status === 'future'
                            ? colorVar('border')
                            : 'none',
                      strokeWidth: isActive || cell.date === today ? 2 : 1,
                      cursor: choosable(cell.date) ? 'pointer' : 'default',
                    }}
                    onClick={() => {
                      setActive(cell.date);
                      if (choosable(cell.date)) onChoose(cell.date);
                    }}
                  />
                );
              })}
            </g>
          ))}
        </svg>
      </Box>
      <Text textStyle="sm" aria-hidden="true" minH="5" data-testid="heatmap-active">
        {activeCell ? activeCell.label : null}
      </Text>
      <HStack as="ul" aria-label={t('detail.heatmap.legend')} gap="3" wrap="wrap" listStyleType="none" m="0" p="0">
        {LEGEND.map((status) => (
          <HStack as="li" key={status} gap="1.5" textStyle="xs" color="fg.muted">
            <Box
              as="span"
              aria-hidden="true"
              w="3"
              h="3"
              rounded="sm"
              borderWidth={status === 'not_due' ? '1px' : '0'}
              style={{ background: CELL_FILL[status] }}
            />
            <span>{statusLabel(status)}</span>
          </HStack>
        ))}
      </HStack>
      <Text id="detail-heatmap-help" textStyle="xs" color="fg.muted">
        {t('detail.heatmap.help')}
      </Text>
    </Stack>
  );
}
