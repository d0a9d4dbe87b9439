import { FiresaleError, isFiresaleError, createRng, type ShockInput } from '@firesale/core';
import { createCorrelatedSampler, shocksFromReturns } from '@firesale/contagion';
import type { CorrelatedShockSpec } from './scenario-schema';

const PATH = 'correlatedShock';

/**
 * Turns a scenario's `correlatedShock` into engine shocks: validates the joint distribution with
 * `@firesale/contagion` (a correlation matrix that is not positive semi-definite is reported at
 * `correlatedShock.correlation[i][j]`), then takes the seeded draw or the quantile stress. Problems are pushed to
 * `errors`, each naming its field; the result is then empty.
 */
export function correlatedShockInputs(spec: CorrelatedShockSpec, marketIds: readonly string[], scenarioSeed: number, errors: FiresaleError[]): ShockInput[] {
  const before = errors.length;
  spec.markets.forEach((id, k) => {
    if (!marketIds.includes(id)) errors.push(new FiresaleError('SCENARIO__UNKNOWN_MARKET', { path: `${PATH}.markets[${k}]`, value: id, known: marketIds.join(', ') }));
    if (spec.markets.indexOf(id) !== k) errors.push(new FiresaleError('SCENARIO__INVALID_FIELD', { path: `${PATH}.markets[${k}]`, value: id, reason: 'lists this market twice' }));
  });
  if (spec.volatilities.length !== spec.markets.length) {
    errors.push(new FiresaleError('SCENARIO__INVALID_FIELD', { path: `${PATH}.volatilities`, value: spec.volatilities.length, reason: `has ${spec.volatilities.length} entries, expected one per market (${spec.markets.length})` }));
  }
  if (spec.correlation === undefined && spec.factorLoadings === undefined) {
    errors.push(new FiresaleError('SCENARIO__VALUE_MISSING', { path: `${PATH}.correlation` }));
  }
  if (errors.length > before) return [];
  try {
    const sampler = createCorrelatedSampler({
      volatilities: spec.volatilities,
      ...(spec.means === undefined ? {} : { means: spec.means }),
      ...(spec.correlation === undefined ? {} : { correlation: spec.correlation }),
      ...(spec.factorLoadings === undefined ? {} : { factorLoadings: spec.factorLoadings }),
      ...(spec.returnModel === undefined ? {} : { returnModel: spec.returnModel }),
    });
    const returns = spec.quantile !== undefined ? sampler.stress(spec.quantile) : sampler.sample(createRng(spec.seed ?? scenarioSeed).fork(spec.draw ?? 0));
    return shocksFromReturns(spec.markets, returns, { atSeconds: spec.atSeconds ?? 0, overSeconds: spec.horizonSeconds });
  } catch (error) {
    if (isFiresaleError(error)) {
      const context = error.context as { path?: string };
      errors.push(new FiresaleError(error.code, { ...error.context, path: `${PATH}.${context.path ?? ''}` } as never));
      return [];
    }
    throw error;
  }
}
