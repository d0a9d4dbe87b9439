import type { SimulationResult } from '../engine/simulation-result';
import { formatCount, formatMoney, formatPercent, formatPrice } from '../format';

/**
 * Every market and venue of a multi-market scenario (contagion across venues): where the cascade went and which
 * venue ended with bad debt. Hidden for a single market, whose numbers the summary cards already show.
 */
export function renderMarkets(container: HTMLElement, r: SimulationResult): void {
  if (r.markets.length <= 1) {
    container.hidden = true;
    container.replaceChildren();
    return;
  }
  container.hidden = false;
  const caption = document.createElement('p');
  caption.className = 'muted';
  caption.textContent = `${r.markets.length} markets on ${r.funds.length} venues; the charts below show ${r.marketId}.`;
  const markets = document.createElement('table');
  markets.dataset.testid = 'markets-table';
  markets.innerHTML = '<thead><tr><th>market</th><th>venue</th><th>start</th><th>trough drop</th><th>liquidations</th><th>liquidated</th></tr></thead>';
  const body = document.createElement('tbody');
  for (const { venueId, summary: m } of r.markets) {
    const row = document.createElement('tr');
    row.dataset.testid = `market-${m.marketId}`;
    for (const text of [m.marketId, venueId, formatPrice(m.initialPriceQuote, r.quoteAsset), formatPercent(m.troughDropFraction), formatCount(m.liquidatedCount), formatMoney(m.liquidatedNotionalQuote, r.quoteAsset)]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    body.append(row);
  }
  markets.append(body);
  const venues = document.createElement('table');
  venues.innerHTML = '<thead><tr><th>venue</th><th>insurance fund paid</th><th>fund</th><th>bad debt</th></tr></thead>';
  const venueBody = document.createElement('tbody');
  for (const f of r.funds) {
    const row = document.createElement('tr');
    row.dataset.testid = `venue-${f.venueId}`;
    const cells = [f.venueId, formatMoney(f.paidOutQuote, r.quoteAsset), f.exhausted ? 'exhausted' : 'ok', formatMoney(f.badDebtQuote, r.quoteAsset)];
    cells.forEach((text, i) => {
      const cell = document.createElement('td');
      cell.textContent = text;
      if (i === 3) {
        cell.dataset.testid = `bad-debt-${f.venueId}`;
        cell.dataset.value = String(f.badDebtQuote);
      }
      row.append(cell);
    });
    venueBody.append(row);
  }
  venues.append(venueBody);
  const scroller = document.createElement('div');
  scroller.className = 'table-scroll';
  scroller.append(markets, venues);
  container.replaceChildren(caption, scroller);
}
