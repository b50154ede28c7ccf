/** The texts of the people screens (see ../en.ts). */
export const people = {
  'people.title': 'People',
} as const;
