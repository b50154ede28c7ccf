import { Button, Heading, Stack, Text, VisuallyHidden } from '@chakra-ui/react';
import { useCallback, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { toApiError } from '../api/errors';
import { useArchivedHabits, useHabits, useReorderHabits, useUpdateHabit } from '../api/habits';
import type { Habit } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageSpinner } from '../components/PageSpinner';
import { t } from '../i18n/t';
import { ArchivedSection } from './habits/ArchivedSection';
import { DeleteHabitDialog } from './habits/DeleteHabitDialog';
import { EditHabitDialog } from './habits/EditHabitDialog';
import { findControl, HabitList } from './habits/HabitList';
import { NewHabitForm } from './habits/NewHabitForm';
import { useKinds, useWeekStart } from './habits/shared';

type Notice = { tone: 'status' | 'error'; text: string } | undefined;

/**
 * The user's habits: the active ones in their order (drag or move them; edit, archive or delete each), the form for a
 * new one, and the archived ones, collapsed.
 */
export default function Habits() {
  const habits = useHabits();
  const archived = useArchivedHabits();
  const kinds = useKinds([...(habits.data ?? []), ...(archived.data ?? [])]);
  const weekStart = useWeekStart();
  const [notice, setNotice] = useState<Notice>();
  const [moveText, setMoveText] = useState('');
  // a habit's page links to /habits?edit=<id>: its editor opens at once
  const [params, setParams] = useSearchParams();
  const [editing, setEditingState] = useState<string | undefined>(() => params.get('edit') ?? undefined);
  const setEditing = (id: string | undefined) => {
    setEditingState(id);
    if (id === undefined && params.has('edit')) setParams({}, { replace: true });
  };
  const [deleting, setDeleting] = useState<Habit | undefined>();
  // the last habit each dialog was about, for the focus when it has closed
  const lastEdited = useRef<string | undefined>(undefined);
  const lastDeleting = useRef<Habit | undefined>(undefined);
  const deletedFrom = useRef<readonly Habit[]>([]);
  const [unarchiving, setUnarchiving] = useState<string | undefined>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const update = useUpdateHabit();

  const reorder = useReorderHabits(
    useCallback((error: unknown) => {
      setMoveText('');
      setNotice({ tone: 'error', text: t('habits.reorderFailed', { reason: toApiError(error).message }) });
    }, []),
  );

  const active = habits.data ?? [];
  const editingHabit = editing ? active.find((h) => h.id === editing) : undefined;

  /** Where the focus goes once a habit has left the list: the next one, the one before, or the heading. */
  function focusAfterRemoval(list: readonly Habit[], id: string): HTMLElement | null {
    const index = list.findIndex((h) => h.id === id);
    const next = list[index + 1] ?? list[index - 1];
    return (next?.id ? findControl(next.id, 'link') : null) ?? headingRef.current;
  }

  function onReorder(ids: string[], habit: Habit, position: number) {
    setNotice(undefined);
    setMoveText(t('habits.movedTo', { habit: habit.name ?? '', position, count: ids.length }));
    reorder.mutate(ids);
  }

  function setArchived(habit: Habit, archive: boolean) {
    const name = habit.name ?? '';
    const before = archive ? active : (archived.data ?? []);
    setNotice(undefined);
    if (!archive) setUnarchiving(habit.id);
    update.mutate(
      { id: habit.id!, patch: { archived: archive } },
      {
        onSuccess: () => {
          setNotice({ tone: 'status', text: t(archive ? 'habits.archived' : 'habits.unarchived', { habit: name }) });
          if (archive) {
            focusAfterRemoval(before, habit.id!)?.focus();
          } else {
            // back on the list: its link has the focus
            requestAnimationFrame(() => (findControl(habit.id!, 'link') ?? headingRef.current)?.focus());
          }
        },
        onError: (error) =>
          setNotice({
            tone: 'error',
            text: t(archive ? 'habits.archiveFailed' : 'habits.unarchiveFailed', {
              habit: name,
              reason: toApiError(error).message,
            }),
          }),
        onSettled: () => setUnarchiving(undefined),
      },
    );
  }

  return (
    <Stack gap="6">
      <Stack gap="2">
        <Heading as="h1" size="2xl" ref={headingRef} tabIndex={-1} _focus={{ outline: 'none' }}>
          {t('habits.title')}
        </Heading>
        <Text role="status" color="fg.success" fontWeight="medium">
          {notice?.tone === 'status' ? notice.text : ''}
        </Text>
      </Stack>
      <VisuallyHidden role="status">{moveText}</VisuallyHidden>
      {notice?.tone === 'error' ? <ErrorAlert>{notice.text}</ErrorAlert> : null}
      {habits.isPending ? (
        <PageSpinner />
      ) : habits.isError ? (
        <ErrorAlert
          action={
            <Button size="sm" onClick={() => habits.refetch()}>
              {t('habits.retry')}
            </Button>
          }
        >
          {t('habits.loadFailed', { reason: habits.error.message })}
        </ErrorAlert>
      ) : active.length === 0 ? (
        <Text>{t('habits.empty')}</Text>
      ) : (
        <Stack gap="2">
          <HabitList
            habits={active}
            kinds={kinds}
            weekStart={weekStart}
            onReorder={onReorder}
            onEdit={(h) => {
              setNotice(undefined);
              lastEdited.current = h.id;
              setEditing(h.id);
            }}
            onArchive={(h) => setArchived(h, true)}
            onDelete={(h) => {
              deletedFrom.current = active;
              lastDeleting.current = h;
              setDeleting(h);
            }}
          />
          {active.length > 1 ? (
            <Text textStyle="xs" color="fg.muted">
              {t('habits.reorderHint')}
            </Text>
          ) : null}
        </Stack>
      )}
      <NewHabitForm kinds={kinds} weekStart={weekStart} />
      <ArchivedSection
        kinds={kinds}
        weekStart={weekStart}
        pendingId={unarchiving}
        onUnarchive={(h) => setArchived(h, false)}
        onDelete={(h) => {
          deletedFrom.current = archived.data ?? [];
          lastDeleting.current = h;
          setDeleting(h);
        }}
      />
      <EditHabitDialog
        habit={editingHabit}
        kinds={kinds}
        weekStart={weekStart}
        onClose={() => setEditing(undefined)}
        onSaved={(name) => {
          setEditing(undefined);
          setNotice({ tone: 'status', text: t('habits.saved', { habit: name }) });
        }}
        finalFocus={() => (lastEdited.current ? findControl(lastEdited.current, 'edit') : null) ?? headingRef.current}
      />
      <DeleteHabitDialog
        habit={deleting}
        onClose={() => setDeleting(undefined)}
        onDeleted={(h) => {
          setDeleting(undefined);
          setNotice({ tone: 'status', text: t('habits.deleted', { habit: h.name ?? '' }) });
        }}
        finalFocus={(deleted) => {
          const h = lastDeleting.current;
          if (!h?.id) return headingRef.current;
          if (deleted) return focusAfterRemoval(deletedFrom.current, h.id);
          return findControl(h.id, h.archived ? 'delete' : 'actions') ?? headingRef.current;
        }}
      />
    </Stack>
  );
}
