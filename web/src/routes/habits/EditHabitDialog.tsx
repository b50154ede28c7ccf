import { Button, CloseButton, Dialog, Portal, Stack } from '@chakra-ui/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formErrors } from '../../api/errors';
import { useUpdateHabit } from '../../api/habits';
import { allSaved, useReminders, useSaveReminders } from '../../api/reminders';
import type { Habit } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n/t';
import { draftsOf, formFromHabit, HABIT_FIELDS, toPatch, type FieldErrors, type HabitFormState } from './form';
import { EssentialFields, MoreFields, type KindsState } from './HabitFields';
import { focusFirstInvalid } from './NewHabitForm';
import type { ReminderErrors } from './RemindersField';
import { reminderErrorMap, reminderFailureText } from './shared';

interface FormProps {
  habit: Habit;
  kinds: KindsState;
  weekStart: string | undefined;
  onSaved: (name: string) => void;
  onCancel: () => void;
}

function EditForm({ habit, kinds, weekStart, onSaved, onCancel }: FormProps) {
  const id = habit.id!;
  const update = useUpdateHabit();
  const reminders = useReminders(id);
  const saveReminders = useSaveReminders();
  const [original, setOriginal] = useState<HabitFormState>(() => formFromHabit(habit));
  const [form, setForm] = useState<HabitFormState>(() => formFromHabit(habit));
  const [remindersReady, setRemindersReady] = useState(false);
  const [local, setLocal] = useState<FieldErrors>({});
  const [reminderErrors, setReminderErrors] = useState<Record<string, ReminderErrors>>({});
  const [reminderFailure, setReminderFailure] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const server = formErrors(update.error, HABIT_FIELDS);
  const errors: FieldErrors = { ...server.fields, ...local };
  const hasErrors = Object.keys(errors).length > 0 || Object.keys(reminderErrors).length > 0;

  // the saved reminders become the form's drafts once, when they have loaded
  useEffect(() => {
    if (remindersReady || !reminders.data) return;
    const drafts = draftsOf(reminders.data);
    setForm((f) => ({ ...f, reminders: drafts }));
    setRemindersReady(true);
  }, [reminders.data, remindersReady]);

  useEffect(() => {
    if (attempt > 0 && hasErrors) focusFirstInvalid(formRef.current);
  }, [attempt, hasErrors]);

  const change = (patch: Partial<HabitFormState>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    setReminderFailure(undefined);
    setReminderErrors({});
    const result = toPatch(original, form, kinds.types);
    if (result.errors) {
      update.reset();
      setLocal(result.errors);
      setAttempt((n) => n + 1);
      return;
    }
    setLocal({});
    setPending(true);
    try {
      if (Object.keys(result.patch).length > 0) {
        await update.mutateAsync({ id, patch: result.patch });
        setOriginal({ ...form, reminders: [] });
      }
      if (remindersReady && reminders.data) {
        const saved = await saveReminders(id, reminders.data, form.reminders);
        if (!allSaved(saved)) {
          // the created ones keep their ids, so that saving again does not make them twice
          setForm((f) => ({
            ...f,
            reminders: f.reminders.map((d) => (saved.created[d.key] ? { ...d, id: saved.created[d.key] } : d)),
          }));
          setReminderErrors(reminderErrorMap(saved));
          setReminderFailure(
            `${t('habits.savedRemindersFailed', { habit: form.name.trim() })} ${reminderFailureText(saved, form.reminders)}`,
          );
          setAttempt((n) => n + 1);
          return;
        }
      }
      onSaved(form.name.trim());
    } catch {
      // the mutation's error is on screen: next to its field, or at the top of the dialog
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate style={{ display: 'contents' }}>
      <Dialog.Body>
        <Stack gap="5">
          {server.general ? <ErrorAlert>{server.general}</ErrorAlert> : null}
          {reminderFailure ? <ErrorAlert>{reminderFailure}</ErrorAlert> : null}
          <EssentialFields mode="edit" value={form} onChange={change} errors={errors} kinds={kinds} weekStart={weekStart} />
          <MoreFields
            mode="edit"
            value={form}
            onChange={change}
            errors={errors}
            kinds={kinds}
            weekStart={weekStart}
            reminderErrors={reminderErrors}
            remindersLoading={reminders.isPending}
            remindersError={reminders.isError ? reminders.error.message : undefined}
          />
        </Stack>
      </Dialog.Body>
      <Dialog.Footer>
        <Button variant="outline" onClick={onCancel}>
          {t('habits.cancel')}
        </Button>
        <Button type="submit" loading={pending} loadingText={t('habits.saving')}>
          {t('habits.save')}
        </Button>
      </Dialog.Footer>
    </form>
  );
}

interface Props {
  /** The habit being edited; undefined when the dialog is closed. */
  habit: Habit | undefined;
  kinds: KindsState;
  weekStart: string | undefined;
  onClose: () => void;
  onSaved: (name: string) => void;
  /** Where the focus goes when the dialog closes (the habit's Edit button). */
  finalFocus: () => HTMLElement | null;
}

/** Edits a habit in a dialog: Escape or Cancel closes it, and the focus goes back to where it came from. */
export function EditHabitDialog({ habit, kinds, weekStart, onClose, onSaved, finalFocus }: Props) {
  // the habit stays on screen while the dialog closes
  const [shown, setShown] = useState(habit);
  if (habit && habit !== shown) setShown(habit);
  const current = habit ?? shown;
  return (
    <Dialog.Root
      open={habit !== undefined}
      onOpenChange={(e) => {
        if (!e.open) onClose();
      }}
      lazyMount
      unmountOnExit
      size={{ base: 'full', md: 'lg' }}
      scrollBehavior="inside"
      finalFocusEl={finalFocus}
    >
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content>
            <Dialog.Header>
              <Dialog.Title>{t('habits.editTitle', { habit: current?.name ?? '' })}</Dialog.Title>
            </Dialog.Header>
            {current ? (
              <EditForm
                key={current.id}
                habit={current}
                kinds={kinds}
                weekStart={weekStart}
                onCancel={onClose}
                onSaved={onSaved}
              />
            ) : null}
            <Dialog.CloseTrigger asChild>
              <CloseButton size="sm" aria-label={t('habits.close')} />
            </Dialog.CloseTrigger>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
