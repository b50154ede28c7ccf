import { t } from '../../i18n/t';

/** Browsers by their marks in a user agent, in the order they must be tried (Edge and Opera say Chrome too). */
const BROWSERS: readonly [RegExp, string][] = [
  [/\b(?:Edg|Edge|EdgA|EdgiOS)\//, 'Edge'],
  [/\b(?:OPR|OPiOS|Opera)\b/, 'Opera'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

/** Systems likewise (an iPhone's says "like Mac OS X", Android's and ChromeOS's say Linux). */
const SYSTEMS: readonly [RegExp, string][] = [
  [/\biPad\b/, 'iPad'],
  [/\b(?:iPhone|iPod)\b/, 'iPhone'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\b(?:Macintosh|Mac OS X)\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

function first(table: readonly [RegExp, string][], userAgent: string): string | undefined {
  return table.find(([pattern]) => pattern.test(userAgent))?.[1];
}

/**
 * A readable name of the device a session signed in from, after its user agent: "Firefox on Linux", "Safari on
 * iPhone", "App/other" for a client that is not a browser, "Unknown device" without a user agent. Pure.
 */
export function deviceName(userAgent: string | null | undefined): string {
  const ua = userAgent?.trim();
  if (!ua) return t('settings.sessions.unknownDevice');
  const browser = first(BROWSERS, ua) ?? t('settings.sessions.otherApp');
  const os = first(SYSTEMS, ua);
  return os ? t('settings.sessions.device', { browser, os }) : browser;
}
