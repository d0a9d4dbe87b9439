import pkg from '../package.json';
import { scenarioForHorizon } from './batch-cache';
import type { BatchSummary, MonteCarloPlan, MonteCarloSummary, RiskMetric, RunManifest } from './job-runner';
import { sketchMean, sketchQuantile, sketchTailMean } from './log-sketch';
import { canonicalJson, sha256Hex } from './sha256';

/** Default confidence levels of the metrics. */
export const DEFAULT_CONFIDENCE_LEVELS: readonly number[] = [0.95, 0.99];

/** `0.99` → `99`, `0.995` → `99.5`. */
export function confidenceLabel(confidence: number): string {
  return String(Math.round(confidence * 10000) / 100);
}

/** The run manifest of a plan: what reproduces its summary. */
export function runManifest(plan: MonteCarloPlan, packageVersions: Readonly<Record<string, string>> = {}): RunManifest {
  const { scenario: _scenario, ...rest } = plan;
  return {
    seed: plan.seed,
    paths: plan.paths,
    batchSize: plan.batchSize,
    horizonSeconds: plan.horizonSeconds,
    shockModel: plan.shockModel.model,
    scenarioSha256: sha256Hex(canonicalJson(scenarioForHorizon(plan.scenario, plan.horizonSeconds))),
    planSha256: sha256Hex(canonicalJson(rest)),
    dataFiles: plan.dataFiles ?? [],
    packageVersions: { [pkg.name]: pkg.version, ...packageVersions },
  };
}

/**
 * Turns the merged summary of all batches into the run's result: the named risk metrics (each naming its
 * horizon and confidence: `liquidationAtRisk_99_600s`, `badDebtVaR_99_600s`, `badDebtES_99_600s`,
 * `priceDropVaR_99_600s[BTC-PERP]`...) and the run manifest. Liquidation-at-risk (liquidated notional) and
 * bad-debt (insolvency) VaR are separate metrics, never blended.
 */
export function finalizeSummary(plan: MonteCarloPlan, merged: BatchSummary, packageVersions: Readonly<Record<string, string>> = {}): MonteCarloSummary {
  const h = plan.horizonSeconds;
  const levels = plan.confidenceLevels ?? DEFAULT_CONFIDENCE_LEVELS;
  const n = merged.pathCount;
  const metrics: RiskMetric[] = [];
  const hs = `${h}s`;
  const probability = (name: string, count: number, description: string, suffix = ''): void => {
    const p = n > 0 ? count / n : NaN;
    metrics.push({ name: `${name}_${hs}${suffix}`, value: p, unit: 'probability', horizonSeconds: h, standardError: Math.sqrt((p * (1 - p)) / n), description });
  };
  for (const c of levels) {
    const cl = confidenceLabel(c);
    metrics.push({
      name: `liquidationAtRisk_${cl}_${hs}`,
      value: sketchQuantile(merged.liquidatedNotionalQuote, c),
      unit: 'quote',
      horizonSeconds: h,
      confidence: c,
      description: `liquidated notional (quote) not exceeded with ${cl}% probability over ${h} s`,
    });
    metrics.push({
      name: `badDebtVaR_${cl}_${hs}`,
      value: sketchQuantile(merged.badDebtQuote, c),
      unit: 'quote',
      horizonSeconds: h,
      confidence: c,
      description: `bad debt (quote, insolvency) not exceeded with ${cl}% probability over ${h} s`,
    });
    metrics.push({
      name: `badDebtES_${cl}_${hs}`,
      value: sketchTailMean(merged.badDebtQuote, c),
      unit: 'quote',
      horizonSeconds: h,
      confidence: c,
      description: `expected bad debt (quote) in the worst ${confidenceLabel(1 - c)}% of paths over ${h} s`,
    });
    metrics.push({
      name: `insuranceFundUseAtRisk_${cl}_${hs}`,
      value: sketchQuantile(merged.insuranceFundUsedQuote, c),
      unit: 'quote',
      horizonSeconds: h,
      confidence: c,
      description: `insurance fund paid out (quote) not exceeded with ${cl}% probability over ${h} s`,
    });
    for (const m of merged.markets) {
      metrics.push({
        name: `priceDropVaR_${cl}_${hs}[${m.marketId}]`,
        value: sketchQuantile(m.troughDropFraction, c),
        unit: 'fraction',
        horizonSeconds: h,
        confidence: c,
        marketId: m.marketId,
        description: `${m.marketId}: drop from the initial price to the trough (cascade included) not exceeded with ${cl}% probability over ${h} s`,
      });
      metrics.push({
        name: `priceDropES_${cl}_${hs}[${m.marketId}]`,
        value: sketchTailMean(m.troughDropFraction, c),
        unit: 'fraction',
        horizonSeconds: h,
        confidence: c,
        marketId: m.marketId,
        description: `${m.marketId}: mean trough drop in the worst ${confidenceLabel(1 - c)}% of paths over ${h} s`,
      });
      metrics.push({
        name: `amplification_${cl}_${hs}[${m.marketId}]`,
        value: sketchQuantile(m.amplification, c),
        unit: 'ratio',
        horizonSeconds: h,
        confidence: c,
        marketId: m.marketId,
        description: `${m.marketId}: adverse move over exogenous move (1 = no cascade), ${cl}th percentile over ${h} s`,
      });
    }
  }
  metrics.push({ name: `expectedLiquidatedNotional_${hs}`, value: sketchMean(merged.liquidatedNotionalQuote), unit: 'quote', horizonSeconds: h, description: `mean liquidated notional (quote) over ${h} s` });
  metrics.push({ name: `expectedBadDebt_${hs}`, value: sketchMean(merged.badDebtQuote), unit: 'quote', horizonSeconds: h, description: `mean bad debt (quote) over ${h} s` });
  probability('probabilityOfLiquidation', merged.pathsWithLiquidation, `share of paths with at least one liquidation within ${h} s`);
  probability('probabilityOfBadDebt', merged.pathsWithBadDebt, `share of paths with bad debt within ${h} s`);
  if ((plan.badDebtThresholdQuote ?? 0) > 0) {
    probability(`probabilityOfBadDebtAbove_${plan.badDebtThresholdQuote}`, merged.pathsWithBadDebtAboveThreshold, `share of paths whose bad debt exceeds ${plan.badDebtThresholdQuote} (quote) within ${h} s`);
  }
  probability('probabilityOfAdl', merged.pathsWithAdl, `share of paths with auto-deleveraging within ${h} s`);
  probability('probabilityOfFundExhaustion', merged.pathsWithFundExhausted, `share of paths that exhaust an insurance fund within ${h} s`);
  let generationSum = 0;
  merged.generations.forEach((count, g) => (generationSum += count * g));
  metrics.push({ name: `meanCascadeGenerations_${hs}`, value: n > 0 ? generationSum / n : NaN, unit: 'count', horizonSeconds: h, description: `mean highest cascade generation per path within ${h} s` });
  metrics.push({ name: `maxCascadeGenerations_${hs}`, value: merged.generations.length - 1, unit: 'count', horizonSeconds: h, description: `highest cascade generation seen on any path within ${h} s` });
  for (const m of merged.markets) {
    metrics.push({ name: `meanAmplification_${hs}[${m.marketId}]`, value: sketchMean(m.amplification), unit: 'ratio', horizonSeconds: h, marketId: m.marketId, description: `${m.marketId}: mean amplification over ${h} s` });
  }
  for (const a of merged.accounts) {
    probability('probabilityOfLiquidation', a.liquidatedPaths, `${a.accountId}: share of paths on which the account is liquidated within ${h} s`, `[${a.accountId}]`);
    metrics.push({ name: `expectedLiquidationLoss_${hs}[${a.accountId}]`, value: sketchMean(a.lossQuote), unit: 'quote', horizonSeconds: h, description: `${a.accountId}: mean realised liquidation loss (quote) within ${h} s` });
  }
  if (merged.accounts.length > 1) {
    probability('probabilityOfLiquidation', merged.portfolio.liquidatedPaths, `share of paths on which any tracked account is liquidated within ${h} s`, '[portfolio]');
    metrics.push({ name: `expectedLiquidationLoss_${hs}[portfolio]`, value: sketchMean(merged.portfolio.lossQuote), unit: 'quote', horizonSeconds: h, description: `tracked accounts together: mean realised liquidation loss (quote) within ${h} s` });
  }
  return {
    ...merged,
    summaryVersion: 1,
    horizonSeconds: h,
    confidenceLevels: levels,
    metrics,
    manifest: runManifest(plan, packageVersions),
  };
}
