// The testkit's conformance suite and golden scenarios, run on this venue (issue 5). Expected failures carry
// the reason the venue's rule differs from the check; a listed check that starts passing fails the run.
import { runGoldenScenarios, runLiquidationEngineConformance } from '@firesale/testkit';
import { createBybitEngine } from '../src/index';

const expectedFailures = {};

runLiquidationEngineConformance({ create: () => createBybitEngine(), expectedFailures });
runGoldenScenarios({ create: () => createBybitEngine(), name: 'golden scenarios: bybit', expectedFailures: {
    'GS-SHOULD-001':
      'liquidation orders carry the bankruptcy price as their limit: on the x1 book the closes of longs-fall stall at the limit, so 488 base is sold and 6 positions liquidated at x1 against 1,248 base and 13 positions at depth x2, and the trough is shallower at x1 (8.92% vs 9.33%)',
  },
});
