/** Number formatting for terminal output. */

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `$412.35M` */
export function usd(amount: number): string {
  if (!Number.isFinite(amount)) return String(amount);
  const sign = amount < 0 ? '-' : '';
  return `${sign}$${compact.format(Math.abs(amount))}`;
}

/** `100,000.5` */
export function price(value: number): string {
  return grouped.format(value);
}

/** `-3.25%` */
export function percent(fraction: number, signed = false): string {
  const text = `${(fraction * 100).toFixed(2)}%`;
  return signed && fraction > 0 ? `+${text}` : text;
}

/** `1,234` */
export function count(value: number): string {
  return grouped.format(value);
}

/** `14 s`, `2 min 5 s` */
export function seconds(value: number | null): string {
  if (value === null) return 'not within the run';
  if (value < 120) return `${grouped.format(value)} s`;
  return `${Math.floor(value / 60)} min ${grouped.format(value % 60)} s`;
}
