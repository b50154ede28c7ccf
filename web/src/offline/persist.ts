import type { Today, User } from '../api/types';

const TODAY_PREFIX = 'steadfast.today.';
const USER_KEY = 'steadfast.lastUser';

/** The last Today the server answered to a user, and when. */
export interface SavedToday {
  userId: string;
  savedAt: number;
  today: Today;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** Keeps the server's last Today for this user (in localStorage, under the user's id), for a reload while offline. */
export function saveToday(userId: string, today: Today, savedAt: number = Date.now()): void {
  try {
    storage()?.setItem(TODAY_PREFIX + userId, JSON.stringify({ userId, savedAt, today } satisfies SavedToday));
  } catch {
    // a full or refused storage: the app works, only not after an offline reload
  }
}

/** The last Today kept for this user; never another user's. */
export function loadToday(userId: string): SavedToday | undefined {
  try {
    const text = storage()?.getItem(TODAY_PREFIX + userId);
    if (!text) return undefined;
    const saved = JSON.parse(text) as SavedToday;
    return saved && saved.userId === userId && typeof saved.today === 'object' ? saved : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps who is signed in (id, email, display name, time zone), so that a reload while offline can show that user's last
 * Today. The session itself stays in its httpOnly cookie.
 */
export function rememberUser(user: User | undefined): void {
  if (!user?.id) return;
  const { id, email, displayName, timezone } = user;
  try {
    storage()?.setItem(USER_KEY, JSON.stringify({ id, email, displayName, timezone }));
  } catch {
    // see saveToday
  }
}

/** The user last signed in on this browser, if any was remembered and not forgotten at sign-out. */
export function lastUser(): User | undefined {
  try {
    const text = storage()?.getItem(USER_KEY);
    const user = text ? (JSON.parse(text) as User) : undefined;
    return user && typeof user.id === 'string' ? user : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the remembered user and every kept Today (at sign-out). The changes waiting to be sent stay theirs. */
export function forgetOfflineData(): void {
  const s = storage();
  if (!s) return;
  try {
    s.removeItem(USER_KEY);
    for (let i = s.length - 1; i >= 0; i--) {
      const key = s.key(i);
      if (key?.startsWith(TODAY_PREFIX)) s.removeItem(key);
    }
  } catch {
    // nothing kept
  }
}
