import { createSimulator, type CascadeReport } from '@firesale/core';
import type { CascadeEventV1 } from '@firesale/spec';
import { prepareScenario, type PrepareOptions, type PreparedScenario } from './prepare-scenario';

/** A cascade report with the scenario it came from. */
export type ScenarioReport = CascadeReport & {
  readonly scenario: { readonly name: string; readonly description?: string; readonly venues: readonly { id: string; model: string }[] };
};

/** Options of {@link run} and {@link stream}. */
export type RunScenarioOptions = PrepareOptions & {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Checks conservation of value after every step (slower; for tests). */
  checkInvariants?: boolean;
};

function prepared(scenario: unknown, options: RunScenarioOptions): PreparedScenario {
  return isPrepared(scenario) ? scenario : prepareScenario(scenario, options);
}

function isPrepared(value: unknown): value is PreparedScenario {
  return typeof value === 'object' && value !== null && 'input' in value && 'shocks' in value && 'scenario' in value;
}

function withScenario(report: CascadeReport, p: PreparedScenario, options: RunScenarioOptions): ScenarioReport {
  const { name, description, venues } = p.scenario;
  return {
    ...report,
    scenario: {
      name,
      ...(description === undefined ? {} : { description }),
      venues: venues.map((v) => ({ id: v.id, model: options.venueOverride ?? v.model })),
    },
  };
}

/**
 * Validates a scenario (a parsed JSON object, or the result of `prepareScenario`) and simulates its cascade.
 *
 * @throws {@link FiresaleErrors} naming every invalid field.
 * @example
 * ```ts
 * const report = run(JSON.parse(readFileSync('examples/btc-perp-cascade.json', 'utf8')));
 * console.log(report.markets[0].troughPriceQuote, report.summary.badDebtQuote);
 * ```
 */
export function run(scenario: unknown, options: RunScenarioOptions = {}): ScenarioReport {
  const p = prepared(scenario, options);
  const report = createSimulator(p.input).run({
    shocks: p.shocks,
    seed: options.seed ?? p.seed,
    ...(options.checkInvariants ? { checkInvariants: true } : {}),
  });
  return withScenario(report, p, options);
}

/**
 * Simulates a scenario step by step and yields every event as it happens; the generator's return value is
 * the report.
 *
 * @example
 * ```ts
 * for await (const event of stream(scenario)) if (event.type === 'position-liquidated') console.log(event);
 * ```
 */
export async function* stream(scenario: unknown, options: RunScenarioOptions = {}): AsyncGenerator<CascadeEventV1, ScenarioReport, undefined> {
  const p = prepared(scenario, options);
  const buffer: CascadeEventV1[] = [];
  const stepped = createSimulator(p.input).start({
    shocks: p.shocks,
    seed: options.seed ?? p.seed,
    onEvent: (event) => buffer.push(event),
    ...(options.checkInvariants ? { checkInvariants: true } : {}),
  });
  let more = true;
  while (more) {
    more = stepped.advance();
    while (buffer.length > 0) yield buffer.shift()!;
  }
  return withScenario(stepped.finish(), p, options);
}
