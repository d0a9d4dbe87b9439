import type { FireSaleBankAccount, FireSaleModelInput, FireSaleResult, FireSaleRound } from './fire-sale-input';
import { impactDepthQuote, marketDepthQuote, priceImpactFraction } from './fire-sale-impact';
import { leverageRatio, sellFraction } from './fire-sale-leverage';
import { checkMatrix, checkNumber, checkVector, invalid } from './field-checks';

const DEFAULT_MAX_ROUNDS = 10_000;

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function validate(input: FireSaleModelInput) {
  // Equity may start below zero: the shock floors it at 0 (FinNetValu test_csmodel.jl: C = [1, -1] gives [0, 0]).
  const banks = checkVector(input.equityQuote, 'equityQuote').length;
  const prices = checkVector(input.initialPrice, 'initialPrice');
  const assets = prices.length;
  prices.forEach((p, mu) => {
    if (!(p > 0)) throw invalid(`initialPrice[${mu}]`, p, 'must be positive');
  });
  const floors = checkVector(input.priceFloor, 'priceFloor', assets, 0);
  floors.forEach((b, mu) => {
    if (!(b < prices[mu]!)) throw invalid(`priceFloor[${mu}]`, b, `must be below the initial price ${prices[mu]}`);
  });
  checkMatrix(input.marketableHoldingsQuote, 'marketableHoldingsQuote', banks, assets, 0);
  const illiquidCount = checkVector(input.illiquidShockFraction, 'illiquidShockFraction', undefined, 0, 1).length;
  checkMatrix(input.illiquidHoldingsQuote, 'illiquidHoldingsQuote', banks, illiquidCount, 0);
  checkVector(input.averageDailyVolumeQuote, 'averageDailyVolumeQuote', assets).forEach((v, mu) => {
    if (!(v > 0)) throw invalid(`averageDailyVolumeQuote[${mu}]`, v, 'must be positive');
  });
  checkVector(input.dailyVolatility, 'dailyVolatility', assets).forEach((v, mu) => {
    if (!(v > 0)) throw invalid(`dailyVolatility[${mu}]`, v, 'must be positive');
  });
  if (!(checkNumber(input.depthCoefficient, 'depthCoefficient') > 0)) {
    throw invalid('depthCoefficient', input.depthCoefficient, 'must be positive');
  }
  if (!(checkNumber(input.liquidationHorizonDays, 'liquidationHorizonDays') > 0)) {
    throw invalid('liquidationHorizonDays', input.liquidationHorizonDays, 'must be positive');
  }
  const maxLeverage = checkNumber(input.maxLeverage, 'maxLeverage');
  if (!(maxLeverage > 1)) throw invalid('maxLeverage', maxLeverage, 'must be above 1');
  const targetLeverage = checkNumber(input.targetLeverage ?? 0.95 * maxLeverage, 'targetLeverage', 0, maxLeverage);
  const alpha = checkNumber(input.implementationShortfall ?? 0.5, 'implementationShortfall', 0, 1);
  const maxRounds = checkNumber(input.maxRounds ?? DEFAULT_MAX_ROUNDS, 'maxRounds', 1);
  return { banks, assets, maxLeverage, targetLeverage, alpha, maxRounds, insolventBanksSell: input.insolventBanksSell ?? true };
}

/**
 * Runs the Cont–Schaanning price-mediated fire-sale model (Cont & Schaanning 2017; FinNetValu
 * `src/models/csmodel.jl` at commit 3153ab8, `init`, `delevprop`, `marketimpact`, `compLoss`, `compC`, `compΠ`,
 * `compS`): an exogenous loss on illiquid holdings raises some banks' leverage above `maxLeverage`; they sell a share
 * Gamma of their marketable holdings to get back to `targetLeverage`; the sales move prices through
 * `Psi = (1 - B/S)(1 - exp(-q/delta))`; every holder of a sold asset marks it down, which may push more banks over
 * the limit. Rounds repeat until no bank sells. Every update of a round uses the state before the round.
 *
 * Losses are summed over all marketable assets, `L_i = (1 - (1 - alpha) Gamma_i) * sum_mu Pi[i][mu] Psi[mu]`.
 * (FinNetValu's `compLoss` indexes `Π[i]`, only asset 1, which matches this for a single marketable asset.)
 *
 * Pure and deterministic, double precision, no rounding.
 *
 * @throws `FiresaleError` `SCENARIO__INVALID_FIELD` naming the field for mismatched dimensions, negative
 * holdings, a floor not below the price, leverage limits out of order.
 * @example
 * ```ts
 * const r = simulateFireSale({ marketableHoldingsQuote: [[90], [70]], equityQuote: [4, 4.5],
 *   illiquidHoldingsQuote: [[10, 0], [0, 20]], illiquidShockFraction: [0.2, 0], initialPrice: [1], priceFloor: [0.5],
 *   averageDailyVolumeQuote: [50], dailyVolatility: [0.02], depthCoefficient: 0.4, liquidationHorizonDays: 20,
 *   maxLeverage: 33.3, targetLeverage: 31.635 });
 * r.rounds.length; // 3
 * ```
 */
export function simulateFireSale(input: FireSaleModelInput): FireSaleResult {
  const p = validate(input);
  const { banks, assets, alpha } = p;
  const theta = input.illiquidHoldingsQuote;
  const eps = input.illiquidShockFraction;

  // cs_shock: illiquid holdings lose eps; equity absorbs the loss, floored at 0 (FinNetValu `init`, `init_a`).
  const illiquid: number[] = [];
  const shockLoss: number[] = [];
  const liabilities: number[] = [];
  let equity: number[] = [];
  let holdings: number[][] = [];
  for (let i = 0; i < banks; i++) {
    const row = theta[i]!;
    let loss = 0;
    for (let k = 0; k < row.length; k++) loss += eps[k]! * row[k]!;
    const c0 = input.equityQuote[i]!;
    illiquid.push(sum(row) - loss);
    shockLoss.push(loss);
    liabilities.push(sum(input.marketableHoldingsQuote[i]!) + sum(row) - c0);
    equity.push(Math.max(c0 - loss, 0));
    holdings.push([...input.marketableHoldingsQuote[i]!]);
  }
  const equityAfterShock = [...equity];
  const delta: number[] = [];
  for (let mu = 0; mu < assets; mu++) {
    const depth = marketDepthQuote(input.depthCoefficient, input.averageDailyVolumeQuote[mu]!, input.dailyVolatility[mu]!, input.liquidationHorizonDays);
    delta.push(impactDepthQuote(input.priceFloor[mu]!, input.initialPrice[mu]!, depth));
  }

  let prices = [...input.initialPrice];
  const fireSaleLoss = new Array<number>(banks).fill(0);
  const cashRaised = new Array<number>(banks).fill(0);
  const rounds: FireSaleRound[] = [];
  let converged = false;

  while (rounds.length < p.maxRounds) {
    const totals = holdings.map(sum);
    const leverage = totals.map((pi, i) => leverageRatio(pi, illiquid[i]!, equity[i]!));
    const gamma = totals.map((pi, i) => sellFraction(pi, illiquid[i]!, equity[i]!, p));
    if (!gamma.some((g) => g > 0)) {
      converged = true;
      break;
    }
    const sold = new Array<number>(assets).fill(0);
    for (let i = 0; i < banks; i++) for (let mu = 0; mu < assets; mu++) sold[mu]! += gamma[i]! * holdings[i]![mu]!;
    const psi = sold.map((q, mu) => priceImpactFraction(q, delta[mu]!, input.priceFloor[mu]!, prices[mu]!));
    const loss: number[] = [];
    const nextEquity: number[] = [];
    const nextHoldings: number[][] = [];
    for (let i = 0; i < banks; i++) {
      const row = holdings[i]!;
      const g = gamma[i]!;
      let markDown = 0;
      let proceeds = 0;
      for (let mu = 0; mu < assets; mu++) {
        markDown += row[mu]! * psi[mu]!;
        proceeds += row[mu]! * (1 - alpha * psi[mu]!);
      }
      const l = (1 - (1 - alpha) * g) * markDown;
      loss.push(l);
      fireSaleLoss[i]! += l;
      cashRaised[i]! += g * proceeds;
      nextEquity.push(Math.max(equity[i]! - l, 0));
      nextHoldings.push(row.map((v, mu) => (1 - g) * v * (1 - psi[mu]!)));
    }
    prices = prices.map((s, mu) => s * (1 - psi[mu]!));
    equity = nextEquity;
    holdings = nextHoldings;
    rounds.push({
      round: rounds.length + 1,
      leverageBefore: leverage,
      sellFraction: gamma,
      valueSoldQuote: sold,
      priceImpactFraction: psi,
      lossQuote: loss,
      equityAfterQuote: equity,
      holdingsAfterQuote: holdings,
      pricesAfter: prices,
      defaultedAfter: equity.map((c) => c === 0),
    });
  }

  const defaulted = equity.map((c) => c === 0);
  const accounts: FireSaleBankAccount[] = [];
  for (let i = 0; i < banks; i++) {
    const netWorth = input.equityQuote[i]! - shockLoss[i]! - fireSaleLoss[i]!;
    accounts.push({
      liabilitiesQuote: liabilities[i]!,
      shockLossQuote: shockLoss[i]!,
      fireSaleLossQuote: fireSaleLoss[i]!,
      cashRaisedQuote: cashRaised[i]!,
      creditorLossQuote: Math.max(-netWorth, 0),
    });
  }
  return {
    illiquidValueAfterShockQuote: illiquid,
    impactDepthQuote: delta,
    equityAfterShockQuote: equityAfterShock,
    rounds,
    converged,
    final: {
      equityQuote: equity,
      holdingsQuote: holdings,
      prices,
      leverage: holdings.map((row, i) => leverageRatio(sum(row), illiquid[i]!, equity[i]!)),
      defaulted,
      defaults: defaulted.filter(Boolean).length,
    },
    accounts,
  };
}
