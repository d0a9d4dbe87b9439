// The testkit's conformance suite and golden scenarios, run on this venue (issue 5). Expected failures carry
// the reason the venue's rule differs from the check; a listed check that starts passing fails the run.
import { runGoldenScenarios, runLiquidationEngineConformance } from '@firesale/testkit';
import { createMakerEngine } from '../src/index';

const expectedFailures = {};

runLiquidationEngineConformance({ create: () => createMakerEngine(), expectedFailures });
runGoldenScenarios({ create: () => createMakerEngine(), name: 'golden scenarios: maker', expectedFailures: {} });
