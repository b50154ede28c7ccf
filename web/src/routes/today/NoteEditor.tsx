import { Button, Field, HStack, Stack, Text, Textarea } from '@chakra-ui/react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api/client';
import { formErrors } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n/t';

/** The most a note may hold (the server's limit). */
export const NOTE_MAX = 4000;

type Record = { date?: string; note?: string | null };

/** The day's note as the server has it (GET …/checkins?from=date&to=date), read when the editor opens. */
function useDayNote(habitId: string, date: string, enabled: boolean) {
  return useQuery({
    queryKey: ['checkin', habitId, date],
    queryFn: async ({ signal }) => {
      const list = (await api.get('/v1/habits/{id}/checkins', {
        path: { id: habitId },
        query: { from: date, to: date },
        signal,
      })) as Record[] | undefined;
      return (list ?? []).find((r) => r.date === date)?.note ?? '';
    },
    enabled,
    staleTime: 0,
    retry: false,
  });
}

export interface NoteEditorProps {
  habitId: string;
  habitName: string;
  date: string;
  /** The note this page knows (undefined: not known, it is read from the server). */
  known: string | null | undefined;
  /** A journal's entry rather than a note on a check-in. */
  entry: boolean;
  online: boolean;
  saving: boolean;
  /** The server's refusal of the last save, if any. */
  error: unknown;
  onSave: (note: string) => void;
  onCancel: () => void;
}

/** A day's note: a text field with Save and Cancel; Escape cancels, Ctrl+Enter saves. */
export function NoteEditor({ habitId, habitName, date, known, entry, online, saving, error, onSave, onCancel }: NoteEditorProps) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const remote = useDayNote(habitId, date, known === undefined && online);
  const [text, setText] = useState(known ?? '');
  const [touched, setTouched] = useState(false);

  // the server's note fills the field unless the user has begun typing
  useEffect(() => {
    if (!touched && remote.data !== undefined) setText(remote.data);
  }, [remote.data, touched]);
  useEffect(() => field.current?.focus(), []);

  const errors = formErrors(error, ['note'] as const);
  const loading = remote.isFetching && !touched;
  return (
    <Stack
      as="form"
      gap="2"
      mt="3"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(text.trim());
      }}
    >
      <Field.Root invalid={errors.fields.note !== undefined}>
        <Field.Label htmlFor={id}>{t(entry ? 'today.entryLabel' : 'today.noteLabel', { habit: habitName })}</Field.Label>
        <Textarea
          id={id}
          ref={field}
          name="note"
          value={text}
          maxLength={NOTE_MAX}
          rows={entry ? 4 : 2}
          aria-busy={loading}
          onChange={(e) => {
            setTouched(true);
            setText(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              onCancel();
            } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              onSave(text.trim());
            }
          }}
        />
        {errors.fields.note ? (
          <Field.ErrorText color={{ base: 'red.700', _dark: 'red.300' }}>{errors.fields.note}</Field.ErrorText>
        ) : (
          <Field.HelperText>{loading ? t('today.noteLoading') : t('today.noteHint')}</Field.HelperText>
        )}
      </Field.Root>
      {remote.isError ? (
        <ErrorAlert>{t('today.noteLoadFailed', { reason: remote.error.message })}</ErrorAlert>
      ) : null}
      {error && errors.general ? <ErrorAlert>{t('today.failed', { habit: habitName, reason: errors.general })}</ErrorAlert> : null}
      <HStack gap="2">
        <Button type="submit" size="sm" loading={saving} loadingText={t('today.noteSaving')}>
          {t(entry ? 'today.entrySave' : 'today.noteSave')}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
          {t('today.noteCancel')}
        </Button>
        {text.length > NOTE_MAX - 200 ? (
          <Text textStyle="xs" color="fg.muted">
            {t('today.noteCount', { count: text.length, max: NOTE_MAX })}
          </Text>
        ) : null}
      </HStack>
    </Stack>
  );
}
