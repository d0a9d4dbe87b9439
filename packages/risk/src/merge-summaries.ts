import type { AccountBatchSummary, BatchSummary, MarketBatchSummary } from './job-runner';
import { mergeSketches } from './log-sketch';

/**
 * Merges the summaries of two groups of batches. Counts add and sketches merge exactly, so the operation is
 * associative (and commutative): any grouping of merges gives the same summary. Runners still fold in batch
 * order so every runner produces the same bytes.
 *
 * @throws Error when the summaries come from different plans (different markets or accounts).
 */
export function mergeSummaries(a: BatchSummary, b: BatchSummary): BatchSummary {
  if (a.markets.length !== b.markets.length || a.accounts.length !== b.accounts.length) {
    throw new Error('cannot merge summaries of different plans (markets or tracked accounts differ)');
  }
  const generations: number[] = [];
  for (let g = 0; g < Math.max(a.generations.length, b.generations.length); g++) generations.push((a.generations[g] ?? 0) + (b.generations[g] ?? 0));
  return {
    batchIndex: Math.min(a.batchIndex, b.batchIndex),
    batchCount: a.batchCount + b.batchCount,
    pathCount: a.pathCount + b.pathCount,
    liquidatedNotionalQuote: mergeSketches(a.liquidatedNotionalQuote, b.liquidatedNotionalQuote),
    badDebtQuote: mergeSketches(a.badDebtQuote, b.badDebtQuote),
    insuranceFundUsedQuote: mergeSketches(a.insuranceFundUsedQuote, b.insuranceFundUsedQuote),
    adlNotionalQuote: mergeSketches(a.adlNotionalQuote, b.adlNotionalQuote),
    pathsWithLiquidation: a.pathsWithLiquidation + b.pathsWithLiquidation,
    pathsWithBadDebt: a.pathsWithBadDebt + b.pathsWithBadDebt,
    pathsWithBadDebtAboveThreshold: a.pathsWithBadDebtAboveThreshold + b.pathsWithBadDebtAboveThreshold,
    pathsWithAdl: a.pathsWithAdl + b.pathsWithAdl,
    pathsWithFundExhausted: a.pathsWithFundExhausted + b.pathsWithFundExhausted,
    generations,
    markets: a.markets.map((m, i) => mergeMarket(m, b.markets[i]!)),
    accounts: a.accounts.map((x, i) => mergeAccount(x, b.accounts[i]!)),
    portfolio: { liquidatedPaths: a.portfolio.liquidatedPaths + b.portfolio.liquidatedPaths, lossQuote: mergeSketches(a.portfolio.lossQuote, b.portfolio.lossQuote) },
    parameters: {
      depthMultiplier: mergeSketches(a.parameters.depthMultiplier, b.parameters.depthMultiplier),
      liquidatorLatencySeconds: mergeSketches(a.parameters.liquidatorLatencySeconds, b.parameters.liquidatorLatencySeconds),
    },
  };
}

function mergeMarket(a: MarketBatchSummary, b: MarketBatchSummary): MarketBatchSummary {
  if (a.marketId !== b.marketId) throw new Error(`cannot merge market ${a.marketId} with ${b.marketId}`);
  return {
    marketId: a.marketId,
    troughDropFraction: mergeSketches(a.troughDropFraction, b.troughDropFraction),
    terminalReturn: mergeSketches(a.terminalReturn, b.terminalReturn),
    exogenousReturn: mergeSketches(a.exogenousReturn, b.exogenousReturn),
    amplification: mergeSketches(a.amplification, b.amplification),
    liquidatedNotionalQuote: mergeSketches(a.liquidatedNotionalQuote, b.liquidatedNotionalQuote),
    fan: a.fan.map((f, j) => mergeSketches(f, b.fan[j]!)),
  };
}

function mergeAccount(a: AccountBatchSummary, b: AccountBatchSummary): AccountBatchSummary {
  if (a.accountId !== b.accountId) throw new Error(`cannot merge account ${a.accountId} with ${b.accountId}`);
  return { accountId: a.accountId, liquidatedPaths: a.liquidatedPaths + b.liquidatedPaths, lossQuote: mergeSketches(a.lossQuote, b.lossQuote) };
}
