import { Button, CloseButton, Dialog, Field, Portal, Stack, Text, Textarea } from '@chakra-ui/react';
import { useEffect, useState, type FormEvent } from 'react';
import { formErrors } from '../../api/errors';
import { useNudgePartner, type NudgeResult } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n/t';

/** Whom to nudge about what. */
export interface NudgeTarget {
  userId: string;
  actor: string;
  habitId: string;
  habit: string;
}

const FIELDS = ['message'] as const;
const MAX = 200;

/** The sentence for a nudge the server took. */
export function nudgeSentText(actor: string, result: NudgeResult | undefined): string {
  const left = result?.remainingToday;
  if (left === 0) return t('feed.nudge.sentNoMore', { actor });
  if (left === undefined || left === null) return t('feed.nudge.sentPlain', { actor });
  return t('feed.nudge.sent', { actor, count: left });
}

/** A dialog to nudge a partner about a habit they share, with an optional message. */
export function NudgeDialog({
  target,
  onClose,
  onSent,
}: {
  target: NudgeTarget | undefined;
  onClose: () => void;
  onSent: (text: string) => void;
}) {
  const nudge = useNudgePartner();
  const [message, setMessage] = useState('');
  const errors = formErrors(nudge.error, FIELDS);
  const { reset } = nudge;

  useEffect(() => {
    if (target) {
      setMessage('');
      reset();
    }
  }, [target, reset]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!target) return;
    const trimmed = message.trim();
    nudge.mutate(
      { userId: target.userId, habitId: target.habitId, message: trimmed || undefined },
      {
        onSuccess: (result) => {
          onSent(nudgeSentText(target.actor, result));
          onClose();
        },
      },
    );
  }

  return (
    <Dialog.Root open={target !== undefined} onOpenChange={(e) => (e.open ? undefined : onClose())} placement="center">
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner px="3">
          <Dialog.Content>
            <form onSubmit={submit} noValidate>
              <Dialog.Header>
                <Dialog.Title>{target ? t('feed.nudge.title', { actor: target.actor }) : null}</Dialog.Title>
              </Dialog.Header>
              <Dialog.Body>
                <Stack gap="4">
                  <Dialog.Description>
                    {target ? t('feed.nudge.text', { actor: target.actor, habit: target.habit }) : null}
                  </Dialog.Description>
                  {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
                  <Field.Root invalid={errors.fields.message !== undefined}>
                    <Field.Label>
                      {t('feed.nudge.message')}{' '}
                      <Text as="span" color="fg.muted">
                        {t('field.optional')}
                      </Text>
                    </Field.Label>
                    <Textarea
                      name="message"
                      value={message}
                      maxLength={MAX}
                      rows={3}
                      autoresize
                      onChange={(e) => setMessage(e.target.value)}
                    />
                    {errors.fields.message ? null : (
                      <Field.HelperText display="flex" gap="3" justifyContent="space-between">
                        <span>{t('feed.nudge.hint')}</span>
                        <span>{t('feed.nudge.length', { count: message.length, max: MAX })}</span>
                      </Field.HelperText>
                    )}
                    <Field.ErrorText>{errors.fields.message}</Field.ErrorText>
                  </Field.Root>
                </Stack>
              </Dialog.Body>
              <Dialog.Footer>
                <Dialog.ActionTrigger asChild>
                  <Button variant="outline" type="button">
                    {t('feed.nudge.cancel')}
                  </Button>
                </Dialog.ActionTrigger>
                <Button type="submit" loading={nudge.isPending} loadingText={t('feed.nudge.sending')}>
                  {t('feed.nudge.send')}
                </Button>
              </Dialog.Footer>
            </form>
            <Dialog.CloseTrigger asChild>
              <CloseButton size="sm" aria-label={t('feed.nudge.close')} />
            </Dialog.CloseTrigger>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
