import type { VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import { fixedToNumber, parseDecimal, tokenPrice, USD_DECIMALS } from './fixed-point';
import { gmxTokenDecimals } from './gmx-params';
import { isPositionLiquidatable } from './liquidatable';
import { liquidationPayout } from './liquidation-payout';
import type { GmxPrice } from './position-pnl';
import { VenueRuleError } from './venue-rule-error';

const VENUE = 'gmx-v2';

type Decimal = number | string;

function field(testCase: VectorCaseV1, name: string): Decimal {
  const value = testCase.inputs[name];
  if (typeof value !== 'number' && typeof value !== 'string') throw new TypeError(`${testCase.id}: inputs.${name} must be a number`);
  return value;
}

function optionalField(testCase: VectorCaseV1, name: string, fallback: Decimal): Decimal {
  const value = testCase.inputs[name];
  return value === undefined || value === null ? fallback : field(testCase, name);
}

function decimalsOf(testCase: VectorCaseV1, token: string): number {
  const custom = testCase.inputs['token_decimals'] as Record<string, number> | undefined;
  return custom?.[token] ?? gmxTokenDecimals[token] ?? 18;
}

function priceOf(testCase: VectorCaseV1, token: string): GmxPrice {
  const prices = testCase.inputs['prices'] as Record<string, Decimal | { min: Decimal; max: Decimal }> | undefined;
  const raw = prices?.[token];
  if (raw === undefined) throw new TypeError(`${testCase.id}: inputs.prices.${token} is missing`);
  const decimals = decimalsOf(testCase, token);
  if (typeof raw === 'object') return { min: tokenPrice(raw.min, decimals), max: tokenPrice(raw.max, decimals) };
  const price = tokenPrice(raw, decimals);
  return { min: price, max: price };
}

/** The index token: `inputs.index_token`, else the market's base symbol (`ETH/USD [...]` -> `ETH`, or `WETH` if only it is priced). */
function indexTokenOf(testCase: VectorCaseV1): string {
  const explicit = testCase.inputs['index_token'];
  if (typeof explicit === 'string') return explicit;
  const base = String(testCase.inputs['market'] ?? '').split('/')[0]?.trim() ?? '';
  const prices = (testCase.inputs['prices'] ?? {}) as Record<string, unknown>;
  if (base in prices) return base;
  if (`W${base}` in prices) return `W${base}`;
  throw new TypeError(`${testCase.id}: cannot tell the index token of market ${JSON.stringify(testCase.inputs['market'])}`);
}

function pickExpectedKeys(result: Record<string, unknown>, expected: unknown): Record<string, unknown> {
  if (expected === null || typeof expected !== 'object') return result;
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(expected)) if (key in result) picked[key] = result[key];
  return picked;
}

/**
 * A `liquidatable` case: GMX v2 `isPositionLiquidatable` in exact 30-decimal arithmetic, and the payout of the
 * liquidation in the collateral token (`collateral_returned_<token>`, `user_receives_<token>`, `pool_receives_<token>`).
 */
function runLiquidatable(testCase: VectorCaseV1): Record<string, unknown> {
  const side = testCase.inputs['side'];
  if (side !== 'long' && side !== 'short') throw new TypeError(`${testCase.id}: inputs.side must be long or short`);
  const collateralToken = String(testCase.inputs['collateral_token']);
  const indexToken = indexTokenOf(testCase);
  const collateralDecimals = decimalsOf(testCase, collateralToken);
  const position = {
    isLong: side === 'long',
    sizeInUsd: parseDecimal(field(testCase, 'size_usd'), USD_DECIMALS),
    sizeInTokens: parseDecimal(field(testCase, 'size_in_tokens'), decimalsOf(testCase, indexToken)),
    collateralAmount: parseDecimal(field(testCase, 'collateral_amount'), collateralDecimals),
  };
  if (position.sizeInUsd <= 0n || position.sizeInTokens <= 0n) throw new VenueRuleError('InvalidPositionSizeValues');
  const indexTokenPrice = priceOf(testCase, indexToken);
  const collateralTokenPrice = priceOf(testCase, collateralToken);
  const positionFeeFactor = parseDecimal(optionalField(testCase, 'position_fee_factor', 0), USD_DECIMALS);
  const priceImpactUsd = parseDecimal(optionalField(testCase, 'price_impact', 0), USD_DECIMALS);
  const check = isPositionLiquidatable({
    position,
    indexTokenPrice,
    collateralTokenPrice,
    priceImpactUsd,
    params: {
      minCollateralFactorForLiquidation: parseDecimal(field(testCase, 'min_collateral_factor_for_liquidation'), USD_DECIMALS),
      minCollateralUsd: parseDecimal(field(testCase, 'min_collateral_usd'), USD_DECIMALS),
      maxPositionImpactFactorForLiquidations: parseDecimal(optionalField(testCase, 'max_position_impact_factor_for_liquidations', 0), USD_DECIMALS),
      positionFeeFactor,
    },
  });
  const payout = liquidationPayout({
    position,
    indexTokenPrice,
    collateralTokenPrice,
    positionFeeFactor,
    liquidationFeeFactor: parseDecimal(optionalField(testCase, 'liquidation_fee_factor', 0), USD_DECIMALS),
    priceImpactUsd,
  });
  const token = collateralToken.toLowerCase();
  const userReceives = fixedToNumber(payout.userReceivesAmount, collateralDecimals);
  const result: Record<string, unknown> = {
    liquidatable: check.liquidatable,
    reason: check.reason,
    venue_reason: check.venueReason,
    remaining_collateral_usd: fixedToNumber(check.remainingCollateralUsd, USD_DECIMALS),
    min_collateral_usd_for_leverage: fixedToNumber(check.minCollateralUsdForLeverage, USD_DECIMALS),
    position_pnl_usd: fixedToNumber(check.positionPnlUsd, USD_DECIMALS),
    [`collateral_returned_${token}`]: userReceives,
    [`user_receives_${token}`]: userReceives,
    [`pool_receives_${token}`]: fixedToNumber(payout.poolReceivesAmount, collateralDecimals),
    bad_debt_usd: fixedToNumber(payout.badDebtUsd, USD_DECIMALS),
  };
  return pickExpectedKeys(result, testCase.expected);
}

/** Handlers that let `firesale vectors` check GMX v2 cases of perp-venues.json against this package's mechanics. */
export const vectorHandlers: readonly VectorHandlerV1[] = [
  { specificationVersion: 'v1', kind: 'liquidatable', venue: VENUE, run: runLiquidatable },
];

export { VenueRuleError };
