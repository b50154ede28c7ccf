import { Box, Button, Card, HStack, Heading, Stack, Text } from '@chakra-ui/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { formErrors } from '../../api/errors';
import { useCreateHabit } from '../../api/habits';
import { allSaved, useSaveReminders } from '../../api/reminders';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n/t';
import { emptyForm, HABIT_FIELDS, toInput, type FieldErrors, type HabitFormState } from './form';
import { EssentialFields, MoreFields, type KindsState } from './HabitFields';
import { reminderFailureText } from './shared';

/** Moves the focus to the first field the server or the form found fault with. */
export function focusFirstInvalid(root: HTMLElement | null) {
  const field = root?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid] input, [data-invalid] select');
  field?.focus();
}

interface Props {
  kinds: KindsState & { pending: boolean };
  weekStart: string | undefined;
}

/** The form for a new habit: name, kind, target and schedule in sight, everything else under "More options". */
export function NewHabitForm({ kinds, weekStart }: Props) {
  const create = useCreateHabit();
  const saveReminders = useSaveReminders();
  const [form, setForm] = useState<HabitFormState>(emptyForm);
  const [more, setMore] = useState(false);
  const [local, setLocal] = useState<FieldErrors>({});
  const [created, setCreated] = useState('');
  const [reminderFailure, setReminderFailure] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const moreId = useId();
  const server = formErrors(create.error, HABIT_FIELDS);
  const errors: FieldErrors = { ...server.fields, ...local };
  const hasFieldErrors = Object.keys(errors).length > 0;

  // after a refused submit, the first field at fault gets the focus (the options open if it is among them)
  useEffect(() => {
    if (attempt === 0 || !hasFieldErrors) return;
    focusFirstInvalid(formRef.current);
  }, [attempt, hasFieldErrors]);

  const change = (patch: Partial<HabitFormState>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    setCreated('');
    setReminderFailure(undefined);
    const result = toInput(form, kinds.types);
    if (result.errors) {
      create.reset();
      setLocal(result.errors);
      setAttempt((n) => n + 1);
      return;
    }
    setLocal({});
    setPending(true);
    try {
      const habit = await create.mutateAsync(result.input);
      const name = result.input.name ?? '';
      if (habit?.id && form.reminders.length > 0) {
        const saved = await saveReminders(habit.id, [], form.reminders);
        if (!allSaved(saved)) {
          setReminderFailure(
            t('habits.createdRemindersFailed', { habit: name, reason: reminderFailureText(saved, form.reminders) }),
          );
        }
      }
      setCreated(t('habits.created', { habit: name }));
      setForm(emptyForm());
    } catch {
      // the mutation's error is on screen: next to its field, or above the form
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  // a field error among the options opens them, so that it can be seen
  const moreFieldErrors = Object.keys(errors).some((f) => !['name', 'type', 'target', 'unit'].includes(f) && !f.startsWith('schedule'));
  const showMore = more || moreFieldErrors;

  return (
    <Card.Root as="section" aria-labelledby="new-habit">
      <Card.Body>
        <Heading as="h2" size="lg" id="new-habit" mb="4">
          {t('habits.new')}
        </Heading>
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack gap="5">
            {server.general ? <ErrorAlert>{server.general}</ErrorAlert> : null}
            {reminderFailure ? <ErrorAlert>{reminderFailure}</ErrorAlert> : null}
            <EssentialFields
              mode="create"
              value={form}
              onChange={change}
              errors={errors}
              kinds={kinds}
              weekStart={weekStart}
            />
            <Box>
              <Button
                variant="ghost"
                size="sm"
                aria-expanded={showMore}
                aria-controls={moreId}
                onClick={() => setMore(!showMore)}
              >
                <span aria-hidden="true">{showMore ? '▾' : '▸'}</span>
                {t('habits.moreOptions')}
              </Button>
            </Box>
            <Stack gap="5" id={moreId} hidden={!showMore}>
              {showMore ? (
                <MoreFields
                  mode="create"
                  value={form}
                  onChange={change}
                  errors={errors}
                  kinds={kinds}
                  weekStart={weekStart}
                  reminderErrors={{}}
                />
              ) : null}
            </Stack>
            <HStack gap="4" wrap="wrap">
              <Button type="submit" loading={pending} loadingText={t('habits.creating')}>
                {t('habits.create')}
              </Button>
              <Text role="status" color="fg.success" fontWeight="medium">
                {created}
              </Text>
            </HStack>
          </Stack>
        </form>
      </Card.Body>
    </Card.Root>
  );
}
