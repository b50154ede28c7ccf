import { Box, Button, Field, Fieldset, HStack, Input, NativeSelect, Stack, Text } from '@chakra-ui/react';
import { useEffect, useId, useRef, useState } from 'react';
import type { ReminderDraft } from '../../api/reminders';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MinusIcon, PlusIcon } from '../../components/icons';
import { t } from '../../i18n/t';
import { draftKey } from './form';
import { WeekdayChecks } from './WeekdayChecks';

/** A reminder's errors from the server, by where the form shows them. */
export interface ReminderErrors {
  time?: string | undefined;
  days?: string | undefined;
  other?: string | undefined;
}

interface Props {
  value: readonly ReminderDraft[];
  onChange: (drafts: ReminderDraft[]) => void;
  errors: Record<string, ReminderErrors>;
  weekStart: string | undefined;
  /** While the saved reminders load (editing), the list waits for them. */
  loading?: boolean;
  loadError?: string | undefined;
}

const MAX = 10;

function ReminderRow({
  draft,
  index,
  idPrefix,
  errors,
  weekStart,
  onChange,
  onRemove,
}: {
  draft: ReminderDraft;
  index: number;
  idPrefix: string;
  errors: ReminderErrors | undefined;
  weekStart: string | undefined;
  onChange: (d: ReminderDraft) => void;
  onRemove: () => void;
}) {
  const chosen = draft.days !== null;
  return (
    <Box as="li" borderWidth="1px" rounded="md" p="3">
      <Fieldset.Root>
        <Fieldset.Legend srOnly>{t('habits.reminders.item', { number: index + 1 })}</Fieldset.Legend>
        <Stack gap="3">
          <HStack gap="3" align="end" wrap="wrap">
            <Field.Root invalid={errors?.time !== undefined} w="auto" ids={{ control: `${idPrefix}-${draft.key}` }}>
              <Field.Label>{t('habits.reminders.time')}</Field.Label>
              <Input
                type="time"
                name={`reminder-time-${index}`}
                value={draft.time}
                onChange={(e) => onChange({ ...draft, time: e.target.value })}
                w="9rem"
              />
              <Field.ErrorText>{errors?.time}</Field.ErrorText>
            </Field.Root>
            <Field.Root w="auto" flex="1" minW="12rem">
              <Field.Label>{t('habits.reminders.when')}</Field.Label>
              <NativeSelect.Root>
                <NativeSelect.Field
                  value={chosen ? 'chosen' : 'due'}
                  onChange={(e) => onChange({ ...draft, days: e.target.value === 'chosen' ? (draft.days ?? []) : null })}
                >
                  <option value="due">{t('habits.reminders.dueDays')}</option>
                  <option value="chosen">{t('habits.reminders.chosenDays')}</option>
                </NativeSelect.Field>
                <NativeSelect.Indicator />
              </NativeSelect.Root>
            </Field.Root>
            <Button
              variant="outline"
              onClick={onRemove}
              aria-label={t('habits.reminders.remove', { time: draft.time || '—' })}
            >
              <MinusIcon />
              {t('habits.reminders.removeShort')}
            </Button>
          </HStack>
          {chosen ? (
            <WeekdayChecks
              legend={t('habits.schedule.days')}
              value={draft.days ?? []}
              onChange={(days) => onChange({ ...draft, days })}
              weekStart={weekStart}
              error={errors?.days}
            />
          ) : errors?.days ? (
            <Text color="fg.error" textStyle="sm">
              {errors.days}
            </Text>
          ) : null}
          {errors?.other ? (
            <Text color="fg.error" textStyle="sm">
              {errors.other}
            </Text>
          ) : null}
        </Stack>
      </Fieldset.Root>
    </Box>
  );
}

/** A habit's reminders: each with its time and days; added and removed here, saved with the habit. */
export function RemindersField({ value, onChange, errors, weekStart, loading, loadError }: Props) {
  const idPrefix = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<string | undefined>();
  useEffect(() => {
    if (focus === undefined) return;
    const target = focus === 'add' ? addRef.current : document.getElementById(`${idPrefix}-${focus}`);
    target?.focus();
    setFocus(undefined);
  }, [focus, idPrefix]);

  function add() {
    const last = value[value.length - 1];
    const key = draftKey();
    onChange([...value, { key, time: last ? last.time : '08:00', days: null }]);
    setFocus(key);
  }
  function remove(key: string) {
    onChange(value.filter((x) => x.key !== key));
    setFocus('add');
  }
  return (
    <Fieldset.Root>
      <Fieldset.Legend>{t('habits.reminders')}</Fieldset.Legend>
      <Fieldset.HelperText>{t('habits.reminders.hint')}</Fieldset.HelperText>
      {loadError ? <ErrorAlert>{t('habits.reminders.loadFailed', { reason: loadError })}</ErrorAlert> : null}
      {loading ? (
        <Text color="fg.muted" role="status">
          {t('habits.reminders.loading')}
        </Text>
      ) : (
        <Stack gap="2">
          {value.length === 0 ? <Text color="fg.muted">{t('habits.reminders.none')}</Text> : null}
          {value.length > 0 ? (
            <Stack as="ul" gap="2" listStyleType="none" m="0" p="0">
              {value.map((d, i) => (
                <ReminderRow
                  key={d.key}
                  draft={d}
                  index={i}
                  idPrefix={idPrefix}
                  errors={errors[d.key]}
                  weekStart={weekStart}
                  onChange={(next) => onChange(value.map((x) => (x.key === d.key ? next : x)))}
                  onRemove={() => remove(d.key)}
                />
              ))}
            </Stack>
          ) : null}
          {value.length < MAX && !loadError ? (
            <Button ref={addRef} variant="outline" alignSelf="start" onClick={add}>
              <PlusIcon />
              {t('habits.reminders.add')}
            </Button>
          ) : null}
        </Stack>
      )}
    </Fieldset.Root>
  );
}
