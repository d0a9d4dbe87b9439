import {
  PositionTable,
  breachesBounds,
  createSimulator,
  decimalProduct,
  disposalSchedule,
  priceMonitoringBounds,
  type CascadeReport,
} from '@firesale/core';
import { createConstantProductPool, createLinearBook } from '@firesale/orderbook';
import type { CascadeEventV1, OrderBookModelV1, PriceTriggersV1, SideSign, VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import { createGenericEngine } from '@firesale/venue-generic';
import { expandPositionFormula } from './arithmetic-expression';

type Inputs = Record<string, unknown>;

function num(inputs: Inputs, key: string): number {
  const value = inputs[key];
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || Number.isNaN(n)) throw new Error(`inputs.${key}: expected a number, got ${JSON.stringify(value)}`);
  return n;
}

function numbers(inputs: Inputs): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(inputs)) {
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n === 'number' && !Number.isNaN(n)) out[k] = n;
  }
  return out;
}

/**
 * Runs the engine on one market whose positions (all on one side, all `sizeBase`) liquidate exactly at the
 * given triggers: the generic venue with no maintenance margin and no fee, entry above every trigger and
 * margin `(entry - trigger) * size`, so that the venue's liquidation price is the trigger. Whole positions are
 * liquidated; rounds are synchronous (no oracle delay, no latency).
 */
function triggerCascade(
  book: OrderBookModelV1,
  triggers: readonly number[],
  side: SideSign,
  sizeBase: number,
  returnFraction: number,
  onEvent?: (e: CascadeEventV1) => void,
): CascadeReport {
  const table = new PositionTable(triggers.length);
  const far = side === 1 ? Math.max(book.initialMidPriceQuote, ...triggers) + 1 : Math.min(book.initialMidPriceQuote, ...triggers) - 1;
  triggers.forEach((trigger, i) => table.add(i, 0, side, sizeBase, far, Math.abs(far - trigger) * sizeBase));
  const simulator = createSimulator({
    markets: [{ marketId: 'M', venueId: 'analytic', baseAsset: 'B', book }],
    venues: [{ engine: createGenericEngine({ venueId: 'analytic', maintenanceMarginRate: 0, liquidationFeeRate: 0, maxLeverage: Infinity }), insuranceFundQuote: 0 }],
    accounts: triggers.map((_, i) => ({ accountId: `a${i}`, marginMode: 'isolated' as const, collateral: [] })),
    positions: table,
    timing: { stepSeconds: 1, durationSeconds: 1 },
  });
  return simulator.run({ shocks: [{ marketId: 'M', returnFraction }], ...(onEvent ? { onEvent } : {}) });
}

function linearCascade(inputs: Inputs, depth: number, onEvent?: (e: CascadeEventV1) => void) {
  const vars = numbers(inputs);
  const { values, side } = expandPositionFormula(String(inputs.trigger_price_of_position_i), vars);
  const p0 = num(inputs, 'p0');
  const drop = num(inputs, 'exogenous_drop');
  const book = createLinearBook({ midPriceQuote: p0, depthBasePerQuote: depth });
  const report = triggerCascade(book, values, side === 'long' ? 1 : -1, num(inputs, 'size_base'), -drop / p0, onEvent);
  return { report, p0, drop, triggers: values };
}

const linearFixedPoint: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'linear_fixed_point',
  run(c: VectorCaseV1) {
    const depth = num(c.inputs, 'depth_base_per_price_unit');
    const { report, p0, drop, triggers } = linearCascade(c.inputs, depth);
    const market = report.markets[0]!;
    const totalDrop = p0 - market.finalPriceQuote;
    // The continuum limit of the same band (analytic, not simulated): x0 / (1 - k) while it stays in the band.
    const spacing = num(c.inputs, 'trigger_spacing');
    const k = num(c.inputs, 'size_base') / (spacing * depth);
    const bandWidth = spacing * triggers.length;
    const continuum = k < 1 && drop / (1 - k) < bandWidth ? drop / (1 - k) : null;
    return {
      final_price: market.finalPriceQuote,
      liquidated_positions: report.summary.liquidatedPositions,
      total_drop: totalDrop,
      amplification: totalDrop / drop,
      continuum_total_drop: continuum,
      generations_synchronous: report.summary.generations,
    };
  },
};

const criticalDepth: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'critical_depth',
  run(c: VectorCaseV1) {
    const count = num(c.inputs, 'positions');
    // Runaway: every position of the band is triggered (a book too thin to absorb the sales hits its price
    // floor, where the last positions are triggered but cannot all be sold).
    const runsAway = (depth: number): boolean => {
      const triggered = new Set<number>();
      linearCascade(c.inputs, depth, (e) => {
        if (e.type === 'liquidation-triggered') triggered.add(e.positionId);
      });
      return triggered.size >= count;
    };
    let low = NaN;
    let high = 1;
    while (runsAway(high)) {
      low = high;
      high *= 2;
    }
    if (Number.isNaN(low)) {
      low = high / 2;
      while (!runsAway(low) && low > 1e-12) {
        high = low;
        low /= 2;
      }
    }
    for (let i = 0; i < 200 && (high - low) / high > 1e-10; i++) {
      const mid = (low + high) / 2;
      if (runsAway(mid)) low = mid;
      else high = mid;
    }
    const spacing = num(c.inputs, 'trigger_spacing');
    const bandWidth = spacing * count;
    const continuum = num(c.inputs, 'size_base') / (spacing * (1 - num(c.inputs, 'exogenous_drop') / bandWidth));
    return { critical_depth: high, continuum_estimate: continuum };
  },
};

const ammCascade: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'amm_cascade',
  run(c: VectorCaseV1) {
    const x = num(c.inputs, 'pool_base');
    const y = num(c.inputs, 'pool_quote');
    const q = num(c.inputs, 'exogenous_sell_base');
    const fee = c.inputs.fee === undefined ? 0 : num(c.inputs, 'fee');
    const { values, side } = expandPositionFormula(String(c.inputs.trigger_price_of_position_i), numbers(c.inputs));
    const pool = createConstantProductPool({ baseReserve: x, quoteReserve: y, feeRate: fee });
    // The exogenous sale leaves the pool where arbitrage to k / (x + q(1 - fee))^2 would.
    const after = (x * y) / (x + q * (1 - fee)) ** 2;
    const report = triggerCascade(pool, values, side === 'long' ? 1 : -1, num(c.inputs, 'size_base'), after / (y / x) - 1);
    return {
      final_price: report.markets[0]!.finalPriceQuote,
      liquidated_positions: report.summary.liquidatedPositions,
      generations_synchronous: report.summary.generations,
    };
  },
};

const lossWaterfall: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'loss_waterfall',
  run(c: VectorCaseV1) {
    const side: SideSign = c.inputs.side === 'short' ? -1 : 1;
    const entry = num(c.inputs, 'entry_price');
    const size = num(c.inputs, 'size_base');
    const margin = num(c.inputs, 'isolated_margin');
    const fill = num(c.inputs, 'fill_price');
    const fund = num(c.inputs, 'insurance_fund');
    // The venue's rules with a maintenance margin so high that the position is liquidated at any fill price;
    // the book is deep enough (1e15 base per quote per unit of size) that the fill is the price the shock sets.
    const engine = createGenericEngine({ venueId: 'analytic', maintenanceMarginRate: 0.99, liquidationFeeRate: num(c.inputs, 'liquidation_fee_rate'), maxLeverage: Infinity, autoDeleveraging: false });
    const table = new PositionTable(1);
    table.add(0, 0, side, size, entry, margin);
    const simulator = createSimulator({
      markets: [{ marketId: 'M', venueId: 'analytic', baseAsset: 'B', book: createLinearBook({ midPriceQuote: entry, depthBasePerQuote: 1e15 * Math.max(1, size) }) }],
      venues: [{ engine, insuranceFundQuote: fund }],
      accounts: [{ accountId: 'a', marginMode: 'isolated', collateral: [] }],
      positions: table,
      timing: { stepSeconds: 1, durationSeconds: 1 },
    });
    let returned = 0;
    const report = simulator.run({
      shocks: [{ marketId: 'M', returnFraction: fill / entry - 1 }],
      onEvent: (e) => {
        if (e.type === 'position-liquidated') returned += e.returnedToAccountQuote;
      },
    });
    const triggers: PriceTriggersV1 = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
    engine.doPriceTriggers({ marketId: 'M', side, sizeBase: size, entryPriceQuote: entry, marginQuote: margin }, triggers);
    const liquidation = report.liquidations[0];
    return {
      fee_to_fund: liquidation?.feeToFundQuote ?? 0,
      returned_to_account: returned,
      fund_pays: report.insuranceFunds[0]!.paidOutQuote,
      adl_or_socialised: report.summary.badDebtQuote,
      fund_after: report.insuranceFunds[0]!.finalQuote,
      bankruptcy_price: triggers.bankruptcyPriceQuote,
    };
  },
};

const stagedDisposal: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'staged_disposal',
  run(c: VectorCaseV1) {
    const position = num(c.inputs, 'network_position');
    const available = c.inputs.available_volume;
    const schedule = disposalSchedule(position, Array.isArray(available) ? available.map(Number) : num(c.inputs, 'available_volume'), {
      timeStepSeconds: num(c.inputs, 'disposal_time_step_s'),
      disposalFraction: num(c.inputs, 'disposal_fraction'),
      fullDisposalSizeLots: num(c.inputs, 'full_disposal_size'),
      maxFractionConsumed: num(c.inputs, 'max_fraction_consumed'),
    });
    const orders = schedule.filter((a) => a.orderLots > 0);
    return {
      order_sizes: orders.map((a) => a.orderLots),
      order_side: position > 0 ? 'sell' : 'buy',
      final_position: schedule.length > 0 ? schedule[schedule.length - 1]!.positionAfterLots : position,
      trace: schedule.map((a) => ({
        attempt: a.attempt,
        position_before: a.positionBeforeLots,
        available: a.availableLots,
        candidate: a.candidateLots,
        max_consumable: a.maxConsumableLots,
        order_size: a.orderLots,
        position_after: a.positionAfterLots,
      })),
      attempt_times_s: orders.map((a) => a.timeSeconds),
    };
  },
};

const priceMonitoring: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'price_monitoring',
  run(c: VectorCaseV1) {
    const trigger = (c.inputs.trigger ?? (Array.isArray(c.inputs.triggers) && c.inputs.triggers.length === 1 ? c.inputs.triggers[0] : undefined)) as Record<string, unknown> | undefined;
    if (typeof trigger !== 'object' || trigger === null) throw new Error('inputs.trigger: expected one price-monitoring trigger ({ maxUpMoveFactor, maxDownMoveFactor })');
    if (trigger.type !== undefined && trigger.type !== 'model_free') throw new Error(`price monitoring trigger type "${String(trigger.type)}" is not supported`);
    // Decimal strings stay strings: their digits are the factor (Vega's Decimals carry 16 places).
    const factor = (key: string): number | string => (typeof trigger[key] === 'string' ? (trigger[key] as string) : num(trigger, key));
    const factors = { maxUpMoveFactor: factor('maxUpMoveFactor'), maxDownMoveFactor: factor('maxDownMoveFactor') };
    const references = (c.inputs.reference_prices as unknown[]).map(Number);
    const probes = (c.inputs.probe_prices_integer_ticks ?? {}) as Record<string, unknown[]>;
    return {
      bounds: references.map((reference) => {
        const ticks = priceMonitoringBounds(reference, factors, 1);
        return { reference_price: reference, min_valid: decimalProduct(reference, factors.maxDownMoveFactor), max_valid: decimalProduct(reference, factors.maxUpMoveFactor), min_valid_tick: ticks.minValidQuote, max_valid_tick: ticks.maxValidQuote };
      }),
      probes: Object.fromEntries(
        Object.entries(probes).map(([reference, prices]) => {
          const bounds = priceMonitoringBounds(Number(reference), factors, 1);
          return [reference, prices.map((p) => ({ price: Number(p), triggers_auction: breachesBounds(Number(p), bounds) }))];
        }),
      ),
    };
  },
};

/** Handlers for the engine-level kinds of vectors/analytic.json and vectors/containment-contagion.json. */
export const engineVectorHandlers: readonly VectorHandlerV1[] = [
  linearFixedPoint,
  criticalDepth,
  ammCascade,
  lossWaterfall,
  stagedDisposal,
  priceMonitoring,
];
