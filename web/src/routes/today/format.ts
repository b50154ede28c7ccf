import type { TodayItem } from '../../api/types';
import { locale, t } from '../../i18n/t';

const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "2 Dec" (or "Dec 2") in the user's locale: a calendar date, not shifted by the browser's time zone. */
export function formatDayMonth(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : dayMonth.format(d);
}

type Span = 'Week' | 'Month' | 'Other';

function span(item: TodayItem): Span {
  const kind = item.habit?.schedule?.kind;
  if (kind === 'times_per_week') return 'Week';
  if (kind === 'times_per_month') return 'Month';
  const { start, end } = item.period ?? {};
  if (!start || !end) return 'Other';
  const days = (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
  return days === 7 ? 'Week' : days >= 28 && days <= 31 ? 'Month' : 'Other';
}

/**
 * A per-week or per-month habit's period in words: "2 of 3 this week" and "1 still due this week", or "Met for
 * this week"; undefined for a habit judged day by day.
 */
export function periodText(item: TodayItem): { progress: string; due: string } | undefined {
  const period = item.period;
  if (!period || period.times === undefined || period.times === null) return undefined;
  const s = span(item);
  const done = period.done ?? 0;
  const times = period.times;
  const progress = t(`today.period${s}`, { done, times });
  const left = Math.max(0, times - done);
  const due = left === 0 || period.status === 'met' ? t(`today.periodMet${s}`) : t(`today.stillDue${s}`, { count: left });
  return { progress, due };
}

/** The number a person typed ("72,5" or "72.5"), or undefined when it is not one; '' is null (no value). */
export function parseNumber(text: string): number | null | undefined {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  if (s === '') return null;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}
