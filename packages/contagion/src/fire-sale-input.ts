import type { Fraction } from '@firesale/spec';

/**
 * The banks and markets of a Cont–Schaanning fire-sale model (Cont & Schaanning 2017, "Fire sales, indirect
 * contagion and systemic stress testing"; the FinNetValu formulation, `wolfstam/FinNetValu` `src/models/csmodel.jl`).
 *
 * Holdings and equity are values in one currency (quote); prices are relative (`initialPrice` is usually 1), so a
 * holding's value moves with its asset's price. Bank `i` is row `i` of every per-bank array; marketable asset `mu` is
 * column `mu`; illiquid asset `k` is column `k` of `illiquidHoldingsQuote`.
 */
export type FireSaleModelInput = {
  /** Pi[i][mu]: value of bank i's holding of marketable asset mu (quote). */
  readonly marketableHoldingsQuote: readonly (readonly number[])[];
  /** C[i]: bank i's equity before the shock (quote). */
  readonly equityQuote: readonly number[];
  /** Theta[i][k]: value of bank i's holding of illiquid asset k (quote); never sold. */
  readonly illiquidHoldingsQuote: readonly (readonly number[])[];
  /** eps[k]: the fraction of illiquid asset k's value lost in the exogenous shock. */
  readonly illiquidShockFraction: readonly Fraction[];
  /** S0[mu]: marketable asset mu's price before any sale (relative, usually 1). */
  readonly initialPrice: readonly number[];
  /** B[mu]: the price floor of asset mu's impact function (same unit as the price, below `initialPrice`). */
  readonly priceFloor: readonly number[];
  /** ADV[mu]: average daily traded value of asset mu (quote per day). */
  readonly averageDailyVolumeQuote: readonly number[];
  /** sigma[mu]: daily volatility of asset mu (fraction per day). */
  readonly dailyVolatility: readonly number[];
  /** c: the market-depth coefficient (Cont & Schaanning use 0.4). */
  readonly depthCoefficient: number;
  /** tau: the liquidation horizon (days). */
  readonly liquidationHorizonDays: number;
  /** lambda_max: the leverage (assets / equity) above which a bank deleverages; above 1. */
  readonly maxLeverage: number;
  /** lambda_target: the leverage a deleveraging bank sells down to; default 0.95 * `maxLeverage` (FinNetValu). */
  readonly targetLeverage?: number;
  /** alpha: the share of the impact a seller loses on what it sells (implementation shortfall); default 0.5. */
  readonly implementationShortfall?: Fraction;
  /** Whether a bank with zero equity that still holds marketable assets sells them all; default true. */
  readonly insolventBanksSell?: boolean;
  /** Safety cap on the number of rounds; default 10,000. The model normally stops long before. */
  readonly maxRounds?: number;
};

/** One round of fire sales: the state before it (leverage) and what the round did. */
export type FireSaleRound = {
  /** 1 for the first round with sales. */
  readonly round: number;
  /** lambda_i at the start of the round (Infinity for a bank with zero equity). */
  readonly leverageBefore: readonly number[];
  /** Gamma_i: the share of its marketable holdings bank i sells, proportionally across assets. */
  readonly sellFraction: readonly Fraction[];
  /** q_mu: the value of asset mu sold in the round (quote, at pre-round prices). */
  readonly valueSoldQuote: readonly number[];
  /** Psi_mu: the relative price fall of asset mu caused by the round's sales. */
  readonly priceImpactFraction: readonly Fraction[];
  /** L_i: bank i's loss in the round (quote). */
  readonly lossQuote: readonly number[];
  readonly equityAfterQuote: readonly number[];
  readonly holdingsAfterQuote: readonly (readonly number[])[];
  readonly pricesAfter: readonly number[];
  readonly defaultedAfter: readonly boolean[];
};

/**
 * Where every unit of value of a bank went. With `liabilitiesQuote` fixed at its pre-shock value and sale proceeds
 * (`cashRaisedQuote`) kept as cash:
 * `holdings + illiquid after shock + cash - liabilities = equity - creditorLoss = equity0 - shockLoss - fireSaleLoss`.
 */
export type FireSaleBankAccount = {
  /** Pi + Theta - C before the shock (quote). */
  readonly liabilitiesQuote: number;
  /** sum_k eps[k] * Theta[i][k] (quote). */
  readonly shockLossQuote: number;
  /** Sum of the round losses L_i (quote). */
  readonly fireSaleLossQuote: number;
  /** Proceeds of the bank's sales: Gamma * sum_mu Pi[mu] * (1 - alpha * Psi[mu]) per round (quote). */
  readonly cashRaisedQuote: number;
  /** Losses beyond the bank's equity, borne by its creditors (quote; 0 for a bank that survives). */
  readonly creditorLossQuote: number;
};

/** The result of a Cont–Schaanning fire-sale run. */
export type FireSaleResult = {
  /** I_i: value of bank i's illiquid holdings after the shock (quote). */
  readonly illiquidValueAfterShockQuote: readonly number[];
  /** delta_mu = (1 - B/S0) * c * ADV / sigma * sqrt(tau): the impact depth of asset mu (quote). */
  readonly impactDepthQuote: readonly number[];
  /** C_i after the shock, floored at 0 (quote). */
  readonly equityAfterShockQuote: readonly number[];
  /** The rounds in which some bank sold, in order. */
  readonly rounds: readonly FireSaleRound[];
  /** False when `maxRounds` stopped the run while banks still sold. */
  readonly converged: boolean;
  readonly final: {
    readonly equityQuote: readonly number[];
    readonly holdingsQuote: readonly (readonly number[])[];
    readonly prices: readonly number[];
    /** Infinity for a bank with zero equity. */
    readonly leverage: readonly number[];
    /** Equity 0. */
    readonly defaulted: readonly boolean[];
    /** Count of defaulted banks. */
    readonly defaults: number;
  };
  readonly accounts: readonly FireSaleBankAccount[];
};
