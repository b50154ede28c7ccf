import { Box, Button, CloseButton, Dialog, Flex, Heading, Link, Portal, Stack, Text, chakra } from '@chakra-ui/react';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import {
  PHOTO_ACCEPT,
  useAttachments,
  usePartnerAttachments,
  useDeleteAttachment,
  useUploadAttachment,
  type Attachment,
} from '../../api/attachments';
import { toApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Svg } from '../../components/icons';
import { t } from '../../i18n/t';
import { formatBytes } from '../../lib/bytes';
import { ConfirmDialog } from '../settings/ConfirmDialog';
import { formatLongDayDate } from './dates';

/** A list whose image failed sooner than this after it was fetched is not asked for again: the image itself is at fault. */
const REFETCH_AFTER_MS = 20_000;

interface DayPhotosProps {
  habitId: string;
  date: string;
  /** Add and delete (the owner's day editor); otherwise the photos are only shown, and nothing when there are none. */
  editable: boolean;
  /** Whether the day has a check-in: photos go on a check-in (the server answers 409 otherwise). */
  hasRecord: boolean;
  /**
   * The owner, when the habit is someone else's (the referee's queue): their day's photos, shown only (never
   * editable), through the partners' route.
   */
  ownerId?: string;
}

/** What the server says when it refuses a photo: its detail (the limit reached, the type, the size). */
function uploadRefusal(error: unknown): string {
  const e = toApiError(error);
  return e.fieldMessage('file') ?? e.message;
}

/** The image to show small: the thumbnail, or the file itself when the server made none (WebP; HEIC only where the browser reads it). */
function smallSource(photo: Attachment): string | undefined {
  return photo.thumbnailUrl ?? photo.url;
}

/** Whether the device is a phone or a tablet (a coarse pointer): then a camera button is offered too. */
function coarsePointer(): boolean {
  try {
    return typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches;
  } catch {
    return false;
  }
}

const TrashIcon = () => (
  <Svg>
    <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />
  </Svg>
);
const CameraIcon = () => (
  <Svg>
    <path d="M4 8h3l2-3h6l2 3h3v11H4z" />
    <circle cx="12" cy="13" r="3.5" />
  </Svg>
);
const ImageIcon = () => (
  <Svg>
    <rect x="4" y="4" width="16" height="16" rx="2" />
    <path d="M4 16l5-5 4 4 2-2 5 5" />
  </Svg>
);

interface ThumbProps {
  photo: Attachment;
  alt: string;
  broken: boolean;
  onOpen: () => void;
  onError: () => void;
}

function Thumb({ photo, alt, broken, onOpen, onError }: ThumbProps) {
  const src = smallSource(photo);
  return (
    <chakra.button
      type="button"
      onClick={onOpen}
      display="block"
      w={{ base: '20', sm: '24' }}
      h={{ base: '20', sm: '24' }}
      rounded="md"
      overflow="hidden"
      borderWidth="1px"
      bg="bg.muted"
      cursor="zoom-in"
      _focusVisible={{ outline: '2px solid', outlineColor: 'colorPalette.focusRing', outlineOffset: '2px' }}
      data-testid="photo-thumb"
    >
      {src && !broken ? (
        <chakra.img
          key={src}
          src={src}
          alt={alt}
          loading="lazy"
          decoding="async"
          w="full"
          h="full"
          objectFit="cover"
          onError={onError}
        />
      ) : (
        <Flex direction="column" align="center" justify="center" h="full" color="fg.muted" gap="1" role="img" aria-label={alt}>
          <ImageIcon />
          <Text textStyle="xs">{t('detail.photos.placeholder')}</Text>
        </Flex>
      )}
    </chakra.button>
  );
}

interface ViewerProps {
  photo: Attachment | undefined;
  title: string;
  broken: boolean;
  editable: boolean;
  onError: () => void;
  onDelete: () => void;
  onClose: () => void;
}

/** The photo at full size, in a dialog (Escape or Close to leave). */
function Viewer({ photo, title, broken, editable, onError, onDelete, onClose }: ViewerProps) {
  return (
    <Dialog.Root open={photo !== undefined} onOpenChange={(e) => (e.open ? undefined : onClose())} size="lg" placement="center" lazyMount unmountOnExit>
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content>
            <Dialog.Header>
              <Dialog.Title>{title}</Dialog.Title>
            </Dialog.Header>
            <Dialog.Body>
              {photo && !broken ? (
                <chakra.img
                  key={photo.url}
                  src={photo.url}
                  alt={title}
                  display="block"
                  mx="auto"
                  maxW="full"
                  maxH={{ base: '70vh', md: '65vh' }}
                  objectFit="contain"
                  onError={onError}
                />
              ) : photo ? (
                <Stack gap="2" align="start">
                  <Text>{t('detail.photos.cannotShow')}</Text>
                  <Link href={photo.url} download={photo.fileName ?? true} textDecoration="underline">
                    {t('detail.photos.download')}
                  </Link>
                </Stack>
              ) : null}
              {photo?.width && photo.height ? (
                <Text mt="2" textStyle="sm" color="fg.muted" textAlign="center">
                  {t('detail.photos.facts', { width: photo.width, height: photo.height, size: formatBytes(photo.size) })}
                </Text>
              ) : null}
            </Dialog.Body>
            <Dialog.Footer flexWrap="wrap">
              {editable ? (
                <Button variant="outline" colorPalette="red" onClick={onDelete}>
                  <TrashIcon />
                  {t('detail.photos.delete')}
                </Button>
              ) : null}
              <Button onClick={onClose}>{t('detail.photos.close')}</Button>
            </Dialog.Footer>
            <Dialog.CloseTrigger asChild>
              <CloseButton size="sm" aria-label={t('detail.photos.close')} />
            </Dialog.CloseTrigger>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}

/**
 * The photos of a habit's day: thumbnails that open the photo in a dialog, and (editable) "Add photo" and delete with
 * confirmation. The signed URLs expire after minutes: when an image fails to load, the list is asked for again.
 */
export function DayPhotos({ habitId, date, editable: mayEdit, hasRecord, ownerId }: DayPhotosProps) {
  const editable = mayEdit && ownerId === undefined;
  const own = useAttachments(habitId, date, hasRecord && ownerId === undefined);
  const theirs = usePartnerAttachments(ownerId ?? '', habitId, date, hasRecord && ownerId !== undefined);
  const list = ownerId === undefined ? own : theirs;
  const upload = useUploadAttachment(habitId, date);
  const remove = useDeleteAttachment(habitId, date);
  const [open, setOpen] = useState<string | undefined>();
  const [confirm, setConfirm] = useState<Attachment | undefined>();
  const [broken, setBroken] = useState<ReadonlySet<string>>(new Set());
  const [said, setSaid] = useState<string | undefined>();
  const [camera] = useState(coarsePointer);
  const pickRef = useRef<HTMLInputElement>(null);
  const cameraRef = useRef<HTMLInputElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const hintId = useId();

  // another day: the verdicts on the previous one no longer apply
  const { reset: resetUpload } = upload;
  const { reset: resetRemove } = remove;
  useEffect(() => {
    resetUpload();
    resetRemove();
    setSaid(undefined);
    setOpen(undefined);
  }, [date, resetUpload, resetRemove]);

  const photos = list.data ?? [];
  const dateText = formatLongDayDate(date);
  const count = photos.length;
  const altOf = (i: number) => t('detail.photos.alt', { n: i + 1, count, date: dateText });

  /** An image did not load: its URL may have expired, so the list (with fresh URLs) is asked for again, once. */
  function failed(url: string) {
    if (Date.now() - list.dataUpdatedAt > REFETCH_AFTER_MS && !list.isFetching) {
      void list.refetch();
    } else {
      setBroken((b) => new Set(b).add(url));
    }
  }

  function picked(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setSaid(undefined);
    remove.reset();
    upload.mutate(file, { onSuccess: () => setSaid(t('detail.photos.added')) });
  }

  if (!editable && (!hasRecord || count === 0)) return null;

  const openIndex = photos.findIndex((p) => p.id === open);
  const openPhoto = openIndex >= 0 ? photos[openIndex] : undefined;

  const thumbnails = (
    <Flex as="ul" listStyleType="none" m="0" p="0" gap="2" wrap="wrap" aria-label={t('detail.photos.listLabel', { date: dateText })}>
      {photos.map((photo, i) => (
        <Box as="li" key={photo.id} position="relative">
          <Thumb
            photo={photo}
            alt={altOf(i)}
            broken={broken.has(smallSource(photo) ?? '')}
            onOpen={() => setOpen(photo.id)}
            onError={() => failed(smallSource(photo) ?? '')}
          />
          {editable ? (
            <chakra.button
              type="button"
              position="absolute"
              top="1"
              insetEnd="1"
              p="1"
              rounded="full"
              bg="bg"
              color="fg.error"
              borderWidth="1px"
              lineHeight="0"
              aria-label={t('detail.photos.deleteLabel', { n: i + 1, count })}
              _focusVisible={{ outline: '2px solid', outlineColor: 'colorPalette.focusRing' }}
              onClick={() => {
                remove.reset();
                setConfirm(photo);
              }}
            >
              <TrashIcon />
            </chakra.button>
          ) : null}
        </Box>
      ))}
    </Flex>
  );
  const viewer = (
    <Viewer
      photo={openPhoto}
      title={openIndex >= 0 ? altOf(openIndex) : ''}
      broken={openPhoto ? broken.has(openPhoto.url) : false}
      editable={editable}
      onError={() => openPhoto && failed(openPhoto.url)}
      onDelete={() => {
        remove.reset();
        setConfirm(openPhoto);
        setOpen(undefined);
      }}
      onClose={() => setOpen(undefined)}
    />
  );

  // shown with a day's record: the thumbnails only
  if (!editable) {
    return (
      <Box mt="2">
        {thumbnails}
        {viewer}
      </Box>
    );
  }

  return (
    <Stack as="section" aria-labelledby={headingId} gap="2">
      <Heading as="h3" size="sm" id={headingId}>
        {t('detail.photos.title')}
      </Heading>
      {!hasRecord ? (
        <Text textStyle="sm" color="fg.muted">
          {t('detail.photos.needsRecord')}
        </Text>
      ) : null}
      {list.isError ? (
        <ErrorAlert action={<Button size="sm" onClick={() => list.refetch()}>{t('detail.retry')}</Button>}>
          {t('detail.photos.loadFailed', { reason: list.error.message })}
        </ErrorAlert>
      ) : null}
      {count > 0 ? (
        thumbnails
      ) : hasRecord && list.isSuccess ? (
        <Text textStyle="sm" color="fg.muted">
          {t('detail.photos.none')}
        </Text>
      ) : null}
      {hasRecord ? (
        <Stack gap="1">
          {upload.isError ? <ErrorAlert>{t('detail.photos.uploadFailed', { reason: uploadRefusal(upload.error) })}</ErrorAlert> : null}
          <Flex gap="2" wrap="wrap" align="center">
            <Button
              ref={addRef}
              variant="outline"
              size="sm"
              loading={upload.isPending}
              loadingText={t('detail.photos.adding')}
              aria-describedby={hintId}
              onClick={() => pickRef.current?.click()}
            >
              <ImageIcon />
              {t('detail.photos.add')}
            </Button>
            {camera ? (
              <Button variant="outline" size="sm" disabled={upload.isPending} aria-describedby={hintId} onClick={() => cameraRef.current?.click()}>
                <CameraIcon />
                {t('detail.photos.take')}
              </Button>
            ) : null}
            <input ref={pickRef} type="file" accept={PHOTO_ACCEPT} hidden onChange={picked} data-testid="photo-input" />
            <input ref={cameraRef} type="file" accept={PHOTO_ACCEPT} capture="environment" hidden onChange={picked} />
          </Flex>
          <Text id={hintId} textStyle="xs" color="fg.muted">
            {t('detail.photos.privacy')} {t('detail.photos.limits')}
          </Text>
        </Stack>
      ) : null}
      {said ? (
        <Text role="status" textStyle="sm" color="fg.success" fontWeight="medium">
          {said}
        </Text>
      ) : null}
      {viewer}
      <ConfirmDialog
        open={confirm !== undefined}
        title={t('detail.photos.deleteTitle')}
        body={t('detail.photos.deleteBody', { date: dateText })}
        confirmLabel={t('detail.photos.delete')}
        pendingLabel={t('detail.photos.deleting')}
        pending={remove.isPending}
        error={remove.isError ? remove.error.message : undefined}
        onClose={() => setConfirm(undefined)}
        finalFocus={() => addRef.current}
        onConfirm={() => {
          if (!confirm) return;
          remove.mutate(confirm.id, {
            onSuccess: () => {
              setConfirm(undefined);
              setSaid(t('detail.photos.deleted'));
            },
          });
        }}
      />
    </Stack>
  );
}
