import { Box, Button, Card, Heading, Stack, Text } from '@chakra-ui/react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ApiError, toApiError } from '../api/errors';
import { useServerEvent } from '../api/events';
import { feedItems, feedKey, useCheer, useFeed, type FeedItem } from '../api/feed';
import { usePartners } from '../api/people';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageSpinner } from '../components/PageSpinner';
import { t } from '../i18n/t';
import { FeedItemCard } from './feed/FeedItemCard';
import { NudgeDialog, type NudgeTarget } from './feed/NudgeDialog';
import { actorName, feedSubject, useNow } from './feed/wording';

/**
 * The ids of the items that get a nudge button: the newest item of each habit of each partner (one button per habit
 * is enough, and people in a group who are not partners cannot be nudged). Every item when the partners are unknown.
 */
export function nudgeable(items: FeedItem[], partnerIds: Set<string> | undefined): Set<number> {
  const seen = new Set<string>();
  const ids = new Set<number>();
  for (const item of items) {
    const user = item.actor?.userId;
    const habit = item.habit?.id;
    if (!user || !habit || item.id === undefined) continue;
    if (partnerIds && !partnerIds.has(user)) continue;
    const key = `${user}/${habit}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ids.add(item.id);
  }
  return ids;
}

function EmptyFeed() {
  return (
    <Card.Root variant="subtle">
      <Card.Body>
        <Stack gap="3" align="start">
          <Heading as="h2" size="md">
            {t('feed.empty.title')}
          </Heading>
          <Text>{t('feed.empty.text')}</Text>
          <Button asChild>
            <RouterLink to="/people">{t('feed.empty.action')}</RouterLink>
          </Button>
        </Stack>
      </Card.Body>
    </Card.Root>
  );
}

/** The feed: what partners and fellow group members do, the newest first, live; cheers and nudges. */
export default function Feed() {
  const feed = useFeed();
  const partners = usePartners();
  const client = useQueryClient();
  const now = useNow();
  const heading = useRef<HTMLHeadingElement>(null);
  const [failure, setFailure] = useState<{ id: number | undefined; text: string } | undefined>();
  const [sent, setSent] = useState<string | undefined>();
  const [nudging, setNudging] = useState<NudgeTarget | undefined>();
  const [fresh, setFresh] = useState<ReadonlySet<number>>(() => new Set());
  const [unseen, setUnseen] = useState(0);

  const cheer = useCheer((error, { item, cheer: on }) => {
    const reason = toApiError(error).message;
    setFailure({ id: item.id, text: t(on ? 'feed.cheerFailed' : 'feed.uncheerFailed', { subject: feedSubject(item), reason }) });
    // the item is gone (the day was cleared, the habit made private): show the feed as it is now
    if (error instanceof ApiError && error.status === 404) void client.invalidateQueries({ queryKey: feedKey });
  });
  const { mutate } = cheer;

  useServerEvent('feed', (item) => {
    const id = item.id;
    if (id === undefined || fresh.has(id)) return;
    setFresh((before) => new Set(before).add(id));
    setUnseen((n) => n + 1);
  });

  const onCheer = useCallback(
    (item: FeedItem, on: boolean) => {
      setFailure(undefined);
      mutate({ item, cheer: on });
    },
    [mutate],
  );

  const onNudge = useCallback((item: FeedItem) => {
    if (!item.actor?.userId || !item.habit?.id) return;
    setSent(undefined);
    setNudging({
      userId: item.actor.userId,
      actor: actorName(item.actor),
      habitId: item.habit.id,
      habit: item.habit.name ?? '',
    });
  }, []);

  const items = useMemo(() => feedItems(feed.data), [feed.data]);
  const partnerIds = useMemo(
    () => (partners.data ? new Set(partners.data.map((p) => p.userId ?? '')) : undefined),
    [partners.data],
  );
  const canNudge = useMemo(() => nudgeable(items, partnerIds), [items, partnerIds]);

  function toTop() {
    setUnseen(0);
    window.scrollTo({ top: 0, behavior: 'smooth' });
    heading.current?.focus({ preventScroll: true });
  }

  let body;
  if (feed.isPending) {
    body = <PageSpinner />;
  } else if (feed.isError && !feed.data) {
    body = (
      <ErrorAlert action={<Button size="sm" onClick={() => feed.refetch()}>{t('feed.retry')}</Button>}>
        {t('feed.loadFailed', { reason: feed.error.message })}
      </ErrorAlert>
    );
  } else if (items.length === 0) {
    body = <EmptyFeed />;
  } else {
    body = (
      <>
        <Stack as="ul" gap="2" listStyleType="none" m="0" p="0" aria-labelledby="feed-title">
          {items.map((item, i) => (
            <FeedItemCard
              key={item.id ?? `i${i}`}
              item={item}
              now={now}
              fresh={item.id !== undefined && fresh.has(item.id)}
              canNudge={item.id !== undefined && canNudge.has(item.id)}
              onCheer={onCheer}
              onNudge={onNudge}
              error={failure && failure.id === item.id ? failure.text : undefined}
            />
          ))}
        </Stack>
        {feed.isFetchNextPageError ? (
          <ErrorAlert action={<Button size="sm" onClick={() => feed.fetchNextPage()}>{t('feed.retry')}</Button>}>
            {t('feed.loadMoreFailed', { reason: feed.error?.message ?? '' })}
          </ErrorAlert>
        ) : feed.hasNextPage ? (
          <Button
            variant="outline"
            alignSelf="center"
            loading={feed.isFetchingNextPage}
            loadingText={t('feed.loadingMore')}
            onClick={() => feed.fetchNextPage()}
          >
            {t('feed.loadMore')}
          </Button>
        ) : (
          <Text textAlign="center" color="fg.muted" textStyle="sm">
            {t('feed.end')}
          </Text>
        )}
      </>
    );
  }

  return (
    <Stack gap="5">
      <Box>
        <Heading as="h1" size="2xl" id="feed-title" ref={heading} tabIndex={-1} outline="none">
          {t('feed.title')}
        </Heading>
        <Text color="fg.muted">{t('feed.intro')}</Text>
      </Box>
      <Box role="status" aria-live="polite" srOnly>
        {unseen > 0 ? t('feed.arrived', { count: unseen }) : ''}
      </Box>
      {unseen > 0 ? (
        <Button
          position="sticky"
          top="2"
          zIndex="sticky"
          alignSelf="center"
          size="sm"
          rounded="full"
          shadow="md"
          onClick={toTop}
        >
          {t('feed.arrived', { count: unseen })}
        </Button>
      ) : null}
      {sent ? (
        <Text role="status" color="fg.success">
          {sent}
        </Text>
      ) : null}
      {failure && !items.some((i) => i.id === failure.id) ? <ErrorAlert>{failure.text}</ErrorAlert> : null}
      {feed.isRefetchError && feed.data ? <ErrorAlert>{t('feed.loadFailed', { reason: feed.error.message })}</ErrorAlert> : null}
      {body}
      <NudgeDialog target={nudging} onClose={() => setNudging(undefined)} onSent={setSent} />
    </Stack>
  );
}
