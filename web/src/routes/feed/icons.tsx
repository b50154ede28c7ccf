import { Svg } from '../../components/icons';

/** Small inline icons of the feed and the achievements. Decorative: aria-hidden. */

/** Cheer: a party popper. */
export const CheerIcon = ({ filled = false }: { filled?: boolean }) => (
  <Svg strokeWidth={2}>
    <path d="M4 20l4.5-11 6.5 6.5z" fill={filled ? 'currentColor' : 'none'} />
    <path d="M14 4.5c.5 1.5 0 3-1.5 4M19.5 10c-1.5-.5-3 0-4 1.5M17 3v1M21 7h-1M20 3l-1 1" />
  </Svg>
);

/** Nudge: a paper plane. */
export const NudgeIcon = () => (
  <Svg strokeWidth={2}>
    <path d="M21 3L10 14M21 3l-7 18-4-7-7-4z" />
  </Svg>
);

/** An achievement: a medal. */
export const MedalIcon = ({ filled = false }: { filled?: boolean }) => (
  <Svg strokeWidth={2}>
    <path d="M8 3h8l-2.5 6h-3z" />
    <circle cx="12" cy="15" r="5.5" fill={filled ? 'currentColor' : 'none'} />
    {filled ? null : <path d="M12 12.5v5" />}
  </Svg>
);

/** An achievement not reached yet: a lock. */
export const LockIcon = () => (
  <Svg strokeWidth={2}>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V8a4 4 0 0 1 8 0v3" />
  </Svg>
);
