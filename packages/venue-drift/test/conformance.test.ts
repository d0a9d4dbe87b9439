// The testkit's conformance suite and golden scenarios, run on this venue (issue 5). Expected failures carry
// the reason the venue's rule differs from the check; a listed check that starts passing fails the run.
import { runGoldenScenarios, runLiquidationEngineConformance } from '@firesale/testkit';
import { createDriftEngine } from '../src/index';

const expectedFailures = {};

runLiquidationEngineConformance({ create: () => createDriftEngine(), expectedFailures });
runGoldenScenarios({ create: () => createDriftEngine(), name: 'golden scenarios: drift', expectedFailures: {} });
