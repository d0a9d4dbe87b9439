import type { SimulationResult } from '../engine/simulation-result';
import { formatCount, formatMoney, formatPrice } from '../format';

/** The ADL fills (the first 200) as a table, with the total count. */
export function renderAdlTable(container: HTMLElement, r: SimulationResult): void {
  const caption = document.createElement('p');
  caption.className = 'muted';
  if (r.adlTotal === 0) {
    caption.textContent = 'No auto-deleveraging: the insurance fund (or margin) covered every shortfall.';
    container.replaceChildren(caption);
    return;
  }
  caption.textContent = `${formatCount(r.adlTotal)} ADL fills${r.adlTotal > r.adl.length ? `; the first ${r.adl.length} shown` : ''}. Each closes a profitable opposite position at the bankrupt position's bankruptcy price.`;
  const table = document.createElement('table');
  table.innerHTML = '<thead><tr><th>time (s)</th><th>counterparty</th><th>size</th><th>price</th><th>profit given up</th></tr></thead>';
  const body = document.createElement('tbody');
  const rows: string[] = [];
  for (const a of r.adl) {
    rows.push(
      `<tr><td>${a.timeSeconds}</td><td>${escapeHtml(a.counterpartyAccountId)}</td><td>${a.sizeBase.toFixed(4)} ${escapeHtml(r.baseAsset)}</td><td>${formatPrice(a.priceQuote, r.quoteAsset)}</td><td>${formatMoney(a.profitGivenUpQuote, r.quoteAsset)}</td></tr>`,
    );
  }
  body.innerHTML = rows.join('');
  table.append(body);
  const scroller = document.createElement('div');
  scroller.className = 'table-scroll';
  scroller.append(table);
  container.replaceChildren(caption, scroller);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
