import { isFiresaleError, perpVenueModels, run, type ScenarioReport } from '@firesale/sdk';
import { loadScenarioFile } from '@firesale/sdk/node';
import Table from 'cli-table3';
import { amplification, count, percent, price, usd } from '../format';
import { venueFactories } from '../venues';

/** One venue's outcome in a comparison, or why the venue could not run the scenario. */
export type VenueComparison = { readonly venue: string; readonly report?: ScenarioReport; readonly error?: string };

/** Options of `firesale compare`. */
export type CompareCommandOptions = { venues?: string; json?: boolean; seed?: number };

/**
 * `firesale compare <scenario>`: the same scenario and shock under several venues' liquidation engines, side by
 * side. A venue whose parameters do not cover the scenario's markets is listed with the reason.
 */
export function compareCommand(file: string, options: CompareCommandOptions, out: (text: string) => void): VenueComparison[] {
  const venues = options.venues ? options.venues.split(',').map((v) => v.trim()) : [...perpVenueModels];
  let quoteAsset: string | undefined;
  const results: VenueComparison[] = venues.map((venue) => {
    try {
      const prepared = loadScenarioFile(file, { venueFactories, venueOverride: venue });
      quoteAsset = prepared.scenario.quoteAsset;
      return { venue, report: run(prepared, { venueOverride: venue, ...(options.seed === undefined ? {} : { seed: options.seed }) }) };
    } catch (error) {
      if (!isFiresaleError(error)) throw error;
      const list = (error as { errors?: readonly Error[] }).errors ?? [error as Error];
      return { venue, error: list[0]!.message + (list.length > 1 ? ` (+${list.length - 1} more)` : '') };
    }
  });
  if (options.json) {
    out(JSON.stringify(results.map((r) => ({ venue: r.venue, error: r.error, summary: r.report?.summary, markets: r.report?.markets, insuranceFunds: r.report?.insuranceFunds })), null, 2));
    return results;
  }
  const table = new Table({
    head: ['venue', 'final price', 'trough', 'amplification', 'liquidated positions', 'liquidated notional', 'fund paid out', 'ADL fills', 'ADL notional', 'bad debt'],
    style: { head: [], border: [] },
  });
  for (const r of results) {
    if (!r.report) continue;
    const m = r.report.markets[0]!;
    const s = r.report.summary;
    table.push([
      r.venue,
      price(m.finalPriceQuote),
      `${price(m.troughPriceQuote)} (${percent(-m.troughDropFraction, true)})`,
      amplification(m),
      count(s.liquidatedPositions),
      usd(s.liquidatedNotionalQuote),
      usd(s.insuranceFundUsedQuote),
      count(s.adlCount),
      usd(s.adlNotionalQuote),
      usd(s.badDebtQuote),
    ]);
  }
  out(`firesale compare · ${file} · the same shock under each venue's liquidation engine`);
  const first = results.find((r) => r.report)?.report;
  if (first) {
    const market = first.markets[0]!;
    out(`market ${market.marketId}${first.markets.length > 1 ? ` (first of ${first.markets.length}; totals cover every market)` : ''} · start ${price(market.initialPriceQuote)} ${quoteAsset ?? ''} · prices and amounts in ${quoteAsset ?? 'the quote currency'}`);
  }
  out(table.toString());
  for (const r of results) if (r.error) out(`${r.venue}: not run: ${r.error}`);
  return results;
}
