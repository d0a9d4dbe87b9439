// The testkit's conformance suite and golden scenarios, run on this venue (issue 5). Expected failures carry
// the reason the venue's rule differs from the check; a listed check that starts passing fails the run.
import { runGoldenScenarios, runLiquidationEngineConformance } from '@firesale/testkit';
import { createAaveEngine } from '../src/index';

const expectedFailures = {
  'LE-SHOULD-002':
    "a short's collateral is the quote reserve, whose liquidation threshold doPriceTriggers uses, while doMaintenanceMargin(marketId) always applies the market asset's threshold: on WETH a short at 2.33x has equity 10.0009 at its liquidation price 1.2287 against MM 8.6007 (at that price) and 7.0 (at entry)",
};

runLiquidationEngineConformance({ create: () => createAaveEngine(), markets: ['WBTC', 'WETH'], expectedFailures });
runGoldenScenarios({ create: () => createAaveEngine(), name: 'golden scenarios: aave', expectedFailures: {} });
