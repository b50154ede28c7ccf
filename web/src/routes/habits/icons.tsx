import { Svg } from '../../components/icons';

/** Icons of the habits screen, like ../../components/icons (decorative: aria-hidden). */

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
