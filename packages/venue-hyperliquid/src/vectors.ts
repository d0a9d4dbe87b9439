import type { SideSign, VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import { liquidationPrice } from './liquidation-price';
import { flatMarginTable, resolveMarginTable } from './margin-tiers';
import { VenueRuleError } from './venue-rule-error';

function num(value: unknown, field: string): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || Number.isNaN(n)) throw new VenueRuleError(`invalid input ${field}: ${String(value)}`);
  return n;
}

function sideOf(value: unknown): SideSign {
  if (value === 'long' || value === 1) return 1;
  if (value === 'short' || value === -1) return -1;
  throw new VenueRuleError(`invalid input side: ${String(value)}`);
}

/**
 * `liquidation_price` cases: the asset's margin table is a single tier at `max_leverage` (the asset maximum, not
 * the position's leverage), or `margin_tiers` (`[{lower_bound, max_leverage}]`) when given; `margin` is the
 * isolated margin or the cross account value.
 */
function runLiquidationPrice(testCase: VectorCaseV1): unknown {
  // Spot positions are not leveraged and have no liquidation price (freqtrade returns None in spot mode).
  if (testCase.inputs['trading_mode'] === 'spot') return { liq_price: null };
  const i = testCase.inputs;
  const tiers = i['margin_tiers'];
  const table = Array.isArray(tiers)
    ? resolveMarginTable(
        tiers.map((t: Record<string, unknown>) => ({
          lowerBoundQuote: num(t['lower_bound'], 'margin_tiers.lower_bound'),
          maxLeverage: num(t['max_leverage'], 'margin_tiers.max_leverage'),
        })),
      )
    : flatMarginTable(num(i['max_leverage'], 'max_leverage'));
  const liq = liquidationPrice(table, sideOf(i['side']), num(i['size'], 'size'), num(i['entry_price'], 'entry_price'), num(i['margin'] ?? i['account_value'] ?? i['isolated_margin'], 'margin'));
  return { liq_price: liq };
}

/** Vector handlers of this package, for `firesale vectors` (vectors/perp-venues.json, venue `hyperliquid`). */
export const vectorHandlers: readonly VectorHandlerV1[] = [
  { specificationVersion: 'v1', kind: 'liquidation_price', venue: 'hyperliquid', run: runLiquidationPrice },
];
