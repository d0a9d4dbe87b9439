/** Seconds in a (365.25-day) year: crypto markets trade around the clock, so volatilities annualise over it. */
export const SECONDS_PER_YEAR = 365.25 * 86_400;

/** Common fields of the stochastic shock models. */
type PathModelBase = {
  /** Markets whose reference price follows the path (default: the markets the scenario shocks, else all). */
  readonly markets?: readonly string[];
  /** Seconds between path points (the engine interpolates linearly in between). Default: horizon / 60. */
  readonly pathStepSeconds?: number;
  /** Correlation of the Gaussian shocks between markets (one common factor). Default 0. */
  readonly correlation?: number;
};

/** Geometric Brownian motion: ln S moves by (mu - sigma^2/2) dt + sigma sqrt(dt) Z per point (exact in law). */
export type GbmShockModel = PathModelBase & {
  readonly model: 'gbm';
  /** Annualised volatility sigma (0.8 = 80% a year). */
  readonly volatilityAnnual: number;
  /** Annualised drift mu of the price (E[S_T] = S_0 e^{mu T}). Default 0. */
  readonly driftAnnual?: number;
};

/**
 * Merton jump diffusion: GBM plus Poisson jumps whose log sizes are normal (Merton 1976). The drift is
 * compensated (-lambda k, k = e^{m + s^2/2} - 1) so E[S_T] = S_0 e^{mu T}.
 */
export type MertonShockModel = PathModelBase & {
  readonly model: 'merton';
  readonly volatilityAnnual: number;
  readonly driftAnnual?: number;
  /** Expected jumps per year (lambda). */
  readonly jumpIntensityAnnual: number;
  /** Mean m of a jump's log size (-0.05: about a 5% fall). */
  readonly jumpMeanLog: number;
  /** Standard deviation s of a jump's log size. */
  readonly jumpStdLog: number;
};

/**
 * Historical bootstrap: each path strings together log returns drawn (with replacement, in blocks) from
 * observed returns, one per `intervalSeconds`. Every market draws the same rows, keeping their co-movement.
 */
export type BootstrapShockModel = Omit<PathModelBase, 'pathStepSeconds' | 'correlation'> & {
  readonly model: 'bootstrap';
  /** Observed log returns per market (same length for every market), one per interval. */
  readonly logReturns: Readonly<Record<string, readonly number[]>>;
  /** Seconds each observed return spans. */
  readonly intervalSeconds: number;
  /** Consecutive returns drawn together (keeps short-range autocorrelation). Default 1. */
  readonly blockLength?: number;
};

/** One named stress: ramps of the reference price per market. */
export type StressScenario = {
  readonly name: string;
  readonly shocks: readonly { readonly marketId: string; readonly returnFraction: number; readonly atSeconds?: number; readonly overSeconds?: number }[];
};

/** Fixed stress scenarios: path i runs `scenarios[i % scenarios.length]`. */
export type StressShockModel = {
  readonly model: 'stress';
  readonly scenarios: readonly StressScenario[];
};

/** How the exogenous price moves on each path. */
export type ShockModelSpec = GbmShockModel | MertonShockModel | BootstrapShockModel | StressShockModel;
