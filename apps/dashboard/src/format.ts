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

// One formatter per precision: `toLocaleString` with options builds a new Intl.NumberFormat on every call, which
// costs tens of microseconds (hundreds of calls per run for the ADL table and axis ticks).
const price0 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 0 });
const price2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const price6 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 6, maximumFractionDigits: 6 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Formats a price with thousands separators: `$87,028`. */
export function formatPrice(value: number, quote = 'USD'): string {
  if (!Number.isFinite(value)) return '–';
  const text = (value >= 1000 ? price0 : value >= 1 ? price2 : price6).format(value);
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
  return Number.isFinite(value) ? count.format(Math.round(value)) : '–';
}
