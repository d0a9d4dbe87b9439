import type { CascadeReport } from '@firesale/core';
import { FiresaleError } from '@firesale/core';
import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { actualPrices, compareReplay, simulatedMids, type ReplayComparison } from './compare-replay';
import { applyParameters, defaultFit, logBounds, startValue, type CalibrationParameter } from './calibration-parameters';
import { fitUncertainty, type Identification } from './fit-uncertainty';
import { collectObservations } from './observations';
import type { HistoryItem } from './read-history';
import type { ReplayOptions } from './replay-history';
import { simulateWindow } from './simulate-window';

/** Options of {@link calibrateHistory}. */
export type CalibrateOptions = ReplayOptions & {
  /**
   * Parameters to fit (default `depth` and `half-life`, plus `withdrawal-sensitivity` when a market of the scenario
   * has a `liquidityWithdrawal` block).
   */
  readonly fit?: readonly CalibrationParameter[];
  /** Weight w of the liquidated-notional term of the loss (default 0.01). */
  readonly liquidationWeight?: number;
  /** Levenberg–Marquardt iterations at most of the main pass (default 40; the polishing pass gets half). */
  readonly maxIterations?: number;
};

/** One fitted parameter, with its uncertainty from the curvature of the loss at the optimum. */
export type FittedParameter = {
  readonly name: CalibrationParameter;
  /** Field it sets (first market's, when several markets are scaled together). */
  readonly field: string;
  readonly startValue: number;
  readonly value: number;
  /** Whether the data pin it down; anything but `identified` has no standard error or interval. */
  readonly identification: Identification;
  /** Standard error of ln(value); null unless `identification` is `identified`. */
  readonly standardErrorLog: number | null;
  /** 95% interval, value × exp(±1.96 × standardErrorLog). */
  readonly interval95: readonly [number, number] | null;
};

/** The result of a calibration. */
export type CalibrationResult = {
  readonly parameters: FittedParameter[];
  /**
   * Correlation of the fitted ln-parameters (same order); null entries for a parameter not identified; null when
   * the curvature of the identified ones is singular.
   */
  readonly correlation: (number | null)[][] | null;
  readonly loss: {
    readonly start: number;
    readonly final: number;
    /** Σ (ln simulated mid − ln actual mid)² over the window's steps, at the fit. */
    readonly priceTerm: number;
    /** w Σ ((simulated − actual) / S)² over the window's minutes, at the fit. */
    readonly liquidationTerm: number;
    readonly liquidationWeight: number;
    /** S: the scale of liquidated notional per minute, in quote. */
    readonly liquidationScaleQuote: number;
    /** Number of residuals (steps with an actual price + minutes). */
    readonly residuals: number;
  };
  readonly iterations: number;
  /** Engine runs the fit took. */
  readonly evaluations: number;
  /** Replay comparison with the fitted parameters. */
  readonly comparison: ReplayComparison;
  /** The scenario with the fitted parameters set (JSON). */
  readonly scenario: unknown;
};

/** Levenberg–Marquardt iterations of each scouting fit. */
const SCOUT_ITERATIONS = 8;

/**
 * Scouting starts: the start point with the ln-parameter at index `p` moved over a grid of ratio √2 from ÷8 to ×8
 * of its start (13 points), within its bounds, the start itself excluded (the main pass begins there anyway).
 */
function scoutStarts(x0: readonly number[], p: number, [low, high]: readonly [number, number]): number[][] {
  const out: number[][] = [];
  for (let k = -6; k <= 6; k++) {
    const x = x0[p]! + (k * Math.LN2) / 2;
    if (k !== 0 && x >= low && x <= high) out.push(x0.map((v, q) => (q === p ? x : v)));
  }
  return out;
}

/**
 * Fits book depth, resilience half-life, the stress depth multiplier and the volatility-driven liquidity withdrawal
 * (sensitivity, floor) so the engine reproduces a history. The loss
 * is L(θ) = Σ (ln simulated mid − ln actual mid)² over the window's steps + w Σ ((simulated − actual liquidated notional
 * per minute) / S)² over its minutes, with S the largest actual per-minute notional (one-sided, simulated below actual
 * only, when the source under-reports). It is minimised over ln-parameters with Levenberg–Marquardt
 * (`ml-levenberg-marquardt`, central differences), starting from the scenario's values. The uncertainty is the
 * Gauss–Newton curvature at the optimum: cov(ln θ) = σ² (JᵀJ)⁻¹ with σ² = L / (n − p), J the residuals' Jacobian;
 * a parameter the residuals move with on neither side of the fit, or on one side only, is reported as such
 * (`identification`) without an interval. When the withdrawal sensitivity is fitted, short fits from a log grid of
 * its values (÷8 to ×8 of the start) scout for the basin first.
 *
 * @throws {@link HistoryError} / `FiresaleError` as {@link replayHistory}, and `SCENARIO__INVALID_FIELD` for a
 * book model calibration cannot scale (only parametric and linear books) or a withdrawal parameter to fit with no
 * `liquidityWithdrawal` block (or a zero start value) to start from.
 */
export async function calibrateHistory(items: AsyncIterable<HistoryItem>, options: CalibrateOptions = {}): Promise<CalibrationResult> {
  const obs = await collectObservations(items, options);
  const names: CalibrationParameter[] = [...new Set<CalibrationParameter>(options.fit ?? defaultFit(obs.scenario))];
  const starts = names.map((n) => startValue(n, obs.scenario));
  const w = options.liquidationWeight ?? 0.01;
  let evaluations = 0;
  const cache = new Map<string, { report: CascadeReport; f: Float64Array }>();
  const x0 = starts.map((s) => Math.log(s.value));
  // exp(ln v) is not always v in floating point (exp(ln 3e6) = 3000000.000000002): a parameter still at its start
  // keeps the start value exactly, so the start point simulates the scenario as given and a perfect start stays exact.
  const valuesOf = (logParams: readonly number[]): number[] => logParams.map((x, p) => (x === x0[p] ? starts[p]!.value : Math.exp(x)));

  // Observed side of the residuals: ln price per step with a price, then scaled liquidated notional per minute.
  const priceIndex: { marketId: string; steps: number[]; actual: number[] }[] = [];
  const y: number[] = [];
  evaluations++;
  const probe = { report: simulateWindow(obs, options) };
  for (const market of probe.report.markets) {
    const { steps } = simulatedMids(probe.report, obs, market.marketId);
    const { prices } = actualPrices(obs, market.marketId, steps);
    const keep = steps.map((_, i) => i).filter((i) => prices[i]! > 0);
    priceIndex.push({ marketId: market.marketId, steps: keep.map((i) => steps[i]!), actual: keep.map((i) => prices[i]!) });
  }
  const minutes = obs.liquidatedPerMinuteQuote;
  const probeMinutes = compareReplay(obs, probe.report).liquidations.simulatedPerMinuteQuote;
  const scale = Math.max(1, ...minutes, ...(minutes.some((x) => x > 0) ? [] : probeMinutes));
  for (const p of priceIndex) for (const a of p.actual) y.push(Math.log(a));
  const priceResiduals = y.length;
  for (const a of minutes) y.push((Math.sqrt(w) * a) / scale);
  if (priceResiduals === 0) {
    throw new FiresaleError('SCENARIO__INVALID_FIELD', { path: `${obs.file}: mid`, reason: 'the window has no observed price to fit to' });
  }

  function model(report: CascadeReport): Float64Array {
    const f = new Float64Array(y.length);
    let j = 0;
    for (const p of priceIndex) {
      const mids = report.timeline.midPriceQuote[p.marketId] ?? [];
      const initial = report.markets.find((m) => m.marketId === p.marketId)!.initialPriceQuote;
      for (const k of p.steps) f[j++] = Math.log(mids[Math.min(k, mids.length - 1)] ?? initial);
    }
    const sim = compareReplay(obs, report).liquidations.simulatedPerMinuteQuote;
    for (let m = 0; m < minutes.length; m++) {
      const value = obs.liquidationsLowerBound ? Math.min(sim[m]!, minutes[m]!) : sim[m]!;
      f[j++] = (Math.sqrt(w) * value) / scale;
    }
    return f;
  }

  function run(logParams: readonly number[]): { report: CascadeReport; f: Float64Array } {
    const key = logParams.join(',');
    const hit = cache.get(key);
    if (hit) return hit;
    evaluations++;
    const values = valuesOf(logParams);
    const report = simulateWindow(obs, { ...options, adjust: (s) => applyParameters(s, names, values, starts.map((x) => x.value)) });
    const entry = { report, f: model(report) };
    const loss = lossOf(entry.f).total;
    if (loss < bestSeen.loss) bestSeen = { x: [...logParams], loss };
    if (cache.size > 8) cache.clear();
    cache.set(key, entry);
    return entry;
  }

  let bestSeen = { x: [...x0], loss: Infinity };
  const lossOf = (f: Float64Array) => {
    let price = 0;
    let liq = 0;
    for (let i = 0; i < y.length; i++) {
      const r = (f[i]! - y[i]!) ** 2;
      if (i < priceResiduals) price += r;
      else liq += r;
    }
    return { price, liq, total: price + liq };
  };

  const startLoss = lossOf(run(x0).f).total;
  const lm = (from: readonly number[], difference: number, maxIterations: number): number =>
    levenbergMarquardt(
      { x: Array.from(y, (_, i) => i), y },
      (params) => {
        const { f } = run(params);
        return (i) => f[i]!;
      },
      {
        initialValues: [...from],
        minValues: names.map((n, p) => logBounds(n, starts[p]!.value)[0]),
        maxValues: names.map((n, p) => logBounds(n, starts[p]!.value)[1]),
        gradientDifference: difference,
        centralDifference: true,
        damping: 1,
        maxIterations,
        errorTolerance: 1e-14,
        improvementThreshold: 1e-3,
      },
    ).iterations;
  let iterations = 0;
  // The withdrawal sensitivity feeds back on itself (depth thins with volatility, thinner depth moves the price
  // more), so the loss has several basins along it: scout first, with short coarse fits started from a log grid of
  // sensitivities around the start, and go on from the best point any of them reached.
  const sensitivity = names.indexOf('withdrawal-sensitivity');
  if (sensitivity >= 0) {
    for (const x of scoutStarts(x0, sensitivity, logBounds('withdrawal-sensitivity', starts[sensitivity]!.value))) iterations += lm(x, 0.02, SCOUT_ITERATIONS);
  }
  // Two passes: coarse differences (2%) to get near, then fine ones (0.2%) to polish. The loss is only piecewise
  // smooth (each liquidation is a discrete event), so the best point evaluated anywhere (steps and difference probes)
  // is kept.
  const maxIterations = options.maxIterations ?? 40;
  iterations += lm(bestSeen.x, 0.02, maxIterations);
  iterations += lm(bestSeen.x, 0.002, Math.ceil(maxIterations / 2));
  const best = bestSeen.x;
  const bestRun = run(best);
  const final = lossOf(bestRun.f);

  // Uncertainty: Gauss–Newton curvature at the optimum, Jacobian by central differences (h = 0.02).
  const uncertainty = fitUncertainty((x) => run(x).f, best, final.total);
  const bestValues = valuesOf(best);
  const parameters: FittedParameter[] = names.map((name, p) => {
    const value = bestValues[p]!;
    const se = uncertainty.standardErrorLog[p]!;
    return {
      name,
      field: starts[p]!.field,
      startValue: starts[p]!.value,
      value,
      identification: uncertainty.identification[p]!,
      standardErrorLog: se,
      interval95: se === null ? null : [value * Math.exp(-1.96 * se), value * Math.exp(1.96 * se)],
    };
  });
  const fitted = JSON.parse(JSON.stringify(obs.scenario)) as Record<string, unknown>;
  applyParameters(fitted, names, bestValues, starts.map((x) => x.value));
  return {
    parameters,
    correlation: uncertainty.correlation,
    loss: {
      start: startLoss,
      final: final.total,
      priceTerm: final.price,
      liquidationTerm: final.liq,
      liquidationWeight: w,
      liquidationScaleQuote: scale,
      residuals: y.length,
    },
    iterations,
    evaluations,
    comparison: compareReplay(obs, bestRun.report),
    scenario: fitted,
  };
}

