import { Box, Grid, Text, VisuallyHidden } from '@chakra-ui/react';
import type { SharedDay } from '../../api/people';
import { t } from '../../i18n/t';
import { formatDayShort, knownStatus, statusText, weekday, type PeopleDayStatus } from './format';

/** How each status looks: a colour and a mark, so that colour is never the only cue. */
const LOOK: Record<PeopleDayStatus, { bg: string; fg: string; mark: string; border: string }> = {
  done: { bg: 'green.solid', fg: 'green.contrast', mark: '✓', border: 'green.solid' },
  partial: { bg: 'blue.subtle', fg: 'blue.fg', mark: '◐', border: 'blue.muted' },
  missed: { bg: 'red.subtle', fg: 'red.fg', mark: '✕', border: 'red.muted' },
  skipped: { bg: 'bg.muted', fg: 'fg.muted', mark: '–', border: 'border' },
  paused: { bg: 'purple.subtle', fg: 'purple.fg', mark: 'Ⅱ', border: 'purple.muted' },
  pending: { bg: 'bg', fg: 'fg.muted', mark: '○', border: 'fg.muted' },
  not_due: { bg: 'bg', fg: 'fg.muted', mark: '', border: 'border' },
};

/** The statuses the legend explains. */
const LEGEND: PeopleDayStatus[] = ['done', 'partial', 'missed', 'skipped', 'pending'];

/** The words for one day: "Tue, 1 Dec: Done". */
function dayLabel(day: SharedDay): string {
  return t('people.strip.day', { date: formatDayShort(day.date ?? ''), status: statusText(day.status) });
}

/**
 * A partner's last weeks of one habit: one cell per day in rows of seven, each with a mark and its day and status
 * in words (for screen readers, and as a tooltip); a sentence sums it up.
 */
export function DaysStrip({ days, habitName }: { days: readonly SharedDay[]; habitName: string }) {
  const shown = days.filter((d) => d.date);
  if (shown.length === 0) return null;
  const done = shown.filter((d) => d.status === 'done').length;
  const header = shown.slice(0, 7);
  return (
    <Box>
      <Text textStyle="sm" color="fg.muted" mb="2">
        {t('people.strip.summary', { count: done, days: shown.length })}
      </Text>
      <Grid templateColumns="repeat(7, minmax(0, 2.25rem))" gap="1" aria-hidden="true" mb="1">
        {header.map((d) => (
          <Text key={d.date} textStyle="xs" color="fg.muted" textAlign="center">
            {weekday(d.date!, 'narrow')}
          </Text>
        ))}
      </Grid>
      <Grid
        as="ol"
        templateColumns="repeat(7, minmax(0, 2.25rem))"
        gap="1"
        listStyleType="none"
        m="0"
        p="0"
        aria-label={t('people.strip.label', { habit: habitName })}
      >
        {shown.map((d) => {
          const look = LOOK[knownStatus(d.status)];
          const label = dayLabel(d);
          return (
            <Box
              as="li"
              key={d.date}
              title={label}
              h="7"
              rounded="sm"
              borderWidth="1.5px"
              borderColor={look.border}
              bg={look.bg}
              color={look.fg}
              display="flex"
              alignItems="center"
              justifyContent="center"
              fontSize="sm"
              fontWeight="bold"
              data-status={d.status}
            >
              <span aria-hidden="true">{look.mark}</span>
              <VisuallyHidden>{label}</VisuallyHidden>
            </Box>
          );
        })}
      </Grid>
      <Box as="ul" display="flex" flexWrap="wrap" gap="3" mt="2" listStyleType="none" p="0" aria-label={t('people.strip.legend')}>
        {LEGEND.map((s) => (
          <Box as="li" key={s} display="flex" alignItems="center" gap="1" textStyle="xs" color="fg.muted">
            <Box
              as="span"
              aria-hidden="true"
              w="4"
              h="4"
              rounded="sm"
              borderWidth="1.5px"
              borderColor={LOOK[s].border}
              bg={LOOK[s].bg}
              color={LOOK[s].fg}
              display="inline-flex"
              alignItems="center"
              justifyContent="center"
              fontSize="2xs"
            >
              {LOOK[s].mark}
            </Box>
            {statusText(s)}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
