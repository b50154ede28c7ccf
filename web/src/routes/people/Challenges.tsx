import { Badge, Box, Button, Card, Field, Flex, HStack, Heading, NativeSelect, Stack, Table, Text } from '@chakra-ui/react';
import { useId, useState, type FormEvent } from 'react';
import { useMe } from '../../api/auth';
import { formErrors } from '../../api/errors';
import { useHabitTypes, type HabitType } from '../../api/habits';
import {
  useChallenges,
  useCreateChallenge,
  useJoinChallenge,
  useLeaderboard,
  type Challenge,
  type ChallengeInput,
} from '../../api/people';
import { useToday } from '../../api/today';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n/t';
import { formatShortDay } from '../../lib/dates';
import { addDays, formatNumber, formatPercent } from './format';
import { Notice } from './shared';

type ScheduleKind = 'daily' | 'times_per_week' | 'times_per_month';

/** The built-in kinds, when the server's list cannot be read. */
const FALLBACK_TYPES: HabitType[] = [
  { key: 'boolean', needsTarget: false, valueKind: 'none' },
  { key: 'count', needsTarget: true, valueKind: 'number' },
  { key: 'limit', needsTarget: true, valueKind: 'number' },
];

function typeName(key: string | undefined, types: readonly HabitType[]): string {
  const info = types.find((x) => x.key === key);
  if (info?.name) return info.name;
  if (key === 'boolean' || key === 'count' || key === 'limit') return t(`people.challenges.type.${key}`);
  return key ?? '';
}

/** "Count · 20 push-ups · every day" for a challenge's habit. */
export function challengeHabitText(challenge: Challenge, types: readonly HabitType[]): string {
  const habit = challenge.habit ?? {};
  const parts = [typeName(habit.type, types)];
  if (habit.target !== undefined && habit.target !== null && habit.type !== 'boolean') {
    const target = formatNumber(habit.target);
    parts.push(habit.unit ? t('people.challenges.targetUnit', { target, unit: habit.unit }) : target);
  }
  const s = habit.schedule;
  if (s?.kind === 'daily') parts.push(t('people.challenges.schedule.daily'));
  else if (s?.kind === 'times_per_week') parts.push(t('people.challenges.schedule.perWeek', { count: s.times ?? 0 }));
  else if (s?.kind === 'times_per_month') parts.push(t('people.challenges.schedule.perMonth', { count: s.times ?? 0 }));
  else if (s?.kind === 'weekdays') parts.push(t('people.challenges.schedule.weekdays', { days: (s.days ?? []).join(', ') }));
  else if (s?.kind === 'every_n_days') parts.push(t('people.challenges.schedule.everyN', { count: s.n ?? 0 }));
  return parts.join(' · ');
}

/** The first message among the server's names for one field ("habit.type" or "type"). */
function pick(fields: Partial<Record<string, string>>, ...names: string[]): string | undefined {
  for (const n of names) if (fields[n] !== undefined) return fields[n];
  return undefined;
}

const FIELDS = [
  'name',
  'habit',
  'habit.type',
  'type',
  'habit.target',
  'target',
  'habit.unit',
  'unit',
  'habit.schedule',
  'schedule',
  'habit.schedule.times',
  'schedule.times',
  'startDate',
  'endDate',
] as const;

function NewChallenge({ groupId, today, onCreated }: { groupId: string; today: string; onCreated: (c: Challenge) => void }) {
  const create = useCreateChallenge(groupId);
  const habitTypes = useHabitTypes();
  const types = habitTypes.data && habitTypes.data.length > 0 ? habitTypes.data : FALLBACK_TYPES;
  const [name, setName] = useState('');
  const [type, setType] = useState('boolean');
  const [target, setTarget] = useState('');
  const [unit, setUnit] = useState('');
  const [kind, setKind] = useState<ScheduleKind>('daily');
  const [times, setTimes] = useState('3');
  const [start, setStart] = useState(today);
  const [end, setEnd] = useState(addDays(today, 29));
  const [localError, setLocalError] = useState<string | undefined>();
  const errors = formErrors(create.error, FIELDS);
  const f = errors.fields;
  const info = types.find((x) => x.key === type);
  const needsTarget = info?.needsTarget ?? false;
  const hasUnit = info?.valueKind === 'number';

  function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return setLocalError(t('people.challenges.nameRequired'));
    setLocalError(undefined);
    const input: ChallengeInput = {
      name: trimmed,
      habit: {
        type,
        ...(needsTarget && target.trim() !== '' ? { target: Number(target.replace(',', '.')) } : {}),
        ...(hasUnit && unit.trim() ? { unit: unit.trim() } : {}),
        schedule: kind === 'daily' ? { kind } : { kind, times: Number(times) },
      },
      startDate: start,
      endDate: end,
    };
    create.mutate(input, {
      onSuccess: (challenge) => {
        setName('');
        if (challenge) onCreated(challenge);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="4">
        {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
        {habitTypes.isError ? (
          <ErrorAlert>{t('people.challenges.typesFailed', { reason: habitTypes.error.message })}</ErrorAlert>
        ) : null}
        <TextField
          name="challengeName"
          label={t('people.challenges.name')}
          required
          autoComplete="off"
          maxLength={100}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setLocalError(undefined);
          }}
          error={localError ?? f.name}
        />
        <Flex gap="3" wrap="wrap" align="start">
          <Field.Root invalid={pick(f, 'habit.type', 'type', 'habit') !== undefined} w={{ base: 'full', sm: '14rem' }}>
            <Field.Label>{t('people.challenges.type')}</Field.Label>
            <NativeSelect.Root>
              <NativeSelect.Field name="type" value={type} onChange={(e) => setType(e.target.value)}>
                {types
                  .filter((x) => x.key)
                  .map((x) => (
                    <option key={x.key} value={x.key}>
                      {typeName(x.key, types)}
                    </option>
                  ))}
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
            <Field.ErrorText>{pick(f, 'habit.type', 'type', 'habit')}</Field.ErrorText>
          </Field.Root>
          {needsTarget ? (
            <Box w={{ base: 'full', sm: '9rem' }}>
              <TextField
                name="target"
                label={t(type === 'limit' ? 'people.challenges.limit' : 'people.challenges.target')}
                inputMode="decimal"
                required
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                error={pick(f, 'habit.target', 'target')}
              />
            </Box>
          ) : null}
          {hasUnit ? (
            <Box w={{ base: 'full', sm: '10rem' }}>
              <TextField
                name="unit"
                label={
                  <>
                    {t('people.challenges.unit')}{' '}
                    <Text as="span" color="fg.muted" fontWeight="normal">
                      {t('people.optional')}
                    </Text>
                  </>
                }
                placeholder={info?.defaultUnit ?? ''}
                value={unit}
                onChange={(e) => setUnit(e.target.value)}
                error={pick(f, 'habit.unit', 'unit')}
              />
            </Box>
          ) : null}
        </Flex>
        <Flex gap="3" wrap="wrap" align="start">
          <Field.Root invalid={pick(f, 'habit.schedule', 'schedule') !== undefined} w={{ base: 'full', sm: '14rem' }}>
            <Field.Label>{t('people.challenges.schedule')}</Field.Label>
            <NativeSelect.Root>
              <NativeSelect.Field
                name="schedule"
                value={kind}
                onChange={(e) => setKind(e.target.value as ScheduleKind)}
              >
                <option value="daily">{t('people.challenges.schedule.daily')}</option>
                <option value="times_per_week">{t('people.challenges.schedule.weekOption')}</option>
                <option value="times_per_month">{t('people.challenges.schedule.monthOption')}</option>
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
            <Field.ErrorText>{pick(f, 'habit.schedule', 'schedule')}</Field.ErrorText>
          </Field.Root>
          {kind !== 'daily' ? (
            <Box w={{ base: 'full', sm: '9rem' }}>
              <TextField
                name="times"
                label={t(kind === 'times_per_week' ? 'people.challenges.timesWeek' : 'people.challenges.timesMonth')}
                inputMode="numeric"
                required
                value={times}
                onChange={(e) => setTimes(e.target.value)}
                error={pick(f, 'habit.schedule.times', 'schedule.times')}
              />
            </Box>
          ) : null}
        </Flex>
        <Flex gap="3" wrap="wrap" align="start">
          <Box w={{ base: 'full', sm: '11rem' }}>
            <TextField
              name="startDate"
              type="date"
              label={t('people.challenges.start')}
              required
              value={start}
              onChange={(e) => setStart(e.target.value)}
              error={f.startDate}
            />
          </Box>
          <Box w={{ base: 'full', sm: '11rem' }}>
            <TextField
              name="endDate"
              type="date"
              label={t('people.challenges.end')}
              required
              value={end}
              min={start}
              onChange={(e) => setEnd(e.target.value)}
              error={f.endDate}
              hint={t('people.challenges.endHint')}
            />
          </Box>
        </Flex>
        <Button type="submit" alignSelf="start" loading={create.isPending} loadingText={t('people.challenges.creating')}>
          {t('people.challenges.create')}
        </Button>
      </Stack>
    </form>
  );
}

/** The leaderboard of a challenge as a table: rank, name, done days, completion rate and current streak. */
export function Leaderboard({ groupId, challenge, id }: { groupId: string; challenge: Challenge; id: string }) {
  const board = useLeaderboard(groupId, challenge.id ?? '');
  const me = useMe();
  if (board.isPending) return <PageSpinner />;
  if (board.isError) {
    return (
      <ErrorAlert action={<Button size="sm" onClick={() => board.refetch()}>{t('people.retry')}</Button>}>
        {t('people.challenges.boardFailed', { reason: board.error.message })}
      </ErrorAlert>
    );
  }
  if (board.data.length === 0) return <Text id={id}>{t('people.challenges.boardEmpty')}</Text>;
  const caption = t('people.challenges.boardCaption', { name: challenge.name ?? '' });
  return (
    // focusable, so that the keyboard can scroll it on a narrow screen
    <Box id={id} overflowX="auto" tabIndex={0} role="region" aria-label={caption} rounded="md">
      <Table.Root size="sm" variant="outline" striped>
        <Table.Caption captionSide="top" textAlign="start" color="fg.muted" mb="2">
          {caption}
        </Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{t('people.challenges.rank')}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t('people.challenges.person')}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col" textAlign="end">
              {t('people.challenges.doneDays')}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col" textAlign="end">
              {t('people.challenges.rate')}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col" textAlign="end">
              {t('people.challenges.streak')}
            </Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {board.data.map((s) => {
            const mine = s.userId === me.data?.id;
            return (
              <Table.Row key={s.userId} fontWeight={mine ? 'semibold' : undefined} aria-current={mine ? 'true' : undefined}>
                <Table.Cell>{s.rank}</Table.Cell>
                <Table.Cell>{mine ? t('people.groups.you', { name: s.displayName ?? '' }) : s.displayName}</Table.Cell>
                <Table.Cell textAlign="end">{formatNumber(s.doneDays ?? 0)}</Table.Cell>
                <Table.Cell textAlign="end">{formatPercent(s.completionRate)}</Table.Cell>
                <Table.Cell textAlign="end">{formatNumber(s.currentStreak ?? 0)}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table.Root>
    </Box>
  );
}

function ChallengeCard({
  groupId,
  challenge,
  today,
  types,
}: {
  groupId: string;
  challenge: Challenge;
  today: string | undefined;
  types: readonly HabitType[];
}) {
  const join = useJoinChallenge(groupId);
  const [showBoard, setShowBoard] = useState(false);
  const [joined, setJoined] = useState(false);
  const boardId = useId();
  const name = challenge.name ?? '';
  const ended = today !== undefined && challenge.endDate !== undefined && challenge.endDate < today;
  const upcoming = today !== undefined && challenge.startDate !== undefined && challenge.startDate > today;
  const headingId = `challenge-${challenge.id}`;

  return (
    <Card.Root as="li" size="sm" variant="outline" aria-labelledby={headingId}>
      <Card.Body>
        <Stack gap="3">
          <Box>
            <HStack gap="2" wrap="wrap">
              <Heading as="h3" size="md" id={headingId}>
                {name}
              </Heading>
              {ended ? (
                <Badge variant="subtle">{t('people.challenges.ended')}</Badge>
              ) : upcoming ? (
                <Badge variant="subtle" colorPalette="blue">
                  {t('people.challenges.upcoming')}
                </Badge>
              ) : (
                <Badge variant="subtle" colorPalette="green">
                  {t('people.challenges.running')}
                </Badge>
              )}
              {challenge.myHabitId ? (
                <Badge variant="solid" colorPalette="teal">
                  {t('people.challenges.youreIn')}
                </Badge>
              ) : null}
            </HStack>
            <Text textStyle="sm">{challengeHabitText(challenge, types)}</Text>
            <Text textStyle="sm" color="fg.muted">
              {t('people.challenges.dates', {
                start: challenge.startDate ? formatShortDay(challenge.startDate) : '',
                end: challenge.endDate ? formatShortDay(challenge.endDate) : '',
              })}
              {' · '}
              {t('people.challenges.participants', { count: challenge.participants ?? 0 })}
            </Text>
          </Box>
          {join.isError ? <ErrorAlert>{join.error.message}</ErrorAlert> : null}
          {joined ? <Notice>{t('people.challenges.joined', { name })}</Notice> : null}
          <HStack gap="2" wrap="wrap">
            {!challenge.myHabitId && !ended ? (
              <Button
                size="sm"
                loading={join.isPending}
                loadingText={t('people.challenges.joining')}
                aria-label={t('people.challenges.joinLabel', { name })}
                onClick={() => challenge.id && join.mutate(challenge.id, { onSuccess: () => setJoined(true) })}
              >
                {t('people.challenges.join')}
              </Button>
            ) : null}
            <Button
              size="sm"
              variant="outline"
              aria-expanded={showBoard}
              aria-controls={showBoard ? boardId : undefined}
              onClick={() => setShowBoard((v) => !v)}
            >
              {showBoard ? t('people.challenges.hideBoard') : t('people.challenges.showBoard')}
            </Button>
          </HStack>
          {!challenge.myHabitId && !ended ? (
            <Text textStyle="xs" color="fg.muted">
              {t('people.challenges.joinHint')}
            </Text>
          ) : null}
          {showBoard ? <Leaderboard groupId={groupId} challenge={challenge} id={boardId} /> : null}
        </Stack>
      </Card.Body>
    </Card.Root>
  );
}

/** A group's challenges: the list with joining and leaderboards, and a form to start one. */
export function Challenges({ groupId }: { groupId: string }) {
  const challenges = useChallenges(groupId);
  const today = useToday();
  const habitTypes = useHabitTypes();
  const types = habitTypes.data && habitTypes.data.length > 0 ? habitTypes.data : FALLBACK_TYPES;
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | undefined>();
  const formId = useId();
  const date = today.data?.date;

  return (
    <Stack gap="4">
      {created ? <Notice>{created}</Notice> : null}
      {challenges.isPending ? (
        <PageSpinner />
      ) : challenges.isError ? (
        <ErrorAlert action={<Button size="sm" onClick={() => challenges.refetch()}>{t('people.retry')}</Button>}>
          {t('people.challenges.loadFailed', { reason: challenges.error.message })}
        </ErrorAlert>
      ) : challenges.data.length === 0 ? (
        <Text color="fg.muted">{t('people.challenges.empty')}</Text>
      ) : (
        <Stack as="ul" gap="2" listStyleType="none" m="0" p="0">
          {challenges.data.map((c) => (
            <ChallengeCard key={c.id} groupId={groupId} challenge={c} today={date} types={types} />
          ))}
        </Stack>
      )}
      <Box>
        <Button
          variant={creating ? 'ghost' : 'outline'}
          aria-expanded={creating}
          aria-controls={creating ? formId : undefined}
          onClick={() => setCreating((v) => !v)}
        >
          {creating ? t('people.challenges.closeForm') : t('people.challenges.new')}
        </Button>
      </Box>
      {creating ? (
        <Card.Root variant="subtle" id={formId}>
          <Card.Body>
            <Heading as="h3" size="md" mb="3">
              {t('people.challenges.newTitle')}
            </Heading>
            {today.isError ? (
              <ErrorAlert>{t('people.challenges.todayFailed', { reason: today.error.message })}</ErrorAlert>
            ) : date ? (
              <NewChallenge
                groupId={groupId}
                today={date}
                onCreated={(c) => {
                  setCreating(false);
                  setCreated(t('people.challenges.created', { name: c.name ?? '' }));
                }}
              />
            ) : (
              <PageSpinner />
            )}
          </Card.Body>
        </Card.Root>
      ) : null}
    </Stack>
  );
}
