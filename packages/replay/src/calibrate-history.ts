import type { CascadeReport } from '@firesale/core';
import { FiresaleError } from '@firesale/core';
import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { actualPrices, compareReplay, simulatedMids, type ReplayComparison } from './compare-replay';
import { invert } from './linear-algebra';
import { collectObservations } from './observations';
import type { HistoryItem } from './read-history';
import type { ReplayOptions } from './replay-history';
import { simulateWindow } from './simulate-window';

/**
 * What calibration can fit: `depth` (the books' depth: `depthQuotePerPercent` or `depthBasePerQuote`, all markets
 * scaled together), `half-life` (the books' resilience half-life, seconds) and `stress` (the stress depth multiplier
 * applied from the shock start: liquidity withdrawal).
 */
export type CalibrationParameter = 'depth' | 'half-life' | 'stress';

/** Options of {@link calibrateHistory}. */
export type CalibrateOptions = ReplayOptions & {
  /** Parameters to fit (default `depth` and `half-life`). */
  readonly fit?: readonly CalibrationParameter[];
  /** Weight w of the liquidated-notional term of the loss (default 0.01). */
  readonly liquidationWeight?: number;
  /** Levenberg–Marquardt iterations at most (default 50). */
  readonly maxIterations?: number;
};

/** One fitted parameter, with its uncertainty from the curvature of the loss at the optimum. */
export type FittedParameter = {
  readonly name: CalibrationParameter;
  /** Field it sets (first market's, when several markets are scaled together). */
  readonly field: string;
  readonly startValue: number;
  readonly value: number;
  /** Standard error of ln(value); null when the curvature is singular (the parameter is not identified). */
  readonly standardErrorLog: number | null;
  /** 95% interval, value × exp(±1.96 × standardErrorLog). */
  readonly interval95: readonly [number, number] | null;
};

/** The result of a calibration. */
export type CalibrationResult = {
  readonly parameters: FittedParameter[];
  /** Correlation of the fitted ln-parameters (same order); null when singular. */
  readonly correlation: number[][] | null;
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

type MarketJson = { book?: Record<string, unknown>; stressDepthMultiplier?: number };

function marketsOf(scenario: unknown): MarketJson[] {
  return ((scenario as { markets?: MarketJson[] } | null)?.markets ?? []) as MarketJson[];
}

function depthField(book: Record<string, unknown> | undefined, path: string): 'depthQuotePerPercent' | 'depthBasePerQuote' {
  if (book?.model === 'parametric') return 'depthQuotePerPercent';
  if (book?.model === 'linear') return 'depthBasePerQuote';
  throw new FiresaleError('SCENARIO__INVALID_FIELD', { path: `${path}.book.model`, value: book?.model, reason: 'calibration fits parametric and linear books only' });
}

function startValue(name: CalibrationParameter, scenario: unknown): { value: number; field: string } {
  const m = marketsOf(scenario)[0];
  if (!m) throw new FiresaleError('SCENARIO__VALUE_MISSING', { path: 'markets' });
  switch (name) {
    case 'depth': {
      const field = depthField(m.book, 'markets[0]');
      return { value: Number(m.book![field]), field: `markets[0].book.${field}` };
    }
    case 'half-life': {
      const r = m.book?.resilience as { halfLifeSeconds?: number; ratePerSecond?: number } | undefined;
      const value = r?.halfLifeSeconds ?? (r?.ratePerSecond ? Math.LN2 / r.ratePerSecond : 600);
      return { value, field: 'markets[0].book.resilience.halfLifeSeconds' };
    }
    case 'stress':
      return { value: m.stressDepthMultiplier ?? 1, field: 'markets[0].stressDepthMultiplier' };
  }
}

/** Sets the parameters on a scenario (JSON): depth scaled by the same factor on every market. */
function applyParameters(scenario: Record<string, unknown>, names: readonly CalibrationParameter[], values: readonly number[], starts: readonly number[]): void {
  marketsOf(scenario).forEach((m, i) => {
    names.forEach((name, p) => {
      const v = values[p]!;
      if (name === 'depth') {
        const field = depthField(m.book, `markets[${i}]`);
        m.book![field] = Number(m.book![field]) * (v / starts[p]!);
      } else if (name === 'half-life') {
        if (m.book) m.book.resilience = { halfLifeSeconds: v };
      } else {
        m.stressDepthMultiplier = v;
      }
    });
  });
}

/** Bounds of the ln-parameters: depth within ×/÷ 100 of the start, half-life 0.1 s to 10⁶ s, stress 0.01 to 1. */
function bounds(name: CalibrationParameter, start: number): readonly [number, number] {
  if (name === 'depth') return [Math.log(start / 100), Math.log(start * 100)];
  if (name === 'half-life') return [Math.log(0.1), Math.log(1e6)];
  return [Math.log(0.01), 0];
}

/**
 * Fits book depth, resilience half-life and the stress depth multiplier so the engine reproduces a history. The loss
 * is L(θ) = Σ (ln simulated mid − ln actual mid)² over the window's steps + w Σ ((simulated − actual liquidated notional
 * per minute) / S)² over its minutes, with S the largest actual per-minute notional (one-sided, simulated below actual
 * only, when the source under-reports). It is minimised over ln-parameters with Levenberg–Marquardt
 * (`ml-levenberg-marquardt`, central differences), starting from the scenario's values. The uncertainty is the
 * Gauss–Newton curvature at the optimum: cov(ln θ) = σ² (JᵀJ)⁻¹ with σ² = L / (n − p), J the residuals' Jacobian.
 *
 * @throws {@link HistoryError} / `FiresaleError` as {@link replayHistory}, and `SCENARIO__INVALID_FIELD` for a
 * book model calibration cannot scale (only parametric and linear books).
 */
export async function calibrateHistory(items: AsyncIterable<HistoryItem>, options: CalibrateOptions = {}): Promise<CalibrationResult> {
  const obs = await collectObservations(items, options);
  const names: CalibrationParameter[] = [...new Set<CalibrationParameter>(options.fit ?? ['depth', 'half-life'])];
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
  // Two passes: coarse differences (2%) to get near, then fine ones (0.2%) to polish. The loss is only piecewise
  // smooth (each liquidation is a discrete event), so the best point evaluated anywhere (steps and difference probes)
  // is kept.
  let iterations = 0;
  for (const [difference, passIterations] of [[0.02, options.maxIterations ?? 40], [0.002, Math.ceil((options.maxIterations ?? 40) / 2)]] as const) {
    const from = [...bestSeen.x];
    const fit = levenbergMarquardt(
      { x: Array.from(y, (_, i) => i), y },
      (params) => {
        const { f } = run(params);
        return (i) => f[i]!;
      },
      {
        initialValues: from,
        minValues: names.map((n, p) => bounds(n, starts[p]!.value)[0]),
        maxValues: names.map((n, p) => bounds(n, starts[p]!.value)[1]),
        gradientDifference: difference,
        centralDifference: true,
        damping: 1,
        maxIterations: passIterations,
        errorTolerance: 1e-14,
        improvementThreshold: 1e-3,
      },
    );
    iterations += fit.iterations;
  }
  const best = bestSeen.x;
  const bestRun = run(best);
  const final = lossOf(bestRun.f);

  // Uncertainty: Gauss–Newton curvature at the optimum, Jacobian by central differences.
  const h = 0.02;
  const J: number[][] = y.map(() => new Array<number>(names.length).fill(0));
  names.forEach((_, p) => {
    const up = [...best];
    const down = [...best];
    up[p]! += h;
    down[p]! -= h;
    const fu = run(up).f;
    const fd = run(down).f;
    for (let i = 0; i < y.length; i++) J[i]![p] = (fu[i]! - fd[i]!) / (2 * h);
  });
  const JtJ = names.map((_, a) => names.map((__, b) => J.reduce((sum, row) => sum + row[a]! * row[b]!, 0)));
  const inverse = invert(JtJ);
  const sigma2 = final.total / Math.max(1, y.length - names.length);
  const cov = inverse?.map((row) => row.map((v) => v * sigma2)) ?? null;
  const bestValues = valuesOf(best);
  const parameters: FittedParameter[] = names.map((name, p) => {
    const value = bestValues[p]!;
    const se = cov && cov[p]![p]! >= 0 ? Math.sqrt(cov[p]![p]!) : null;
    return {
      name,
      field: starts[p]!.field,
      startValue: starts[p]!.value,
      value,
      standardErrorLog: se,
      interval95: se === null ? null : [value * Math.exp(-1.96 * se), value * Math.exp(1.96 * se)],
    };
  });
  const correlation = cov ? cov.map((row, a) => row.map((v, b) => (cov[a]![a]! > 0 && cov[b]![b]! > 0 ? v / Math.sqrt(cov[a]![a]! * cov[b]![b]!) : a === b ? 1 : 0))) : null;
  const fitted = JSON.parse(JSON.stringify(obs.scenario)) as Record<string, unknown>;
  applyParameters(fitted, names, bestValues, starts.map((x) => x.value));
  return {
    parameters,
    correlation,
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

