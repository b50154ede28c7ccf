import { Field, Switch, Text } from '@chakra-ui/react';
import { usePhotoSharing, useSetPhotoSharing } from '../../api/attachments';
import type { Habit } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n/t';

/**
 * Whether the partners or group members who see a habit also see its photos (the owner's choice, off by default);
 * a private habit's photos are seen by its referee only, so there is nothing to choose.
 */
export function PhotoSharing({ habit }: { habit: Habit }) {
  const id = habit.id ?? '';
  const shared = habit.visibility === 'partners' || habit.visibility === 'groups';
  const sharing = usePhotoSharing(id, shared);
  const change = useSetPhotoSharing(id);

  if (!shared) {
    return (
      <Text textStyle="xs" color="fg.muted">
        {t('detail.photos.privateHint')}
      </Text>
    );
  }
  if (sharing.isError) return null;
  const on = change.isPending ? change.variables === true : sharing.data?.shareAttachments === true;
  return (
    <Field.Root>
      {change.isError ? <ErrorAlert>{t('detail.photos.shareFailed', { reason: change.error.message })}</ErrorAlert> : null}
      <Switch.Root
        checked={on}
        disabled={sharing.isPending || change.isPending}
        onCheckedChange={(e) => change.mutate(e.checked)}
        name="shareAttachments"
        colorPalette="teal"
        size="sm"
      >
        <Switch.HiddenInput />
        <Switch.Control />
        <Switch.Label>{t('detail.photos.share')}</Switch.Label>
      </Switch.Root>
      <Field.HelperText>{on ? t('detail.photos.shareHintOn') : t('detail.photos.shareHint')}</Field.HelperText>
    </Field.Root>
  );
}
