import { Svg } from '../../components/icons';

/** Small inline icons of the Today screen, like components/icons.tsx. Decorative: aria-hidden. */

export const MoreIcon = () => (
  <Svg>
    <circle cx="5" cy="12" r="1.25" fill="currentColor" />
    <circle cx="12" cy="12" r="1.25" fill="currentColor" />
    <circle cx="19" cy="12" r="1.25" fill="currentColor" />
  </Svg>
);
export const NoteIcon = () => (
  <Svg>
    <path d="M5 4h10l4 4v12H5z" />
    <path d="M9 12h6M9 16h4" />
  </Svg>
);
export const SkipIcon = () => (
  <Svg>
    <path d="M6 6l8 6-8 6zM18 6v12" />
  </Svg>
);
export const OfflineIcon = () => (
  <Svg>
    <path d="M3 3l18 18M8.5 16.5a5 5 0 0 1 7 0M5 12.9a10 10 0 0 1 5.2-2.7M16.8 10.8A10 10 0 0 1 19 12.9M2 9a15 15 0 0 1 4.2-2.6M11 5.1A15 15 0 0 1 22 9" />
    <circle cx="12" cy="20" r="0.75" fill="currentColor" />
  </Svg>
);
