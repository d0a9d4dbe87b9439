import { createSimulator } from '@firesale/core';
import { createLinearBook } from '@firesale/orderbook';
import { assertCheck, show } from './assert';
import { buildCascadeInput, healthyPopulation } from './cascade-input';
import type { ConformanceCheck } from './check-types';
import type { EngineCheckContext } from './engine-context';

type Check = ConformanceCheck<EngineCheckContext>;

const PRICE = 100;
const COUNT = 40;

/** A linear-book market holding a healthy population: selling 20% of the open base moves the price 5%. */
function cascadeSimulator(context: EngineCheckContext) {
  const marketId = context.marketIds[0]!;
  const positions = healthyPopulation(context.engine, marketId, PRICE, COUNT, context.seed);
  assertCheck(positions.length > 0, `the venue accepts none of ${COUNT * 20} generated positions on ${marketId}`);
  const openBase = positions.reduce((sum, p) => sum + p.sizeBase, 0);
  const book = createLinearBook({ midPriceQuote: PRICE, depthBasePerQuote: (0.2 * openBase) / (0.05 * PRICE), resilience: { halfLifeSeconds: 30 } });
  const notional = positions.reduce((sum, p) => sum + p.sizeBase * p.entryPriceQuote, 0);
  return { simulator: createSimulator(buildCascadeInput({ engine: context.engine, venueMarketId: marketId, book, positions, insuranceFundQuote: 0.01 * notional })), marketId, count: positions.length };
}

/** Checks that run the plugin inside the core engine. */
export const engineRunChecks: readonly Check[] = [
  {
    id: 'LE-MUST-015',
    level: 'MUST',
    title: 'a cascade through core with the plugin conserves value (checkInvariants) in falls and rallies',
    run: (context) => {
      const { simulator, marketId, count } = cascadeSimulator(context);
      let liquidated = 0;
      for (const returnFraction of [-0.3, -0.1, 0.1, 0.3]) {
        const report = simulator.run({ shocks: [{ marketId, returnFraction, overSeconds: 10 }], seed: context.seed, checkInvariants: true });
        assertCheck(Number.isFinite(report.summary.liquidatedNotionalQuote) && Number.isFinite(report.summary.badDebtQuote), `shock ${returnFraction}: the report has non-finite totals ${show(report.summary)}`);
        liquidated += report.summary.liquidations;
      }
      assertCheck(liquidated > 0, `no liquidation among ${count} positions under ±30% shocks: the plugin never triggers`);
    },
  },
  {
    id: 'LE-MUST-016',
    level: 'MUST',
    title: 'a zero shock liquidates no healthy position',
    run: (context) => {
      const { simulator, marketId } = cascadeSimulator(context);
      const report = simulator.run({ shocks: [{ marketId, returnFraction: 0 }], seed: context.seed, checkInvariants: true });
      assertCheck(report.summary.liquidations === 0, `a zero shock liquidated ${report.summary.liquidations} healthy positions (first: ${show(report.liquidations[0])})`);
    },
  },
];
