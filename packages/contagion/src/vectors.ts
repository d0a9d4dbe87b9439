/**
 * Handlers that run the `fire_sale_contagion` and `spiral_threshold` cases of vectors/containment-contagion.json
 * through this package's models ({@link simulateFireSale}, {@link simulateLendingSpiral}).
 *
 * @packageDocumentation
 */
import type { VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import { simulateFireSale } from './fire-sale-contagion';
import { simulateLendingSpiral } from './lending-spiral';

type Inputs = Readonly<Record<string, unknown>>;

function num(inputs: Inputs, key: string): number {
  const v = inputs[key];
  if (typeof v !== 'number') throw new TypeError(`inputs.${key}: expected a number, got ${JSON.stringify(v)}`);
  return v;
}

function vec(inputs: Inputs, key: string): number[] {
  const v = inputs[key];
  if (!Array.isArray(v)) throw new TypeError(`inputs.${key}: expected an array of numbers`);
  return v as number[];
}

function mat(inputs: Inputs, key: string): number[][] {
  const v = inputs[key];
  if (!Array.isArray(v)) throw new TypeError(`inputs.${key}: expected an array of rows`);
  return v as number[][];
}

/** Infinite leverage / ratios are written as null in the vector files. */
function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

const fireSaleHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'fire_sale_contagion',
  run(testCase: VectorCaseV1) {
    const i = testCase.inputs;
    const r = simulateFireSale({
      marketableHoldingsQuote: mat(i, 'Pi'),
      equityQuote: vec(i, 'C'),
      illiquidHoldingsQuote: mat(i, 'Theta'),
      illiquidShockFraction: vec(i, 'eps'),
      initialPrice: vec(i, 'S0'),
      priceFloor: vec(i, 'B'),
      averageDailyVolumeQuote: vec(i, 'ADV'),
      dailyVolatility: vec(i, 'sigma'),
      depthCoefficient: num(i, 'c'),
      liquidationHorizonDays: num(i, 'tau'),
      maxLeverage: num(i, 'lambda_max'),
      ...(i['lambda_target'] === undefined ? {} : { targetLeverage: num(i, 'lambda_target') }),
      ...(i['alpha'] === undefined ? {} : { implementationShortfall: num(i, 'alpha') }),
      ...(i['insolvent_banks_sell'] === undefined ? {} : { insolventBanksSell: i['insolvent_banks_sell'] === true }),
    });
    return {
      illiquid_value_after_shock: r.illiquidValueAfterShockQuote,
      impact_depth_delta: r.impactDepthQuote,
      equity_after_shock: r.equityAfterShockQuote,
      rounds: r.rounds.map((round) => ({
        round: round.round,
        leverage_before: round.leverageBefore.map(finite),
        sell_fraction: round.sellFraction,
        value_sold_per_asset: round.valueSoldQuote,
        price_impact_fraction: round.priceImpactFraction,
        loss: round.lossQuote,
        equity_after: round.equityAfterQuote,
        holdings_value_after: round.holdingsAfterQuote,
        prices_after: round.pricesAfter,
        defaulted_after: round.defaultedAfter,
      })),
      rounds_with_sales: r.rounds.length,
      final: {
        equity: r.final.equityQuote,
        holdings_value: r.final.holdingsQuote,
        prices: r.final.prices,
        leverage: r.final.leverage.map(finite),
        defaulted: r.final.defaulted,
      },
    };
  },
};

const spiralHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'spiral_threshold',
  run(testCase: VectorCaseV1) {
    const i = testCase.inputs;
    const r = simulateLendingSpiral({
      collateralQuote: num(i, 'collateral_value'),
      debtQuote: num(i, 'debt_value'),
      liquidationIncentive: num(i, 'liquidation_incentive'),
      closeFactor: num(i, 'close_factor'),
      liquidationLtv: num(i, 'liquidatable_if_ltv_above'),
      ...(i['max_liquidations'] === undefined ? {} : { maxLiquidations: num(i, 'max_liquidations') }),
    });
    return {
      cr_threshold: r.crThreshold,
      ltv_threshold: r.ltvThreshold,
      initial_cr: finite(r.initialCr),
      initial_ltv: finite(r.initialLtv),
      in_spiral_region: r.inSpiralRegion,
      trace: r.steps.map((s) => ({
        liquidation: s.liquidation,
        collateral_before: s.collateralBeforeQuote,
        debt_before: s.debtBeforeQuote,
        cr_before: finite(s.crBefore),
        ltv_before: finite(s.ltvBefore),
        debt_repaid: s.debtRepaidQuote,
        collateral_seized: s.collateralSeizedQuote,
        seize_capped_by_collateral: s.seizeCappedByCollateral,
        collateral_after: s.collateralAfterQuote,
        debt_after: s.debtAfterQuote,
        cr_after: finite(s.crAfter),
        ltv_after: finite(s.ltvAfter),
        cr_decreased: s.crDecreased,
      })),
      final_collateral: r.finalCollateralQuote,
      final_debt: r.finalDebtQuote,
      still_liquidatable: r.stillLiquidatable,
      bad_debt: r.badDebtQuote,
    };
  },
};

/** One handler per kind this package owns: `fire_sale_contagion`, `spiral_threshold` (any venue). */
export const vectorHandlers: readonly VectorHandlerV1[] = [fireSaleHandler, spiralHandler];

export { VenueRuleError } from './venue-rule-error';
