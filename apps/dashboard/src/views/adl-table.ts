import type { SimulationResult } from '../engine/simulation-result';
import { formatCount, formatMoney, formatPrice } from '../format';

/** Height of one table row in CSS pixels (`.virtual-table tr` in style.css sets it). */
const ROW_PX = 22;
/** Rows drawn above and below the visible ones, so a scroll shows drawn rows before the next frame redraws. */
const OVERSCAN_ROWS = 8;

/**
 * The ADL fills (the first 200) as a table, with the total count. The table scrolls in a box a dozen rows high and
 * only the rows in view (and a few around them) are in the document: a re-run lays out ~30 rows, not 200.
 */
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
  table.className = 'virtual-table';
  table.innerHTML = '<thead><tr><th>time (s)</th><th>counterparty</th><th>size</th><th>price</th><th>profit given up</th></tr></thead>';
  const body = document.createElement('tbody');
  table.append(body);
  const scroller = document.createElement('div');
  scroller.className = 'table-scroll';
  scroller.append(table);

  const row = (k: number): string => {
    const a = r.adl[k]!;
    return `<tr><td>${a.timeSeconds}</td><td>${escapeHtml(a.counterpartyAccountId)}</td><td>${a.sizeBase.toFixed(4)} ${escapeHtml(r.baseAsset)}</td><td>${formatPrice(a.priceQuote, r.quoteAsset)}</td><td>${formatMoney(a.profitGivenUpQuote, r.quoteAsset)}</td></tr>`;
  };
  const spacer = (rows: number): string => (rows > 0 ? `<tr class="spacer" style="height:${rows * ROW_PX}px"><td colspan="5"></td></tr>` : '');
  let drawn = '';
  const draw = (): void => {
    const visible = Math.ceil((scroller.clientHeight || 260) / ROW_PX);
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_PX) - OVERSCAN_ROWS);
    const last = Math.min(r.adl.length, first + visible + 2 * OVERSCAN_ROWS);
    const key = `${first}:${last}`;
    if (key === drawn) return;
    drawn = key;
    const rows: string[] = [spacer(first)];
    for (let k = first; k < last; k++) rows.push(row(k));
    rows.push(spacer(r.adl.length - last));
    body.innerHTML = rows.join('');
  };
  let pending = false;
  scroller.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      draw();
    });
  });
  container.replaceChildren(caption, scroller);
  draw();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
