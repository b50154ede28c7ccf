/**
 * Every text the app shows, in English. A message is a string with `{placeholders}`, or plural forms chosen by the
 * `count` parameter (Intl.PluralRules). Texts that come from the server (a problem's detail, a field's message) are
 * shown as the server words them.
 */
export const en = {
  'app.name': 'Steadfast',
  'app.skipToContent': 'Skip to content',
  'app.loading': 'Loading…',

  'nav.label': 'Main',
  'nav.today': 'Today',
  'nav.habits': 'Habits',
  'nav.signOut': 'Sign out',
  'nav.signingOut': 'Signing out…',

  'theme.label': 'Colour theme: {mode}. Change it',
  'theme.system': 'System',
  'theme.light': 'Light',
  'theme.dark': 'Dark',

  'field.email': 'Email',
  'field.password': 'Password',
  'field.displayName': 'Your name',
  'field.optional': '(optional)',

  'signIn.title': 'Sign in',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.noAccount': 'No account yet?',
  'signIn.toSignUp': 'Create one',
  'signIn.passwordChangeRequired':
    'You signed in with a temporary password. Change it before you go on (the web app cannot do this yet: use the API, POST /api/v1/me/password).',

  'signUp.title': 'Create your account',
  'signUp.submit': 'Create account',
  'signUp.submitting': 'Creating your account…',
  'signUp.passwordHint': 'At least 10 characters, and not a common password.',
  'signUp.haveAccount': 'Already have an account?',
  'signUp.toSignIn': 'Sign in',

  'today.title': 'Today',
  'today.empty': 'Nothing on your list today. Add a habit to get started.',
  'today.addHabit': 'Add a habit',
  'today.progress': { one: '{done} of {count} done', other: '{done} of {count} done' },
  'today.nothingDue': 'Nothing due',
  'today.progressLabel': 'Done today',
  'today.check': 'Mark {habit} as done',
  'today.uncheck': 'Mark {habit} as not done',
  'today.increment': 'Add one to {habit}',
  'today.decrement': 'Take one from {habit}',
  'today.value': '{value} of {target}',
  'today.valueNoTarget': '{value}',
  'today.unit': '{value} {unit}',
  'today.reminder': 'Reminder at {time}',
  'today.notAvailable': 'This habit’s type is not running on the server right now.',
  'today.notEditable': 'Open this habit in a later version of the web app to check it in.',
  'today.shortcuts': 'Keys 1–9 check in the habit with that number.',
  'today.failed': 'Could not save {habit}: {reason}',
  'today.loadFailed': 'Could not load today: {reason}',
  'today.retry': 'Try again',

  'status.done': 'Done',
  'status.partial': 'In progress',
  'status.missed': 'Missed',
  'status.skipped': 'Skipped',
  'status.paused': 'Paused',
  'status.pending': 'To do',
  'status.not_due': 'Not due',

  'habits.title': 'Habits',
  'habits.empty': 'You have no habits yet.',
  'habits.new': 'New habit',
  'habits.name': 'Name',
  'habits.type': 'Kind',
  'habits.type.boolean': 'Done or not',
  'habits.type.count': 'Count up to a target',
  'habits.target': 'Target per day',
  'habits.unit': 'Unit',
  'habits.schedule': 'Schedule',
  'habits.schedule.daily': 'Every day',
  'habits.schedule.other': 'Custom schedule',
  'habits.create': 'Create habit',
  'habits.creating': 'Creating…',
  'habits.created': 'Created {habit}.',
  'habits.since': 'Since {date}',
  'habits.targetShort': 'target {target}',
  'habits.loadFailed': 'Could not load your habits: {reason}',

  'errors.network': 'The server could not be reached. Check your connection and try again.',
  'errors.server': 'Something went wrong on the server. If it keeps happening, quote this request id: {requestId}.',
  'errors.serverNoId': 'Something went wrong on the server. Please try again.',
  'errors.unexpected': 'The server answered {status} {title}.',
  'errors.notFound': 'There is nothing at this address.',
  'errors.toToday': 'Go to today',
} as const;

export type Messages = typeof en;
export type MessageKey = keyof Messages;
