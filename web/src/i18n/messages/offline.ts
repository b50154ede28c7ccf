/** The texts of the offline mode: the queue of check-ins and the installed app (see ../en.ts). */
export const offline = {
  'offline.title': 'Offline',
  'offline.offline': 'Offline — your check-ins are kept on this device and sent when you are back online',
  'offline.pending': {
    one: 'Offline — {count} check-in will be sent when you are back online',
    other: 'Offline — {count} check-ins will be sent when you are back online',
  },
  'offline.waiting': {
    one: '{count} check-in is waiting to be sent',
    other: '{count} check-ins are waiting to be sent',
  },
  'offline.sending': { one: 'Sending {count} check-in…', other: 'Sending {count} check-ins…' },
  'offline.saved': 'All changes saved',
  'offline.sendNow': 'Send now',
  'offline.failed': 'Could not save {habit} from {date}: {reason}',
  'offline.dismiss': 'Dismiss',
  'offline.stale': 'Showing today as last loaded at {time}.',
  'offline.noData': 'You are offline, and today has not been loaded on this device yet. It loads as soon as you are back online.',
} as const;
