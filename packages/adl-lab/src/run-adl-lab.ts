import { ADL_POLICIES, FiresaleError, createSimulator, type ShockInput, type SimulatorInput } from '@firesale/core';
import type { AdlBatchingV1, AdlPolicyV1 } from '@firesale/spec';
import { adlOutcome, type AdlOutcome } from './adl-outcome';

/** A scenario ready to simulate: what `prepareScenario` (in `@firesale/sdk`) returns, or built by hand. */
export type AdlLabScenario = {
  readonly input: SimulatorInput;
  readonly shocks: readonly ShockInput[];
  readonly seed?: number;
};

/** Options of {@link runAdlLab}. */
export type AdlLabOptions = {
  /** Policies to compare, in this order. Default: every policy, `ranking` first. */
  readonly policies?: readonly AdlPolicyV1[];
  /** Horizons H of the profit-over-horizon measure, in simulated seconds. Default `[60, 300, 900]`. */
  readonly horizonsSeconds?: readonly number[];
  /** Batching for every run (default: the scenario's `adl.batching`, else `interleaved`). */
  readonly batching?: AdlBatchingV1;
  /** Check conservation of value after every step of every run (slower). */
  readonly checkInvariants?: boolean;
};

/** The lab's result: one {@link AdlOutcome} per policy, same scenario, same seed, same shock. */
export type AdlLabResult = {
  readonly horizonsSeconds: readonly number[];
  readonly outcomes: readonly AdlOutcome[];
};

/** The default horizons of the profit-over-horizon measure, in seconds. */
export const DEFAULT_HORIZONS_SECONDS: readonly number[] = [60, 300, 900];

/**
 * Runs one scenario under several ADL policies (the simulator is built once; each run starts from the same state)
 * and measures each policy's shortfall, coverage, overshoot in equity and in profit over each horizon, and who was hit.
 *
 * @throws `FiresaleError` `SCENARIO__INVALID_FIELD` for an unknown policy or batching, or a negative horizon.
 * @example
 * ```ts
 * const lab = runAdlLab(loadScenarioFile('examples/adl-policy-lab.json', { venueFactories }), { horizonsSeconds: [60, 600] });
 * for (const o of lab.outcomes) console.log(o.policy, o.overshootEquityQuote, o.overshootProfitQuote);
 * ```
 */
export function runAdlLab(scenario: AdlLabScenario, options: AdlLabOptions = {}): AdlLabResult {
  const horizons = [...(options.horizonsSeconds ?? DEFAULT_HORIZONS_SECONDS)];
  horizons.forEach((h, i) => {
    if (!(h >= 0) || !Number.isFinite(h)) throw new FiresaleError('SCENARIO__INVALID_FIELD', { path: `horizonsSeconds[${i}]`, value: h, reason: 'must be a finite number of seconds, 0 or more' });
  });
  const simulator = createSimulator(scenario.input);
  const batching = options.batching ?? scenario.input.adl?.batching;
  const outcomes = (options.policies ?? ADL_POLICIES).map((policy) => {
    const report = simulator.run({
      shocks: scenario.shocks,
      seed: scenario.seed ?? 0,
      adl: { policy, ...(batching === undefined ? {} : { batching }) },
      ...(options.checkInvariants ? { checkInvariants: true } : {}),
    });
    return { ...adlOutcome(report, horizons), policy };
  });
  return { horizonsSeconds: horizons, outcomes };
}
