import type { MessageKey } from '../../i18n/en';

/** The colours a habit can have (the API stores `#RRGGBB`), each with its name. */
export const COLORS: readonly { value: string; label: MessageKey }[] = [
  { value: '#0D9488', label: 'habits.color.teal' },
  { value: '#16A34A', label: 'habits.color.green' },
  { value: '#2563EB', label: 'habits.color.blue' },
  { value: '#0891B2', label: 'habits.color.cyan' },
  { value: '#7C3AED', label: 'habits.color.purple' },
  { value: '#DB2777', label: 'habits.color.pink' },
  { value: '#DC2626', label: 'habits.color.red' },
  { value: '#EA580C', label: 'habits.color.orange' },
  { value: '#CA8A04', label: 'habits.color.yellow' },
  { value: '#57534E', label: 'habits.color.stone' },
];

/** The icons a habit can have (an emoji), each with its name. */
export const ICONS: readonly { value: string; label: MessageKey }[] = [
  { value: '📚', label: 'habits.icon.book' },
  { value: '🏃', label: 'habits.icon.run' },
  { value: '💧', label: 'habits.icon.water' },
  { value: '🧘', label: 'habits.icon.meditate' },
  { value: '💪', label: 'habits.icon.strength' },
  { value: '🥗', label: 'habits.icon.food' },
  { value: '😴', label: 'habits.icon.sleep' },
  { value: '✍️', label: 'habits.icon.write' },
  { value: '🎵', label: 'habits.icon.music' },
  { value: '🚭', label: 'habits.icon.noSmoking' },
  { value: '💰', label: 'habits.icon.money' },
  { value: '🌱', label: 'habits.icon.plant' },
];

/** Whether two colours are the same (`#0d9488` is `#0D9488`). */
export function sameColor(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
