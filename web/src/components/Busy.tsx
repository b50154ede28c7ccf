import { Spinner, VisuallyHidden, type SpinnerProps } from '@chakra-ui/react';

/**
 * A spinner that says what it waits for: the words are visually hidden text in a `status` region (a bare
 * element may not carry an `aria-label`, which axe-core counts as a serious violation).
 */
export function Busy({ label, size = 'sm' }: { label: string; size?: SpinnerProps['size'] }) {
  return (
    <span role="status">
      <Spinner size={size} aria-hidden="true" />
      <VisuallyHidden>{label}</VisuallyHidden>
    </span>
  );
}
