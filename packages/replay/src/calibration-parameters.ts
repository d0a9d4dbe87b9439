import { FiresaleError } from '@firesale/core';

/**
 * What calibration can fit: `depth` (the books' depth: `depthQuotePerPercent` or `depthBasePerQuote`, all markets
 * scaled together), `half-life` (the books' resilience half-life, seconds), `stress` (the stress depth multiplier
 * applied from the shock start), `withdrawal-sensitivity` and `withdrawal-floor` (the volatility-driven liquidity
 * withdrawal, `liquidityWithdrawal.sensitivity` and `.floorMultiplier`, scaled together on every market that has
 * one).
 */
export type CalibrationParameter = 'depth' | 'half-life' | 'stress' | 'withdrawal-sensitivity' | 'withdrawal-floor';

/** Every parameter calibration can fit, in the order it reports them. */
export const CALIBRATION_PARAMETERS: readonly CalibrationParameter[] = ['depth', 'half-life', 'stress', 'withdrawal-sensitivity', 'withdrawal-floor'];

type Withdrawal = { windowSeconds?: number; sensitivity?: number; floorMultiplier?: number };
type MarketJson = { book?: Record<string, unknown>; stressDepthMultiplier?: number; liquidityWithdrawal?: Withdrawal };

function marketsOf(scenario: unknown): MarketJson[] {
  return ((scenario as { markets?: MarketJson[] } | null)?.markets ?? []) as MarketJson[];
}

/**
 * The parameters fitted when none are asked for: `depth` and `half-life`, plus `withdrawal-sensitivity` when a
 * market of the scenario has a `liquidityWithdrawal` block (the floor only when asked: it is identified only when
 * the window's volatility drives the multiplier down to it).
 */
export function defaultFit(scenario: unknown): CalibrationParameter[] {
  const withdrawal = marketsOf(scenario).some((m) => m.liquidityWithdrawal !== undefined);
  return withdrawal ? ['depth', 'half-life', 'withdrawal-sensitivity'] : ['depth', 'half-life'];
}

function depthField(book: Record<string, unknown> | undefined, path: string): 'depthQuotePerPercent' | 'depthBasePerQuote' {
  if (book?.model === 'parametric') return 'depthQuotePerPercent';
  if (book?.model === 'linear') return 'depthBasePerQuote';
  throw new FiresaleError('SCENARIO__INVALID_FIELD', { path: `${path}.book.model`, value: book?.model, reason: 'calibration fits parametric and linear books only' });
}

const WITHDRAWAL_KEY = { 'withdrawal-sensitivity': 'sensitivity', 'withdrawal-floor': 'floorMultiplier' } as const;

/** The first market with a withdrawal block and the fitted field's start value (which must be above 0). */
function withdrawalStart(name: 'withdrawal-sensitivity' | 'withdrawal-floor', markets: readonly MarketJson[]): { value: number; field: string } {
  const key = WITHDRAWAL_KEY[name];
  const i = markets.findIndex((m) => m.liquidityWithdrawal !== undefined);
  if (i < 0) {
    throw new FiresaleError('SCENARIO__INVALID_FIELD', {
      path: 'markets[0].liquidityWithdrawal',
      reason: `fitting ${name} needs a liquidityWithdrawal block to start from ({ windowSeconds, sensitivity, floorMultiplier }); no market has one`,
    });
  }
  const field = `markets[${i}].liquidityWithdrawal.${key}`;
  const value = markets[i]!.liquidityWithdrawal![key];
  if (!(typeof value === 'number' && value > 0)) {
    throw new FiresaleError('SCENARIO__INVALID_FIELD', { path: field, value, reason: `fitting ${name} needs a start value above 0 (it is fitted as a logarithm)` });
  }
  return { value, field };
}

/** The parameter's value in the scenario (the first market's, or the first market with a withdrawal block) and its field. */
export function startValue(name: CalibrationParameter, scenario: unknown): { value: number; field: string } {
  const markets = marketsOf(scenario);
  const m = markets[0];
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
    case 'withdrawal-sensitivity':
    case 'withdrawal-floor':
      return withdrawalStart(name, markets);
  }
}

/**
 * Sets the parameters on a scenario (JSON). Depth, withdrawal sensitivity and floor are scaled by the same factor
 * (value / start) on every market (the floor capped at 1); half-life and stress are set.
 */
export function applyParameters(scenario: unknown, names: readonly CalibrationParameter[], values: readonly number[], starts: readonly number[]): void {
  marketsOf(scenario).forEach((m, i) => {
    names.forEach((name, p) => {
      const factor = values[p]! / starts[p]!;
      switch (name) {
        case 'depth': {
          const field = depthField(m.book, `markets[${i}]`);
          m.book![field] = Number(m.book![field]) * factor;
          break;
        }
        case 'half-life':
          if (m.book) m.book.resilience = { halfLifeSeconds: values[p]! };
          break;
        case 'stress':
          m.stressDepthMultiplier = values[p]!;
          break;
        case 'withdrawal-sensitivity':
          if (m.liquidityWithdrawal) m.liquidityWithdrawal = { ...m.liquidityWithdrawal, sensitivity: Number(m.liquidityWithdrawal.sensitivity) * factor };
          break;
        case 'withdrawal-floor':
          if (m.liquidityWithdrawal) m.liquidityWithdrawal = { ...m.liquidityWithdrawal, floorMultiplier: Math.min(1, Number(m.liquidityWithdrawal.floorMultiplier) * factor) };
          break;
      }
    });
  });
}

/**
 * Bounds of the ln-parameters: depth and withdrawal sensitivity within ×/÷ 100 of the start, half-life 0.1 s to
 * 10⁶ s, stress 0.01 to 1, withdrawal floor 0.001 to 1.
 */
export function logBounds(name: CalibrationParameter, start: number): readonly [number, number] {
  switch (name) {
    case 'depth':
    case 'withdrawal-sensitivity':
      return [Math.log(start / 100), Math.log(start * 100)];
    case 'half-life':
      return [Math.log(0.1), Math.log(1e6)];
    case 'stress':
      return [Math.log(0.01), 0];
    case 'withdrawal-floor':
      return [Math.log(0.001), 0];
  }
}
