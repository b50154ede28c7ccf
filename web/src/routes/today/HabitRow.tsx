import {
  Badge,
  Box,
  Button,
  Card,
  Flex,
  HStack,
  IconButton,
  Link,
  Menu,
  Portal,
  Text,
} from '@chakra-ui/react';
import { forwardRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { toApiError } from '../../api/errors';
import type { Outcome } from '../../api/today';
import type { DayStatus } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckIcon, MinusIcon, PlusIcon } from '../../components/icons';
import { t } from '../../i18n/t';
import { formatTime } from '../../lib/dates';
import { COUNTING_TYPES, type ChangeBody, type ChangeKind, type TodayEntry } from '../../offline/changes';
import { periodText } from './format';
import { MoreIcon, NoteIcon } from './icons';
import { NoteEditor } from './NoteEditor';
import { ValueField } from './ValueField';

const STATUS_PALETTE: Record<DayStatus, string> = {
  done: 'green',
  partial: 'blue',
  missed: 'red',
  skipped: 'gray',
  paused: 'purple',
  pending: 'orange',
  not_due: 'gray',
};

function statusText(status: string | undefined): string {
  return status && status in STATUS_PALETTE ? t(`status.${status as DayStatus}`) : (status ?? '');
}

function StatusBadge({ status }: { status: string | undefined }) {
  const palette = STATUS_PALETTE[(status ?? 'pending') as DayStatus] ?? 'gray';
  return (
    <Badge colorPalette={palette} variant="subtle">
      {statusText(status)}
    </Badge>
  );
}

/** The kinds of habit Today can check in, and how. */
export function controlKind(item: TodayEntry): 'boolean' | 'counting' | 'measurement' | 'journal' | undefined {
  const type = item.habit?.type;
  if (type === 'boolean' || type === 'measurement' || type === 'journal') return type;
  if (type && COUNTING_TYPES.has(type)) return 'counting';
  return undefined;
}

/** Submits one change of this row's day; `done` hears how it ended. */
export type Submit = (item: TodayEntry, kind: ChangeKind, body?: ChangeBody, done?: (outcome: Outcome) => void) => void;

export interface HabitRowProps {
  item: TodayEntry;
  index: number;
  date: string;
  timezone: string | undefined;
  online: boolean;
  /** The kinds of change of this habit the server has not answered yet. */
  saving: ReadonlySet<ChangeKind>;
  noteOpen: boolean;
  onNoteOpen: (open: boolean) => void;
  submit: Submit;
}

/**
 * One habit of the day: its name (a link to the habit), status, progress and period; the control that checks it
 * in (a tap, +/-, a value or an entry); a note; and a menu with Skip today.
 */
export const HabitRow = forwardRef<HTMLInputElement, HabitRowProps>(function HabitRow(
  { item, index, date, timezone, online, saving, noteOpen, onNoteOpen, submit },
  valueRef,
) {
  const habit = item.habit ?? {};
  const id = habit.id ?? '';
  const name = habit.name ?? '';
  const kind = controlKind(item);
  const done = item.status === 'done';
  const skipped = item.status === 'skipped';
  const unavailable = habit.available === false;
  const editable = kind !== undefined && !unavailable;
  const value = item.progress?.value ?? 0;
  const target = item.progress?.target ?? habit.target ?? undefined;
  const shortcut = index < 9 ? String(index + 1) : undefined;
  const period = periodText(item);
  const [valueError, setValueError] = useState<unknown>();
  const [noteError, setNoteError] = useState<unknown>();
  const [skipError, setSkipError] = useState<unknown>();

  let control;
  if (kind === 'boolean') {
    control = (
      <Button
        aria-pressed={done}
        aria-keyshortcuts={shortcut}
        variant={done ? 'solid' : 'outline'}
        colorPalette={done ? 'green' : 'teal'}
        disabled={unavailable}
        onClick={() => submit(item, done ? 'uncheck' : 'check')}
        minW="11"
        h="11"
        px="3"
        aria-label={name}
        title={t(done ? 'today.uncheck' : 'today.check', { habit: name })}
      >
        <CheckIcon />
      </Button>
    );
  } else if (kind === 'counting') {
    control = (
      <HStack gap="1">
        <IconButton
          aria-label={t('today.decrement', { habit: name })}
          variant="outline"
          disabled={unavailable || value <= 0}
          onClick={() => submit(item, 'increment', { delta: -1 })}
          size="lg"
        >
          <MinusIcon />
        </IconButton>
        <IconButton
          aria-label={t('today.increment', { habit: name })}
          aria-keyshortcuts={shortcut}
          disabled={unavailable}
          onClick={() => submit(item, 'increment', { delta: 1 })}
          size="lg"
        >
          <PlusIcon />
        </IconButton>
      </HStack>
    );
  } else if (kind === 'measurement') {
    control = (
      <ValueField
        ref={valueRef}
        habitName={name}
        unit={habit.unit ?? undefined}
        value={item.progress?.value ?? undefined}
        disabled={unavailable}
        saving={saving.has('value')}
        error={valueError}
        onSave={(v) => {
          setValueError(undefined);
          const settle = (o: Outcome) => setValueError(o.result === 'failed' ? o.error : undefined);
          if (v === null) submit(item, 'uncheck', {}, settle);
          else submit(item, 'value', { value: v }, settle);
        }}
      />
    );
  } else if (kind === 'journal') {
    control = noteOpen ? null : (
      <Button
        variant={done ? 'outline' : 'solid'}
        size="sm"
        disabled={unavailable}
        aria-keyshortcuts={shortcut}
        aria-label={t(done ? 'today.editEntryLabel' : 'today.writeEntryLabel', { habit: name })}
        onClick={() => onNoteOpen(true)}
      >
        <NoteIcon />
        {t(done ? 'today.editEntry' : 'today.writeEntry')}
      </Button>
    );
  }

  const hasNote = typeof item.note === 'string' && item.note.length > 0;
  // a measurement's note needs its value first (the server refuses a note alone); a journal's note is its entry
  const canNote = editable && kind !== 'journal' && (kind !== 'measurement' || item.progress?.value != null);
  const valueText =
    target === undefined || target === null
      ? t('today.valueNoTarget', { value })
      : t('today.value', { value, target });

  function saveNote(note: string) {
    setNoteError(undefined);
    const settle = (o: Outcome) => {
      if (o.result === 'failed') setNoteError(o.error);
      else onNoteOpen(false);
    };
    if (kind === 'journal' && note === '') submit(item, 'uncheck', {}, settle);
    else submit(item, 'note', { note }, settle);
  }

  return (
    <Card.Root as="li" size="sm" variant="outline" data-status={item.status}>
      <Card.Body>
        <Flex gap="3" align="center">
          {shortcut ? (
            <Text as="span" aria-hidden="true" color="fg.muted" fontFamily="mono" w="3" display={{ base: 'none', sm: 'block' }}>
              {shortcut}
            </Text>
          ) : null}
          <Box flex="1" minW="0">
            <Link asChild fontWeight="semibold" color="fg" display="block" truncate>
              <RouterLink to={`/habits/${encodeURIComponent(id)}`} title={t('today.openHabit', { habit: name })}>
                {name}
              </RouterLink>
            </Link>
            <HStack gap="2" wrap="wrap" mt="1">
              <StatusBadge status={item.status} />
              {skipped && editable ? (
                <Button
                  size="2xs"
                  variant="outline"
                  aria-label={t('today.undoSkipLabel', { habit: name })}
                  onClick={() => {
                    setSkipError(undefined);
                    submit(item, 'unskip', {}, (o) => setSkipError(o.result === 'failed' ? o.error : undefined));
                  }}
                >
                  {t('today.undoSkip')}
                </Button>
              ) : null}
              {kind === 'counting' ? (
                <Text textStyle="sm" color="fg.muted" data-testid="value">
                  {habit.unit ? t('today.unit', { value: valueText, unit: habit.unit }) : valueText}
                </Text>
              ) : null}
              {period ? (
                <>
                  <Text textStyle="sm" color="fg.muted" data-testid="period">
                    {period.progress}
                  </Text>
                  <Text textStyle="sm" color="fg.muted">
                    {period.due}
                  </Text>
                </>
              ) : null}
              {item.nextReminderAt ? (
                <Text textStyle="xs" color="fg.muted">
                  {t('today.reminder', { time: formatTime(item.nextReminderAt, timezone) })}
                </Text>
              ) : null}
            </HStack>
            {hasNote && !noteOpen ? (
              <Text textStyle="sm" mt="1" whiteSpace="pre-wrap" lineClamp={3} data-testid="note">
                {item.note}
              </Text>
            ) : null}
            {unavailable ? (
              <Text textStyle="xs" color="fg.muted" mt="1">
                {t('today.notAvailable')}
              </Text>
            ) : !kind ? (
              <Text textStyle="xs" color="fg.muted" mt="1">
                {t('today.notEditable')}
              </Text>
            ) : null}
          </Box>
          {control}
          {editable ? (
            <Menu.Root positioning={{ placement: 'bottom-end' }} lazyMount unmountOnExit>
              <Menu.Trigger asChild>
                <IconButton aria-label={t('today.more', { habit: name })} variant="ghost" size="sm">
                  <MoreIcon />
                </IconButton>
              </Menu.Trigger>
              <Portal>
                <Menu.Positioner>
                  <Menu.Content>
                    {skipped ? (
                      <Menu.Item value="unskip" onSelect={() => submit(item, 'unskip', {}, (o) => setSkipError(o.result === 'failed' ? o.error : undefined))}>
                        {t('today.unskip')}
                      </Menu.Item>
                    ) : (
                      <Menu.Item value="skip" onSelect={() => submit(item, 'skip', {}, (o) => setSkipError(o.result === 'failed' ? o.error : undefined))}>
                        {t('today.skip')}
                      </Menu.Item>
                    )}
                    {canNote ? (
                      <Menu.Item value="note" onSelect={() => onNoteOpen(true)}>
                        {t(hasNote ? 'today.editNote' : 'today.addNote')}
                      </Menu.Item>
                    ) : null}
                    <Menu.Item value="details" asChild>
                      <RouterLink to={`/habits/${encodeURIComponent(id)}`}>{t('today.details')}</RouterLink>
                    </Menu.Item>
                  </Menu.Content>
                </Menu.Positioner>
              </Portal>
            </Menu.Root>
          ) : null}
        </Flex>
        {canNote && !noteOpen ? (
          <Box mt="1" ms={{ base: '0', sm: shortcut ? '6' : '0' }}>
            <Button
              size="xs"
              variant="ghost"
              px="1"
              color="fg.muted"
              aria-label={t(hasNote ? 'today.editNoteLabel' : 'today.addNoteLabel', { habit: name })}
              onClick={() => onNoteOpen(true)}
            >
              <NoteIcon />
              {t(hasNote ? 'today.editNote' : 'today.addNote')}
            </Button>
          </Box>
        ) : null}
        {noteOpen ? (
          <NoteEditor
            habitId={id}
            habitName={name}
            date={date}
            known={item.note}
            entry={kind === 'journal'}
            online={online}
            saving={saving.has('note') || (kind === 'journal' && saving.has('uncheck'))}
            error={noteError}
            onSave={saveNote}
            onCancel={() => {
              setNoteError(undefined);
              onNoteOpen(false);
            }}
          />
        ) : null}
        {skipError ? <ErrorAlert>{t('today.failed', { habit: name, reason: toApiError(skipError).message })}</ErrorAlert> : null}
      </Card.Body>
    </Card.Root>
  );
});
