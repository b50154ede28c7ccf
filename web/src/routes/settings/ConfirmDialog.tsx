import { Button, Dialog, Portal, Stack, Text } from '@chakra-ui/react';
import { useRef, type FormEvent, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n/t';

interface Props {
  open: boolean;
  title: string;
  /** What happens, in a sentence or two. */
  body: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The sentence of what went wrong, shown above the buttons. */
  error?: string | undefined;
  onConfirm: () => void;
  onClose: () => void;
  /** Fields the confirmation needs (a password); the first one gets the focus, otherwise Cancel does. */
  children?: ReactNode;
  /** The confirm button stays off until this is true (a typed confirmation). */
  ready?: boolean;
  /** Where the focus goes when the dialog closes. */
  finalFocus?: () => HTMLElement | null;
}

/** Asks before something that cannot be undone; a form, so that Enter confirms and Escape cancels. */
export function ConfirmDialog(props: Props) {
  const { open, title, body, confirmLabel, pendingLabel, pending, error, onConfirm, onClose, children } = props;
  const cancelRef = useRef<HTMLButtonElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (props.ready === false || pending) return;
    onConfirm();
  }

  return (
    <Dialog.Root
      role="alertdialog"
      open={open}
      onOpenChange={(e) => {
        if (!e.open && !pending) onClose();
      }}
      lazyMount
      unmountOnExit
      initialFocusEl={() =>
        contentRef.current?.querySelector<HTMLElement>('input:not([hidden]):not([type=hidden])') ?? cancelRef.current
      }
      finalFocusEl={props.finalFocus}
    >
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content ref={contentRef}>
            <form onSubmit={submit} noValidate>
              <Dialog.Header>
                <Dialog.Title>{title}</Dialog.Title>
              </Dialog.Header>
              <Dialog.Body>
                <Stack gap="3">
                  {error ? <ErrorAlert>{error}</ErrorAlert> : null}
                  {typeof body === 'string' ? <Text>{body}</Text> : body}
                  {children}
                </Stack>
              </Dialog.Body>
              <Dialog.Footer flexWrap="wrap">
                <Button ref={cancelRef} variant="outline" onClick={onClose} disabled={pending}>
                  {t('settings.cancel')}
                </Button>
                <Button
                  type="submit"
                  colorPalette="red"
                  loading={pending}
                  loadingText={pendingLabel}
                  disabled={props.ready === false}
                >
                  {confirmLabel}
                </Button>
              </Dialog.Footer>
            </form>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
