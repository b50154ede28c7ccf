import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { habitKey } from './history';

/*
 * Photos on check-ins (GET/POST /habits/{id}/checkins/{date}/attachments, DELETE …/{attachmentId}). The OpenAPI
 * snapshot does not have these routes yet: the shape is declared here and the calls go through the client's untyped
 * path. When the snapshot is refreshed, use `Schemas['AttachmentDto']` and the typed calls instead.
 */

/** A photo of a day. `url` and `thumbnailUrl` are signed and valid for minutes only: never keep them longer. */
export interface Attachment {
  id: string;
  habitId?: string;
  date?: string;
  /** Told from the file's bytes: image/jpeg, image/png, image/webp, image/heic. */
  contentType?: string;
  size?: number;
  /** Pixels as shown (orientation applied). */
  width?: number;
  height?: number;
  fileName?: string | null;
  url: string;
  /** A JPEG of at most 320 px; null for formats the server does not decode (WebP, HEIC). */
  thumbnailUrl?: string | null;
  createdAt?: string;
}

/** What the "Add photo" picker offers (the server tells the type from the bytes). */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif';

/** Under the habit's key: refreshing the habit refreshes its photos (and their URLs) too. */
export const attachmentsKey = (habitId: string, date: string) => [...habitKey(habitId), 'attachments', date] as const;

/** The signed URLs live about 10 minutes: a list is fresh for 4, asked again every 8 while shown, dropped after 9. */
const FRESH_MS = 4 * 60_000;
const REFRESH_MS = 8 * 60_000;
const KEEP_MS = 9 * 60_000;

const path = (habitId: string, date: string) => ({ id: habitId, date });

/** The photos of a habit's day, in the order they were added (each with fresh signed URLs). */
export function useAttachments(habitId: string, date: string, enabled = true) {
  return useQuery({
    queryKey: attachmentsKey(habitId, date),
    queryFn: ({ signal }) =>
      api.untyped<Attachment[]>('get', '/v1/habits/{id}/checkins/{date}/attachments', {
        path: path(habitId, date),
        signal,
      }),
    enabled: enabled && habitId !== '' && date !== '',
    staleTime: FRESH_MS,
    gcTime: KEEP_MS,
    refetchInterval: REFRESH_MS,
  });
}

/** Under the owner's partner key: what a referee (or a partner the owner shares photos with) sees of a day. */
export const partnerAttachmentsKey = (ownerId: string, habitId: string, date: string) =>
  ['partners', ownerId, 'habits', habitId, 'attachments', date] as const;

/**
 * The photos of a day of someone else's habit (GET /partners/{userId}/habits/{habitId}/checkins/{date}/attachments):
 * always for the habit's referee, for partners and group members when the owner shares its photos; 404 otherwise.
 */
export function usePartnerAttachments(ownerId: string, habitId: string, date: string, enabled = true) {
  return useQuery({
    queryKey: partnerAttachmentsKey(ownerId, habitId, date),
    queryFn: ({ signal }) =>
      api.untyped<Attachment[]>('get', '/v1/partners/{userId}/habits/{habitId}/checkins/{date}/attachments', {
        path: { userId: ownerId, habitId, date },
        signal,
      }),
    enabled: enabled && ownerId !== '' && habitId !== '' && date !== '',
    staleTime: FRESH_MS,
    gcTime: KEEP_MS,
    refetchInterval: REFRESH_MS,
    retry: false,
  });
}

/**
 * Adds a photo to a day that has a check-in (POST …/attachments, multipart `file`) → 201 with the photo. 409 when the
 * day has no check-in, 413 past the size limit, 415 for another kind of file, 422 past the photos per day or for a
 * damaged image: the server's detail says which.
 */
export function useUploadAttachment(habitId: string, date: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.untyped<Attachment>('post', '/v1/habits/{id}/checkins/{date}/attachments', {
        path: path(habitId, date),
        body: form,
      });
    },
    onSuccess: (photo) => {
      client.setQueryData<Attachment[]>(attachmentsKey(habitId, date), (old) =>
        old && photo ? [...old.filter((a) => a.id !== photo.id), photo] : old,
      );
      return client.invalidateQueries({ queryKey: attachmentsKey(habitId, date) });
    },
  });
}

/** Deletes a photo (DELETE …/attachments/{attachmentId}): the file and its thumbnail go at once. */
export function useDeleteAttachment(habitId: string, date: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) =>
      api.untyped<undefined>('delete', '/v1/habits/{id}/checkins/{date}/attachments/{attachmentId}', {
        path: { ...path(habitId, date), attachmentId },
      }),
    onSuccess: (_answer, attachmentId) => {
      client.setQueryData<Attachment[]>(attachmentsKey(habitId, date), (old) => old?.filter((a) => a.id !== attachmentId));
      return client.invalidateQueries({ queryKey: attachmentsKey(habitId, date) });
    },
  });
}

/** Whether those who see a shared habit (its partners or groups) see its photos; the referee sees them either way. */
export interface PhotoSharing {
  shareAttachments: boolean;
}

export const photoSharingKey = (habitId: string) => [...habitKey(habitId), 'attachment-sharing'] as const;

/** GET /habits/{id}/attachment-sharing (off unless the owner turned it on). */
export function usePhotoSharing(habitId: string, enabled = true) {
  return useQuery({
    queryKey: photoSharingKey(habitId),
    queryFn: ({ signal }) =>
      api.untyped<PhotoSharing>('get', '/v1/habits/{id}/attachment-sharing', { path: { id: habitId }, signal }),
    enabled: enabled && habitId !== '',
  });
}

/** PUT /habits/{id}/attachment-sharing {shareAttachments}: shows or hides the photos to those who see the habit. */
export function useSetPhotoSharing(habitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (share: boolean) =>
      api.untyped<PhotoSharing>('put', '/v1/habits/{id}/attachment-sharing', {
        path: { id: habitId },
        json: { shareAttachments: share },
      }),
    onSuccess: (answer, share) =>
      client.setQueryData<PhotoSharing>(photoSharingKey(habitId), answer ?? { shareAttachments: share }),
  });
}
