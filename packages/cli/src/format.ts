/** Number formatting for terminal output. */

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `$412.35M` */
export function usd(amount: number): string {
  if (!Number.isFinite(amount)) return String(amount);
  const sign = amount < 0 ? '-' : '';
  return `${sign}$${compact.format(Math.abs(amount))}`;
}

const smallPrice = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** `100,000.5`; below 1, four significant digits (`0.0095`, `0.1352`) so small-priced assets keep their moves. */
export function price(value: number): string {
  return Math.abs(value) < 1 ? smallPrice.format(value) : grouped.format(value);
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

/**
 * `4.32x`, or `n/a (no exogenous move)` for a market the shock did not move (the report's amplification is 0 there:
 * a ratio over a zero move has no meaning, and `0.00x` would read as "no cascade" next to a real price drop).
 */
export function amplification(market: { readonly amplification: number; readonly exogenousMoveFraction: number }): string {
  return market.exogenousMoveFraction > 0 ? `${market.amplification.toFixed(2)}x` : 'n/a (no exogenous move)';
}
