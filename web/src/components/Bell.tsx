import { Badge, Box, Button, CloseButton, Flex, Heading, Link, Popover, Portal, Stack, Text } from '@chakra-ui/react';
import { useEffect, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useMarkRead, useNotifications, useUnreadCount, type Notification } from '../api/feed';
import { t } from '../i18n/t';
import {
  actorName,
  fullTime,
  notificationMessage,
  notificationTarget,
  relativeTime,
  richText,
  useNow,
} from '../routes/feed/wording';
import { ErrorAlert } from './ErrorAlert';
import { BellButton } from './Layout';
import { PageSpinner } from './PageSpinner';

function NotificationRow({ n, fresh, now, onNavigate }: { n: Notification; fresh: boolean; now: number; onNavigate: () => void }) {
  const { key, params } = notificationMessage(n);
  const strong = (text: string) => (
    <Text as="strong" fontWeight="semibold">
      {text}
    </Text>
  );
  return (
    <Box as="li" borderBottomWidth="1px" _last={{ borderBottomWidth: 0 }}>
      <Link
        asChild
        display="block"
        px="4"
        py="3"
        color="fg"
        textDecoration="none"
        bg={fresh ? 'colorPalette.subtle' : undefined}
        _hover={{ bg: 'bg.muted', textDecoration: 'none' }}
        outlineOffset="-3px"
      >
        <RouterLink to={notificationTarget(n)} onClick={onNavigate}>
          <Text overflowWrap="anywhere">
            {richText(key, params, {
              actor: strong(actorName(n.actor)),
              ...(n.habit?.name ? { habit: strong(n.habit.name) } : {}),
            })}
          </Text>
          {n.comment ? (
            <Text textStyle="sm" mt="0.5" overflowWrap="anywhere">
              {t('feed.notification.comment', { comment: n.comment })}
            </Text>
          ) : null}
          <Flex gap="2" align="center" mt="1" textStyle="xs" color="fg.muted">
            {n.createdAt ? (
              <time dateTime={n.createdAt} title={fullTime(n.createdAt)}>
                {relativeTime(n.createdAt, now)}
              </time>
            ) : null}
            {fresh ? (
              <Badge colorPalette="teal" variant="solid" size="sm">
                {t('feed.bell.new')}
              </Badge>
            ) : null}
          </Flex>
        </RouterLink>
      </Link>
    </Box>
  );
}

/**
 * The open bell: the latest notifications, the ones that were unread marked "New"; opening it marks them read on the
 * server (POST /notifications/read with their ids). New ones that arrive while it is open are marked read too.
 */
function NotificationPanel({ onNavigate }: { onNavigate: () => void }) {
  const list = useNotifications(true);
  const count = useUnreadCount();
  const markRead = useMarkRead();
  const now = useNow();
  const handled = useRef(new Set<number>());
  const [fresh, setFresh] = useState<ReadonlySet<number>>(() => new Set());
  const { mutate } = markRead;

  useEffect(() => {
    const ids = (list.data?.items ?? [])
      .filter((n) => !n.read && n.id !== undefined && !handled.current.has(n.id))
      .map((n) => n.id as number);
    if (ids.length === 0) return;
    for (const id of ids) handled.current.add(id);
    setFresh((before) => new Set([...before, ...ids]));
    mutate({ ids });
  }, [list.data, mutate]);

  const items = list.data?.items ?? [];
  const shownUnread = items.filter((n) => !n.read).length;
  const more = Math.max(0, (count.data ?? 0) - shownUnread);

  return (
    <Stack gap="0">
      {markRead.isError ? (
        <Box p="3">
          <ErrorAlert>{t('feed.bell.markFailed', { reason: markRead.error.message })}</ErrorAlert>
        </Box>
      ) : null}
      {count.isError ? (
        <Box p="3">
          <ErrorAlert>{t('feed.bell.countFailed', { reason: count.error.message })}</ErrorAlert>
        </Box>
      ) : null}
      {list.isPending ? (
        <PageSpinner />
      ) : list.isError ? (
        <Box p="3">
          <ErrorAlert action={<Button size="sm" onClick={() => list.refetch()}>{t('feed.retry')}</Button>}>
            {t('feed.bell.loadFailed', { reason: list.error.message })}
          </ErrorAlert>
        </Box>
      ) : items.length === 0 ? (
        <Text px="4" py="6" color="fg.muted">
          {t('feed.bell.empty')}
        </Text>
      ) : (
        <Box as="ul" listStyleType="none" m="0" p="0" aria-label={t('feed.bell.title')}>
          {items.map((n, i) => (
            <NotificationRow
              key={n.id ?? `n${i}`}
              n={n}
              fresh={n.id !== undefined && fresh.has(n.id)}
              now={now}
              onNavigate={onNavigate}
            />
          ))}
        </Box>
      )}
      {more > 0 || markRead.isError ? (
        <Flex px="4" py="3" gap="3" align="center" justify="space-between" borderTopWidth="1px" wrap="wrap">
          {more > 0 ? (
            <Text textStyle="sm" color="fg.muted">
              {t('feed.bell.unreadLeft', { count: more })}
            </Text>
          ) : null}
          <Button
            size="sm"
            variant="outline"
            loading={markRead.isPending}
            loadingText={t('feed.bell.markingAll')}
            onClick={() => mutate({ all: true })}
          >
            {t('feed.bell.markAll')}
          </Button>
        </Flex>
      ) : null}
    </Stack>
  );
}

/**
 * The notification bell of the frame: its name and badge say how many are unread (kept current by the event stream,
 * see api/events.ts); it opens a popover with the latest notifications, each a link to what it is about. Escape
 * closes it and gives the focus back to the bell.
 */
export default function Bell() {
  const [open, setOpen] = useState(false);
  const count = useUnreadCount();
  return (
    <Popover.Root
      open={open}
      onOpenChange={(e) => setOpen(e.open)}
      lazyMount
      unmountOnExit
      positioning={{ placement: 'bottom-end', gutter: 6 }}
    >
      <Popover.Trigger asChild>
        <BellButton unread={count.data ?? 0} />
      </Popover.Trigger>
      <Portal>
        <Popover.Positioner>
          <Popover.Content w="min(24rem, calc(100vw - 1rem))" maxH="min(75dvh, 36rem)" overflow="hidden">
            <Flex px="4" py="3" align="center" justify="space-between" gap="2" borderBottomWidth="1px">
              <Popover.Title asChild>
                <Heading as="h2" size="md">
                  {t('feed.bell.title')}
                </Heading>
              </Popover.Title>
              <Flex gap="1" align="center">
                <Link asChild textStyle="sm">
                  <RouterLink to="/feed" onClick={() => setOpen(false)}>
                    {t('feed.bell.toFeed')}
                  </RouterLink>
                </Link>
                <Popover.CloseTrigger asChild>
                  <CloseButton size="sm" aria-label={t('feed.bell.close')} />
                </Popover.CloseTrigger>
              </Flex>
            </Flex>
            <Box overflowY="auto" maxH="calc(min(75dvh, 36rem) - 3.5rem)">
              <NotificationPanel onNavigate={() => setOpen(false)} />
            </Box>
          </Popover.Content>
        </Popover.Positioner>
      </Portal>
    </Popover.Root>
  );
}
