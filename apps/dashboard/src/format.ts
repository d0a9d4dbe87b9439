/** Formats quote amounts compactly: `$1.92B`, `$12.3M`, `$450k`, `$87`. */
export function formatMoney(value: number, quote = 'USD'): string {
  if (!Number.isFinite(value)) return '–';
  const sign = value < 0 ? '-' : '';
  const a = Math.abs(value);
  const prefix = quote === 'USD' ? '$' : '';
  const suffix = quote === 'USD' ? '' : ` ${quote}`;
  const scaled =
    a >= 1e9 ? `${(a / 1e9).toFixed(a >= 1e10 ? 1 : 2)}B` : a >= 1e6 ? `${(a / 1e6).toFixed(a >= 1e7 ? 1 : 2)}M` : a >= 1e3 ? `${(a / 1e3).toFixed(a >= 1e4 ? 0 : 1)}k` : a.toFixed(0);
  return `${sign}${prefix}${scaled}${suffix}`;
}

/** Formats a price with thousands separators: `$87,028`. */
export function formatPrice(value: number, quote = 'USD'): string {
  if (!Number.isFinite(value)) return '–';
  const digits = value >= 1000 ? 0 : value >= 1 ? 2 : 6;
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return quote === 'USD' ? `$${text}` : `${text} ${quote}`;
}

/** Formats a fraction as percent: `12.97%`. */
export function formatPercent(fraction: number, digits = 2): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(digits)}%` : '–';
}

/** Formats simulated seconds: `17 s`, `2 min 5 s`, or `never` for null. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'not within the run';
  if (seconds < 120) return `${Math.round(seconds)} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds - m * 60);
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

/** Formats a count with separators: `14,116`. */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–';
}
