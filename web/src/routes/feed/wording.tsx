import { Fragment, useEffect, useState, type ReactNode } from 'react';
import type { FeedItem, Notification } from '../../api/feed';
import type { MessageKey } from '../../i18n/en';
import { locale, t, type Params } from '../../i18n/t';
import { formatShortDay } from '../../lib/dates';

const MARK = '\u0001';

/**
 * The text of `key` with some placeholders filled by elements (a name in bold) instead of text; the others come from
 * `params` as with t().
 */
export function richText(key: MessageKey, params: Params, nodes: Record<string, ReactNode>): ReactNode[] {
  const marked: Params = { ...params };
  for (const name of Object.keys(nodes)) marked[name] = `${MARK}${name}${MARK}`;
  return t(key, marked)
    .split(new RegExp(`${MARK}(\\w+)${MARK}`))
    .map((part, i) => (i % 2 === 1 ? <Fragment key={i}>{nodes[part]}</Fragment> : part));
}

const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
const fullFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });

/**
 * How long ago an instant was, in the user's locale: "now", "5 minutes ago", "yesterday", "3 days ago"; a date such
 * as "28 Nov 2026" past a week.
 */
export function relativeTime(instant: string, now: number = Date.now()): string {
  const then = new Date(instant).getTime();
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return relative.format(0, 'second');
  if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return relative.format(Math.round(seconds / 86400), 'day');
  return dateFormat.format(new Date(then));
}

/** The date and time of an instant in the user's locale and the browser's zone, for a tooltip. */
export function fullTime(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? '' : fullFormat.format(d);
}

/** The time now, again every `everyMs` (so that "5 minutes ago" moves on while the screen is open). */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

const ACHIEVEMENTS = new Set([
  'first-checkin',
  'streak-7',
  'streak-30',
  'streak-100',
  'streak-365',
  'done-100',
  'done-1000',
  'perfect-week',
  'perfect-month',
]);

/** The name of an achievement by its code; the server's title (or the code) for one the app does not know. */
export function achievementTitle(code: string | undefined, title?: string): string {
  if (title) return title;
  if (code && ACHIEVEMENTS.has(code)) return t(`feed.achievement.${code}` as MessageKey);
  return code ?? '';
}

/** What an achievement asks for, by its code; undefined for one the app does not know. */
export function achievementDescription(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const streak = /^streak-(\d+)$/.exec(code);
  if (streak) return t('feed.achievements.desc.streak', { n: Number(streak[1]) });
  const done = /^done-(\d+)$/.exec(code);
  if (done) return t('feed.achievements.desc.done', { n: Number(done[1]) });
  if (code === 'first-checkin' || code === 'perfect-week' || code === 'perfect-month') {
    return t(`feed.achievements.desc.${code}`);
  }
  return undefined;
}

export const actorName = (actor: { displayName?: string } | undefined) => actor?.displayName || t('feed.someone');
const habitName = (habit: { name?: string } | undefined) => habit?.name || t('feed.aHabit');
const day = (date: string | undefined) => (date ? formatShortDay(date) : '');

/** The message and its parameters that say what a feed item is about: who, which habit, what happened. */
export function feedMessage(item: FeedItem): { key: MessageKey; params: Params } {
  const params: Params = { actor: actorName(item.actor), habit: habitName(item.habit), date: day(item.date) };
  switch (item.kind) {
    case 'checkin':
      return { key: item.backfilled ? 'feed.kind.checkinBackfilled' : 'feed.kind.checkin', params };
    case 'achievement':
      return {
        key: item.habit ? 'feed.kind.achievement' : 'feed.kind.achievementAccount',
        params: { ...params, achievement: achievementTitle(item.achievement) },
      };
    case 'streak_milestone':
      return { key: 'feed.kind.streak_milestone', params: { ...params, milestone: item.milestone ?? undefined } };
    case 'referee_outcome':
      return {
        key: item.verification === 'disputed' ? 'feed.kind.referee_disputed' : 'feed.kind.referee_confirmed',
        params,
      };
    case 'challenge_joined':
      return { key: 'feed.kind.challenge_joined', params };
    case 'challenge_finished':
      return item.result?.dueDays !== undefined && item.result?.dueDays !== null
        ? {
            key: 'feed.kind.challenge_finished',
            params: { ...params, done: item.result.doneDays ?? 0, due: item.result.dueDays },
          }
        : { key: 'feed.kind.challenge_finishedNoResult', params };
    default:
      return { key: 'feed.kind.other', params };
  }
}

/** What a feed item is, for a button's name: "Ann’s Read", "Ann’s First check-in". */
export function feedSubject(item: FeedItem): string {
  const thing = item.habit?.name || (item.achievement ? achievementTitle(item.achievement) : t('feed.aHabit'));
  return t('feed.subject', { actor: actorName(item.actor), thing });
}

const NOTIFICATION_KINDS = new Set([
  'partner_invitation',
  'partner_accepted',
  'partner_joined',
  'referee_request',
  'referee_confirmed',
  'referee_disputed',
  'cheer',
  'nudge',
  'reminder',
  'partner_missed',
  'streak_at_risk',
  'channel_test',
  'channel_disabled',
  'security_alert',
]);

/** The message and its parameters for a notification. */
export function notificationMessage(n: Notification): { key: MessageKey; params: Params } {
  const params: Params = { actor: actorName(n.actor), habit: habitName(n.habit), date: day(n.date) };
  if (n.kind === 'cheer' && !n.habit) return { key: 'feed.notification.cheerNoHabit', params };
  if (n.kind && NOTIFICATION_KINDS.has(n.kind)) return { key: `feed.notification.${n.kind}` as MessageKey, params };
  return { key: 'feed.notification.other', params };
}

/** Where a notification leads: the screen of what it is about. */
export function notificationTarget(n: Notification): string {
  const habit = n.habit?.id ? `/habits/${encodeURIComponent(n.habit.id)}` : undefined;
  switch (n.kind) {
    case 'partner_invitation':
    case 'partner_accepted':
    case 'partner_joined':
    case 'partner_missed':
    case 'referee_request':
      return '/people';
    case 'referee_confirmed':
    case 'referee_disputed':
    case 'cheer':
      return habit ?? '/habits';
    case 'nudge':
    case 'reminder':
    case 'streak_at_risk':
      return '/';
    case 'channel_test':
    case 'channel_disabled':
      return '/settings';
    case 'security_alert':
      return '/settings/sessions';
    default:
      return '/feed';
  }
}
