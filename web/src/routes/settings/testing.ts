import type { UserEvent } from '@testing-library/user-event';
import { vi } from 'vitest';
import { screen } from '@testing-library/react';
import type { User } from '../../api/types';

/** The signed-in user of the settings tests. */
export const ANN: User = {
  id: 'u1',
  email: 'ann@example.org',
  displayName: 'Ann',
  timezone: 'Europe/Berlin',
  weekStart: 'MON',
  dayStartsAt: 0,
  notify: { partnerMissed: false, streakAtRisk: null },
};

/** Waits for a section of the settings (the screen is loaded lazily: the first time takes a while). */
export function findSection(name: string) {
  return screen.findByRole('heading', { level: 2, name }, { timeout: 15_000 });
}

/** jsdom has no PointerEvent; Chakra's checkboxes and switches make one on blur. */
export function stubPointerEvent() {
  if (typeof window.PointerEvent !== 'function') vi.stubGlobal('PointerEvent', class extends MouseEvent {});
}

/** Replaces a field's text at once (typing key by key is slow in jsdom). */
export async function fill(user: UserEvent, element: HTMLElement, text: string) {
  await user.clear(element);
  if (text) await user.paste(text);
}
