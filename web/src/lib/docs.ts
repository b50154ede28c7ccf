/**
 * Where the user guide (docs/user-guide.md) is published, if this build knows: VITE_STEADFAST_USER_GUIDE_URL at build
 * time, the page's address without an anchor. The server itself does not serve the docs.
 */
const USER_GUIDE: string | undefined = (import.meta.env.VITE_STEADFAST_USER_GUIDE_URL as string | undefined) || undefined;

/** The address of a section of the user guide (its heading's anchor), or undefined when the build has none. */
export function userGuideUrl(anchor: string): string | undefined {
  return USER_GUIDE ? `${USER_GUIDE.replace(/#.*$/, '')}#${anchor}` : undefined;
}

/** The anchor of the user guide's section on imports and exports. */
export const IMPORT_GUIDE_ANCHOR = 'bring-your-history-and-take-it-with-you';
