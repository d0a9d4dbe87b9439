import type { SimulationResult } from '../engine/simulation-result';
import { formatCount, formatMoney, formatPercent, formatPrice, formatSeconds } from '../format';

type Card = { id: string; label: string; value: (r: SimulationResult) => number | null; text: (r: SimulationResult) => string; hint: string };

const cards: readonly Card[] = [
  { id: 'trough', label: 'Trough price', value: (r) => r.market.troughPriceQuote, text: (r) => formatPrice(r.market.troughPriceQuote, r.quoteAsset), hint: 'Lowest mid price of the run' },
  { id: 'drop', label: 'Trough drop', value: (r) => r.market.troughDropFraction, text: (r) => formatPercent(r.market.troughDropFraction), hint: '(initial − trough) / initial' },
  { id: 'amplification', label: 'Amplification', value: (r) => r.market.amplification, text: (r) => `${r.market.amplification.toFixed(2)}×`, hint: 'Trough drop over the exogenous shock; 1× = no cascade' },
  { id: 'liquidated', label: 'Liquidated', value: (r) => r.summary.liquidatedNotionalQuote, text: (r) => formatMoney(r.summary.liquidatedNotionalQuote, r.quoteAsset), hint: 'Notional closed by liquidations' },
  { id: 'liquidations', label: 'Liquidations', value: (r) => r.summary.liquidations, text: (r) => `${formatCount(r.summary.liquidations)} in ${r.summary.generations} gen.`, hint: 'Liquidation fills and cascade generations' },
  { id: 'bad-debt', label: 'Bad debt', value: (r) => r.summary.badDebtQuote, text: (r) => formatMoney(r.summary.badDebtQuote, r.quoteAsset), hint: 'Loss neither margin, fund nor ADL covered' },
  { id: 'fund-used', label: 'Insurance fund used', value: (r) => r.summary.insuranceFundUsedQuote, text: (r) => `${formatMoney(r.summary.insuranceFundUsedQuote, r.quoteAsset)}${r.fund?.exhausted ? ' (exhausted)' : ''}`, hint: 'Paid out of the venue fund' },
  { id: 'adl', label: 'ADL fills', value: (r) => r.summary.adlCount, text: (r) => `${formatCount(r.summary.adlCount)} · ${formatMoney(r.summary.adlNotionalQuote, r.quoteAsset)}`, hint: 'Profitable positions auto-deleveraged' },
  { id: 'time-to-trough', label: 'Time to trough', value: (r) => r.market.timeToTroughSeconds, text: (r) => formatSeconds(r.market.timeToTroughSeconds), hint: 'Simulated seconds from start to the trough' },
  { id: 'half-recovery', label: 'Half recovery', value: (r) => r.market.halfRecoverySeconds, text: (r) => formatSeconds(r.market.halfRecoverySeconds), hint: 'Seconds after the trough to win back half of the extra drop' },
];

/** The summary numbers as cards; each value element carries the exact number in `data-value`. */
export function renderSummary(container: HTMLElement, r: SimulationResult): void {
  if (container.childElementCount !== cards.length) {
    container.replaceChildren(
      ...cards.map((card) => {
        const el = document.createElement('div');
        el.className = 'card';
        el.title = card.hint;
        el.innerHTML = `<div class="card-label"></div><div class="card-value" data-testid="summary-${card.id}"></div>`;
        el.querySelector('.card-label')!.textContent = card.label;
        return el;
      }),
    );
  }
  cards.forEach((card, i) => {
    const value = container.children[i]!.querySelector<HTMLElement>('.card-value')!;
    value.textContent = card.text(r);
    value.dataset.value = String(card.value(r));
  });
}
