import { Box } from '@chakra-ui/react';
import { colorVar, type CellStatus } from './status';

/** How a status looks as a dot; the shapes differ too, so that colour is not the only cue. */
const DOT: Record<CellStatus, { background: string; border: string; radius: string }> = {
  done: { background: colorVar('green.solid'), border: colorVar('green.solid'), radius: '50%' },
  partial: {
    background: `linear-gradient(90deg, ${colorVar('blue.solid')} 50%, transparent 50%)`,
    border: colorVar('blue.solid'),
    radius: '50%',
  },
  missed: { background: 'transparent', border: colorVar('red.solid'), radius: '50%' },
  skipped: { background: colorVar('gray.solid'), border: colorVar('gray.solid'), radius: '1px' },
  paused: { background: 'transparent', border: colorVar('purple.solid'), radius: '1px' },
  pending: { background: 'transparent', border: colorVar('fg.muted'), radius: '50%' },
  not_due: { background: 'transparent', border: colorVar('border'), radius: '50%' },
  future: { background: 'transparent', border: colorVar('fg.muted'), radius: '50%' },
};

/** A small decorative mark of a day's status (its meaning is told in text next to it or in the cell's name). */
export function StatusDot({ status, size = '2' }: { status: CellStatus; size?: string }) {
  const d = DOT[status];
  return (
    <Box
      as="span"
      aria-hidden="true"
      display="inline-block"
      flexShrink={0}
      w={size}
      h={size}
      data-dot={status}
      style={{ background: d.background, border: `1.5px solid ${d.border}`, borderRadius: d.radius }}
    />
  );
}
