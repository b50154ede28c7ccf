import { Alert, Box, Button, Flex, HStack, Heading, ProgressCircle, Stack, Text } from '@chakra-ui/react';
import { useMutationState } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useMe } from '../api/auth';
import { toApiError } from '../api/errors';
import { dayChangeKey, newIdempotencyKey, useDayChange, useToday, type OnFailure } from '../api/today';
import type { Today as TodayData } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageSpinner } from '../components/PageSpinner';
import { t } from '../i18n/t';
import { formatDay } from '../lib/dates';
import { applyAll, type ChangeKind, type DayChange, type TodayEntry } from '../offline/changes';
import { rememberUser } from '../offline/persist';
import { isOfflineError } from '../offline/queue';
import { useOfflineSync } from '../offline/useOfflineSync';
import { controlKind, HabitRow, type Submit } from './today/HabitRow';
import { OfflineBanner } from './today/OfflineBanner';

/** The day's progress: the share of the habits to do today that are done (a skipped day is not to do). */
export function dayProgress(today: TodayData): { done: number; count: number } {
  const items = (today.habits ?? []).filter((i) => (i.due || i.status === 'done') && i.status !== 'skipped');
  return { done: items.filter((i) => i.status === 'done').length, count: items.length };
}

function DayRing({ today }: { today: TodayData }) {
  const { done, count } = dayProgress(today);
  const percent = count === 0 ? 0 : Math.round((done / count) * 100);
  const label = count === 0 ? t('today.nothingDue') : t('today.progress', { done, count });
  return (
    <HStack gap="4">
      <ProgressCircle.Root value={percent} size="lg" colorPalette="teal" aria-label={t('today.progressLabel')}>
        <ProgressCircle.Circle>
          <ProgressCircle.Track />
          <ProgressCircle.Range strokeLinecap="round" />
        </ProgressCircle.Circle>
      </ProgressCircle.Root>
      <Text fontWeight="medium" aria-live="polite">
        {label}
      </Text>
    </HStack>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The kinds of change each habit has in flight (for the rows' Saving… states). */
function useSaving(): Map<string, Set<ChangeKind>> {
  const pending = useMutationState({
    filters: { mutationKey: dayChangeKey, status: 'pending' },
    select: (m) => m.state.variables as DayChange | undefined,
  });
  return useMemo(() => {
    const map = new Map<string, Set<ChangeKind>>();
    for (const c of pending) {
      if (!c) continue;
      const set = map.get(c.habitId) ?? new Set<ChangeKind>();
      set.add(c.kind);
      map.set(c.habitId, set);
    }
    return map;
  }, [pending]);
}

const NOTHING = new Set<ChangeKind>();

/**
 * Today: each habit of the day with its status; a tap checks a habit in, +/- counts, a measurement takes its value,
 * a journal its entry; a note and a skip for any day; keys 1–9 do the first. Works offline: changes wait on this
 * device and are sent when the browser is back online.
 */
export default function Today() {
  const me = useMe();
  const userId = me.data?.id;
  useEffect(() => rememberUser(me.data), [me.data]);
  const today = useToday(userId);
  const sync = useOfflineSync(userId);
  const [failure, setFailure] = useState<string | undefined>();
  const [noteFor, setNoteFor] = useState<string | undefined>();
  const valueFields = useRef(new Map<string, HTMLInputElement>());
  const onFailure = useCallback<OnFailure>(
    (error, habit) => setFailure(t('today.failed', { habit, reason: toApiError(error).message })),
    [],
  );
  const { submit: send } = useDayChange(userId, onFailure);
  const saving = useSaving();

  // what the server said, with every change still waiting on this device on top
  const data = useMemo(
    () => (today.data ? applyAll(today.data, sync.pending) : undefined),
    [today.data, sync.pending],
  );
  const date = data?.date;

  const submit = useCallback<Submit>(
    (item, kind, body = {}, done) => {
      const id = item.habit?.id;
      if (!id || !date) return;
      setFailure(undefined);
      const change: DayChange = { habitId: id, habitName: item.habit?.name ?? '', date, kind, body };
      if (kind === 'increment') change.idempotencyKey = newIdempotencyKey();
      send(change, done);
    },
    [send, date],
  );

  const items: TodayEntry[] = data?.habits ?? [];
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target) || !/^[1-9]$/.test(e.key)) return;
      const item = items[Number(e.key) - 1];
      if (!item || item.habit?.available === false) return;
      const kind = controlKind(item);
      const id = item.habit?.id ?? '';
      if (kind === 'boolean') submit(item, item.status === 'done' ? 'uncheck' : 'check');
      else if (kind === 'counting') submit(item, 'increment', { delta: 1 });
      else if (kind === 'measurement') valueFields.current.get(id)?.focus();
      else if (kind === 'journal') setNoteFor(id);
      else return;
      e.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [items, submit]);

  if (!data) {
    if (today.isError) {
      return (
        <ErrorAlert action={<Button size="sm" onClick={() => today.refetch()}>{t('today.retry')}</Button>}>
          {t('today.loadFailed', { reason: today.error.message })}
        </ErrorAlert>
      );
    }
    if (today.fetchStatus === 'paused' || !sync.online) {
      return (
        <Stack gap="4">
          <Heading as="h1" size="2xl">
            {t('today.title')}
          </Heading>
          <Alert.Root status="warning" role="status">
            <Alert.Indicator />
            <Alert.Description>{t('offline.noData')}</Alert.Description>
          </Alert.Root>
        </Stack>
      );
    }
    return <PageSpinner />;
  }

  // offline, what shows is what was loaded last (maybe by an earlier visit): say when
  const staleSince = !sync.online && today.dataUpdatedAt > 0 ? today.dataUpdatedAt : undefined;
  const loadError = today.isError && !isOfflineError(today.error) ? today.error : undefined;
  return (
    <Stack gap="5">
      <Flex justify="space-between" align="center" gap="4" wrap="wrap">
        <Box>
          <Heading as="h1" size="2xl">
            {t('today.title')}
          </Heading>
          {data.date ? <Text color="fg.muted">{formatDay(data.date)}</Text> : null}
        </Box>
        <DayRing today={data} />
      </Flex>
      <OfflineBanner sync={sync} staleSince={staleSince} timezone={data.timezone} />
      {loadError ? (
        <ErrorAlert action={<Button size="sm" onClick={() => today.refetch()}>{t('today.retry')}</Button>}>
          {t('today.loadFailed', { reason: loadError.message })}
        </ErrorAlert>
      ) : null}
      {failure ? (
        <ErrorAlert
          action={
            <Button size="xs" variant="ghost" onClick={() => setFailure(undefined)}>
              {t('today.dismiss')}
            </Button>
          }
        >
          {failure}
        </ErrorAlert>
      ) : null}
      {items.length === 0 ? (
        <Stack gap="3" align="start">
          <Text>{t('today.empty')}</Text>
          <Button asChild>
            <RouterLink to="/habits">{t('today.addHabit')}</RouterLink>
          </Button>
        </Stack>
      ) : (
        <>
          <Stack as="ol" gap="2" listStyleType="none" m="0" p="0">
            {items.map((item, index) => {
              const id = item.habit?.id ?? String(index);
              return (
                <HabitRow
                  key={id}
                  ref={(el) => {
                    if (el) valueFields.current.set(id, el);
                    else valueFields.current.delete(id);
                  }}
                  item={item}
                  index={index}
                  date={data.date ?? ''}
                  timezone={data.timezone}
                  online={sync.online}
                  saving={saving.get(id) ?? NOTHING}
                  noteOpen={noteFor === id}
                  onNoteOpen={(open) => setNoteFor(open ? id : undefined)}
                  submit={submit}
                />
              );
            })}
          </Stack>
          <Text textStyle="xs" color="fg.muted" display={{ base: 'none', md: 'block' }}>
            {t('today.shortcuts')}
          </Text>
        </>
      )}
    </Stack>
  );
}
