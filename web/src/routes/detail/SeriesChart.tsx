import { Box, Button, ButtonGroup, Flex, Heading, Stack, Table, Text, VisuallyHidden } from '@chakra-ui/react';
import { useEffect, useRef, useState } from 'react';
import { useSeries, type Bucket, type Granularity } from '../../api/history';
import type { Habit } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n/t';
import { formatDayMonth, formatLongDate, formatShortMonth } from './dates';
import { hasValue, valueWithUnit } from './schedule';
import { colorVar } from './status';

type Measure = 'rate' | 'value';

/** The width of an element in pixels, kept up to date (a default until it is measured, as in tests). */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = entry?.contentRect.width;
      if (w && w > 0) setWidth(Math.round(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** A round number at or above `max` for the top of an axis (1, 2, 5 × a power of ten). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * power >= max) return m * power;
  return 10 * power;
}

function bucketName(b: Bucket, granularity: Granularity): string {
  const start = b.start ?? '';
  const end = b.end ?? start;
  return granularity === 'month'
    ? t('detail.chart.monthName', { month: formatShortMonth(start), year: start.slice(0, 4) })
    : t('detail.chart.weekName', { from: formatLongDate(start), to: formatLongDate(end) });
}

function Bars({ buckets, granularity, measure, unit }: { buckets: Bucket[]; granularity: Granularity; measure: Measure; unit: string | undefined }) {
  const { ref, width } = useWidth(640);
  const height = 200;
  const left = 52;
  const bottom = 24;
  const top = 10;
  const plotW = Math.max(40, width - left - 4);
  const plotH = height - top - bottom;
  const values = buckets.map((b) => (measure === 'rate' ? (b.rate ?? null) : (b.value ?? 0)));
  const max = measure === 'rate' ? 1 : niceMax(Math.max(0, ...values.map((v) => v ?? 0)));
  const step = plotW / Math.max(1, buckets.length);
  const barW = Math.max(4, Math.min(36, step * 0.7));
  const labelEvery = Math.max(1, Math.ceil(48 / step));
  const ticks = [0, 0.5, 1].map((f) => f * max);
  const tickText = (v: number) => (measure === 'rate' ? t('detail.percent', { value: Math.round(v * 100) }) : t('detail.number', { value: v }));
  return (
    <Box ref={ref} w="100%">
      <svg width={width} height={height} aria-hidden="true" focusable="false" style={{ display: 'block', maxWidth: '100%' }}>
        {ticks.map((v) => {
          const y = top + plotH - (v / max) * plotH;
          return (
            <g key={v}>
              <line x1={left} x2={left + plotW} y1={y} y2={y} style={{ stroke: colorVar('border'), strokeWidth: 1 }} />
              <text x={left - 6} y={y + 4} textAnchor="end" fontSize="11" style={{ fill: colorVar('fg.muted') }}>
                {tickText(v)}
              </text>
            </g>
          );
        })}
        {buckets.map((b, i) => {
          const v = values[i];
          const x = left + i * step + (step - barW) / 2;
          const h = v === null || v === undefined ? 0 : (Math.min(v, max) / max) * plotH;
          const label =
            granularity === 'month' ? formatShortMonth(b.start ?? '') : formatDayMonth(b.start ?? '');
          return (
            <g key={b.start ?? i} data-testid="bar">
              {v === null ? (
                <text x={x + barW / 2} y={top + plotH - 4} textAnchor="middle" fontSize="11" style={{ fill: colorVar('fg.muted') }}>
                  {t('detail.chart.noneDue')}
                </text>
              ) : (
                <rect x={x} y={top + plotH - h} width={barW} height={h} rx={2} style={{ fill: colorVar('teal.solid') }} />
              )}
              {i % labelEvery === 0 ? (
                <text x={x + barW / 2} y={height - 6} textAnchor="middle" fontSize="11" style={{ fill: colorVar('fg.muted') }}>
                  {label}
                </text>
              ) : null}
            </g>
          );
        })}
        <line x1={left} x2={left + plotW} y1={top + plotH} y2={top + plotH} style={{ stroke: colorVar('fg.muted'), strokeWidth: 1 }} />
      </svg>
      <Text textStyle="xs" color="fg.muted" mt="1" aria-hidden="true">
        {measure === 'rate' ? t('detail.chart.axisRate') : t('detail.chart.axisValue', { unit: unit ?? '' }).trim()}
      </Text>
    </Box>
  );
}

/** Completion (or the total value) per week or month as a bar chart, with a table of the values for screen readers. */
export function SeriesChart({ habit }: { habit: Habit }) {
  const [granularity, setGranularity] = useState<Granularity>('week');
  const [measure, setMeasure] = useState<Measure>('rate');
  const series = useSeries(habit.id ?? '', granularity);
  const valued = hasValue(habit) && habit.type !== 'measurement';
  const unit = habit.unit ?? undefined;
  const buckets = series.data ?? [];

  return (
    <Stack as="section" aria-labelledby="detail-chart" gap="3">
      <Flex justify="space-between" align="center" gap="3" wrap="wrap">
        <Heading as="h2" size="lg" id="detail-chart">
          {t('detail.chart.title')}
        </Heading>
        <Flex gap="2" wrap="wrap">
          <ButtonGroup size="sm" variant="outline" attached role="group" aria-label={t('detail.chart.granularity')}>
            {(['week', 'month'] as const).map((g) => (
              <Button
                key={g}
                aria-pressed={granularity === g}
                variant={granularity === g ? 'solid' : 'outline'}
                onClick={() => setGranularity(g)}
              >
                {t(g === 'week' ? 'detail.chart.byWeek' : 'detail.chart.byMonth')}
              </Button>
            ))}
          </ButtonGroup>
          {valued ? (
            <ButtonGroup size="sm" variant="outline" attached role="group" aria-label={t('detail.chart.measure')}>
              {(['rate', 'value'] as const).map((m) => (
                <Button
                  key={m}
                  aria-pressed={measure === m}
                  variant={measure === m ? 'solid' : 'outline'}
                  onClick={() => setMeasure(m)}
                >
                  {t(m === 'rate' ? 'detail.chart.rate' : 'detail.chart.value')}
                </Button>
              ))}
            </ButtonGroup>
          ) : null}
        </Flex>
      </Flex>
      {series.isError ? (
        <ErrorAlert action={<Button size="sm" onClick={() => series.refetch()}>{t('detail.retry')}</Button>}>
          {t('detail.chart.loadFailed', { reason: series.error.message })}
        </ErrorAlert>
      ) : series.isPending ? (
        <Text color="fg.muted">{t('detail.loading')}</Text>
      ) : buckets.length === 0 ? (
        <Text color="fg.muted">{t('detail.chart.empty')}</Text>
      ) : (
        <Box aria-busy={series.isFetching}>
          <Bars buckets={buckets} granularity={granularity} measure={measure} unit={unit} />
          <VisuallyHidden>
            <Table.Root>
              <Table.Caption>
                {t(granularity === 'week' ? 'detail.chart.captionWeek' : 'detail.chart.captionMonth')}
              </Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeader scope="col">
                    {t(granularity === 'week' ? 'detail.chart.week' : 'detail.chart.month')}
                  </Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t('detail.chart.done')}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t('detail.chart.rate')}</Table.ColumnHeader>
                  {valued ? <Table.ColumnHeader scope="col">{t('detail.chart.value')}</Table.ColumnHeader> : null}
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {buckets.map((b, i) => (
                  <Table.Row key={b.start ?? i}>
                    <Table.Cell>{bucketName(b, granularity)}</Table.Cell>
                    <Table.Cell>{t('detail.chart.doneOfDue', { done: b.done ?? 0, due: b.due ?? 0 })}</Table.Cell>
                    <Table.Cell>
                      {b.rate === null || b.rate === undefined
                        ? t('detail.none')
                        : t('detail.percent', { value: Math.round(b.rate * 100) })}
                    </Table.Cell>
                    {valued ? <Table.Cell>{valueWithUnit(b.value ?? 0, unit)}</Table.Cell> : null}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table.Root>
          </VisuallyHidden>
        </Box>
      )}
    </Stack>
  );
}
