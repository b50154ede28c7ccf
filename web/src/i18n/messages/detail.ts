/** The texts of the detail screens (see ../en.ts). */
export const detail = {
  'detail.title': 'Detail',
} as const;
