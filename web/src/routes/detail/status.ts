import type { DayStatus } from '../../api/types';
import { t } from '../../i18n/t';

/** A Chakra colour token as a CSS value, for SVG fills and inline styles: `green.solid` → `var(--chakra-colors-green-solid)`. */
export function colorVar(token: string): string {
  return `var(--chakra-colors-${token.replace(/\./g, '-')})`;
}

/** What a heat map cell or a calendar dot can show: the server's day status, or a day after the user's today. */
export type CellStatus = DayStatus | 'future';

const KNOWN = new Set<string>(['done', 'partial', 'missed', 'skipped', 'paused', 'pending', 'not_due', 'future']);

/** The status as one the screens know (an unknown one from a plugin counts as not due). */
export function cellStatus(status: string | null | undefined): CellStatus {
  return status && KNOWN.has(status) ? (status as CellStatus) : 'not_due';
}

/** The fill of a heat map cell: the stronger the colour, the more was done. */
export const CELL_FILL: Record<CellStatus, string> = {
  done: colorVar('green.solid'),
  partial: colorVar('green.muted'),
  missed: colorVar('red.muted'),
  skipped: colorVar('gray.emphasized'),
  paused: colorVar('purple.muted'),
  pending: colorVar('bg.emphasized'),
  not_due: colorVar('bg.muted'),
  future: 'transparent',
};

/** The Chakra palette of a status badge. */
export const STATUS_PALETTE: Record<CellStatus, string> = {
  done: 'green',
  partial: 'blue',
  missed: 'red',
  skipped: 'gray',
  paused: 'purple',
  pending: 'orange',
  not_due: 'gray',
  future: 'gray',
};

/** The status as a word inside a sentence ("3 March 2026: done"). */
export function statusWord(status: CellStatus): string {
  return t(`detail.day.${status}`);
}

/** The status as a badge's label ("Done"). */
export function statusLabel(status: CellStatus): string {
  return status === 'future' ? t('detail.day.label.future') : t(`status.${status}`);
}
