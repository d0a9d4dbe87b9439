import { FAN_INTERVALS, SECONDS_PER_YEAR, createInlineRunner, sketchQuantile, type MonteCarloPlan, type MonteCarloSummary, type RunProgress } from '@firesale/risk';
import { prepareScenario } from '@firesale/sdk';
import { dashboardVenueFactories } from '../venue-presets';
import type { SimulationProblem } from '../engine/simulation-result';
import { problemsOf } from '../engine/problems';

/** Quantiles of the fan chart's bands, outermost first: 5–95%, 25–75% and the median. */
export const FAN_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** What the Monte Carlo panel asks for: the scenario (controls applied) and the path model's settings. */
export type MonteCarloRequest = {
  readonly scenario: unknown;
  readonly files?: Readonly<Record<string, string>>;
  /** Number of paths (whole number >= 1). */
  readonly paths: number;
  /** Annualised volatility of the diffusion (0.8 = 80% a year). */
  readonly volatilityAnnual: number;
  /** Expected number of jumps over the horizon (Poisson); each is the scenario's first shock, in log terms. */
  readonly jumpsPerHorizon: number;
  /** Size of a jump as a return in percent (-3 = a 3% fall): the shock control. */
  readonly jumpPct: number;
  /** Log-normal spread of the book-depth multiplier drawn per path (0 = the scenario's depth on every path). */
  readonly depthSigma: number;
  readonly seed: number;
};

/** The fan of mid prices: quantile `k` of the mid at `timeSeconds[j]` is `priceQuote[k][j]` (quote per base). */
export type FanData = {
  readonly marketId: string;
  readonly initialPriceQuote: number;
  readonly timeSeconds: Float64Array;
  readonly quantiles: readonly number[];
  readonly priceQuote: Float64Array[];
};

/** A finished Monte Carlo run: the risk package's summary and the fan drawn from it. */
export type MonteCarloResult = { readonly ok: true; readonly summary: MonteCarloSummary; readonly fan: FanData; readonly elapsedMs: number };

export type MonteCarloOutcome = MonteCarloResult | { readonly ok: false; readonly problems: readonly SimulationProblem[] } | { readonly ok: false; readonly cancelled: true };

/** Standard deviation of a jump's log size (jumps vary a little around the shock control). */
const JUMP_STD_LOG = 0.01;

/**
 * The Monte Carlo plan for the dashboard's request: Merton jump diffusion over the scenario's run length whose
 * jumps are the shock control, with the drift set so the diffusion part has none (paths without a jump stay
 * centred on the initial price), and the book depth drawn log-normally per path.
 */
export function monteCarloPlan(request: MonteCarloRequest): MonteCarloPlan {
  const timing = (request.scenario as { timing?: { durationSeconds?: unknown } }).timing;
  const horizonSeconds = typeof timing?.durationSeconds === 'number' && timing.durationSeconds > 0 ? timing.durationSeconds : 600;
  const jumpMeanLog = Math.log1p(request.jumpPct / 100);
  const jumpIntensityAnnual = (request.jumpsPerHorizon * SECONDS_PER_YEAR) / horizonSeconds;
  return {
    scenario: request.scenario,
    shockModel: {
      model: 'merton',
      volatilityAnnual: request.volatilityAnnual,
      // Cancels the model's jump compensator: the diffusion has no drift, the jumps pull the fan down.
      driftAnnual: jumpIntensityAnnual * (Math.exp(jumpMeanLog + (JUMP_STD_LOG * JUMP_STD_LOG) / 2) - 1),
      jumpIntensityAnnual,
      jumpMeanLog,
      jumpStdLog: JUMP_STD_LOG,
    },
    ...(request.depthSigma > 0 ? { parameters: { depthMultiplier: { distribution: 'lognormal', median: 1, sigma: request.depthSigma } } } : {}),
    paths: request.paths,
    seed: request.seed,
    // Small batches: progress moves often and a cancel is seen within a few paths.
    batchSize: 10,
    horizonSeconds,
  };
}

/** The fan of the first market's mid price from a summary's per-interval return sketches. */
export function fanOf(summary: MonteCarloSummary, initialPriceQuote: number): FanData {
  const market = summary.markets[0]!;
  const points = market.fan.length;
  const timeSeconds = new Float64Array(points);
  for (let j = 0; j < points; j++) timeSeconds[j] = (summary.horizonSeconds * j) / FAN_INTERVALS;
  const priceQuote = FAN_QUANTILES.map((q) => {
    const row = new Float64Array(points);
    for (let j = 0; j < points; j++) row[j] = initialPriceQuote * (1 + sketchQuantile(market.fan[j]!, q));
    return row;
  });
  return { marketId: market.marketId, initialPriceQuote, timeSeconds, quantiles: [...FAN_QUANTILES], priceQuote };
}

/** Hooks of {@link runMonteCarlo}. */
export type AnalysisHooks = { readonly onProgress?: (progress: RunProgress) => void; readonly signal?: AbortSignal };

const runners = new Map<string, ReturnType<typeof createInlineRunner>>();

/**
 * Runs the request's plan with `@firesale/risk`'s inline runner (the simulator is built once per plan and
 * kept for the next run) and draws the fan. Cancelling through `signal` resolves `{ok: false, cancelled}`.
 */
export async function runMonteCarlo(request: MonteCarloRequest, hooks: AnalysisHooks = {}): Promise<MonteCarloOutcome> {
  const started = performance.now();
  const filesKey = JSON.stringify(request.files ?? {});
  let runner = runners.get(filesKey);
  if (!runner) {
    runners.clear();
    runner = createInlineRunner({ venueFactories: dashboardVenueFactories, readTextFile: (name) => readFile(request.files, name) });
    runners.set(filesKey, runner);
  }
  try {
    const plan = monteCarloPlan(request);
    const summary = await runner.run(plan, { ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}), ...(hooks.signal ? { signal: hooks.signal } : {}) });
    return { ok: true, summary, fan: fanOf(summary, initialMidPriceQuote(request.scenario)), elapsedMs: performance.now() - started };
  } catch (error) {
    if (hooks.signal?.aborted) return { ok: false, cancelled: true };
    return { ok: false, problems: problemsOf(error) };
  }
}

function readFile(files: Readonly<Record<string, string>> | undefined, name: string): string {
  const text = files?.[name];
  if (text === undefined) throw new Error(`the file "${name}" was not loaded`);
  return text;
}

/** The first market's initial mid price: the scenario prepared without its positions (cheap). */
function initialMidPriceQuote(scenario: unknown): number {
  const { generators: _g, positions: _p, positionsCsv: _c, ...rest } = scenario as Record<string, unknown>;
  return prepareScenario(rest, { venueFactories: dashboardVenueFactories }).input.markets[0]!.book.initialMidPriceQuote;
}
