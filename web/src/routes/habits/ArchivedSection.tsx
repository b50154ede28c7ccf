import { Box, Button, Heading, Stack, Text } from '@chakra-ui/react';
import { useId, useState } from 'react';
import { useArchivedHabits } from '../../api/habits';
import type { Habit } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n/t';
import type { KindsState } from './HabitFields';
import { HabitRow } from './HabitList';
import { ChevronIcon } from './icons';

interface Props {
  kinds: KindsState;
  weekStart: string | undefined;
  /** The habit being unarchived, whose button waits. */
  pendingId: string | undefined;
  onUnarchive: (habit: Habit) => void;
  onDelete: (habit: Habit) => void;
}

/** The archived habits, collapsed under their heading until asked for; each can come back or be deleted. */
export function ArchivedSection({ kinds, weekStart, pendingId, onUnarchive, onDelete }: Props) {
  const archived = useArchivedHabits();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (archived.isPending) return null;
  if (archived.isError) {
    return (
      <ErrorAlert
        action={
          <Button size="sm" onClick={() => archived.refetch()}>
            {t('habits.retry')}
          </Button>
        }
      >
        {t('habits.archivedLoadFailed', { reason: archived.error.message })}
      </ErrorAlert>
    );
  }
  const habits = archived.data;
  if (habits.length === 0) return null;
  return (
    <Box as="section" data-section="archived">
      <Heading as="h2" size="md">
        <Button
          variant="ghost"
          size="md"
          px="2"
          ms="-2"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
          data-archived-toggle=""
        >
          <ChevronIcon open={open} />
          {t('habits.archivedSection', { count: habits.length })}
        </Button>
      </Heading>
      <Stack id={panelId} hidden={!open} gap="3" mt="2">
        <Text color="fg.muted" textStyle="sm">
          {t('habits.archivedHint')}
        </Text>
        <Stack as="ul" gap="2" listStyleType="none" m="0" p="0">
          {habits.map((habit) => {
            const name = habit.name ?? '';
            return (
              <HabitRow
                key={habit.id}
                habit={habit}
                kinds={kinds}
                weekStart={weekStart}
                actions={
                  <>
                    <Button
                      data-control="unarchive"
                      aria-label={t('habits.unarchiveNamed', { habit: name })}
                      variant="outline"
                      size="sm"
                      loading={pendingId === habit.id}
                      onClick={() => onUnarchive(habit)}
                    >
                      {t('habits.unarchive')}
                    </Button>
                    <Button
                      data-control="delete"
                      aria-label={t('habits.deleteNamed', { habit: name })}
                      variant="ghost"
                      colorPalette="red"
                      size="sm"
                      onClick={() => onDelete(habit)}
                    >
                      {t('habits.delete')}
                    </Button>
                  </>
                }
              />
            );
          })}
        </Stack>
      </Stack>
    </Box>
  );
}
