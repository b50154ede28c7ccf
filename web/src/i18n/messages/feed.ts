/** The texts of the feed screens (see ../en.ts). */
export const feed = {
  'feed.title': 'Feed',
} as const;
