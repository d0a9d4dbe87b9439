import type { SideSign, VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import { bybitParams } from './bybit-params';
import { inverseCrossBankruptcyPrice, inverseCrossLiquidationPrice } from './inverse-cross';
import { inverseIsolatedBankruptcyPrice, inverseIsolatedLiquidationPrice, inverseIsolatedMargins } from './inverse-isolated';
import { isolatedBankruptcyPrice, isolatedLiquidationPrice, isolatedMargins } from './usdt-liquidation-price';
import { VenueRuleError } from './venue-rule-error';

type Inputs = Readonly<Record<string, unknown>>;

function num(value: unknown, field: string): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || Number.isNaN(n)) throw new VenueRuleError(`invalid input ${field}: ${String(value)}`);
  return n;
}

function sideOf(value: unknown): SideSign {
  if (value === 'long' || value === 1) return 1;
  if (value === 'short' || value === -1) return -1;
  throw new VenueRuleError(`invalid input side: ${String(value)}`);
}

function usdtIsolated(i: Inputs): { side: SideSign; size: number; entry: number; im: number; mm: number; extra: number } {
  const size = num(i['size'], 'size');
  const entry = num(i['entry_price'], 'entry_price');
  const m = isolatedMargins(size, entry, num(i['leverage'], 'leverage'), num(i['mmr'], 'mmr'), num(i['mm_deduction'] ?? 0, 'mm_deduction'));
  return {
    side: i['side'] === undefined ? 1 : sideOf(i['side']), size, entry,
    im: m.initialMarginQuote, mm: m.maintenanceMarginQuote, extra: num(i['extra_margin'] ?? 0, 'extra_margin'),
  };
}

/**
 * USDT isolated (`margin_mode: isolated`), inverse isolated (`contract: inverse ...`) or inverse cross
 * (`margin_mode: cross`, `contract: inverse ...`).
 */
function runLiquidationPrice(testCase: VectorCaseV1): unknown {
  // Spot positions are not leveraged and have no liquidation price (freqtrade returns None in spot mode).
  if (testCase.inputs['trading_mode'] === 'spot') return { liq_price: null };
  const i = testCase.inputs;
  const inverse = String(i['contract'] ?? '').startsWith('inverse');
  if (i['margin_mode'] === 'cross') {
    if (!(inverse || i['contract'] === undefined)) throw new VenueRuleError('only inverse cross is modelled');
    const input = {
      side: sideOf(i['side']),
      contractsUsd: num(i['contracts_usd'], 'contracts_usd'),
      entryPriceQuote: num(i['entry_price'], 'entry_price'),
      balanceCoin: num(i['account_balance_btc'] ?? i['account_balance'], 'account_balance_btc'),
      orderMarginCoin: num(i['order_margin_btc'] ?? i['order_margin'] ?? 0, 'order_margin_btc'),
      maintenanceMarginRate: num(i['mmr'], 'mmr'),
      takerFeeRate: num(i['taker_fee_close'] ?? bybitParams.takerFeeRate, 'taker_fee_close'),
    };
    return { bankruptcy_price: inverseCrossBankruptcyPrice(input), liq_price: inverseCrossLiquidationPrice(input) };
  }
  if (inverse) {
    const input = {
      side: i['side'] === undefined ? (1 as const) : sideOf(i['side']),
      contractsUsd: num(i['contracts_usd'] ?? i['size'], 'contracts_usd'),
      entryPriceQuote: num(i['entry_price'], 'entry_price'),
      leverage: num(i['leverage'], 'leverage'),
      maintenanceMarginRate: num(i['mmr'], 'mmr'),
      maintenanceDeductionCoin: num(i['mm_deduction'] ?? 0, 'mm_deduction'),
      extraMarginCoin: num(i['extra_margin'] ?? 0, 'extra_margin'),
    };
    const m = inverseIsolatedMargins(input);
    return {
      position_value: m.positionValueCoin,
      initial_margin: m.initialMarginCoin,
      maintenance_margin: m.maintenanceMarginCoin,
      bankruptcy_price: inverseIsolatedBankruptcyPrice(input),
      liq_price: inverseIsolatedLiquidationPrice(input),
    };
  }
  const p = usdtIsolated(i);
  return {
    initial_margin: p.im,
    maintenance_margin: p.mm,
    bankruptcy_price: isolatedBankruptcyPrice(p.side, p.size, p.entry, p.im + p.extra),
    liq_price: isolatedLiquidationPrice(p.side, p.size, p.entry, p.im + p.extra, p.mm),
  };
}

function runMargin(testCase: VectorCaseV1): unknown {
  const i = testCase.inputs;
  if (i['calc'] !== 'initial_and_maintenance_margin') throw new VenueRuleError(`unknown calc ${String(i['calc'])}`);
  const p = usdtIsolated(i);
  return { initial_margin: p.im, maintenance_margin: p.mm, max_unrealized_loss_before_liquidation: p.im + p.extra - p.mm };
}

/** Vector handlers of this package, for `firesale vectors` (vectors/perp-venues.json, venue `bybit`). */
export const vectorHandlers: readonly VectorHandlerV1[] = [
  { specificationVersion: 'v1', kind: 'liquidation_price', venue: 'bybit', run: runLiquidationPrice },
  { specificationVersion: 'v1', kind: 'margin', venue: 'bybit', run: runMargin },
];
