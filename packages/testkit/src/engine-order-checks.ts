import fc from 'fast-check';
import type { LiquidationOrderInputV1, LiquidationOrderV1, LiquidationRouteV1, SettlementInputV1, SettlementV1 } from '@firesale/spec';
import { assertCheck, show } from './assert';
import type { ConformanceCheck } from './check-types';
import type { EngineCheckContext } from './engine-context';
import { fcParams, isValidAndHealthy, triggersOf, validPositionArbitrary } from './engine-context';

type Check = ConformanceCheck<EngineCheckContext>;

const ROUTES: readonly LiquidationRouteV1[] = ['market', 'backstop', 'network'];

/** Relative tolerance of the settlement balance (LE-MUST-013), on margin + |pnl| + closed notional. */
export const SETTLEMENT_BALANCE_TOLERANCE = 1e-9;

function settle(context: EngineCheckContext, input: SettlementInputV1): SettlementV1 {
  const out: SettlementV1 = { feeToFundQuote: NaN, feeToLiquidatorQuote: NaN, returnedToAccountQuote: NaN, shortfallQuote: NaN };
  context.engine.doSettle(input, out);
  return out;
}

const closeArbitrary = (context: EngineCheckContext) =>
  fc.record({
    p: validPositionArbitrary(context),
    closedFraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
    feeRate: fc.double({ min: 0, max: 0.1, noNaN: true }),
  });

/** Checks of the liquidation order, the settlement and the ADL score. */
export const engineOrderChecks: readonly Check[] = [
  {
    id: 'LE-MUST-012',
    level: 'MUST',
    title: 'doLiquidationOrder closes 0 < closeBase <= size (or 0 with a cooldown), with a valid route, limit and fee rate in [0, 1)',
    run: (context) => {
      const { engine } = context;
      fc.assert(
        fc.property(
          validPositionArbitrary(context),
          fc.double({ min: -0.2, max: 1, noNaN: true }),
          fc.oneof(fc.constant(Infinity), fc.constant(0), fc.double({ min: 0, max: 3600, noNaN: true })),
          fc.double({ min: 0, max: 1e9, noNaN: true }),
          (p, u, secondsSinceLastLiquidation, insuranceFundQuote) => {
            fc.pre(isValidAndHealthy(engine, p));
            const t = triggersOf(engine, p);
            fc.pre(Number.isFinite(t.liquidationPriceQuote) && Number.isFinite(t.bankruptcyPriceQuote));
            const mark = t.bankruptcyPriceQuote + u * (t.liquidationPriceQuote - t.bankruptcyPriceQuote);
            fc.pre(mark > 0);
            const input: LiquidationOrderInputV1 = {
              marketId: p.marketId,
              side: p.side,
              sizeBase: p.sizeBase,
              entryPriceQuote: p.entryPriceQuote,
              marginQuote: p.marginQuote,
              markPriceQuote: mark,
              bankruptcyPriceQuote: t.bankruptcyPriceQuote,
              equityQuote: p.marginQuote + p.side * p.sizeBase * (mark - p.entryPriceQuote),
              maintenanceMarginQuote: engine.doMaintenanceMargin(p.marketId, p.sizeBase * mark),
              secondsSinceLastLiquidation,
              insuranceFundQuote,
            };
            const out: LiquidationOrderV1 = { closeBase: NaN, route: 'market', limitPriceQuote: NaN, feeRate: NaN, cooldownSeconds: NaN };
            engine.doLiquidationOrder(input, out);
            const where = `order for ${show(input)} = ${show(out)}`;
            assertCheck(Number.isFinite(out.closeBase) && out.closeBase >= 0 && out.closeBase <= p.sizeBase * (1 + 1e-12), `closeBase out of [0, size]: ${where}`);
            assertCheck(out.closeBase > 0 || out.cooldownSeconds > 0, `closeBase is 0 without a cooldown: ${where}`);
            assertCheck(ROUTES.includes(out.route), `route ${show(out.route)} is not one of ${ROUTES.join(', ')}: ${where}`);
            assertCheck(Number.isFinite(out.feeRate) && out.feeRate >= 0 && out.feeRate < 1, `fee rate out of [0, 1): ${where}`);
            assertCheck(Number.isNaN(out.limitPriceQuote) || out.limitPriceQuote >= 0, `limit price is neither NaN nor >= 0: ${where}`);
            assertCheck(Number.isFinite(out.cooldownSeconds) && out.cooldownSeconds >= 0, `cooldown is not a finite number >= 0: ${where}`);
          },
        ),
        fcParams(context),
      );
    },
  },
  {
    id: 'LE-MUST-013',
    level: 'MUST',
    title: 'doSettle balances: margin + pnl = feeToFund + feeToLiquidator + returned - shortfall, every part >= 0',
    run: (context) => {
      fc.assert(
        fc.property(closeArbitrary(context), fc.double({ min: -0.6, max: 0.6, noNaN: true }), ({ p, closedFraction, feeRate }, move) => {
          fc.pre(isValidAndHealthy(context.engine, p));
          const closedBase = p.sizeBase * closedFraction;
          const input: SettlementInputV1 = { side: p.side, closedBase, entryPriceQuote: p.entryPriceQuote, fillPriceQuote: p.entryPriceQuote * (1 + move), marginQuote: p.marginQuote * closedFraction, feeRate };
          const out = settle(context, input);
          const pnl = input.side * closedBase * (input.fillPriceQuote - input.entryPriceQuote);
          const scale = input.marginQuote + Math.abs(pnl) + closedBase * input.fillPriceQuote;
          const tolerance = SETTLEMENT_BALANCE_TOLERANCE * scale + 1e-9;
          const lhs = input.marginQuote + pnl;
          const rhs = out.feeToFundQuote + out.feeToLiquidatorQuote + out.returnedToAccountQuote - out.shortfallQuote;
          assertCheck(Math.abs(lhs - rhs) <= tolerance, `settle(${show(input)}) = ${show(out)}: margin + pnl = ${show(lhs)} but the parts sum to ${show(rhs)}`);
          for (const [key, value] of Object.entries(out)) {
            assertCheck(Number.isFinite(value) && value >= -tolerance, `settle(${show(input)}): ${key} = ${show(value)} is not a finite number >= 0`);
          }
        }),
        fcParams(context),
      );
    },
  },
  {
    id: 'LE-MUST-014',
    level: 'MUST',
    title:
      'doSettle has no shortfall when the fill is at or better than the bankruptcy price; on a lending venue, none beyond the liquidation bonus',
    run: (context) => {
      // Lending protocols pay the liquidator's bonus in collateral ahead of the debt (Aave v3
      // LiquidationLogic.sol: collateral seized = debt repaid x (1 + bonus), capped at the balance), so a close
      // at the bankruptcy price leaves the bonus as uncovered debt. Perp venues cap the fee at the margin.
      const bonusMayFallShort = context.engine.capabilities.lending;
      fc.assert(
        fc.property(closeArbitrary(context), fc.double({ min: 0, max: 0.5, noNaN: true }), ({ p, closedFraction, feeRate }, beyond) => {
          fc.pre(isValidAndHealthy(context.engine, p));
          const closedBase = p.sizeBase * closedFraction;
          const marginQuote = p.marginQuote * closedFraction;
          const bankruptcy = p.entryPriceQuote - (p.side * marginQuote) / closedBase;
          const fill = bankruptcy + p.side * beyond * p.entryPriceQuote;
          fc.pre(fill > 0);
          const input: SettlementInputV1 = { side: p.side, closedBase, entryPriceQuote: p.entryPriceQuote, fillPriceQuote: fill, marginQuote, feeRate };
          const out = settle(context, input);
          const tolerance = SETTLEMENT_BALANCE_TOLERANCE * (marginQuote + closedBase * fill) + 1e-9;
          const allowed = bonusMayFallShort ? out.feeToFundQuote + out.feeToLiquidatorQuote : 0;
          assertCheck(
            out.shortfallQuote <= allowed + tolerance,
            `settle(${show(input)}) at or better than bankruptcy ${show(bankruptcy)} has shortfall ${show(out.shortfallQuote)}${bonusMayFallShort ? ` beyond the bonus ${show(allowed)}` : ''}`,
          );
        }),
        fcParams(context),
      );
    },
  },
  {
    id: 'LE-SHOULD-003',
    level: 'SHOULD',
    title: 'doAdlScore is higher for more profit at equal leverage',
    run: (context) => {
      const { engine } = context;
      if (!engine.capabilities.autoDeleveraging) return 'not applicable: the venue does not auto-deleverage';
      // Two candidates at the same mark, size and equity (so the same effective leverage, mark notional over
      // equity) whose profits are fractions `x < y` of that equity: the second entered at a better price.
      fc.assert(
        fc.property(
          validPositionArbitrary(context),
          fc.double({ min: 0.01, max: 0.9, noNaN: true }),
          fc.double({ min: 0.01, max: 0.9, noNaN: true }),
          (p, x, y) => {
            fc.pre(isValidAndHealthy(engine, p) && Math.abs(x - y) > 0.005);
            const [small, large] = x < y ? [x, y] : [y, x];
            const mark = p.entryPriceQuote;
            const equity = p.marginQuote;
            const candidate = (profitShare: number) => {
              const profit = profitShare * equity;
              return { side: p.side, sizeBase: p.sizeBase, entryPriceQuote: mark - (p.side * profit) / p.sizeBase, marginQuote: equity - profit, markPriceQuote: mark };
            };
            const a = candidate(small);
            const b = candidate(large);
            fc.pre(a.entryPriceQuote > 0 && b.entryPriceQuote > 0);
            const scoreA = engine.doAdlScore(a);
            const scoreB = engine.doAdlScore(b);
            assertCheck(Number.isFinite(scoreA) && Number.isFinite(scoreB) && scoreB > scoreA, `score ${show(scoreB)} of ${show(b)} is not above ${show(scoreA)} of ${show(a)} (same leverage, less profit)`);
          },
        ),
        fcParams(context),
      );
    },
  },
];
