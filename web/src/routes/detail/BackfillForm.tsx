import { Button, Field, Flex, HStack, Heading, RadioGroup, Stack, Text, Textarea } from '@chakra-ui/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formErrors } from '../../api/errors';
import { useClearDay, useSaveDay, type Checkin, type CheckinInput } from '../../api/history';
import type { Habit } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n/t';
import { formatLongDate, isIsoDate } from './dates';
import { DayPhotos } from './DayPhotos';
import { PhotoSharing } from './PhotoSharing';
import { hasValue } from './schedule';
import { cellStatus, statusWord } from './status';

const FIELDS = ['date', 'value', 'note', 'status'] as const;
type Field = (typeof FIELDS)[number];
type Kind = 'done' | 'skipped';

interface BackfillFormProps {
  habit: Habit;
  today: string;
  date: string;
  onDateChange: (date: string) => void;
  /** The records already loaded, by date: a day that has one starts from it. */
  records: Map<string, Checkin>;
}

/** Whether `date` may be recorded: a real date from the habit's start to the user's today; else the reason. */
export function dateProblem(date: string, today: string, startDate: string | undefined): string | undefined {
  if (!date) return t('detail.backfill.dateRequired');
  if (!isIsoDate(date)) return t('detail.backfill.dateInvalid');
  if (date > today) return t('detail.backfill.dateFuture', { today: formatLongDate(today) });
  if (startDate && date < startDate) return t('detail.backfill.dateBeforeStart', { start: formatLongDate(startDate) });
  return undefined;
}

/** Sets a day of the past (or today): done with a value, or skipped, and a note; or clears it. */
export function BackfillForm({ habit, today, date, onDateChange, records }: BackfillFormProps) {
  const id = habit.id ?? '';
  const save = useSaveDay(id);
  const clear = useClearDay(id);
  const withValue = hasValue(habit);
  const [kind, setKind] = useState<Kind>('done');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState<string | undefined>();
  const record = records.get(date);

  // a day with a record starts from what it holds; a day without one keeps what was typed, not another day's record
  const filled = useRef(false);
  const { reset: resetSave } = save;
  const { reset: resetClear } = clear;
  useEffect(() => {
    // another day: the verdicts on the previous one no longer apply
    setLocal({});
    resetSave();
    resetClear();
  }, [date, resetSave, resetClear]);
  useEffect(() => {
    if (!record && !filled.current) return;
    filled.current = record !== undefined;
    setKind(record?.recordStatus === 'skipped' ? 'skipped' : 'done');
    setValue(record?.value === null || record?.value === undefined ? '' : String(record.value));
    setNote(record?.note ?? '');
  }, [date, record]);

  const server = formErrors(save.error ?? clear.error, FIELDS);
  const errors: Partial<Record<Field, string>> = { ...server.fields, ...local };

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(undefined);
    save.reset();
    clear.reset();
    const problems: Partial<Record<Field, string>> = {};
    const dateError = dateProblem(date, today, habit.startDate);
    if (dateError) problems.date = dateError;
    const input: CheckinInput = { status: kind };
    if (withValue && kind === 'done') {
      const text = value.trim().replace(',', '.');
      const number = Number(text);
      if (text === '') problems.value = t('detail.backfill.valueRequired');
      else if (!Number.isFinite(number)) problems.value = t('detail.backfill.valueNumber');
      else input.value = number;
    }
    if (note.trim()) input.note = note.trim();
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      const first = FIELDS.find((f) => problems[f]);
      document.querySelector<HTMLElement>(`[data-backfill-field="${first}"]`)?.focus();
      return;
    }
    save.mutate(
      { date, input },
      {
        onSuccess: (answer) =>
          setSaved(
            t('detail.backfill.saved', {
              date: formatLongDate(date),
              status: statusWord(cellStatus(answer?.status ?? kind)),
            }),
          ),
      },
    );
  }

  function clearDay() {
    setSaved(undefined);
    save.reset();
    setLocal({});
    clear.mutate(date, { onSuccess: () => setSaved(t('detail.backfill.cleared', { date: formatLongDate(date) })) });
  }

  return (
    <Stack as="section" aria-labelledby="detail-backfill" gap="3">
      <Heading as="h2" size="lg" id="detail-backfill">
        {t('detail.backfill.title')}
      </Heading>
      <Text color="fg.muted" textStyle="sm">
        {t('detail.backfill.hint')}
      </Text>
      <form onSubmit={submit} noValidate aria-labelledby="detail-backfill">
        <Stack gap="4" borderWidth="1px" rounded="lg" p={{ base: '3', sm: '4' }}>
          {server.general ? <ErrorAlert>{server.general}</ErrorAlert> : null}
          {saved ? (
            <Text role="status" color="fg.success" fontWeight="medium">
              {saved}
            </Text>
          ) : null}
          <TextField
            name="date"
            type="date"
            label={t('detail.backfill.date')}
            required
            min={habit.startDate}
            max={today}
            value={date}
            data-backfill-field="date"
            onChange={(e) => {
              setSaved(undefined);
              onDateChange(e.target.value);
            }}
            error={errors.date}
            hint={record ? t('detail.backfill.hasRecord') : undefined}
          />
          <Field.Root invalid={errors.status !== undefined}>
            <Text as="span" id="backfill-kind-label" fontWeight="medium" textStyle="sm">
              {t('detail.backfill.kind')}
            </Text>
            <RadioGroup.Root
              value={kind}
              onValueChange={(d) => setKind((d.value as Kind | null) ?? 'done')}
              aria-labelledby="backfill-kind-label"
              name="status"
              colorPalette="teal"
            >
              <HStack gap="5" wrap="wrap">
                {(['done', 'skipped'] as const).map((k) => (
                  <RadioGroup.Item key={k} value={k}>
                    <RadioGroup.ItemHiddenInput data-backfill-field={k === 'done' ? 'status' : undefined} />
                    <RadioGroup.ItemIndicator />
                    <RadioGroup.ItemText>{t(k === 'done' ? 'detail.backfill.done' : 'detail.backfill.skipped')}</RadioGroup.ItemText>
                  </RadioGroup.Item>
                ))}
              </HStack>
            </RadioGroup.Root>
            <Field.ErrorText>{errors.status}</Field.ErrorText>
          </Field.Root>
          {withValue && kind === 'done' ? (
            <HStack align="end" gap="2" wrap="wrap">
              <TextField
                name="value"
                label={habit.unit ? t('detail.backfill.valueUnit', { unit: habit.unit }) : t('detail.backfill.value')}
                inputMode="decimal"
                required
                value={value}
                data-backfill-field="value"
                onChange={(e) => setValue(e.target.value)}
                error={errors.value}
                maxW="48"
              />
              {habit.type === 'count' && habit.target !== undefined && habit.target !== null ? (
                <Button variant="outline" size="sm" mb={errors.value ? '7' : '1'} onClick={() => setValue(String(habit.target))}>
                  {t('detail.backfill.useTarget', { target: habit.target })}
                </Button>
              ) : null}
            </HStack>
          ) : null}
          <Field.Root invalid={errors.note !== undefined}>
            <Field.Label>
              {t('detail.backfill.note')}{' '}
              <Text as="span" color="fg.muted">
                {t('field.optional')}
              </Text>
            </Field.Label>
            <Textarea
              name="note"
              value={note}
              data-backfill-field="note"
              onChange={(e) => setNote(e.target.value)}
              rows={2}
            />
            <Field.ErrorText>{errors.note}</Field.ErrorText>
          </Field.Root>
          <Flex gap="2" wrap="wrap">
            <Button type="submit" loading={save.isPending} loadingText={t('detail.backfill.saving')}>
              {t('detail.backfill.save')}
            </Button>
            {record ? (
              <Button variant="outline" colorPalette="red" loading={clear.isPending} loadingText={t('detail.backfill.clearing')} onClick={clearDay}>
                {t('detail.backfill.clear')}
              </Button>
            ) : null}
          </Flex>
        </Stack>
      </form>
      {dateProblem(date, today, habit.startDate) === undefined ? (
        <Stack gap="3" borderWidth="1px" rounded="lg" p={{ base: '3', sm: '4' }}>
          <DayPhotos habitId={id} date={date} editable hasRecord={record !== undefined} />
          <PhotoSharing habit={habit} />
        </Stack>
      ) : null}
    </Stack>
  );
}
