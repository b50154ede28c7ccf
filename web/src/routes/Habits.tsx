import { Badge, Box, Button, Card, Field, HStack, Heading, NativeSelect, Stack, Text } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { formErrors } from '../api/errors';
import { useCreateHabit, useHabits } from '../api/habits';
import type { Habit } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageSpinner } from '../components/PageSpinner';
import { TextField } from '../components/TextField';
import { t } from '../i18n/t';
import { formatShortDay } from '../lib/dates';

const FIELDS = ['name', 'type', 'target', 'unit'] as const;
type Kind = 'boolean' | 'count';

function NewHabitForm() {
  const create = useCreateHabit();
  const [name, setName] = useState('');
  const [type, setType] = useState<Kind>('boolean');
  const [target, setTarget] = useState('1');
  const [unit, setUnit] = useState('');
  const [created, setCreated] = useState<string | undefined>();
  const errors = formErrors(create.error, FIELDS);

  function submit(e: FormEvent) {
    e.preventDefault();
    setCreated(undefined);
    const trimmed = name.trim();
    const number = Number(target.replace(',', '.'));
    create.mutate(
      {
        name: trimmed,
        type,
        schedule: { kind: 'daily' },
        ...(type === 'count' ? { target: target.trim() === '' ? undefined : number } : {}),
        ...(type === 'count' && unit.trim() ? { unit: unit.trim() } : {}),
      },
      {
        onSuccess: () => {
          setCreated(t('habits.created', { habit: trimmed }));
          setName('');
          setUnit('');
        },
      },
    );
  }

  return (
    <Card.Root as="section" aria-labelledby="new-habit">
      <Card.Body>
        <Heading as="h2" size="lg" id="new-habit" mb="4">
          {t('habits.new')}
        </Heading>
        <form onSubmit={submit} noValidate>
          <Stack gap="4">
            {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
            {created ? (
              <Text role="status" color="fg.success">
                {created}
              </Text>
            ) : null}
            <TextField
              name="name"
              label={t('habits.name')}
              required
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={errors.fields.name}
            />
            <Field.Root invalid={errors.fields.type !== undefined}>
              <Field.Label>{t('habits.type')}</Field.Label>
              <NativeSelect.Root>
                <NativeSelect.Field name="type" value={type} onChange={(e) => setType(e.target.value as Kind)}>
                  <option value="boolean">{t('habits.type.boolean')}</option>
                  <option value="count">{t('habits.type.count')}</option>
                </NativeSelect.Field>
                <NativeSelect.Indicator />
              </NativeSelect.Root>
              <Field.ErrorText>{errors.fields.type}</Field.ErrorText>
            </Field.Root>
            {type === 'count' ? (
              <HStack gap="3" align="start" wrap={{ base: 'wrap', sm: 'nowrap' }}>
                <TextField
                  name="target"
                  label={t('habits.target')}
                  inputMode="decimal"
                  required
                  value={target}
                  onChange={(e) => setTarget(e.target.value)}
                  error={errors.fields.target}
                />
                <TextField
                  name="unit"
                  label={
                    <>
                      {t('habits.unit')} <Text as="span" color="fg.muted">{t('field.optional')}</Text>
                    </>
                  }
                  value={unit}
                  onChange={(e) => setUnit(e.target.value)}
                  error={errors.fields.unit}
                />
              </HStack>
            ) : null}
            <Box>
              <Text fontWeight="medium" textStyle="sm">
                {t('habits.schedule')}
              </Text>
              <Text color="fg.muted">{t('habits.schedule.daily')}</Text>
            </Box>
            <Button type="submit" alignSelf="start" loading={create.isPending} loadingText={t('habits.creating')}>
              {t('habits.create')}
            </Button>
          </Stack>
        </form>
      </Card.Body>
    </Card.Root>
  );
}

function HabitItem({ habit }: { habit: Habit }) {
  const type = habit.type === 'boolean' || habit.type === 'count' ? t(`habits.type.${habit.type}`) : habit.type;
  return (
    <Card.Root as="li" size="sm" variant="outline">
      <Card.Body>
        <Text fontWeight="semibold">{habit.name}</Text>
        <HStack gap="2" wrap="wrap" mt="1" textStyle="sm" color="fg.muted">
          <Badge variant="subtle">{type}</Badge>
          <span>{habit.schedule?.kind === 'daily' ? t('habits.schedule.daily') : t('habits.schedule.other')}</span>
          {habit.type !== 'boolean' && habit.target !== undefined ? (
            <span>{t('habits.targetShort', { target: habit.target })}</span>
          ) : null}
          {habit.startDate ? <span>{t('habits.since', { date: formatShortDay(habit.startDate) })}</span> : null}
        </HStack>
      </Card.Body>
    </Card.Root>
  );
}

/** The user's habits, and a form for a new daily one. */
export default function Habits() {
  const habits = useHabits();
  return (
    <Stack gap="6">
      <Heading as="h1" size="2xl">
        {t('habits.title')}
      </Heading>
      {habits.isPending ? (
        <PageSpinner />
      ) : habits.isError ? (
        <ErrorAlert>{t('habits.loadFailed', { reason: habits.error.message })}</ErrorAlert>
      ) : habits.data.length === 0 ? (
        <Text>{t('habits.empty')}</Text>
      ) : (
        <Stack as="ul" gap="2" listStyleType="none" m="0" p="0">
          {habits.data.map((h) => (
            <HabitItem key={h.id} habit={h} />
          ))}
        </Stack>
      )}
      <NewHabitForm />
    </Stack>
  );
}
