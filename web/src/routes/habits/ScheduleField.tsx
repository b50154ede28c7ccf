import { Box, Fieldset, RadioGroup, Stack } from '@chakra-ui/react';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n/t';
import { SCHEDULE_KINDS, type FieldErrors, type HabitFormState, type ScheduleKind } from './form';
import { WeekdayChecks } from './WeekdayChecks';

interface Props {
  value: HabitFormState;
  onChange: (patch: Partial<HabitFormState>) => void;
  errors: FieldErrors;
  weekStart: string | undefined;
}

/** How often a habit is due: every day, chosen weekdays, N times a week or a month, every N days. */
export function ScheduleField({ value, onChange, errors, weekStart }: Props) {
  const kind = value.scheduleKind;
  const error = errors.schedule ?? errors['schedule.kind'];
  return (
    <Fieldset.Root invalid={error !== undefined}>
      <Fieldset.Legend>{t('habits.schedule')}</Fieldset.Legend>
      <RadioGroup.Root
        value={kind}
        onValueChange={(e) => e.value && onChange({ scheduleKind: e.value as ScheduleKind })}
        size="sm"
      >
        <Stack gap="2">
          {SCHEDULE_KINDS.map((k) => (
            <RadioGroup.Item key={k} value={k} minH="6">
              <RadioGroup.ItemHiddenInput />
              <RadioGroup.ItemIndicator />
              <RadioGroup.ItemText>{t(`habits.schedule.${k}`)}</RadioGroup.ItemText>
            </RadioGroup.Item>
          ))}
        </Stack>
      </RadioGroup.Root>
      <Fieldset.ErrorText>{error}</Fieldset.ErrorText>
      {kind === 'daily' ? null : (
        <Box ps={{ base: '0', sm: '6' }} pt="1">
          {kind === 'weekdays' ? (
            <WeekdayChecks
              legend={t('habits.schedule.days')}
              value={value.days}
              onChange={(days) => onChange({ days })}
              weekStart={weekStart}
              error={errors['schedule.days']}
            />
          ) : kind === 'every_n_days' ? (
            <TextField
              name="n"
              label={t('habits.schedule.n')}
              inputMode="numeric"
              maxW="12rem"
              value={value.n}
              onChange={(e) => onChange({ n: e.target.value })}
              hint={t('habits.schedule.nHint')}
              error={errors['schedule.n']}
            />
          ) : (
            <TextField
              name="times"
              label={t(kind === 'times_per_week' ? 'habits.schedule.times.week' : 'habits.schedule.times.month')}
              inputMode="numeric"
              maxW="12rem"
              value={value.times}
              onChange={(e) => onChange({ times: e.target.value })}
              hint={t(kind === 'times_per_week' ? 'habits.schedule.timesHint.week' : 'habits.schedule.timesHint.month')}
              error={errors['schedule.times']}
            />
          )}
        </Box>
      )}
    </Fieldset.Root>
  );
}
