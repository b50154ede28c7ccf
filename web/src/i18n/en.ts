import { today } from './messages/today';
import { habits } from './messages/habits';
import { detail } from './messages/detail';
import { people } from './messages/people';
import { feed } from './messages/feed';
import { settings } from './messages/settings';
import { offline } from './messages/offline';

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
  'nav.calendar': 'Calendar',
  'nav.people': 'People',
  'nav.feed': 'Feed',
  'nav.achievements': 'Achievements',
  'nav.settings': 'Settings',
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
  'signIn.passwordChangeRequired': 'You signed in with a temporary password. Change it before you go on.',
  'signIn.toChangePassword': 'Change it in Settings',

  'signUp.title': 'Create your account',
  'signUp.submit': 'Create account',
  'signUp.submitting': 'Creating your account…',
  'signUp.passwordHint': 'At least 10 characters, and not a common password.',
  'signUp.haveAccount': 'Already have an account?',
  'signUp.toSignIn': 'Sign in',

  'errors.network': 'The server could not be reached. Check your connection and try again.',
  'errors.server': 'Something went wrong on the server. If it keeps happening, quote this request id: {requestId}.',
  'errors.serverNoId': 'Something went wrong on the server. Please try again.',
  'errors.unexpected': 'The server answered {status} {title}.',
  'errors.notFound': 'There is nothing at this address.',
  'errors.toToday': 'Go to today',

  ...today,
  ...habits,
  ...detail,
  ...people,
  ...feed,
  ...settings,
  ...offline,
} as const;

export type Messages = typeof en;
export type MessageKey = keyof Messages;
