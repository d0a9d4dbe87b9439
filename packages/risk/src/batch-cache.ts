import { FiresaleError, FiresaleErrors, createSimulator, type Simulator } from '@firesale/core';
import { prepareScenario, type PreparedScenario, type VenueFactories } from '@firesale/sdk';
import type { MonteCarloPlan } from './job-runner';
import { createPathSampler, type PathSampler } from './path-sampler';
import { canonicalJson, sha256Hex } from './sha256';

/** Reads a file a scenario names, relative to the plan's `scenarioBaseDir`. */
export type PlanFileReader = (path: string, baseDir: string | undefined) => string;

/** Options of {@link createBatchCache}. */
export type BatchCacheOptions = {
  /** Reads the scenario's files (positions CSV, snapshots); Node callers pass one built on `fs`. */
  readonly readTextFile?: PlanFileReader;
  /** Venue models by name (default: the SDK's). */
  readonly venueFactories?: VenueFactories;
};

/** What a process builds once per plan and reuses for every path: the prepared scenario and its simulator. */
export type PlanState = {
  readonly key: string;
  readonly prepared: PreparedScenario;
  readonly simulator: Simulator;
  readonly marketIds: readonly string[];
  /** Markets the shock model moves. */
  readonly shockedMarketIds: readonly string[];
  readonly sampler: PathSampler;
  /** Per tracked account: its position ids and the collateral it posted (quote). */
  readonly tracked: readonly { readonly accountId: string; readonly positionIds: readonly number[]; readonly collateralQuote: number }[];
};

/**
 * A per-process cache of built plans (one simulator per plan, reused across every batch the process runs).
 * Keeps the last few plans; a worker usually sees one.
 */
export type BatchCache = {
  readonly options: BatchCacheOptions;
  get(plan: MonteCarloPlan): PlanState;
};

/** Creates a {@link BatchCache}. */
export function createBatchCache(options: BatchCacheOptions = {}): BatchCache {
  const states = new Map<string, PlanState>();
  const keys = new WeakMap<object, string>();
  return {
    options,
    get(plan) {
      let key = keys.get(plan);
      if (key === undefined) {
        key = planKey(plan);
        keys.set(plan, key);
      }
      let state = states.get(key);
      if (!state) {
        state = buildPlanState(plan, key, options);
        if (states.size >= 4) states.delete(states.keys().next().value!);
        states.set(key, state);
      }
      return state;
    },
  };
}

/** The identity of what a process builds for a plan (scenario, files, horizon, shock model, accounts). */
export function planKey(plan: MonteCarloPlan): string {
  return sha256Hex(
    canonicalJson({ scenario: plan.scenario, base: plan.scenarioBaseDir ?? null, horizon: plan.horizonSeconds, shock: plan.shockModel, accounts: plan.accounts ?? [] }),
  );
}

/** The scenario with its run length set to the plan's horizon. */
export function scenarioForHorizon(scenario: unknown, horizonSeconds: number): unknown {
  if (typeof scenario !== 'object' || scenario === null) return scenario;
  const raw = scenario as { timing?: Record<string, unknown> };
  return { ...raw, timing: { ...(raw.timing ?? {}), durationSeconds: horizonSeconds } };
}

function buildPlanState(plan: MonteCarloPlan, key: string, options: BatchCacheOptions): PlanState {
  const read = options.readTextFile;
  const prepared = prepareScenario(scenarioForHorizon(plan.scenario, plan.horizonSeconds), {
    ...(read ? { readTextFile: (file: string) => read(file, plan.scenarioBaseDir) } : {}),
    ...(options.venueFactories ? { venueFactories: options.venueFactories } : {}),
  });
  const marketIds = prepared.input.markets.map((m) => m.marketId);
  const model = plan.shockModel;
  const fromScenario = [...new Set(prepared.shocks.map((s) => s.marketId))];
  const shockedMarketIds =
    model.model === 'stress'
      ? [...new Set(model.scenarios.flatMap((s) => s.shocks.map((x) => x.marketId)))]
      : (model.markets ?? (fromScenario.length > 0 ? fromScenario : marketIds));
  const sampler = createPathSampler(model, shockedMarketIds, plan.horizonSeconds);
  const positions = prepared.input.positions;
  // Tracked accounts by id (a generated crowd has an account per position: no map of them all).
  const wanted = new Map((plan.accounts ?? []).map((accountId) => [accountId, -1]));
  if (wanted.size > 0) {
    prepared.input.accounts.forEach((account, i) => {
      if (wanted.get(account.accountId) === -1) wanted.set(account.accountId, i);
    });
  }
  const tracked = (plan.accounts ?? []).map((accountId, k) => {
    const a = wanted.get(accountId)!;
    if (a === -1) {
      throw new FiresaleErrors([new FiresaleError('SCENARIO__INVALID_FIELD', { path: `accounts[${k}]`, value: accountId, reason: 'no account of the scenario has this id' })]);
    }
    const positionIds: number[] = [];
    let collateralQuote = 0;
    {
      for (let i = 0; i < positions.count; i++) {
        if (positions.accountIndex[i] !== a) continue;
        positionIds.push(i);
        collateralQuote += positions.marginQuote[i]!;
      }
      for (const c of prepared.input.accounts[a]!.collateral) if (c.asset === (prepared.input.quoteAsset ?? 'USD')) collateralQuote += c.amount;
    }
    return { accountId, positionIds, collateralQuote };
  });
  // The simulator takes ownership of the position table: read what we need from it first.
  const simulator = createSimulator(prepared.input);
  return { key, prepared, simulator, marketIds, shockedMarketIds, sampler, tracked };
}
