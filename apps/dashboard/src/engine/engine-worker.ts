import * as Comlink from 'comlink';
import { createScenarioRunner, type SimulationRequest } from './scenario-runner';
import { transferables, type SimulationOutcome } from './simulation-result';

const runner = createScenarioRunner();

/** The worker's API (through comlink): one simulation per call; typed arrays are transferred, not copied. */
const engineApi = {
  simulate(request: SimulationRequest): SimulationOutcome {
    const outcome = runner.simulate(request);
    return outcome.ok ? Comlink.transfer(outcome, transferables(outcome)) : outcome;
  },
};

/** The type the page wraps with `Comlink.wrap`. */
export type EngineApi = typeof engineApi;

Comlink.expose(engineApi);
