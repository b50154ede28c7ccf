import { Badge, Box, Button, Checkbox, CheckboxGroup, Field, Fieldset, HStack, Input, RadioGroup, Stack, Text } from '@chakra-ui/react';
import { useRef, useState, type FormEvent } from 'react';
import { formErrors } from '../../api/errors';
import { useHabits } from '../../api/habits';
import { useCreateVacation, useDeleteVacation, useVacations, type Vacation } from '../../api/settings';
import { useToday } from '../../api/today';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { formatShortDay } from '../../lib/dates';
import { t } from '../../i18n/t';
import { ConfirmDialog } from './ConfirmDialog';
import { addDays } from './format';
import { Part, Saved, Section } from './Section';

const FIELDS = ['from', 'to', 'habitIds'] as const;

type Phase = 'upcoming' | 'ongoing' | 'over';

/** Whether a vacation is still to come, going on or over, on the user's today (the server's). Pure. */
export function phaseOf(v: Vacation, today: string | undefined): Phase {
  if (!today || !v.from || !v.to) return 'upcoming';
  if (v.to < today) return 'over';
  if (v.from <= today) return 'ongoing';
  return 'upcoming';
}

function NewVacation({ today }: { today: string | undefined }) {
  const create = useCreateVacation();
  const habits = useHabits();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [scope, setScope] = useState<'all' | 'some'>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [missing, setMissing] = useState<{ from?: boolean; to?: boolean; habits?: boolean }>({});
  const errors = formErrors(create.error, FIELDS);
  const start = from || today || '';

  function submit(e: FormEvent) {
    e.preventDefault();
    const m = { from: !from, to: !to, habits: scope === 'some' && chosen.length === 0 };
    setMissing(m);
    if (m.from || m.to || m.habits) return;
    create.mutate(
      { from, to, ...(scope === 'some' ? { habitIds: chosen } : {}) },
      {
        onSuccess: () => {
          setFrom('');
          setTo('');
          setChosen([]);
          setScope('all');
        },
      },
    );
  }

  function edited() {
    if (create.isSuccess) create.reset();
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('settings.vacations.new')}>
      <Stack gap="4">
        {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
        <HStack gap="4" align="start" wrap="wrap">
          <Field.Root w="auto" required invalid={missing.from || errors.fields.from !== undefined}>
            <Field.Label>
              {t('settings.vacations.from')}
              <Field.RequiredIndicator />
            </Field.Label>
            <Input
              type="date"
              name="from"
              value={from}
              min={today}
              onChange={(e) => {
                edited();
                setFrom(e.target.value);
              }}
              w="12rem"
            />
            <Field.ErrorText>{missing.from ? t('settings.vacations.missingDate') : errors.fields.from}</Field.ErrorText>
          </Field.Root>
          <Field.Root w="auto" required invalid={missing.to || errors.fields.to !== undefined}>
            <Field.Label>
              {t('settings.vacations.to')}
              <Field.RequiredIndicator />
            </Field.Label>
            <Input
              type="date"
              name="to"
              value={to}
              min={start || undefined}
              max={start ? addDays(start, 365) : undefined}
              onChange={(e) => {
                edited();
                setTo(e.target.value);
              }}
              w="12rem"
            />
            <Field.ErrorText>{missing.to ? t('settings.vacations.missingDate') : errors.fields.to}</Field.ErrorText>
          </Field.Root>
        </HStack>
        <Text fontSize="sm" color="fg.muted">
          {t('settings.vacations.rules')}
        </Text>
        <Fieldset.Root invalid={missing.habits || errors.fields.habitIds !== undefined}>
          <Fieldset.Legend fontWeight="medium">{t('settings.vacations.which')}</Fieldset.Legend>
          <RadioGroup.Root
            value={scope}
            onValueChange={(e) => {
              edited();
              setScope(e.value === 'some' ? 'some' : 'all');
            }}
            name="vacationScope"
          >
            <Stack gap="2" mt="1">
              <RadioGroup.Item value="all">
                <RadioGroup.ItemHiddenInput />
                <RadioGroup.ItemIndicator />
                <RadioGroup.ItemText>{t('settings.vacations.all')}</RadioGroup.ItemText>
              </RadioGroup.Item>
              <RadioGroup.Item value="some">
                <RadioGroup.ItemHiddenInput />
                <RadioGroup.ItemIndicator />
                <RadioGroup.ItemText>{t('settings.vacations.some')}</RadioGroup.ItemText>
              </RadioGroup.Item>
            </Stack>
          </RadioGroup.Root>
          {scope === 'some' ? (
            habits.isError ? (
              <ErrorAlert>{t('settings.vacations.habitsFailed', { reason: habits.error.message })}</ErrorAlert>
            ) : (
              <CheckboxGroup value={chosen} onValueChange={setChosen} name="habitIds" aria-label={t('settings.vacations.habits')}>
                <Stack gap="2" ps="6" pt="1">
                  {(habits.data ?? []).map((h) => (
                    <Checkbox.Root key={h.id} value={h.id ?? ''}>
                      <Checkbox.HiddenInput />
                      <Checkbox.Control />
                      <Checkbox.Label>{h.name}</Checkbox.Label>
                    </Checkbox.Root>
                  ))}
                </Stack>
              </CheckboxGroup>
            )
          ) : null}
          <Fieldset.ErrorText>{missing.habits ? t('settings.vacations.missingHabits') : errors.fields.habitIds}</Fieldset.ErrorText>
        </Fieldset.Root>
        <HStack gap="4" wrap="wrap">
          <Button type="submit" loading={create.isPending} loadingText={t('settings.vacations.adding')}>
            {t('settings.vacations.add')}
          </Button>
          <Saved>{create.isSuccess ? t('settings.vacations.added') : null}</Saved>
        </HStack>
      </Stack>
    </form>
  );
}

const PHASE_PALETTE: Record<Phase, string> = { upcoming: 'teal', ongoing: 'orange', over: 'gray' };

function VacationRow({
  vacation,
  today,
  names,
  onDelete,
}: {
  vacation: Vacation;
  today: string | undefined;
  names: Map<string | undefined, string>;
  onDelete: (v: Vacation, button: HTMLButtonElement | null) => void;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  const phase = phaseOf(vacation, today);
  const range = t('settings.vacations.range', {
    from: vacation.from ? formatShortDay(vacation.from) : '',
    to: vacation.to ? formatShortDay(vacation.to) : '',
  });
  const ids = vacation.habitIds;
  const which =
    ids && ids.length > 0
      ? t('settings.vacations.only', { habits: ids.map((id) => names.get(id) ?? t('settings.vacations.deletedHabit')).join(', ') })
      : t('settings.vacations.allHabits');
  return (
    <Box as="li" borderWidth="1px" rounded="md" p={{ base: '3', sm: '4' }}>
      <Stack gap="2">
        <HStack justify="space-between" align="start" gap="3" wrap="wrap">
          <Text fontWeight="semibold">{range}</Text>
          <Badge colorPalette={PHASE_PALETTE[phase]} variant="surface">
            {t(`settings.vacations.phase.${phase}`)}
          </Badge>
        </HStack>
        <Text fontSize="sm" color="fg.muted">
          {which}
        </Text>
        {phase === 'over' ? (
          <Text fontSize="sm" color="fg.muted">
            {t('settings.vacations.overHint')}
          </Text>
        ) : (
          <Box>
            <Button
              ref={ref}
              size="sm"
              variant="outline"
              colorPalette="red"
              onClick={() => onDelete(vacation, ref.current)}
              aria-label={t(phase === 'ongoing' ? 'settings.vacations.endNamed' : 'settings.vacations.deleteNamed', { range })}
            >
              {phase === 'ongoing' ? t('settings.vacations.end') : t('settings.vacations.delete')}
            </Button>
          </Box>
        )}
      </Stack>
    </Box>
  );
}

/** Vacations: ranges of days on which habits are paused (neither due nor missed); adding and ending them. */
export function VacationsSection() {
  const vacations = useVacations();
  const today = useToday().data?.date;
  const habits = useHabits();
  const remove = useDeleteVacation();
  const [doomed, setDoomed] = useState<{ vacation: Vacation; button: HTMLButtonElement | null }>();
  const [announce, setAnnounce] = useState('');
  const names = new Map((habits.data ?? []).map((h) => [h.id, h.name ?? '']));
  const list = vacations.data ?? [];
  const ongoing = doomed ? phaseOf(doomed.vacation, today) === 'ongoing' : false;
  const range = doomed
    ? t('settings.vacations.range', {
        from: doomed.vacation.from ? formatShortDay(doomed.vacation.from) : '',
        to: doomed.vacation.to ? formatShortDay(doomed.vacation.to) : '',
      })
    : '';

  return (
    <Section title={t('settings.nav.vacations')} intro={t('settings.vacations.intro')}>
      <Part title={t('settings.vacations.new')}>
        <NewVacation today={today} />
      </Part>
      <Part title={t('settings.vacations.listTitle')}>
        <Text role="status" aria-live="polite" srOnly>
          {announce}
        </Text>
        {vacations.isPending ? (
          <PageSpinner />
        ) : vacations.isError ? (
          <ErrorAlert action={<Button size="sm" onClick={() => vacations.refetch()}>{t('settings.retry')}</Button>}>
            {t('settings.vacations.loadFailed', { reason: vacations.error.message })}
          </ErrorAlert>
        ) : list.length === 0 ? (
          <Text color="fg.muted">{t('settings.vacations.empty')}</Text>
        ) : (
          <Stack as="ul" listStyleType="none" gap="3" aria-label={t('settings.vacations.listTitle')}>
            {list.map((v) => (
              <VacationRow
                key={v.id}
                vacation={v}
                today={today}
                names={names}
                onDelete={(vacation, button) => {
                  remove.reset();
                  setDoomed({ vacation, button });
                }}
              />
            ))}
          </Stack>
        )}
      </Part>
      <ConfirmDialog
        open={doomed !== undefined}
        title={ongoing ? t('settings.vacations.endTitle', { range }) : t('settings.vacations.deleteTitle', { range })}
        body={ongoing ? t('settings.vacations.endBody') : t('settings.vacations.deleteBody')}
        confirmLabel={ongoing ? t('settings.vacations.endConfirm') : t('settings.vacations.deleteConfirm')}
        pendingLabel={t('settings.deleting')}
        pending={remove.isPending}
        error={remove.error?.message}
        onClose={() => setDoomed(undefined)}
        finalFocus={() => (remove.isSuccess ? null : (doomed?.button ?? null))}
        onConfirm={() =>
          doomed?.vacation.id &&
          remove.mutate(doomed.vacation.id, {
            onSuccess: () => {
              setAnnounce(ongoing ? t('settings.vacations.ended', { range }) : t('settings.vacations.deleted', { range }));
              setDoomed(undefined);
            },
          })
        }
      />
    </Section>
  );
}
