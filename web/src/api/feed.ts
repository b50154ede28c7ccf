import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { api } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type FeedItem = S['FeedItemDto'];
export type FeedPage = S['FeedPageDto'];
export type Cheers = S['CheersDto'];
export type Notification = S['NotificationDto'];
export type NotificationPage = S['PageDto'];
export type Achievements = S['AchievementsDto'];
export type EarnedAchievement = S['EarnedDto'];
export type NextAchievement = S['NextDto'];
export type Partner = S['PartnerDto'];

/** The feed's pages (GET /feed). Every feed key starts with this one. */
export const feedKey = ['feed'] as const;
/** Everything about notifications; the count and the list start with it. */
export const notificationsKey = ['notifications'] as const;
export const unreadCountKey = ['notifications', 'unread-count'] as const;
export const notificationListKey = ['notifications', 'list'] as const;
export const achievementsKey = ['achievements'] as const;

export const FEED_PAGE_SIZE = 20;
export const NOTIFICATION_PAGE_SIZE = 20;

type FeedData = InfiniteData<FeedPage, unknown>;

/** The feed, the newest first, a page at a time (`fetchNextPage` follows `nextCursor`). */
export function useFeed() {
  return useInfiniteQuery({
    queryKey: feedKey,
    queryFn: ({ pageParam, signal }) =>
      api.get('/v1/feed', { query: { limit: String(FEED_PAGE_SIZE), cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every item of the cached feed pages, in order, without repeats (an item that arrived live may be on a page too). */
export function feedItems(data: { pages: FeedPage[] } | undefined): FeedItem[] {
  const seen = new Set<number>();
  const items: FeedItem[] = [];
  for (const page of data?.pages ?? []) {
    for (const item of page.items ?? []) {
      if (item.id !== undefined) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
      }
      items.push(item);
    }
  }
  return items;
}

function mapFeedItem(client: QueryClient, id: number, change: (item: FeedItem) => FeedItem) {
  client.setQueryData<FeedData>(feedKey, (data) =>
    data
      ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items?.map((i) => (i.id === id ? change(i) : i)) })) }
      : data,
  );
}

/** Puts an item that arrived live (the event stream) at the top of the cached feed, once. Answers whether it did. */
export function prependFeedItem(client: QueryClient, item: FeedItem): boolean {
  const data = client.getQueryData<FeedData>(feedKey);
  if (!data || data.pages.length === 0) return false;
  if (feedItems(data).some((i) => i.id === item.id)) return false;
  const [first, ...rest] = data.pages;
  client.setQueryData<FeedData>(feedKey, {
    ...data,
    pages: [{ ...first, items: [item, ...(first?.items ?? [])] }, ...rest],
  });
  return true;
}

/** The cheers of a feed item after cheering (`mine`) or taking the cheer back. Pure. */
export function withCheer(cheers: Cheers | undefined, mine: boolean): Cheers {
  const count = cheers?.count ?? 0;
  if (Boolean(cheers?.mine) === mine) return { count, mine };
  return { count: Math.max(0, count + (mine ? 1 : -1)), mine };
}

export interface CheerInput {
  item: FeedItem;
  /** true to cheer, false to take the cheer back. */
  cheer: boolean;
}

/**
 * Cheers a feed item (POST …/cheers) or takes the cheer back (DELETE), at once on screen; the item's cheers go back to
 * what they were when the server refuses, and `onFailure` is told.
 */
export function useCheer(onFailure?: (error: unknown, input: CheerInput) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ item, cheer }: CheerInput) => {
      const path = { itemId: String(item.id) };
      return (cheer ? api.post('/v1/feed/{itemId}/cheers', { path }) : api.delete('/v1/feed/{itemId}/cheers', { path })) as
        Promise<Cheers | undefined>;
    },
    onMutate: async ({ item, cheer }) => {
      await client.cancelQueries({ queryKey: feedKey });
      const before = feedItems(client.getQueryData<FeedData>(feedKey)).find((i) => i.id === item.id)?.cheers;
      if (item.id !== undefined) mapFeedItem(client, item.id, (i) => ({ ...i, cheers: withCheer(i.cheers, cheer) }));
      return { before };
    },
    onError: (error, input, context) => {
      if (input.item.id !== undefined) mapFeedItem(client, input.item.id, (i) => ({ ...i, cheers: context?.before }));
      onFailure?.(error, input);
    },
    onSuccess: (cheers, input) => {
      if (cheers && input.item.id !== undefined) mapFeedItem(client, input.item.id, (i) => ({ ...i, cheers }));
    },
  });
}

/** How many notifications are unread (GET /notifications/unread-count). */
export function useUnreadCount() {
  return useQuery({
    queryKey: unreadCountKey,
    queryFn: async ({ signal }) => (await api.get('/v1/notifications/unread-count', { signal }))?.count ?? 0,
    // the event stream (or its polling fallback) says when it changes; a focus refetch costs little
    staleTime: 60_000,
  });
}

/** The latest notifications, the newest first; fetched only when `enabled` (the bell is open). */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationListKey,
    queryFn: ({ signal }) =>
      api.get('/v1/notifications', { query: { limit: String(NOTIFICATION_PAGE_SIZE) }, signal }),
    enabled,
    staleTime: 0,
  });
}

/** Marks notifications read (POST /notifications/read): these `ids`, or all of them. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: number[] } | { all: true }) =>
      api.post('/v1/notifications/read', { body: input }) as Promise<{ updated?: number } | undefined>,
    onSuccess: (result, input) => {
      const ids = 'ids' in input ? new Set(input.ids) : undefined;
      const updated = result?.updated ?? 0;
      client.setQueryData<NotificationPage>(notificationListKey, (page) =>
        page
          ? { ...page, items: page.items?.map((n) => (!ids || (n.id !== undefined && ids.has(n.id)) ? { ...n, read: true } : n)) }
          : page,
      );
      client.setQueryData<number>(unreadCountKey, (count) => (ids && count !== undefined ? Math.max(0, count - updated) : 0));
      return client.invalidateQueries({ queryKey: unreadCountKey });
    },
  });
}

/** Earned achievements and the progress towards the next ones (GET /achievements). */
export function useAchievements() {
  return useQuery({
    queryKey: achievementsKey,
    queryFn: ({ signal }) => api.get('/v1/achievements', { signal }),
  });
}
