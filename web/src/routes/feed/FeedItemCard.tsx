import { Avatar, Badge, Box, Button, Flex, HStack, Text } from '@chakra-ui/react';
import { memo } from 'react';
import type { FeedItem } from '../../api/feed';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n/t';
import { CheerIcon, NudgeIcon } from './icons';
import { actorName, feedMessage, feedSubject, fullTime, relativeTime, richText } from './wording';

const PALETTES = ['teal', 'blue', 'purple', 'pink', 'cyan', 'green'] as const;

/** A colour for a person, always the same one for the same id. */
export function paletteFor(id: string | undefined): (typeof PALETTES)[number] {
  let hash = 0;
  for (const ch of id ?? '') hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTES[hash % PALETTES.length] ?? 'teal';
}

export interface FeedItemCardProps {
  item: FeedItem;
  now: number;
  fresh: boolean;
  /** Shown when the actor is a partner: nudging them about the item's habit. */
  canNudge: boolean;
  onCheer: (item: FeedItem, cheer: boolean) => void;
  onNudge: (item: FeedItem) => void;
  /** Why the last cheer of this item failed. */
  error?: string | undefined;
}

/** One item of the feed: who did what, when, its cheers and the cheer (and nudge) buttons. */
export const FeedItemCard = memo(function FeedItemCard({ item, now, fresh, canNudge, onCheer, onNudge, error }: FeedItemCardProps) {
  const actor = actorName(item.actor);
  const { key, params } = feedMessage(item);
  const mine = item.cheers?.mine === true;
  const count = item.cheers?.count ?? 0;
  const subject = feedSubject(item);
  return (
    <Box
      as="li"
      borderWidth="1px"
      borderColor={fresh ? 'colorPalette.emphasized' : 'border'}
      bg={fresh ? 'colorPalette.subtle' : 'bg'}
      rounded="lg"
      p={{ base: '3', sm: '4' }}
      data-kind={item.kind}
    >
      <Flex gap="3" align="start">
        <Avatar.Root size="sm" colorPalette={paletteFor(item.actor?.userId)} aria-hidden="true" flexShrink={0}>
          <Avatar.Fallback name={actor} />
        </Avatar.Root>
        <Box flex="1" minW="0">
          <Text data-testid="feed-text" overflowWrap="anywhere">
            {richText(key, params, {
              actor: <Text as="strong" fontWeight="semibold">{actor}</Text>,
              ...(item.habit?.name ? { habit: <Text as="strong" fontWeight="semibold">{item.habit.name}</Text> } : {}),
            })}
          </Text>
          <HStack gap="2" mt="0.5" textStyle="sm" color="fg.muted" wrap="wrap">
            {item.createdAt ? (
              <time dateTime={item.createdAt} title={fullTime(item.createdAt)}>
                {relativeTime(item.createdAt, now)}
              </time>
            ) : null}
            {count > 0 ? (
              <>
                <span aria-hidden="true">·</span>
                <span data-testid="cheers">{t('feed.cheers', { count })}</span>
              </>
            ) : null}
            {fresh ? (
              <Badge colorPalette="teal" variant="solid" size="sm">
                {t('feed.new')}
              </Badge>
            ) : null}
          </HStack>
          <HStack gap="2" mt="2" wrap="wrap">
            <Button
              size="sm"
              variant={mine ? 'subtle' : 'outline'}
              colorPalette="teal"
              aria-pressed={mine}
              aria-label={t('feed.cheerLabel', { subject })}
              onClick={() => onCheer(item, !mine)}
              minH="9"
            >
              <CheerIcon filled={mine} />
              {t('feed.cheer')}
            </Button>
            {canNudge && item.habit?.name ? (
              <Button
                size="sm"
                variant="ghost"
                ms="auto"
                minH="9"
                aria-label={t('feed.nudgeLabel', { actor, habit: item.habit.name })}
                onClick={() => onNudge(item)}
              >
                <NudgeIcon />
                {t('feed.nudge')}
              </Button>
            ) : null}
          </HStack>
          {error ? (
            <Box mt="2">
              <ErrorAlert>{error}</ErrorAlert>
            </Box>
          ) : null}
        </Box>
      </Flex>
    </Box>
  );
});
