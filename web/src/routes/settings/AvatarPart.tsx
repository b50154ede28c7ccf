import { Box, Button, Flex, Stack, Text, chakra } from '@chakra-ui/react';
import { useRef, useState, type ChangeEvent } from 'react';
import { PHOTO_ACCEPT } from '../../api/attachments';
import { useAvatar, useRemoveAvatar, useSetAvatar } from '../../api/avatar';
import { toApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n/t';
import { Part, Saved } from './Section';

/** What the server says when it refuses a picture: its detail (the type, the size, a damaged image). */
function refusal(error: unknown): string {
  const e = toApiError(error);
  return e.fieldMessage('file') ?? e.message;
}

/** The first letter of the name, for the circle shown while there is no picture. */
function initial(name: string | undefined): string {
  const first = name?.trim().charAt(0);
  return first ? first.toUpperCase() : '?';
}

/**
 * The profile picture: the current one (its square thumbnail), "Choose a picture" and "Remove". The picture goes
 * through the same checks as a check-in photo; location data is removed.
 */
export function AvatarPart({ displayName }: { displayName?: string }) {
  const avatar = useAvatar();
  const set = useSetAvatar();
  const remove = useRemoveAvatar();
  const [said, setSaid] = useState<string | undefined>();
  const [broken, setBroken] = useState(false);
  const pick = useRef<HTMLInputElement>(null);
  const current = avatar.data ?? null;
  const src = current ? (current.thumbnailUrl ?? current.url) : undefined;

  function picked(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setSaid(undefined);
    remove.reset();
    setBroken(false);
    set.mutate(file, { onSuccess: () => setSaid(t('settings.avatar.saved')) });
  }

  function removed() {
    setSaid(undefined);
    set.reset();
    remove.mutate(undefined, { onSuccess: () => setSaid(t('settings.avatar.removed')) });
  }

  return (
    <Part title={t('settings.avatar.title')} intro={t('settings.avatar.intro')}>
      <Flex gap="4" align="center" wrap="wrap">
        <Box
          w="20"
          h="20"
          rounded="full"
          overflow="hidden"
          borderWidth="1px"
          bg="bg.muted"
          display="flex"
          alignItems="center"
          justifyContent="center"
          flexShrink={0}
        >
          {src && !broken ? (
            <chakra.img
              key={src}
              src={src}
              alt={t('settings.avatar.alt')}
              w="full"
              h="full"
              objectFit="cover"
              onError={() => {
                // the signed URL may have expired: ask for fresh ones once
                if (!avatar.isFetching) void avatar.refetch();
                setBroken(true);
              }}
            />
          ) : (
            <Text fontSize="2xl" fontWeight="bold" color="fg.muted" aria-hidden="true">
              {initial(displayName)}
            </Text>
          )}
        </Box>
        <Stack gap="2">
          {avatar.isSuccess && current === null ? (
            <Text textStyle="sm" color="fg.muted">
              {t('settings.avatar.none')}
            </Text>
          ) : null}
          <Flex gap="2" wrap="wrap">
            <Button size="sm" variant="outline" loading={set.isPending} loadingText={t('settings.avatar.uploading')} onClick={() => pick.current?.click()}>
              {current ? t('settings.avatar.change') : t('settings.avatar.choose')}
            </Button>
            {current ? (
              <Button size="sm" variant="ghost" colorPalette="red" loading={remove.isPending} onClick={removed}>
                {t('settings.avatar.remove')}
              </Button>
            ) : null}
            <input ref={pick} type="file" accept={PHOTO_ACCEPT} hidden onChange={picked} data-testid="avatar-input" />
          </Flex>
          <Text textStyle="xs" color="fg.muted">
            {t('settings.avatar.hint')}
          </Text>
        </Stack>
      </Flex>
      {avatar.isError ? <ErrorAlert>{t('settings.avatar.loadFailed', { reason: avatar.error.message })}</ErrorAlert> : null}
      {set.isError ? <ErrorAlert>{t('settings.avatar.failed', { reason: refusal(set.error) })}</ErrorAlert> : null}
      {remove.isError ? <ErrorAlert>{t('settings.avatar.removeFailed', { reason: remove.error.message })}</ErrorAlert> : null}
      <Saved>{said}</Saved>
    </Part>
  );
}
