import { analyzeContagion, type ContagionAnalysis } from '@firesale/contagion';
import { run } from '@firesale/sdk';
import { loadScenarioFile } from '@firesale/sdk/node';
import Table from 'cli-table3';
import { count, percent, seconds, usd } from '../format';
import { venueFactories } from '../venues';

/** Options of `firesale contagion`. */
export type ContagionCommandOptions = { seed?: number; json?: boolean };

/** What `firesale contagion --json` prints: the scenario, its exogenous shocks and the contagion analysis. */
export type ContagionCommandResult = ContagionAnalysis & {
  readonly scenario: string;
  readonly shocks: readonly { readonly marketId: string; readonly returnFraction: number }[];
};

/**
 * `firesale contagion <scenario>`: simulates the scenario and prints where the shock travelled: the markets and
 * venues it reached in order (first liquidation, or first price move for a market without liquidations), how
 * strongly (edges weighted by the share of liquidated notional), and system-wide losses (bad debt across venues,
 * the share of losses socialised to traders and lenders rather than insurance funds).
 */
export function contagionCommand(file: string, options: ContagionCommandOptions, out: (text: string) => void): ContagionCommandResult {
  const prepared = loadScenarioFile(file, { venueFactories });
  const report = run(prepared, options.seed === undefined ? {} : { seed: options.seed });
  const marketVenues: Record<string, string> = {};
  for (const m of prepared.input.markets) marketVenues[m.marketId] = m.venueId;
  const shocks = prepared.shocks.map((s) => ({ marketId: s.marketId, returnFraction: s.returnFraction }));
  const shocked = [...new Set(prepared.shocks.filter((s) => s.returnFraction !== 0 || s.path !== undefined).map((s) => s.marketId))];
  const analysis = analyzeContagion(report, { marketVenues, ...(shocked.length > 0 ? { shockedMarketIds: shocked } : {}) });
  const result: ContagionCommandResult = { scenario: prepared.scenario.name, shocks, ...analysis };
  out(options.json ? JSON.stringify(result, null, 2) : formatContagion(result, file));
  return result;
}

const style = { head: [], border: [] };

/** The human-readable contagion report. */
export function formatContagion(result: ContagionCommandResult, file: string): string {
  const lines: string[] = [];
  lines.push(`firesale contagion · ${result.scenario} (${file})`);
  lines.push(`shock: ${result.shocks.map((s) => `${s.marketId} ${percent(s.returnFraction, true)}`).join(', ')}`);
  lines.push('');
  lines.push('Reach, in order (first liquidation, or first move of 0.1% without liquidations):');
  const reach = new Table({ head: ['#', 'market', 'venue', 'shocked', 'reached at', 'liquidations', 'liquidated', 'share', 'trough drop'], style });
  for (const n of result.nodes) {
    reach.push([
      n.order === null ? '-' : String(n.order),
      n.nodeId,
      n.venueId ?? '-',
      n.shocked ? 'yes' : 'no',
      n.reached ? seconds(n.reachedAtSeconds) : 'not reached',
      count(n.liquidationCount),
      usd(n.liquidatedNotionalQuote),
      percent(n.notionalShare),
      percent(-n.troughDropFraction, true),
    ]);
  }
  lines.push(reach.toString());
  lines.push('');
  lines.push('Contagion graph (weight = share of all liquidated notional at the target):');
  const edges = [...result.graph.edges.map((e) => ['market', e] as const), ...result.venueGraph.edges.map((e) => ['venue', e] as const)];
  if (edges.length === 0) lines.push('  none: the shock stayed where it hit');
  else {
    const graph = new Table({ head: ['level', 'from', 'to', 'weight', 'reached at', 'lag'], style });
    for (const [level, e] of edges) graph.push([level, e.from, e.to, e.weight.toFixed(4), seconds(e.reachedAtSeconds), seconds(e.lagSeconds)]);
    lines.push(graph.toString());
  }
  lines.push('');
  const venues = new Table({ head: ['venue', 'liquidated', 'first liquidation', 'insurance fund paid', 'fund', 'bad debt'], style });
  for (const v of result.venues) {
    venues.push([
      v.venueId,
      usd(v.liquidatedNotionalQuote),
      v.firstLiquidationSeconds === null ? 'none' : seconds(v.firstLiquidationSeconds),
      usd(v.insuranceFundPaidQuote),
      v.insuranceFundExhausted ? 'EXHAUSTED' : 'ok',
      usd(v.badDebtQuote),
    ]);
  }
  lines.push(venues.toString());
  const s = result.systemic;
  const systemic = new Table({ style });
  systemic.push(
    { 'liquidated notional': `${usd(s.totalLiquidatedNotionalQuote)}, ${percent(s.notionalOutsideShockedShare)} outside the shocked markets` },
    { 'markets reached beyond the shock': count(s.marketsReachedOutsideShock) },
    { 'venues with liquidations / bad debt': `${s.venuesWithLiquidations} / ${s.venuesWithBadDebt} (${s.exhaustedInsuranceFunds} insurance funds exhausted)` },
    { 'losses beyond margin': `${usd(s.lossesBeyondMarginQuote)}: insurance funds ${usd(s.insuranceFundUsedQuote)}, ADL ${usd(s.adlProfitGivenUpQuote)}, socialised ${usd(s.socialisedLossQuote)}` },
    { 'share socialised': `${percent(s.socialisedShare)} (ADL + socialised loss, not insurance funds)` },
    { 'total bad debt': usd(s.totalBadDebtQuote) },
  );
  lines.push(systemic.toString());
  return lines.join('\n');
}
