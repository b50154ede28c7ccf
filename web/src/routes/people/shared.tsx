import { Badge, Box, Button, Code, Dialog, HStack, Heading, Portal, Stack, Text } from '@chakra-ui/react';
import { useRef, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n/t';
import { formatInstantDay, knownStatus, STATUS_PALETTE, statusText } from './format';

/** A day's status as a coloured badge that says it in words. */
export function StatusBadge({ status }: { status: string | null | undefined }) {
  return (
    <Badge colorPalette={STATUS_PALETTE[knownStatus(status)]} variant="subtle">
      {statusText(status)}
    </Badge>
  );
}

/** A sentence that an action succeeded, announced politely to screen readers. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <Text role="status" color="fg.success" fontWeight="medium">
      {children}
    </Text>
  );
}

/** Copies `text` to the clipboard; answers whether it worked. */
async function copy(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A freshly made invite code, large and selectable, with a copy button and when it expires. */
export function CodeDisplay({ code, expiresAt, label }: { code: string; expiresAt?: string | undefined; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>();
  return (
    <Stack gap="2" p="3" borderWidth="1px" rounded="md" bg="bg.subtle">
      <Text textStyle="sm" color="fg.muted" id={`code-${code}`}>
        {label}
      </Text>
      <HStack gap="3" wrap="wrap">
        <Code
          size="lg"
          fontSize="xl"
          letterSpacing="wider"
          px="3"
          py="1"
          userSelect="all"
          aria-labelledby={`code-${code}`}
          data-testid="invite-code"
        >
          {code}
        </Code>
        <Button
          size="sm"
          variant="outline"
          onClick={async () => setCopied((await copy(code)) ? 'yes' : 'no')}
          aria-label={t('people.code.copyLabel', { code })}
        >
          {t('people.code.copy')}
        </Button>
      </HStack>
      <Box aria-live="polite">
        {copied === 'yes' ? (
          <Text textStyle="sm" color="fg.success">
            {t('people.code.copied')}
          </Text>
        ) : copied === 'no' ? (
          <Text textStyle="sm">{t('people.code.copyFailed')}</Text>
        ) : null}
      </Box>
      {expiresAt ? (
        <Text textStyle="sm" color="fg.muted">
          {t('people.code.expires', { date: formatInstantDay(expiresAt) })}
        </Text>
      ) : null}
    </Stack>
  );
}

interface ConfirmProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The error of the last attempt, shown in the dialog. */
  error: Error | null | undefined;
  onConfirm: () => void;
  onClose: () => void;
  /** A red button for what cannot be undone. */
  destructive?: boolean;
}

/** Asks before an action that cannot be undone; Cancel has the focus first. */
export function ConfirmDialog(props: ConfirmProps) {
  const { open, title, children, confirmLabel, pendingLabel, pending, error, onConfirm, onClose, destructive } = props;
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog.Root
      role="alertdialog"
      open={open}
      onOpenChange={(e) => {
        if (!e.open) onClose();
      }}
      lazyMount
      unmountOnExit
      placement="center"
      initialFocusEl={() => cancelRef.current}
    >
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner px="3">
          <Dialog.Content>
            <Dialog.Header>
              <Dialog.Title>{title}</Dialog.Title>
            </Dialog.Header>
            <Dialog.Body>
              <Stack gap="3">
                {error ? <ErrorAlert>{error.message}</ErrorAlert> : null}
                <Dialog.Description asChild>
                  <div>{children}</div>
                </Dialog.Description>
              </Stack>
            </Dialog.Body>
            <Dialog.Footer>
              <Button ref={cancelRef} variant="outline" onClick={onClose}>
                {t('people.cancel')}
              </Button>
              <Button
                colorPalette={destructive ? 'red' : 'teal'}
                onClick={onConfirm}
                loading={pending}
                loadingText={pendingLabel}
              >
                {confirmLabel}
              </Button>
            </Dialog.Footer>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}

/** A section of a People screen: an h2 that names it. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack as="section" aria-labelledby={id} gap="3">
      <Heading as="h2" size="lg" id={id}>
        {title}
      </Heading>
      {children}
    </Stack>
  );
}
