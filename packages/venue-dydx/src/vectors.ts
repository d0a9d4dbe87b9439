/**
 * Vector handlers for shared/vectors/dydx-v4.json: each runs a case's inputs through this package's integer
 * mechanics and returns the outputs keyed as the case's `expected` (integers as JSON numbers when exact,
 * else decimal strings; human amounts as exact decimal strings).
 *
 * @packageDocumentation
 */
import type { VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import { abs, MAX_UINT64 } from './big-math';
import { bankruptcyPriceQuoteQuantums } from './bankruptcy-price';
import {
  liquidatablePositionSizeDelta,
  positionNotionalLiquidatable,
  subaccountMaxInsuranceLost,
  subaccountMaxNotionalLiquidatable,
  validateFillAgainstSubaccountBlockLimits,
  type PositionBlockLimits,
  type SubaccountBlockLimits,
  type SubaccountLiquidationInfo,
} from './block-limits';
import { formatScaledInteger, formatScaledRational } from './decimal-format';
import { processDeleveraging } from './deleveraging';
import { fillablePrice, fillablePriceToSubticks, type FillablePriceConfig } from './fillable-price';
import { insuranceFundDeltaQuoteQuantums } from './insurance-fund-delta';
import { adjustedInitialMarginPpm, initialMarginQuoteQuantums } from './liquidity-tier';
import { QUOTE_ATOMIC_RESOLUTION } from './quantums';
import { getPerpetual, marginRequirements, netNotionalQuoteQuantums, type PerpetualMarket, type Subaccount } from './subaccount-risk';
import {
  arr,
  big,
  int,
  jsonInt,
  obj,
  parseLiquidityTier,
  parseMarketPrice,
  parsePerpetual,
  parseRational,
  parseSubaccount,
  type Json,
} from './vector-inputs';

const VENUE = 'dydx-v4';

function usd(quoteQuantums: bigint): string {
  return formatScaledInteger(quoteQuantums, QUOTE_ATOMIC_RESOLUTION);
}

function op(c: VectorCaseV1): string {
  return typeof c.inputs.op === 'string' ? c.inputs.op : '';
}

function unsupported(c: VectorCaseV1): never {
  throw new Error(`dydx vectors: case ${c.id} has an unsupported op ${JSON.stringify(op(c))}`);
}

function perpetualsOf(inputs: Json): PerpetualMarket[] {
  return arr(inputs, 'perpetuals').map(parsePerpetual);
}

function liquidationsConfigOf(inputs: Json): Json {
  const v = inputs.liquidations_config;
  return typeof v === 'object' && v !== null ? (v as Json) : {};
}

function fillableConfigOf(inputs: Json): FillablePriceConfig {
  const lc = liquidationsConfigOf(inputs);
  const fc = typeof lc.fillable_price_config === 'object' && lc.fillable_price_config !== null ? (lc.fillable_price_config as Json) : lc;
  return {
    bankruptcyAdjustmentPpm: int(fc, 'bankruptcy_adjustment_ppm', 1_000_000),
    spreadToMaintenanceMarginRatioPpm: int(fc, 'spread_to_maintenance_margin_ratio_ppm', 100_000),
  };
}

function positionLimitsOf(inputs: Json): PositionBlockLimits {
  const lc = liquidationsConfigOf(inputs);
  const p = (lc.position_block_limits ?? inputs.position_block_limits ?? {}) as Json;
  return {
    minPositionNotionalLiquidated: big(p, 'min_position_notional_liquidated', 1_000n),
    maxPositionPortionLiquidatedPpm: int(p, 'max_position_portion_liquidated_ppm', 1_000_000),
  };
}

function subaccountLimitsOf(inputs: Json): SubaccountBlockLimits {
  const lc = liquidationsConfigOf(inputs);
  const s = (lc.subaccount_block_limits ?? inputs.subaccount_block_limits ?? {}) as Json;
  return {
    maxNotionalLiquidated: big(s, 'max_notional_liquidated', MAX_UINT64),
    maxQuantumsInsuranceLost: big(s, 'max_quantums_insurance_lost', MAX_UINT64),
  };
}

function liquidationInfoOf(inputs: Json): SubaccountLiquidationInfo {
  const a = (inputs.subaccount_already_liquidated_this_block ?? inputs.already_this_block ?? {}) as Json;
  let lost = big(a, 'quantums_insurance_lost', -1n);
  if (lost < 0n) {
    const recorded = big(a, 'insurance_fund_delta_recorded', 0n);
    lost = recorded < 0n ? -recorded : 0n;
  }
  const ids = Array.isArray(a.perpetual_ids_liquidated) ? (a.perpetual_ids_liquidated as unknown[]).map((v) => Number(v)) : [];
  return { perpetualsLiquidated: ids, notionalLiquidated: big(a, 'notional_liquidated', 0n), quantumsInsuranceLost: lost };
}

function subaccountJson(s: Subaccount, perpetuals: readonly PerpetualMarket[]): Json {
  return {
    usdc_quote_quantums: jsonInt(s.usdcQuoteQuantums),
    usdc_human: usd(s.usdcQuoteQuantums),
    perpetual_positions: s.perpetualPositions.map((p) => ({
      perpetual_id: p.perpetualId,
      quantums: jsonInt(p.quantums),
      size_human_coins: formatScaledInteger(p.quantums, getPerpetual(perpetuals, p.perpetualId).atomicResolution),
    })),
  };
}

const bankruptcyPriceHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'bankruptcy_price',
  venue: VENUE,
  run(c) {
    const inputs = c.inputs;
    const perpetuals = perpetualsOf(inputs);
    const q = bankruptcyPriceQuoteQuantums(
      parseSubaccount(obj(inputs, 'subaccount')),
      perpetuals,
      int(inputs, 'perpetual_id'),
      big(inputs, 'delta_quantums'),
    );
    return { bankruptcy_price_quote_quantums: jsonInt(q), bankruptcy_price_human_usd: usd(q) };
  },
};

const fillablePriceHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'fillable_price',
  venue: VENUE,
  run(c) {
    const inputs = c.inputs;
    if (op(c) === 'ConvertFillablePriceToSubticks') {
      const clob = obj(inputs, 'clob_pair');
      const subticks = fillablePriceToSubticks(
        parseRational(obj(inputs, 'fillable_price_quote_quantums_per_base_quantum')),
        inputs.is_liquidating_long === true,
        { quantumConversionExponent: int(clob, 'quantum_conversion_exponent'), subticksPerTick: big(clob, 'subticks_per_tick') },
      );
      return { subticks: subticks.toString() };
    }
    const perpetuals = perpetualsOf(inputs);
    const perpetualId = int(inputs, 'perpetual_id');
    const delta = big(inputs, 'delta_quantums');
    const f = fillablePrice(parseSubaccount(obj(inputs, 'subaccount')), perpetuals, perpetualId, delta, fillableConfigOf(inputs));
    const ar = getPerpetual(perpetuals, perpetualId).atomicResolution;
    const result: Record<string, unknown> = {
      fillable_price_quote_quantums_per_base_quantum: { num: jsonInt(f.num), den: jsonInt(f.den) },
      fillable_price_human_usd_per_coin: formatScaledRational(f, -ar + QUOTE_ATOMIC_RESOLUTION),
    };
    if (typeof inputs.clob_pair === 'object' && inputs.clob_pair !== null) {
      const clob = inputs.clob_pair as Json;
      if (clob.subticks_per_tick !== undefined) {
        result.subticks = fillablePriceToSubticks(f, delta < 0n, {
          quantumConversionExponent: int(clob, 'quantum_conversion_exponent'),
          subticksPerTick: big(clob, 'subticks_per_tick'),
        }).toString();
      }
    }
    return result;
  },
};

const insuranceFundDeltaHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'insurance_fund_delta',
  venue: VENUE,
  run(c) {
    const inputs = c.inputs;
    const perpetualId = int(inputs, 'perpetual_id');
    const delta = insuranceFundDeltaQuoteQuantums(
      parseSubaccount(obj(inputs, 'subaccount')),
      perpetualsOf(inputs),
      {
        perpetualId,
        isBuy: inputs.is_buy === true,
        fillAmountBaseQuantums: big(inputs, 'fill_amount_base_quantums'),
        subticks: big(inputs, 'subticks'),
        quantumConversionExponent: int(obj(inputs, 'clob_pair'), 'quantum_conversion_exponent'),
      },
      int(liquidationsConfigOf(inputs), 'max_liquidation_fee_ppm', 5_000),
    );
    return { insurance_fund_delta_quote_quantums: jsonInt(delta), insurance_fund_delta_human_usd: usd(delta) };
  },
};

const blockLimitsHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'block_limits',
  venue: VENUE,
  run(c) {
    const inputs = c.inputs;
    const name = op(c);
    if (name === 'GetLiquidatablePositionSizeDelta') {
      const perpetuals = perpetualsOf(inputs);
      const position = obj(inputs, 'position');
      const perpetual = getPerpetual(perpetuals, int(position, 'perpetual_id'));
      const delta = liquidatablePositionSizeDelta(
        perpetual,
        big(position, 'quantums'),
        big(obj(inputs, 'clob_pair'), 'step_base_quantums'),
        positionLimitsOf(inputs),
        subaccountLimitsOf(inputs),
        liquidationInfoOf(inputs),
      );
      return { delta_quantums: jsonInt(delta), delta_human_coins: formatScaledInteger(delta, perpetual.atomicResolution) };
    }
    if (name === 'GetMaxAndMinPositionNotionalLiquidatable') {
      const perpetuals = perpetualsOf(inputs);
      const position = obj(inputs, 'position');
      const r = positionNotionalLiquidatable(
        getPerpetual(perpetuals, int(position, 'perpetual_id')),
        big(position, 'quantums'),
        positionLimitsOf(inputs),
      );
      return { min_position_notional_liquidatable: jsonInt(r.minQuoteQuantums), max_position_notional_liquidatable: jsonInt(r.maxQuoteQuantums) };
    }
    if (name.startsWith('validateLiquidationAgainstSubaccountBlockLimits')) {
      const perpetuals = perpetualsOf(inputs);
      validateFillAgainstSubaccountBlockLimits(
        getPerpetual(perpetuals, int(inputs, 'perpetual_id')),
        big(inputs, 'fill_amount_base_quantums'),
        big(inputs, 'insurance_fund_delta_quote_quantums', 0n),
        subaccountLimitsOf(inputs),
        liquidationInfoOf(inputs),
      );
      return { valid: true };
    }
    const parts = name.split('+').map((s) => s.trim());
    const known = ['GetSubaccountMaxNotionalLiquidatable', 'GetSubaccountMaxInsuranceLost'];
    if (parts.length === 0 || parts.some((p) => !known.includes(p))) unsupported(c);
    const info = liquidationInfoOf(inputs);
    const limits = subaccountLimitsOf(inputs);
    const perpetualId = int(inputs, 'perpetual_id');
    const result: Record<string, unknown> = {};
    for (const part of parts) {
      if (part === 'GetSubaccountMaxNotionalLiquidatable') {
        result.max_notional_liquidatable = jsonInt(subaccountMaxNotionalLiquidatable(info, perpetualId, limits));
      } else {
        result.max_insurance_lost = jsonInt(subaccountMaxInsuranceLost(info, perpetualId, limits));
      }
    }
    return result;
  },
};

const marginRequirementHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'margin_requirement',
  venue: VENUE,
  run(c) {
    const inputs = c.inputs;
    const name = op(c);
    const tier = parseLiquidityTier(obj(inputs, 'liquidity_tier'));
    if (name === 'LiquidityTier.GetAdjustedInitialMarginPpm') {
      return { adjusted_initial_margin_ppm: jsonInt(adjustedInitialMarginPpm(tier, big(inputs, 'open_interest_notional_quote_quantums'))) };
    }
    if (name === 'LiquidityTier.GetInitialMarginQuoteQuantums') {
      const imr = initialMarginQuoteQuantums(
        tier,
        big(inputs, 'quote_quantums'),
        big(inputs, 'open_interest_notional_quote_quantums', 0n),
        big(inputs, 'custom_imf_ppm', 0n),
      );
      return { initial_margin_quote_quantums: jsonInt(imr) };
    }
    if (name !== 'GetMarginRequirementsInQuoteQuantums') unsupported(c);
    const perpetual: PerpetualMarket = {
      perpetualId: 0,
      atomicResolution: int(inputs, 'atomic_resolution'),
      marketPrice: parseMarketPrice(obj(inputs, 'market_price')),
      liquidityTier: tier,
      openInterestBaseQuantums: big(inputs, 'open_interest_base_quantums', 0n),
    };
    const quantums = big(inputs, 'position_quantums');
    const { imr, mmr } = marginRequirements(perpetual, quantums, big(inputs, 'custom_imf_ppm', 0n));
    return {
      initial_margin_requirement_quote_quantums: jsonInt(imr),
      maintenance_margin_requirement_quote_quantums: jsonInt(mmr),
      imr_human_usd: usd(imr),
      mmr_human_usd: usd(mmr),
      intermediate: {
        notional_quote_quantums: jsonInt(netNotionalQuoteQuantums(perpetual, abs(quantums))),
      },
    };
  },
};

const deleveragingHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'deleveraging',
  venue: VENUE,
  run(c) {
    const inputs = c.inputs;
    const perpetuals = perpetualsOf(inputs);
    const finalSettlement = inputs.final_settlement === true || inputs.is_final_settlement === true;
    const r = processDeleveraging(
      parseSubaccount(obj(inputs, 'liquidated_subaccount')),
      parseSubaccount(obj(inputs, 'offsetting_subaccount')),
      perpetuals,
      int(inputs, 'perpetual_id'),
      big(inputs, 'delta_quantums'),
      { finalSettlement },
    );
    return {
      deleveraging_quote_quantums_to_liquidated: jsonInt(r.quoteQuantumsToLiquidated),
      liquidated_after: subaccountJson(r.liquidatedAfter, perpetuals),
      offsetting_after: subaccountJson(r.offsettingAfter, perpetuals),
    };
  },
};

/** Handlers for every kind of shared/vectors/dydx-v4.json. */
export const vectorHandlers: readonly VectorHandlerV1[] = [
  bankruptcyPriceHandler,
  fillablePriceHandler,
  insuranceFundDeltaHandler,
  blockLimitsHandler,
  marginRequirementHandler,
  deleveragingHandler,
];

export { VenueRuleError } from './venue-rule-error';
