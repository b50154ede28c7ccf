import type { SVGProps } from 'react';

/** Icons of the habits screen, like ../../components/icons (decorative: aria-hidden). */
function Svg(props: SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1.25em"
      height="1.25em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.25}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    />
  );
}

export const ArrowUpIcon = () => (
  <Svg>
    <path d="M12 19V5M6 11l6-6 6 6" />
  </Svg>
);
export const ArrowDownIcon = () => (
  <Svg>
    <path d="M12 5v14M6 13l6 6 6-6" />
  </Svg>
);
export const GripIcon = () => (
  <Svg strokeWidth={3}>
    <path d="M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01" />
  </Svg>
);
export const DotsIcon = () => (
  <Svg strokeWidth={3.5}>
    <path d="M5 12h.01M12 12h.01M19 12h.01" />
  </Svg>
);
export const ChevronIcon = ({ open }: { open: boolean }) => (
  <Svg style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 0.15s' }}>
    <path d="M9 6l6 6-6 6" />
  </Svg>
);
