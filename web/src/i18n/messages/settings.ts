/** The texts of the settings screens (see ../en.ts). */
export const settings = {
  'settings.title': 'Settings',
} as const;
