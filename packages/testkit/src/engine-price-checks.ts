import fc from 'fast-check';
import { assertCheck, show } from './assert';
import type { ConformanceCheck } from './check-types';
import type { EngineCheckContext } from './engine-context';
import { fcParams, isValidAndHealthy, triggersOf, validPositionArbitrary } from './engine-context';

type Check = ConformanceCheck<EngineCheckContext>;

/**
 * Tolerance of LE-SHOULD-002: equity at the liquidation price may differ from the maintenance margin there by
 * this fraction of the position's notional at entry (room for a closing-fee term some venues add).
 */
export const EQUITY_AT_LIQUIDATION_TOLERANCE = 1e-3;

/** Relative slack for float comparisons of prices (one part in 10^9). */
const PRICE_SLACK = 1e-9;

/** Checks of liquidation and bankruptcy prices and of the maintenance margin curve. */
export const enginePriceChecks: readonly Check[] = [
  {
    id: 'LE-MUST-010',
    level: 'MUST',
    title: 'the liquidation price is below entry for longs and above entry for shorts when healthy at entry',
    run: (context) => {
      fc.assert(
        fc.property(validPositionArbitrary(context), (p) => {
          fc.pre(isValidAndHealthy(context.engine, p));
          const { liquidationPriceQuote: liq } = triggersOf(context.engine, p);
          assertCheck(!Number.isNaN(liq) && liq >= 0, `liquidation price ${show(liq)} for ${show(p)} is not a non-negative number`);
          const ok = p.side === 1 ? liq < p.entryPriceQuote : liq > p.entryPriceQuote;
          assertCheck(ok, `${p.side === 1 ? 'long' : 'short'} ${show(p)}: liquidation price ${show(liq)} is on the wrong side of entry ${show(p.entryPriceQuote)}`);
        }),
        fcParams(context),
      );
    },
  },
  {
    id: 'LE-MUST-011',
    level: 'MUST',
    title: 'the bankruptcy price is at or beyond the liquidation price',
    run: (context) => {
      fc.assert(
        fc.property(validPositionArbitrary(context), (p) => {
          fc.pre(isValidAndHealthy(context.engine, p));
          const { liquidationPriceQuote: liq, bankruptcyPriceQuote: bk } = triggersOf(context.engine, p);
          assertCheck(!Number.isNaN(bk) && bk >= 0, `bankruptcy price ${show(bk)} for ${show(p)} is not a non-negative number`);
          const slack = PRICE_SLACK * p.entryPriceQuote;
          const ok = p.side === 1 ? bk <= liq + slack : bk >= liq - slack;
          assertCheck(ok, `${p.side === 1 ? 'long' : 'short'} ${show(p)}: bankruptcy ${show(bk)} is not beyond liquidation ${show(liq)}`);
        }),
        fcParams(context),
      );
    },
  },
  {
    id: 'LE-MUST-017',
    level: 'MUST',
    title: 'doLiquidationPrices, when present, writes for each position of a batch exactly the liquidation price doPriceTriggers gives, and nothing outside the batch',
    run: (context) => {
      const { engine } = context;
      if (!engine.doLiquidationPrices) return 'no doLiquidationPrices: core calls doPriceTriggers once per position';
      fc.assert(
        fc.property(
          fc.constantFrom(...context.marketIds).chain((marketId) =>
            fc.tuple(fc.constant(marketId), fc.array(validPositionArbitrary(context).map((p) => ({ ...p, marketId })), { minLength: 1, maxLength: 40 }), fc.nat(3), fc.nat(3)),
          ),
          ([marketId, positions, before, after]) => {
            // The batch sits inside longer columns: `before` positions ahead of it, `after` behind it (copies of its
            // first and last).
            const n = before + positions.length + after;
            const at = (k: number) => positions[Math.min(Math.max(k - before, 0), positions.length - 1)]!;
            const columns = {
              marketId,
              side: Int8Array.from({ length: n }, (_, k) => at(k).side),
              sizeBase: Float64Array.from({ length: n }, (_, k) => at(k).sizeBase),
              entryPriceQuote: Float64Array.from({ length: n }, (_, k) => at(k).entryPriceQuote),
              marginQuote: Float64Array.from({ length: n }, (_, k) => at(k).marginQuote),
              from: before,
              to: before + positions.length,
            };
            const out = new Float64Array(n).fill(-1);
            engine.doLiquidationPrices!(columns, out);
            for (let k = 0; k < n; k++) {
              if (k < columns.from || k >= columns.to) {
                assertCheck(out[k] === -1, `doLiquidationPrices wrote ${show(out[k])} at ${k}, outside its batch [${columns.from}, ${columns.to})`);
                continue;
              }
              const want = triggersOf(engine, at(k)).liquidationPriceQuote;
              assertCheck(Object.is(out[k], want), `${show(at(k))}: doLiquidationPrices gives ${show(out[k])}, doPriceTriggers ${show(want)}`);
            }
          },
        ),
        fcParams(context),
      );
    },
  },
  {
    id: 'LE-SHOULD-001',
    level: 'SHOULD',
    title: 'doMaintenanceMargin is non-decreasing in notional',
    run: (context) => {
      fc.assert(
        fc.property(
          fc.constantFrom(...context.marketIds),
          fc.double({ min: 0, max: 1e9, noNaN: true }),
          fc.double({ min: 0, max: 1e9, noNaN: true }),
          (marketId, x, y) => {
            const [a, b] = x <= y ? [x, y] : [y, x];
            const mmA = context.engine.doMaintenanceMargin(marketId, a);
            const mmB = context.engine.doMaintenanceMargin(marketId, b);
            assertCheck(mmB >= mmA - 1e-9 * Math.max(1, mmA), `MM(${show(b)}) = ${show(mmB)} < MM(${show(a)}) = ${show(mmA)} on ${marketId}`);
          },
        ),
        fcParams(context),
      );
    },
  },
  {
    id: 'LE-SHOULD-002',
    level: 'SHOULD',
    title: 'equity at the liquidation price equals the maintenance margin (valued at that price or at entry, within 0.1% of notional) for flat-tier positions',
    run: (context) => {
      const { engine } = context;
      const rate = (marketId: string, notional: number) => engine.doMaintenanceMargin(marketId, notional) / notional;
      fc.assert(
        fc.property(validPositionArbitrary(context, { min: 50, max: 20_000 }), (p) => {
          fc.pre(isValidAndHealthy(engine, p));
          const { liquidationPriceQuote: liq } = triggersOf(engine, p);
          fc.pre(Number.isFinite(liq) && liq > 0);
          const entryNotional = p.sizeBase * p.entryPriceQuote;
          const liqNotional = p.sizeBase * liq;
          const flatRate = rate(p.marketId, entryNotional);
          // Flat tier: the same MM rate at entry, at the liquidation notional and at half of each.
          for (const n of [liqNotional, entryNotional / 2, liqNotional / 2]) fc.pre(Math.abs(rate(p.marketId, n) - flatRate) <= 1e-9 * flatRate);
          const equity = p.marginQuote + p.side * p.sizeBase * (liq - p.entryPriceQuote);
          // Venues value the maintenance margin at the mark (most) or at entry (Bybit, GMX): either matches.
          const mmAtMark = engine.doMaintenanceMargin(p.marketId, liqNotional);
          const mmAtEntry = engine.doMaintenanceMargin(p.marketId, entryNotional);
          const tolerance = EQUITY_AT_LIQUIDATION_TOLERANCE * entryNotional;
          assertCheck(
            Math.abs(equity - mmAtMark) <= tolerance || Math.abs(equity - mmAtEntry) <= tolerance,
            `${show(p)}: equity at the liquidation price ${show(liq)} is ${show(equity)}, maintenance margin ${show(mmAtMark)} at that price and ${show(mmAtEntry)} at entry (tolerance ${show(tolerance)})`,
          );
        }),
        fcParams(context),
      );
    },
  },
  {
    id: 'LE-SHOULD-006',
    level: 'SHOULD',
    title: 'more margin never moves the liquidation price toward entry',
    run: (context) => {
      const { engine } = context;
      fc.assert(
        fc.property(validPositionArbitrary(context), fc.double({ min: 1, max: 3, noNaN: true }), (p, factor) => {
          fc.pre(isValidAndHealthy(engine, p));
          const more = { ...p, marginQuote: p.marginQuote * factor, leverage: p.leverage / factor };
          const a = triggersOf(engine, p).liquidationPriceQuote;
          const b = triggersOf(engine, more).liquidationPriceQuote;
          const slack = PRICE_SLACK * p.entryPriceQuote;
          const ok = p.side === 1 ? b <= a + slack : b >= a - slack;
          assertCheck(ok, `${show(p)}: margin x${show(factor)} moved the liquidation price from ${show(a)} to ${show(b)}`);
        }),
        fcParams(context),
      );
    },
  },
];
