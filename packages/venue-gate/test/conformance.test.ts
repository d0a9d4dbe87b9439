// The testkit's conformance suite and golden scenarios, run on this venue (issue 5). Expected failures carry
// the reason the venue's rule differs from the check; a listed check that starts passing fails the run.
import { runGoldenScenarios, runLiquidationEngineConformance } from '@firesale/testkit';
import { createGateEngine } from '../src/index';

const expectedFailures = {};

runLiquidationEngineConformance({ create: () => createGateEngine(), expectedFailures });
runGoldenScenarios({ create: () => createGateEngine(), name: 'golden scenarios: gate', expectedFailures: {} });
