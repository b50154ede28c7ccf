import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/t';

/** The message types a channel can receive (docs/api.md, "Webhooks, done right"), in the order to offer them. */
export const EVENTS = [
  'reminder.due',
  'alert.partner_missed',
  'alert.streak_at_risk',
  'channel.test',
  'channel.disabled',
  'day.ended',
  'checkin.changed',
  'achievement.earned',
  'streak.broken',
] as const;

const LABELS: Record<string, MessageKey> = {
  'reminder.due': 'settings.event.reminderDue',
  'alert.partner_missed': 'settings.event.partnerMissed',
  'alert.streak_at_risk': 'settings.event.streakAtRisk',
  'channel.test': 'settings.event.channelTest',
  'channel.disabled': 'settings.event.channelDisabled',
  'day.ended': 'settings.event.dayEnded',
  'checkin.changed': 'settings.event.checkinChanged',
  'achievement.earned': 'settings.event.achievementEarned',
  'streak.broken': 'settings.event.streakBroken',
  'notification.created': 'settings.event.notificationCreated',
  nudge: 'settings.event.nudge',
};

/** A message type in words ("Reminder"); a type this app does not know yet as the server names it. */
export function eventLabel(kind: string | undefined): string {
  if (!kind) return t('settings.event.unknown');
  const key = LABELS[kind];
  return key ? t(key) : kind;
}
