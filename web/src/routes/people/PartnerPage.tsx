import { Box, Button, Card, Flex, HStack, Heading, Link, Skeleton, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import {
  useNudgePartner,
  usePartnerCalendar,
  usePartnerHabits,
  usePartners,
  useRemovePartner,
  type NudgeResult,
  type PartnerHabit,
  type SharedDay,
} from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { t } from '../../i18n/t';
import { DaysStrip } from './DaysStrip';
import { formatInstantDay, formatNumber, formatPercent } from './format';
import { ConfirmDialog, Notice, StatusBadge } from './shared';

/** What a shared day says besides its status: "3 of 8 glasses", "2 of 3 this week"; empty when nothing. */
export function progressText(day: SharedDay | undefined, unit: string | null | undefined): string {
  if (!day) return '';
  if (day.period && day.period.times) {
    return t('people.partner.period', { done: day.period.done ?? 0, times: day.period.times });
  }
  if (day.value === null || day.value === undefined) return '';
  const value = formatNumber(day.value);
  const text =
    day.target === null || day.target === undefined
      ? value
      : t('people.partner.valueOf', { value, target: formatNumber(day.target) });
  return unit ? t('people.partner.withUnit', { value: text, unit }) : text;
}

function streakText(current: number, unit: string | undefined): string {
  if (unit === 'weeks') return t('people.partner.streakWeeks', { count: current });
  if (unit === 'months') return t('people.partner.streakMonths', { count: current });
  return t('people.partner.streakDays', { count: current });
}

/** The sentence for a nudge the server took. */
export function nudgeSent(name: string, result: NudgeResult | undefined): string {
  const left = result?.remainingToday;
  if (left === undefined || left === null) return t('people.nudge.sent', { name });
  if (left === 0) return t('people.nudge.sentLast', { name });
  return t('people.nudge.sentLeft', { name, count: left });
}

/** Why a nudge did not go: the server's words (the limits come as a 429 with a detail); a fallback for a bare 429. */
function nudgeFailure(error: Error): string {
  if (error instanceof ApiError && error.status === 429 && !error.detail) return t('people.nudge.limit');
  return error.message;
}

function PartnerCalendar({ userId, habitId, habitName }: { userId: string; habitId: string; habitName: string }) {
  const calendar = usePartnerCalendar(userId, habitId);
  if (calendar.isPending) return <Skeleton h="24" rounded="md" role="status" aria-label={t('people.partner.loadingDays')} />;
  if (calendar.isError) {
    return (
      <ErrorAlert action={<Button size="sm" onClick={() => calendar.refetch()}>{t('people.retry')}</Button>}>
        {t('people.partner.daysFailed', { reason: calendar.error.message })}
      </ErrorAlert>
    );
  }
  return <DaysStrip days={calendar.data.days ?? []} habitName={habitName} />;
}

function SharedHabitCard({ userId, partnerName, item }: { userId: string; partnerName: string; item: PartnerHabit }) {
  const nudge = useNudgePartner();
  const [sent, setSent] = useState<string | undefined>();
  const habit = item.habit ?? {};
  const name = habit.name ?? '';
  const headingId = `habit-${habit.id}`;
  const progress = progressText(item.today, habit.unit);
  const streak = item.streak?.current ?? 0;

  return (
    <Card.Root as="li" variant="outline" aria-labelledby={headingId}>
      <Card.Body>
        <Stack gap="4">
          <Flex gap="3" align="start" justify="space-between" wrap="wrap">
            <Box minW="0" flex="1">
              <Heading as="h2" size="md" id={headingId}>
                {name}
              </Heading>
              {habit.description ? (
                <Text textStyle="sm" color="fg.muted">
                  {habit.description}
                </Text>
              ) : null}
            </Box>
            <Button
              size="sm"
              variant="outline"
              loading={nudge.isPending}
              loadingText={t('people.nudge.sending')}
              aria-label={t('people.nudge.label', { name: partnerName, habit: name })}
              onClick={() => {
                setSent(undefined);
                nudge.mutate(
                  { userId, habitId: habit.id ?? '' },
                  { onSuccess: (result) => setSent(nudgeSent(partnerName, result)) },
                );
              }}
            >
              {t('people.nudge.button')}
            </Button>
          </Flex>
          <HStack gap="2" wrap="wrap" textStyle="sm">
            <Text as="span" fontWeight="medium">
              {t('people.partner.today')}
            </Text>
            <StatusBadge status={item.today?.status} />
            {progress ? <Text as="span">{progress}</Text> : null}
            {item.today?.note ? (
              <Text as="span" color="fg.muted">
                {t('people.partner.note', { note: item.today.note })}
              </Text>
            ) : null}
          </HStack>
          <HStack gap="4" wrap="wrap" textStyle="sm" color="fg.muted">
            <span>{streakText(streak, item.streak?.unit)}</span>
            {item.streak?.longest ? (
              <span>{t('people.partner.longest', { count: item.streak.longest })}</span>
            ) : null}
            <span>{t('people.partner.doneDays', { count: item.doneDays ?? 0 })}</span>
            {item.strength !== undefined ? (
              <span>{t('people.partner.strength', { value: formatPercent(item.strength) })}</span>
            ) : null}
          </HStack>
          {nudge.isError ? <ErrorAlert>{nudgeFailure(nudge.error)}</ErrorAlert> : null}
          {sent ? <Notice>{sent}</Notice> : null}
          <Box>
            <Heading as="h3" size="sm" mb="2">
              {t('people.partner.lastWeeks')}
            </Heading>
            {habit.id ? <PartnerCalendar userId={userId} habitId={habit.id} habitName={name} /> : null}
          </Box>
        </Stack>
      </Card.Body>
    </Card.Root>
  );
}

/** A partner's page: the habits they share with the user, today's status and the last weeks, a nudge per habit. */
export function PartnerPage() {
  const { userId = '' } = useParams();
  const partners = usePartners();
  const habits = usePartnerHabits(userId);
  const remove = useRemovePartner();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const partner = partners.data?.find((p) => p.userId === userId);
  const name = partner?.displayName ?? t('people.partner.fallbackName');
  const notPartner =
    (partners.isSuccess && !partner) || (habits.error instanceof ApiError && habits.error.status === 404);

  return (
    <Stack gap="6">
      <Link asChild alignSelf="start" color="colorPalette.fg">
        <RouterLink to="/people">{t('people.backToPeople')}</RouterLink>
      </Link>
      <Box>
        <Heading as="h1" size="2xl">
          {partners.isPending ? t('people.partner.loadingName') : name}
        </Heading>
        {partner?.since ? (
          <Text color="fg.muted">{t('people.partners.since', { date: formatInstantDay(partner.since) })}</Text>
        ) : null}
      </Box>
      {partners.isError ? <ErrorAlert>{partners.error.message}</ErrorAlert> : null}
      {notPartner ? (
        <Stack gap="3" align="start">
          <Text>{t('people.partner.notPartner')}</Text>
          <Button asChild>
            <RouterLink to="/people">{t('people.backToPeople')}</RouterLink>
          </Button>
        </Stack>
      ) : habits.isPending ? (
        <PageSpinner />
      ) : habits.isError ? (
        <ErrorAlert action={<Button size="sm" onClick={() => habits.refetch()}>{t('people.retry')}</Button>}>
          {t('people.partner.loadFailed', { reason: habits.error.message })}
        </ErrorAlert>
      ) : (
        <>
          <Text color="fg.muted">{t('people.partner.intro', { name })}</Text>
          {habits.data.length === 0 ? (
            <Text>{t('people.partner.noHabits', { name })}</Text>
          ) : (
            <Stack as="ul" gap="3" listStyleType="none" m="0" p="0" aria-label={t('people.partner.habitsLabel', { name })}>
              {habits.data.map((h) => (
                <SharedHabitCard key={h.habit?.id} userId={userId} partnerName={name} item={h} />
              ))}
            </Stack>
          )}
        </>
      )}
      {partner ? (
        <Box borderTopWidth="1px" pt="4">
          <Button
            variant="outline"
            colorPalette="red"
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
          >
            {t('people.partners.removeNamed', { name })}
          </Button>
        </Box>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('people.partners.removeTitle', { name })}
        confirmLabel={t('people.partners.removeConfirm')}
        pendingLabel={t('people.partners.removing')}
        pending={remove.isPending}
        error={remove.error}
        destructive
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(userId, {
            onSuccess: () => {
              setConfirming(false);
              navigate('/people', { replace: true });
            },
          })
        }
      >
        <Text>{t('people.partners.removeBody', { name })}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
