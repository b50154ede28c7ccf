import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { toApiError } from './errors';
import type { components } from './schema';

/** The profile picture: `url` and `thumbnailUrl` are signed and valid for minutes only. */
export type Avatar = components['schemas']['AvatarDto'];

export const avatarKey = ['me', 'avatar'] as const;

/** The signed URLs live about 10 minutes: fresh for 4, asked again every 8 while shown. */
const FRESH_MS = 4 * 60_000;
const REFRESH_MS = 8 * 60_000;

/** The user's picture (GET /me/avatar), or null when there is none (404). */
export function useAvatar() {
  return useQuery({
    queryKey: avatarKey,
    queryFn: async ({ signal }) => {
      try {
        return await api.untyped<Avatar>('get', '/v1/me/avatar', { signal });
      } catch (e) {
        if (toApiError(e).status === 404) return null;
        throw e;
      }
    },
    staleTime: FRESH_MS,
    refetchInterval: REFRESH_MS,
  });
}

/**
 * Sets the picture (PUT /me/avatar, multipart `file`): the rules of a check-in photo (JPEG, PNG, WebP or HEIC, told
 * from the bytes; the size limit; location data removed), and a square thumbnail is made.
 */
export function useSetAvatar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.untyped<Avatar>('put', '/v1/me/avatar', { body: form });
    },
    onSuccess: (avatar) => {
      client.setQueryData(avatarKey, avatar ?? null);
      return client.invalidateQueries({ queryKey: avatarKey });
    },
  });
}

/** Removes the picture (DELETE /me/avatar): its files go at once. */
export function useRemoveAvatar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.untyped<undefined>('delete', '/v1/me/avatar'),
    onSuccess: () => {
      client.setQueryData(avatarKey, null);
      return client.invalidateQueries({ queryKey: avatarKey });
    },
  });
}
