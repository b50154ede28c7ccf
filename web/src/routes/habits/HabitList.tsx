import { Badge, Box, Button, Flex, HStack, IconButton, Link, Menu, Portal, Stack, Text } from '@chakra-ui/react';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { inOrder, moved } from '../../api/habits';
import type { Habit } from '../../api/types';
import { t } from '../../i18n/t';
import { typeName, type KindsState } from './HabitFields';
import { ArrowDownIcon, ArrowUpIcon, DotsIcon, GripIcon } from './icons';
import { scheduleSummary, targetSummary } from './summary';

export type RowControl = 'link' | 'up' | 'down' | 'edit' | 'actions' | 'unarchive' | 'delete';

/** A habit's row control (its `data-control` attribute), for moving the focus to it. */
export function findControl(habitId: string, control: RowControl): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-habit="${habitId}"] [data-control="${control}"]`);
}

/** What a habit row says about the habit: its kind, schedule, target, sharing and referee. */
function HabitMeta({ habit, kinds, weekStart }: { habit: Habit; kinds: KindsState; weekStart: string | undefined }) {
  const target = targetSummary(habit);
  const groups = habit.groupIds?.length ?? 0;
  return (
    <HStack gap="2" wrap="wrap" mt="1" textStyle="sm" color="fg.muted">
      <Badge variant="subtle">{typeName(habit.type, kinds.types)}</Badge>
      <span>{scheduleSummary(habit.schedule, weekStart)}</span>
      {habit.type !== 'boolean' && target ? <span>{target}</span> : null}
      {habit.visibility === 'partners' ? <Badge variant="outline">{t('habits.shared.partners')}</Badge> : null}
      {habit.visibility === 'groups' ? (
        <Badge variant="outline">{t('habits.shared.groups', { count: groups })}</Badge>
      ) : null}
      {habit.refereeUserId ? <Badge variant="outline">{t('habits.refereed')}</Badge> : null}
      {habit.available === false ? (
        <Badge colorPalette="orange" variant="subtle">
          {t('habits.notAvailable')}
        </Badge>
      ) : null}
    </HStack>
  );
}

interface RowProps {
  habit: Habit;
  kinds: KindsState;
  weekStart: string | undefined;
  /** The controls at the start of the row (the drag handle). */
  start?: ReactNode;
  /** The buttons at the end of the row. */
  actions: ReactNode;
  dragging?: boolean;
  onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void;
  rowRef?: (el: HTMLElement | null) => void;
}

/** One habit: its icon and colour, its name linking to its page, what it is, and the actions on it. */
export function HabitRow({ habit, kinds, weekStart, start, actions, dragging, onKeyDown, rowRef }: RowProps) {
  return (
    <Box
      as="li"
      ref={rowRef}
      data-habit={habit.id}
      onKeyDown={onKeyDown}
      borderWidth="1px"
      borderInlineStartWidth="6px"
      borderInlineStartColor={habit.color || 'border'}
      rounded="lg"
      bg={dragging ? 'bg.muted' : 'bg'}
      shadow={dragging ? 'lg' : undefined}
      px={{ base: '2', sm: '3' }}
      py="2.5"
      data-dragging={dragging ? '' : undefined}
    >
      <Flex gap={{ base: '2', sm: '3' }} align="center" wrap="wrap">
        {start}
        {habit.icon ? (
          <Text as="span" fontSize="2xl" lineHeight="1" aria-hidden="true">
            {habit.icon}
          </Text>
        ) : null}
        <Box flex="1" minW="0">
          <Link asChild fontWeight="semibold" color="fg" lineClamp="2" wordBreak="break-word">
            <RouterLink to={`/habits/${habit.id}`} data-control="link">
              {habit.name}
            </RouterLink>
          </Link>
          <HabitMeta habit={habit} kinds={kinds} weekStart={weekStart} />
        </Box>
        <HStack gap="1" flexBasis={{ base: '100%', sm: 'auto' }} justify="flex-end">
          {actions}
        </HStack>
      </Flex>
    </Box>
  );
}

interface ListProps {
  habits: readonly Habit[];
  kinds: KindsState;
  weekStart: string | undefined;
  onReorder: (ids: string[], habit: Habit, position: number) => void;
  onEdit: (habit: Habit) => void;
  onArchive: (habit: Habit) => void;
  onDelete: (habit: Habit) => void;
}

type Control = 'up' | 'down';

/**
 * The active habits in their order. Reordered by dragging a row's handle (mouse, pen or touch), by the Move up/down
 * buttons, or by Alt+Up/Alt+Down anywhere in a row; the focus stays with the moved habit.
 */
export function HabitList({ habits, kinds, weekStart, onReorder, onEdit, onArchive, onDelete }: ListProps) {
  const [drag, setDrag] = useState<{ id: string; ids: string[] } | null>(null);
  const dragRef = useRef(drag);
  dragRef.current = drag;
  const rows = useRef(new Map<string, HTMLElement>());
  const refocus = useRef<{ id: string; control: Control | 'keep'; element: Element | null; order: string } | null>(
    null,
  );
  // a dropped order stays on screen until the list has it (the cache changes a moment after the drop)
  const [dropped, setDropped] = useState<{ ids: string[]; base: string } | null>(null);
  const ids = habits.map((h) => h.id!);
  const order = ids.join();
  const shown = drag
    ? inOrder(habits, drag.ids)
    : dropped && dropped.base === order
      ? inOrder(habits, dropped.ids)
      : habits;
  useEffect(() => {
    if (dropped && dropped.base !== order) setDropped(null);
  }, [dropped, order]);

  // after a move by keyboard the focus stays on the same control of the moved habit (or its other arrow at an end)
  useLayoutEffect(() => {
    const target = refocus.current;
    // only once the list shows the new order (it is changed in the cache a moment later)
    if (!target || target.order !== ids.join()) return;
    refocus.current = null;
    if (target.control === 'keep') {
      if (target.element instanceof HTMLElement && target.element.isConnected) target.element.focus();
      return;
    }
    const other: Control = target.control === 'up' ? 'down' : 'up';
    const same = findControl(target.id, target.control) as HTMLButtonElement | null;
    const fallback = findControl(target.id, other);
    (same && !same.disabled ? same : fallback)?.focus();
  });

  function move(index: number, delta: number, control: Control | 'keep') {
    const to = index + delta;
    const habit = habits[index];
    if (!habit || to < 0 || to >= habits.length) return;
    // Alt+Arrow on an arrow button: like pressing it (at an end, the focus goes to the other arrow)
    const focused = document.activeElement;
    const on = focused instanceof HTMLElement ? focused.dataset.control : undefined;
    const target = control === 'keep' && (on === 'up' || on === 'down') ? on : control;
    const next = moved(ids, index, to);
    refocus.current = { id: habit.id!, control: target, element: focused, order: next.join() };
    onReorder(next, habit, to + 1);
  }

  function onRowKey(index: number) {
    return (e: KeyboardEvent<HTMLElement>) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      e.preventDefault();
      move(index, e.key === 'ArrowUp' ? -1 : 1, 'keep');
    };
  }

  // dragging: the pointer is followed on the window, so that it is not lost when the rows move under it
  function startDrag(e: PointerEvent<HTMLElement>, habit: Habit) {
    if (e.button !== 0 || habits.length < 2) return;
    e.preventDefault();
    const state = { id: habit.id!, ids };
    dragRef.current = state;
    setDrag(state);

    function onMove(ev: globalThis.PointerEvent) {
      const current = dragRef.current;
      if (!current) return;
      const others = current.ids.filter((id) => id !== current.id);
      let position = 0;
      for (const id of others) {
        const box = rows.current.get(id)?.getBoundingClientRect();
        if (box && ev.clientY > box.top + box.height / 2) position += 1;
      }
      const next = [...others];
      next.splice(position, 0, current.id);
      if (next.join() !== current.ids.join()) {
        const state = { id: current.id, ids: next };
        dragRef.current = state;
        setDrag(state);
      }
    }
    function finish(commit: boolean) {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onCancel);
      window.removeEventListener('keydown', onEscape);
      const current = dragRef.current;
      dragRef.current = null;
      setDrag(null);
      if (commit && current && current.ids.join() !== order) {
        setDropped({ ids: current.ids, base: order });
        onReorder(current.ids, habit, current.ids.indexOf(current.id) + 1);
      }
    }
    const onUp = () => finish(true);
    const onCancel = () => finish(false);
    const onEscape = (ev: globalThis.KeyboardEvent) => {
      if (ev.key === 'Escape') finish(false);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onCancel);
    window.addEventListener('keydown', onEscape);
  }

  return (
    <Stack as="ol" gap="2" listStyleType="none" m="0" p="0" aria-label={t('habits.listLabel')}>
      {shown.map((habit) => {
        const index = ids.indexOf(habit.id!);
        const name = habit.name ?? '';
        return (
          <HabitRow
            key={habit.id}
            habit={habit}
            kinds={kinds}
            weekStart={weekStart}
            dragging={drag?.id === habit.id}
            onKeyDown={onRowKey(index)}
            rowRef={(el) => {
              if (el) rows.current.set(habit.id!, el);
              else rows.current.delete(habit.id!);
            }}
            start={
              <Box
                as="span"
                aria-hidden="true"
                title={t('habits.dragHandle')}
                onPointerDown={(e: PointerEvent<HTMLElement>) => startDrag(e, habit)}
                cursor={drag ? 'grabbing' : 'grab'}
                touchAction="none"
                color="fg.muted"
                display="inline-flex"
                alignItems="center"
                justifyContent="center"
                w="8"
                h="10"
                ms="-1"
                rounded="md"
                _hover={{ bg: 'bg.muted' }}
                data-drag-handle=""
              >
                <GripIcon />
              </Box>
            }
            actions={
              <>
                <IconButton
                  data-control="up"
                  aria-label={t('habits.moveUp', { habit: name })}
                  aria-keyshortcuts="Alt+ArrowUp"
                  variant="ghost"
                  size="sm"
                  disabled={index === 0}
                  onClick={() => move(index, -1, 'up')}
                >
                  <ArrowUpIcon />
                </IconButton>
                <IconButton
                  data-control="down"
                  aria-label={t('habits.moveDown', { habit: name })}
                  aria-keyshortcuts="Alt+ArrowDown"
                  variant="ghost"
                  size="sm"
                  disabled={index === habits.length - 1}
                  onClick={() => move(index, 1, 'down')}
                >
                  <ArrowDownIcon />
                </IconButton>
                <Button
                  data-control="edit"
                  aria-label={t('habits.editNamed', { habit: name })}
                  variant="outline"
                  size="sm"
                  onClick={() => onEdit(habit)}
                >
                  {t('habits.edit')}
                </Button>
                <Menu.Root
                  onSelect={(e) => {
                    if (e.value === 'archive') onArchive(habit);
                    if (e.value === 'delete') onDelete(habit);
                  }}
                >
                  <Menu.Trigger asChild>
                    <IconButton
                      data-control="actions"
                      aria-label={t('habits.actions', { habit: name })}
                      variant="ghost"
                      size="sm"
                    >
                      <DotsIcon />
                    </IconButton>
                  </Menu.Trigger>
                  <Portal>
                    <Menu.Positioner>
                      <Menu.Content>
                        <Menu.Item value="archive">{t('habits.archiveNamed', { habit: name })}</Menu.Item>
                        <Menu.Item value="delete" color="fg.error" _hover={{ bg: 'bg.error', color: 'fg.error' }}>
                          {t('habits.deleteNamed', { habit: name })}
                        </Menu.Item>
                      </Menu.Content>
                    </Menu.Positioner>
                  </Portal>
                </Menu.Root>
              </>
            }
          />
        );
      })}
    </Stack>
  );
}
