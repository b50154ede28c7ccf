import { locale } from '../i18n/t';

/** A size in bytes as people read it: "820 bytes", "34 kB", "2.4 MB" (decimal units, the user's locale). */
export function formatBytes(bytes: number | undefined | null): string {
  const n = typeof bytes === 'number' && Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  const [value, unit] =
    n < 1000 ? [n, 'byte'] : n < 1_000_000 ? [n / 1000, 'kilobyte'] : n < 1e9 ? [n / 1e6, 'megabyte'] : [n / 1e9, 'gigabyte'];
  try {
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      unitDisplay: unit === 'byte' ? 'long' : 'short',
      maximumFractionDigits: value < 10 && unit !== 'byte' ? 1 : 0,
    }).format(value);
  } catch {
    return `${Math.round(n)} B`;
  }
}
