import type { VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import { isolatedLiquidationPrice } from './liquidation-price';
import { gateMaintenanceRatio } from './margin-tiers';
import { gateFixtureParams, type GateTier } from './gate-params';
import { inputNumber, inputSide, optionalNumber } from './vector-inputs';
import { VenueRuleError } from './venue-rule-error';

const VENUE = 'gate';

function vectorTiers(testCase: VectorCaseV1): GateTier[] {
  const raw = testCase.inputs['tiers'];
  if (!Array.isArray(raw)) throw new TypeError(`${testCase.id}: inputs.tiers must be an array`);
  return raw.map((t: Record<string, unknown>, i) => {
    const min = Number(t['min_notional']);
    const max = Number(t['max_notional']);
    const mmr = Number(t['mmr']);
    if (!Number.isFinite(min) || !Number.isFinite(mmr)) throw new TypeError(`${testCase.id}: inputs.tiers[${i}] needs min_notional and mmr`);
    return { minNotionalQuote: min, maxNotionalQuote: Number.isFinite(max) ? max : Infinity, maintenanceMarginRate: mmr, maxLeverage: Number(t['max_leverage'] ?? Infinity) };
  });
}

/** Gate isolated liquidation price (Gate formula, as freqtrade implements it) of a `liquidation_price` case. */
function runLiquidationPrice(testCase: VectorCaseV1): { liq_price: number | null } {
  // Spot positions are not leveraged and have no liquidation price (freqtrade returns None in spot mode).
  if (testCase.inputs['trading_mode'] === 'spot') return { liq_price: null };
  const mode = testCase.inputs['margin_mode'] ?? 'isolated';
  if (mode !== 'isolated') throw new VenueRuleError(`unsupported margin mode ${String(mode)}`);
  const side = inputSide(testCase);
  const entryPriceQuote = inputNumber(testCase, 'entry_price');
  const sizeBase = inputNumber(testCase, 'size');
  const leverage = optionalNumber(testCase, 'leverage', NaN);
  const walletBalanceQuote = optionalNumber(testCase, 'wallet_balance', (sizeBase * entryPriceQuote) / leverage);
  const maintenanceMarginRate =
    testCase.inputs['mmr'] !== undefined
      ? inputNumber(testCase, 'mmr')
      : gateMaintenanceRatio(vectorTiers(testCase), sizeBase * entryPriceQuote).maintenanceMarginRate;
  const takerFeeRate = optionalNumber(testCase, 'taker_fee', gateFixtureParams.takerFeeRate);
  return { liq_price: isolatedLiquidationPrice({ side, entryPriceQuote, sizeBase, walletBalanceQuote, maintenanceMarginRate, takerFeeRate }) };
}

/** Gate risk-limit tier lookup of a `margin` case (`calc: maintenance_bracket_lookup`). */
function runMargin(testCase: VectorCaseV1): { mmr: number; maintenance_amount: null } {
  const calc = testCase.inputs['calc'];
  if (calc !== 'maintenance_bracket_lookup') throw new VenueRuleError(`unsupported margin calc ${String(calc)}`);
  const tiers = testCase.inputs['tiers'] !== undefined ? vectorTiers(testCase) : gateFixtureParams.tiersByMarket['*'];
  if (!tiers) throw new VenueRuleError(`unknown market ${String(testCase.inputs['pair'])}`);
  const ratio = gateMaintenanceRatio(tiers, inputNumber(testCase, 'notional'));
  return { mmr: ratio.maintenanceMarginRate, maintenance_amount: ratio.maintenanceAmountQuote };
}

/** Handlers that let `firesale vectors` check Gate cases of perp-venues.json against this package's mechanics. */
export const vectorHandlers: readonly VectorHandlerV1[] = [
  { specificationVersion: 'v1', kind: 'liquidation_price', venue: VENUE, run: runLiquidationPrice },
  { specificationVersion: 'v1', kind: 'margin', venue: VENUE, run: runMargin },
];

export { VenueRuleError };
