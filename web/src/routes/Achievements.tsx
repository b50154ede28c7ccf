import { Badge, Box, Button, Flex, Heading, Link, SimpleGrid, Stack, Text } from '@chakra-ui/react';
import { Link as RouterLink } from 'react-router';
import { useAchievements, type EarnedAchievement, type NextAchievement } from '../api/feed';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageSpinner } from '../components/PageSpinner';
import { t } from '../i18n/t';
import { formatShortDay } from '../lib/dates';
import { LockIcon, MedalIcon } from './feed/icons';
import { achievementDescription, achievementTitle } from './feed/wording';

function HabitName({ id, name }: { id: string | undefined; name: string | undefined }) {
  if (!name) return <>{t('feed.achievements.account')}</>;
  if (!id) return <>{name}</>;
  return (
    <Link asChild color="fg.muted" textDecoration="underline">
      <RouterLink to={`/habits/${encodeURIComponent(id)}`}>{name}</RouterLink>
    </Link>
  );
}

function EarnedCard({ a }: { a: EarnedAchievement }) {
  const title = achievementTitle(a.code, a.title);
  const description = achievementDescription(a.code);
  return (
    <Box
      as="li"
      borderWidth="2px"
      borderColor="colorPalette.solid"
      bg="colorPalette.subtle"
      rounded="lg"
      p="4"
      data-testid="earned"
    >
      <Flex gap="3" align="start">
        <Box color="colorPalette.fg" fontSize="2xl" mt="0.5">
          <MedalIcon filled />
        </Box>
        <Box flex="1" minW="0">
          <Flex gap="2" align="center" wrap="wrap">
            <Heading as="h3" size="sm">
              {title}
            </Heading>
            <Badge colorPalette="teal" variant="solid">
              {t('feed.achievements.earnedBadge')}
            </Badge>
          </Flex>
          <Text textStyle="sm" color="fg.muted" mt="0.5">
            <HabitName id={a.habitId} name={a.habitName} />
          </Text>
          {description ? (
            <Text textStyle="sm" mt="1">
              {description}
            </Text>
          ) : null}
          {a.reachedOn ? (
            <Text textStyle="sm" color="fg.muted" mt="1">
              {t('feed.achievements.reachedOn', { date: formatShortDay(a.reachedOn) })}
            </Text>
          ) : null}
        </Box>
      </Flex>
    </Box>
  );
}

function NextCard({ a }: { a: NextAchievement }) {
  const title = achievementTitle(a.code, a.title);
  const description = achievementDescription(a.code);
  const current = a.current ?? 0;
  const target = a.target ?? 0;
  const percent = target > 0 ? Math.min(100, Math.round((current / target) * 100)) : 0;
  const label = a.habitName
    ? t('feed.achievements.progressLabel', { title, habit: a.habitName })
    : t('feed.achievements.progressLabelAccount', { title });
  const progress = t('feed.achievements.progress', { current, target });
  return (
    <Box as="li" borderWidth="1px" rounded="lg" p="4" bg="bg" data-testid="next">
      <Flex gap="3" align="start">
        <Box color="fg.muted" fontSize="2xl" mt="0.5">
          <LockIcon />
        </Box>
        <Box flex="1" minW="0">
          <Heading as="h3" size="sm">
            {title}
          </Heading>
          <Text textStyle="sm" color="fg.muted" mt="0.5">
            <HabitName id={a.habitId} name={a.habitName} />
          </Text>
          {description ? (
            <Text textStyle="sm" mt="1">
              {description}
            </Text>
          ) : null}
          {target > 0 ? (
            <Box mt="3">
              <Text textStyle="xs" color="fg.muted" mb="1" aria-hidden="true">
                {progress}
              </Text>
              <Box
                role="progressbar"
                aria-label={label}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                aria-valuetext={progress}
                h="2"
                rounded="full"
                bg="bg.emphasized"
                overflow="hidden"
              >
                <Box h="full" w={`${percent}%`} bg="colorPalette.solid" rounded="full" />
              </Box>
            </Box>
          ) : null}
        </Box>
      </Flex>
    </Box>
  );
}

/** Achievements: the earned ones (highlighted, with the day each was reached) and the progress towards the next. */
export default function Achievements() {
  const achievements = useAchievements();
  if (achievements.isPending) {
    return (
      <Stack gap="5">
        <Heading as="h1" size="2xl">
          {t('feed.achievements.title')}
        </Heading>
        <PageSpinner />
      </Stack>
    );
  }
  if (achievements.isError) {
    return (
      <Stack gap="5">
        <Heading as="h1" size="2xl">
          {t('feed.achievements.title')}
        </Heading>
        <ErrorAlert action={<Button size="sm" onClick={() => achievements.refetch()}>{t('feed.retry')}</Button>}>
          {t('feed.achievements.loadFailed', { reason: achievements.error.message })}
        </ErrorAlert>
      </Stack>
    );
  }
  const earned = [...(achievements.data.earned ?? [])].sort((a, b) => (b.reachedOn ?? '').localeCompare(a.reachedOn ?? ''));
  // the closest to being reached first
  const next = [...(achievements.data.next ?? [])].sort(
    (a, b) => (b.current ?? 0) / Math.max(1, b.target ?? 1) - (a.current ?? 0) / Math.max(1, a.target ?? 1),
  );
  return (
    <Stack gap="6">
      <Box>
        <Heading as="h1" size="2xl">
          {t('feed.achievements.title')}
        </Heading>
        <Text color="fg.muted">{t('feed.achievements.intro')}</Text>
      </Box>
      <Stack as="section" gap="3" aria-labelledby="earned-title">
        <Flex align="baseline" gap="3" wrap="wrap">
          <Heading as="h2" size="lg" id="earned-title">
            {t('feed.achievements.earned')}
          </Heading>
          <Text color="fg.muted" textStyle="sm">
            {t('feed.achievements.summary', { count: earned.length })}
          </Text>
        </Flex>
        {earned.length === 0 ? (
          <Text>{t('feed.achievements.noneEarned')}</Text>
        ) : (
          <SimpleGrid as="ul" columns={{ base: 1, sm: 2 }} gap="3" listStyleType="none" m="0" p="0">
            {earned.map((a) => (
              <EarnedCard key={`${a.code}/${a.habitId ?? ''}`} a={a} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
      <Stack as="section" gap="3" aria-labelledby="next-title">
        <Heading as="h2" size="lg" id="next-title">
          {t('feed.achievements.next')}
        </Heading>
        {next.length === 0 ? (
          <Stack gap="3" align="start">
            <Text>{t('feed.achievements.noneNext')}</Text>
            <Button asChild variant="outline">
              <RouterLink to="/habits">{t('feed.achievements.toHabits')}</RouterLink>
            </Button>
          </Stack>
        ) : (
          <SimpleGrid as="ul" columns={{ base: 1, sm: 2 }} gap="3" listStyleType="none" m="0" p="0">
            {next.map((a) => (
              <NextCard key={`${a.code}/${a.habitId ?? ''}`} a={a} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Stack>
  );
}
