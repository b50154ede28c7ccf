import { Button, Dialog, Portal, Stack, Text } from '@chakra-ui/react';
import { useRef, useState } from 'react';
import { useDeleteHabit } from '../../api/habits';
import type { Habit } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n/t';

interface Props {
  /** The habit to delete; undefined when the dialog is closed. */
  habit: Habit | undefined;
  onClose: () => void;
  onDeleted: (habit: Habit) => void;
  /** Where the focus goes when the dialog closes: `deleted` says whether the habit is gone. */
  finalFocus: (deleted: boolean) => HTMLElement | null;
}

/** Asks before a habit is deleted with its whole history, naming it; Cancel has the focus first. */
export function DeleteHabitDialog({ habit, onClose, onDeleted, finalFocus }: Props) {
  const remove = useDeleteHabit();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const deleted = useRef(false);
  const [shown, setShown] = useState(habit);
  if (habit && habit !== shown) setShown(habit);
  const current = habit ?? shown;
  const name = current?.name ?? '';

  function confirm() {
    if (!current?.id) return;
    remove.mutate(current.id, {
      onSuccess: () => {
        deleted.current = true;
        onDeleted(current);
      },
    });
  }

  return (
    <Dialog.Root
      role="alertdialog"
      open={habit !== undefined}
      onOpenChange={(e) => {
        if (!e.open) onClose();
      }}
      onExitComplete={() => {
        deleted.current = false;
        remove.reset();
      }}
      lazyMount
      unmountOnExit
      initialFocusEl={() => cancelRef.current}
      finalFocusEl={() => finalFocus(deleted.current)}
    >
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content>
            <Dialog.Header>
              <Dialog.Title>{t('habits.deleteTitle', { habit: name })}</Dialog.Title>
            </Dialog.Header>
            <Dialog.Body>
              <Stack gap="3">
                {remove.isError ? <ErrorAlert>{remove.error.message}</ErrorAlert> : null}
                <Text>{t('habits.deleteBody', { habit: name })}</Text>
                {current?.archived ? null : <Text color="fg.muted">{t('habits.deleteArchiveInstead')}</Text>}
              </Stack>
            </Dialog.Body>
            <Dialog.Footer>
              <Button ref={cancelRef} variant="outline" onClick={onClose}>
                {t('habits.cancel')}
              </Button>
              <Button colorPalette="red" onClick={confirm} loading={remove.isPending} loadingText={t('habits.deleting')}>
                {t('habits.deleteNamed', { habit: name })}
              </Button>
            </Dialog.Footer>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
