/** The texts of the offline screens (see ../en.ts). */
export const offline = {
  'offline.title': 'Offline',
} as const;
