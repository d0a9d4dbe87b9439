import { FiresaleError, FiresaleErrors } from '@firesale/core';
import type { ParameterDistribution } from './distributions';
import type { MonteCarloPlan } from './job-runner';

const isWhole = (x: unknown, min: number): boolean => typeof x === 'number' && Number.isInteger(x) && x >= min;
const isPositive = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x > 0;
const isNonNegative = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isFiniteNumber = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x);

/**
 * Checks a plan's own fields (the scenario is checked when it is prepared) and reports every problem, each
 * naming its field (`paths`, `shockModel.volatilityAnnual`, `parameters.depthMultiplier.min`...).
 *
 * @throws `FiresaleErrors` with one `SCENARIO__INVALID_FIELD` per problem.
 */
export function validatePlan(plan: MonteCarloPlan): void {
  const errors: FiresaleError[] = [];
  const bad = (path: string, value: unknown, reason: string): void => {
    errors.push(new FiresaleError('SCENARIO__INVALID_FIELD', { path, value, reason }));
  };
  if (!isWhole(plan.paths, 1)) bad('paths', plan.paths, 'the path count must be a whole number of at least 1');
  if (!isWhole(plan.seed, 0) || plan.seed > 0xffffffff) bad('seed', plan.seed, 'the seed must be a whole number from 0 to 4294967295');
  if (!isWhole(plan.batchSize, 1)) bad('batchSize', plan.batchSize, 'the batch size must be a whole number of at least 1');
  if (!isPositive(plan.horizonSeconds)) bad('horizonSeconds', plan.horizonSeconds, 'the horizon must be a positive number of seconds');
  for (const [i, c] of (plan.confidenceLevels ?? []).entries()) {
    if (!(typeof c === 'number' && c > 0 && c < 1)) bad(`confidenceLevels[${i}]`, c, 'a confidence level must be between 0 and 1 (0.99)');
  }
  if (plan.badDebtThresholdQuote !== undefined && !isNonNegative(plan.badDebtThresholdQuote)) bad('badDebtThresholdQuote', plan.badDebtThresholdQuote, 'must be 0 or more');
  const model = plan.shockModel;
  switch (model?.model) {
    case 'gbm':
    case 'merton':
      if (!isNonNegative(model.volatilityAnnual)) bad('shockModel.volatilityAnnual', model.volatilityAnnual, 'must be 0 or more');
      if (model.driftAnnual !== undefined && !isFiniteNumber(model.driftAnnual)) bad('shockModel.driftAnnual', model.driftAnnual, 'must be a finite number');
      if (model.pathStepSeconds !== undefined && !isPositive(model.pathStepSeconds)) bad('shockModel.pathStepSeconds', model.pathStepSeconds, 'must be greater than 0');
      if (model.correlation !== undefined && !(model.correlation >= 0 && model.correlation <= 1)) bad('shockModel.correlation', model.correlation, 'must be between 0 and 1');
      if (model.model === 'merton') {
        if (!isNonNegative(model.jumpIntensityAnnual)) bad('shockModel.jumpIntensityAnnual', model.jumpIntensityAnnual, 'must be 0 or more');
        if (!isFiniteNumber(model.jumpMeanLog)) bad('shockModel.jumpMeanLog', model.jumpMeanLog, 'must be a finite number');
        if (!isNonNegative(model.jumpStdLog)) bad('shockModel.jumpStdLog', model.jumpStdLog, 'must be 0 or more');
      }
      break;
    case 'bootstrap': {
      if (!isPositive(model.intervalSeconds)) bad('shockModel.intervalSeconds', model.intervalSeconds, 'must be greater than 0');
      const series = Object.entries(model.logReturns ?? {});
      if (series.length === 0 || series.some(([, r]) => r.length === 0)) bad('shockModel.logReturns', undefined, 'the bootstrap needs at least one observed return per market (is the price CSV empty?)');
      for (const [name, returns] of series) {
        const k = returns.findIndex((r) => !isFiniteNumber(r));
        if (k >= 0) bad(`shockModel.logReturns.${name}[${k}]`, returns[k], 'must be a finite number');
      }
      if (model.blockLength !== undefined && !isWhole(model.blockLength, 1)) bad('shockModel.blockLength', model.blockLength, 'must be a whole number of at least 1');
      break;
    }
    case 'stress':
      if (!Array.isArray(model.scenarios) || model.scenarios.length === 0) bad('shockModel.scenarios', model.scenarios, 'give at least one stress scenario');
      model.scenarios?.forEach((s, i) =>
        s.shocks.forEach((shock, j) => {
          if (!(shock.returnFraction > -1) || !Number.isFinite(shock.returnFraction)) bad(`shockModel.scenarios[${i}].shocks[${j}].returnFraction`, shock.returnFraction, 'must be a finite number above -1');
        }),
      );
      break;
    default:
      bad('shockModel.model', (model as { model?: unknown } | undefined)?.model, 'unknown shock model (known: gbm, merton, bootstrap, stress)');
  }
  for (const [name, spec] of Object.entries(plan.parameters ?? {})) {
    checkDistribution(spec as ParameterDistribution, `parameters.${name}`, bad);
  }
  if (errors.length > 0) throw new FiresaleErrors(errors);
}

function checkDistribution(spec: ParameterDistribution, path: string, bad: (path: string, value: unknown, reason: string) => void): void {
  switch (spec?.distribution) {
    case 'fixed':
      if (!isNonNegative(spec.value)) bad(`${path}.value`, spec.value, 'must be 0 or more');
      return;
    case 'uniform':
      if (!isNonNegative(spec.min)) bad(`${path}.min`, spec.min, 'must be 0 or more');
      if (!(isFiniteNumber(spec.max) && spec.max >= spec.min)) bad(`${path}.max`, spec.max, 'must be a number not below min');
      return;
    case 'lognormal':
      if (!isPositive(spec.median)) bad(`${path}.median`, spec.median, 'must be greater than 0');
      if (!isNonNegative(spec.sigma)) bad(`${path}.sigma`, spec.sigma, 'must be 0 or more');
      return;
    case 'discrete':
      if (!Array.isArray(spec.values) || spec.values.length === 0 || spec.values.some((v) => !isNonNegative(v))) bad(`${path}.values`, spec.values, 'must be a non-empty list of numbers 0 or more');
      if (spec.weights !== undefined && (spec.weights.length !== spec.values.length || spec.weights.some((w) => !isNonNegative(w)))) bad(`${path}.weights`, spec.weights, 'one weight (0 or more) per value');
      return;
    default:
      bad(`${path}.distribution`, (spec as { distribution?: unknown } | undefined)?.distribution, 'unknown distribution (known: fixed, uniform, lognormal, discrete)');
  }
}
