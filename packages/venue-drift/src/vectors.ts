import type { VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import { cumulativeDepositInterestDeltaToResolveBankruptcy, fundingRateDeltaToResolveBankruptcy } from './bankruptcy';
import { perpFreedCollateralAfterFees, spotFreedCollateralAfterIfFee } from './freed-collateral';
import { perpIfFee, spotIfFee } from './insurance-fund-fee';
import { liquidationFee, maxPctToLiquidate } from './liquidation-fee';
import { baseAssetAmountToCoverMarginShortage, liabilityTransferToCoverMarginShortage } from './margin-shortage';
import { LIQUIDATION_FEE_PRECISION, PRICE_PRECISION, U128_MAX, U32_MAX, U64_MAX } from './precisions';
import { assetTransferForLiabilityTransfer, checkSwapWithinLiquidationBoundaries, checkTransferSatisfiesLimitPrice, liabilityTransferImpliedByAssetAmount, type TransferLeg } from './transfers';
import { VenueRuleError } from './venue-rule-error';

const VENUE = 'drift';

/** An integer input (JSON number or decimal string) as a BigInt. */
function int(testCase: VectorCaseV1, name: string, fallback?: bigint): bigint {
  const raw = testCase.inputs[name];
  if (raw === undefined || raw === null) {
    if (fallback !== undefined) return fallback;
    throw new TypeError(`${testCase.id}: inputs.${name} is missing`);
  }
  if ((typeof raw === 'number' && Number.isSafeInteger(raw)) || (typeof raw === 'string' && /^-?\d+$/.test(raw))) return BigInt(raw);
  throw new TypeError(`${testCase.id}: inputs.${name} must be an integer, got ${JSON.stringify(raw)}`);
}

function small(testCase: VectorCaseV1, name: string): number {
  return Number(int(testCase, name));
}

/** Integers back to the file's form: numbers when exact in a double, decimal strings beyond, named sentinels. */
function out(value: bigint, sentinel?: 'u32' | 'u64' | 'u128'): number | string {
  if (sentinel === 'u128' && value === U128_MAX) return 'u128::MAX';
  if (sentinel === 'u64' && value === U64_MAX) return 'u64::MAX';
  if (sentinel === 'u32' && value === U32_MAX) return 'u32::MAX';
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

function leg(testCase: VectorCaseV1, prefix: 'asset' | 'liability'): TransferLeg {
  return {
    decimals: small(testCase, `${prefix}_decimals`),
    price: int(testCase, `${prefix}_price`),
    liquidationMultiplier: int(testCase, `${prefix}_liquidation_multiplier`, LIQUIDATION_FEE_PRECISION),
  };
}

function pickExpectedKeys(result: Record<string, unknown>, expected: unknown): Record<string, unknown> {
  if (expected === null || typeof expected !== 'object') return result;
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(expected)) if (key in result) picked[key] = result[key];
  return picked;
}

const marginCalcs: Readonly<Record<string, (c: VectorCaseV1) => Record<string, unknown>>> = {
  base_asset_amount_to_cover_margin_shortage(c) {
    const oraclePrice = int(c, 'oracle_price');
    const marginRatio = int(c, 'margin_ratio');
    const liquidationFeeRate = int(c, 'liquidation_fee');
    const ifFee = int(c, 'if_liquidation_fee', 0n);
    const base = baseAssetAmountToCoverMarginShortage({
      marginShortage: int(c, 'margin_shortage'),
      marginRatio,
      liquidationFee: liquidationFeeRate,
      ifLiquidationFee: ifFee,
      oraclePrice,
      quoteOraclePrice: int(c, 'quote_oracle_price', PRICE_PRECISION),
    });
    const freed = base === U64_MAX ? null : out(perpFreedCollateralAfterFees(base, oraclePrice, marginRatio, liquidationFeeRate, ifFee));
    return { base_asset_amount: out(base, 'u64'), freed_collateral_minus_fee_quote: freed, freed_collateral_minus_fees_quote: freed };
  },
  liability_transfer_to_cover_margin_shortage(c) {
    const input = {
      marginShortage: int(c, 'margin_shortage'),
      assetWeight: int(c, 'asset_weight'),
      assetLiquidationMultiplier: int(c, 'asset_liquidation_multiplier'),
      liabilityWeight: int(c, 'liability_weight'),
      liabilityLiquidationMultiplier: int(c, 'liability_liquidation_multiplier'),
      liabilityDecimals: small(c, 'liability_decimals'),
      liabilityPrice: int(c, 'liability_price'),
      ifLiquidationFee: int(c, 'if_liquidation_fee', 0n),
    };
    const transfer = liabilityTransferToCoverMarginShortage(input);
    const freed =
      transfer === U128_MAX
        ? null
        : out(spotFreedCollateralAfterIfFee(transfer, input.liabilityPrice, input.liabilityDecimals, input.assetWeight, input.assetLiquidationMultiplier, input.liabilityWeight, input.liabilityLiquidationMultiplier, input.ifLiquidationFee));
    return { liability_transfer: out(transfer, 'u128'), freed_collateral_minus_if_fee_quote: freed };
  },
  liability_transfer_implied_by_asset_amount(c) {
    return { liability_transfer: out(liabilityTransferImpliedByAssetAmount(int(c, 'asset_transfer'), leg(c, 'asset'), leg(c, 'liability'))) };
  },
  asset_transfer_for_liability_transfer(c) {
    return { asset_transfer: out(assetTransferForLiabilityTransfer(int(c, 'asset_amount'), int(c, 'liability_transfer'), leg(c, 'asset'), leg(c, 'liability'))) };
  },
  funding_rate_deltas_to_resolve_bankruptcy(c) {
    const delta = fundingRateDeltaToResolveBankruptcy(int(c, 'loss'), int(c, 'base_asset_amount_long'), int(c, 'base_asset_amount_short'));
    return { delta: out(delta), cumulative_funding_rate_delta: out(delta) };
  },
  cumulative_deposit_interest_delta_to_resolve_bankruptcy(c) {
    return { delta: out(cumulativeDepositInterestDeltaToResolveBankruptcy(int(c, 'loss'), int(c, 'deposit_balance'), int(c, 'cumulative_deposit_interest'), small(c, 'decimals'))) };
  },
  perp_if_fee(c) {
    return {
      if_fee: out(
        perpIfFee({
          marginShortage: int(c, 'margin_shortage'),
          baseAssetAmount: int(c, 'base_asset_amount'),
          marginRatio: int(c, 'margin_ratio'),
          liquidatorFee: int(c, 'liquidator_fee'),
          oraclePrice: int(c, 'oracle_price'),
          quoteOraclePrice: int(c, 'quote_oracle_price', PRICE_PRECISION),
          maxIfFee: int(c, 'max_if_fee'),
        }),
      ),
    };
  },
  spot_if_fee(c) {
    return {
      if_fee: out(
        spotIfFee({
          marginShortage: int(c, 'margin_shortage'),
          tokenAmount: int(c, 'token_amount'),
          assetWeight: int(c, 'asset_weight'),
          assetLiquidationMultiplier: int(c, 'asset_liquidation_multiplier'),
          liabilityWeight: int(c, 'liability_weight'),
          liabilityLiquidationMultiplier: int(c, 'liability_liquidation_multiplier'),
          liabilityDecimals: small(c, 'decimals'),
          liabilityPrice: int(c, 'oracle_price'),
          maxIfFee: int(c, 'max_if_fee'),
        }),
      ),
    };
  },
  liquidation_fee(c) {
    return { fee: out(liquidationFee(int(c, 'base_liquidation_fee'), int(c, 'max_liquidation_fee'), int(c, 'last_active_slot'), int(c, 'current_slot'))) };
  },
  max_pct_to_liquidate(c) {
    const pct = maxPctToLiquidate({
      marginShortage: int(c, 'margin_shortage'),
      slot: int(c, 'slot', c.inputs['current_slot'] === undefined ? undefined : int(c, 'current_slot')),
      lastActiveSlot: int(c, 'last_active_slot'),
      liquidationMarginFreed: int(c, 'liquidation_margin_freed', 0n),
      initialPctToLiquidate: int(c, 'initial_pct_to_liquidate'),
      liquidationDuration: int(c, 'liquidation_duration'),
    });
    return { max_pct: out(pct), max_pct_to_liquidate: out(pct) };
  },
};

const liquidatableCalcs: Readonly<Record<string, (c: VectorCaseV1) => Record<string, unknown>>> = {
  validate_swap_within_liquidation_boundaries(c) {
    return { valid: checkSwapWithinLiquidationBoundaries(int(c, 'asset_transfer'), int(c, 'liability_transfer'), leg(c, 'asset'), leg(c, 'liability')).valid };
  },
  validate_transfer_satisfies_limit_price(c) {
    const asset = int(c, 'asset');
    const liability = int(c, 'liability');
    const limit = c.inputs['limit_price'] === null ? null : int(c, 'limit_price');
    const assetDecimals = small(c, 'asset_decimals');
    const liabilityDecimals = small(c, 'liability_decimals');
    return {
      valid: checkTransferSatisfiesLimitPrice(asset, liability, assetDecimals, liabilityDecimals, limit).valid,
      // The same check with a tenth of the asset (the source test's failing variant).
      valid_if_asset_divided_by_10: checkTransferSatisfiesLimitPrice(asset / 10n, liability, assetDecimals, liabilityDecimals, limit).valid,
    };
  },
};

function dispatch(calcs: Readonly<Record<string, (c: VectorCaseV1) => Record<string, unknown>>>) {
  return (testCase: VectorCaseV1): Record<string, unknown> => {
    const calc = String(testCase.inputs['calc']);
    const run = calcs[calc];
    if (!run) throw new TypeError(`${testCase.id}: unknown drift calc ${calc}`);
    return pickExpectedKeys(run(testCase), testCase.expected);
  };
}

/** Handlers that let `firesale vectors` check Drift cases of perp-venues.json against this package's integer mechanics. */
export const vectorHandlers: readonly VectorHandlerV1[] = [
  { specificationVersion: 'v1', kind: 'margin', venue: VENUE, run: dispatch(marginCalcs) },
  { specificationVersion: 'v1', kind: 'liquidatable', venue: VENUE, run: dispatch(liquidatableCalcs) },
];

export { VenueRuleError };
