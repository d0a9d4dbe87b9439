import type { SideSign, VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import { binanceAdlRanking } from './adl-ranking';
import { binanceParams } from './binance-params';
import { coinmLiquidationPrice, coinmLiquidationPriceAt, coinmMaintenanceMargin } from './coinm-liquidation-price';
import {
  maintenanceAmountRecurrence,
  maintenanceMarginAt,
  maintenanceRateAndAmount,
  resolveBrackets,
  type BinanceBracket,
  type ResolvedBrackets,
} from './leverage-brackets';
import { usdmLiquidationPrice, usdmLiquidationPriceAt, type UsdmLiquidationInput } from './usdm-liquidation-price';
import { VenueRuleError } from './venue-rule-error';

type Inputs = Readonly<Record<string, unknown>>;

function num(value: unknown, field: string): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || Number.isNaN(n)) throw new VenueRuleError(`invalid input ${field}: ${String(value)}`);
  return n;
}

function optNum(value: unknown, field: string): number | undefined {
  return value === undefined || value === null ? undefined : num(value, field);
}

function sideOf(value: unknown): SideSign {
  if (value === 'long' || value === 1) return 1;
  if (value === 'short' || value === -1) return -1;
  throw new VenueRuleError(`invalid input side: ${String(value)}`);
}

/** `BTC/USDT:USDT`, `BTCUSDT`, `BTCUSD perpetual`, `BTCUSD_PERP`, `BTCUSD_250627` -> `BTCUSDT` / `BTCUSD`. */
function symbolOf(value: unknown): string {
  const text = String(value ?? '').split(' ')[0]!;
  return text.split(':')[0]!.split('_')[0]!.replace('/', '').toUpperCase();
}

/** Tiers carried by a case (`{min_notional, mmr, maintenance_amount, max_leverage}` or `{floor, cap, mmr}`). */
function bracketsFromCase(tiers: unknown): ResolvedBrackets | undefined {
  if (!Array.isArray(tiers)) return undefined;
  const list: BinanceBracket[] = tiers.map((t: Record<string, unknown>) => {
    const rate = num(t['mmr'], 'tiers.mmr');
    const amount = optNum(t['maintenance_amount'], 'tiers.maintenance_amount');
    return {
      floorNotional: num(t['min_notional'] ?? t['floor'], 'tiers.min_notional'),
      maintenanceMarginRate: rate,
      maxLeverage: optNum(t['max_leverage'], 'tiers.max_leverage') ?? 1 / (2 * rate),
      ...(amount === undefined ? {} : { maintenanceAmount: amount }),
    };
  });
  return resolveBrackets(list);
}

function publishedBrackets(table: Readonly<Record<string, readonly BinanceBracket[]>>, symbol: string): ResolvedBrackets {
  const list = table[symbol];
  if (list === undefined) throw new VenueRuleError(`unknown symbol ${symbol}`);
  return resolveBrackets(list);
}

/** Maintenance margin and unrealized PnL of the other positions of a cross account (TMM1, UPNL1). */
function othersOf(i: Inputs): { tmm: number; upnl: number } {
  const tmm = optNum(i['tmm_others'], 'tmm_others');
  const upnl = optNum(i['upnl_others'], 'upnl_others');
  if (tmm !== undefined && upnl !== undefined) return { tmm, upnl };
  let sumMm = 0;
  let sumPnl = 0;
  const others = Array.isArray(i['other_positions']) ? (i['other_positions'] as Inputs[]) : [];
  for (const o of others) {
    const size = num(o['size'], 'other_positions.size');
    const mark = num(o['mark_price'], 'other_positions.mark_price');
    const side = o['side'] === undefined ? 1 : sideOf(o['side']);
    sumMm += maintenanceMarginAt(size * mark, num(o['mmr'], 'other_positions.mmr'), num(o['maintenance_amount'], 'other_positions.maintenance_amount'));
    sumPnl += side * size * (mark - num(o['entry_price'], 'other_positions.entry_price'));
  }
  return { tmm: tmm ?? sumMm, upnl: upnl ?? sumPnl };
}

/** USDⓈ-M liquidation price: one-way mode; cross takes TMM1/UPNL1 of the other positions, isolated neither. */
function runUsdmLiquidationPrice(testCase: VectorCaseV1): unknown {
  // Spot positions are not leveraged and have no liquidation price (freqtrade returns None in spot mode).
  if (testCase.inputs['trading_mode'] === 'spot') return { liq_price: null };
  const i = testCase.inputs;
  const side = sideOf(i['side']);
  const size = num(i['size'], 'size');
  const entry = num(i['entry_price'], 'entry_price');
  const wallet = optNum(i['wallet_balance'], 'wallet_balance') ?? (size * entry) / num(i['leverage'], 'leverage');
  const cross = i['margin_mode'] === 'cross';
  const others = cross ? othersOf(i) : { tmm: 0, upnl: 0 };
  const input: UsdmLiquidationInput = {
    side, sizeBase: size, entryPriceQuote: entry, walletBalanceQuote: wallet,
    otherMaintenanceMarginQuote: others.tmm, otherUnrealizedPnlQuote: others.upnl,
  };
  const mmr = optNum(i['mmr'], 'mmr');
  if (mmr !== undefined) {
    return { liq_price: usdmLiquidationPriceAt(input, mmr, num(i['maintenance_amount'] ?? 0, 'maintenance_amount')) };
  }
  const brackets = bracketsFromCase(i['tiers']) ?? publishedBrackets(binanceParams.usdmBrackets, symbolOf(i['pair'] ?? i['symbol']));
  return { liq_price: usdmLiquidationPrice(brackets, input) };
}

function runUsdmMargin(testCase: VectorCaseV1): unknown {
  const i = testCase.inputs;
  switch (i['calc']) {
    case 'maintenance_bracket_lookup': {
      const brackets = bracketsFromCase(i['tiers']) ?? publishedBrackets(binanceParams.usdmBrackets, symbolOf(i['pair'] ?? i['symbol']));
      const { rate, amount } = maintenanceRateAndAmount(brackets, num(i['notional'], 'notional'));
      return { mmr: rate, maintenance_amount: amount };
    }
    case 'maintenance_amount_recurrence':
      return {
        maintenance_amount: maintenanceAmountRecurrence(
          num(i['floor'], 'floor'), num(i['mmr'], 'mmr'), num(i['prev_mmr'], 'prev_mmr'), num(i['prev_maintenance_amount'], 'prev_maintenance_amount'),
        ),
      };
    case 'maintenance_margin': {
      const size = optNum(i['size'], 'size');
      const mark = optNum(i['mark_price'], 'mark_price');
      const notional = size !== undefined && mark !== undefined ? size * mark : num(i['notional'], 'notional');
      return { maintenance_margin: maintenanceMarginAt(notional, num(i['mmr'], 'mmr'), num(i['maintenance_amount'] ?? 0, 'maintenance_amount')) };
    }
    default:
      throw new VenueRuleError(`unknown calc ${String(i['calc'])}`);
  }
}

/** Position size in USD: contracts x contract size (given, or the symbol's: 100 USD for BTCUSD, 10 USD for the others). */
function positionUsdOf(i: Inputs): number {
  const contracts = optNum(i['contracts'], 'contracts');
  if (contracts === undefined) return num(i['position_usd'], 'position_usd');
  const size = optNum(i['contract_size_usd'], 'contract_size_usd') ?? (i['symbol'] === undefined ? undefined : (binanceParams.coinmContractSizeUsd[symbolOf(i['symbol'])] ?? 10));
  return size !== undefined ? contracts * size : num(i['position_usd'], 'position_usd');
}

/** COIN-M liquidation price, one position (cross: crossWalletBalance; isolated: its wallet balance). */
function runCoinmLiquidationPrice(testCase: VectorCaseV1): unknown {
  // Spot positions are not leveraged and have no liquidation price (freqtrade returns None in spot mode).
  if (testCase.inputs['trading_mode'] === 'spot') return { liq_price: null };
  const i = testCase.inputs;
  const positionUsd = positionUsdOf(i);
  const entry = num(i['entry_price'], 'entry_price');
  // Isolated with no wallet given: the position's initial margin in coin, value at entry / leverage.
  const given = optNum(i['wallet_balance_btc'] ?? i['wallet_balance'], 'wallet_balance_btc');
  const wallet = given ?? (i['margin_mode'] === 'cross' ? num(undefined, 'wallet_balance_btc') : positionUsd / entry / num(i['leverage'], 'leverage'));
  const input = { side: sideOf(i['side']), positionUsd, entryPriceQuote: entry, walletBalanceCoin: wallet };
  const mmr = optNum(i['mmr'], 'mmr');
  if (mmr !== undefined) {
    const amount = num(i['maintenance_amount_btc'] ?? i['maintenance_amount'] ?? 0, 'maintenance_amount_btc');
    return { liq_price: coinmLiquidationPriceAt(input, mmr, amount) };
  }
  const brackets = bracketsFromCase(i['tiers']) ?? publishedBrackets(binanceParams.coinmBrackets, symbolOf(i['symbol']));
  return { liq_price: coinmLiquidationPrice(brackets, input) };
}

function runCoinmMargin(testCase: VectorCaseV1): unknown {
  const i = testCase.inputs;
  switch (i['calc']) {
    case 'maintenance_bracket_lookup': {
      const brackets = bracketsFromCase(i['tiers']) ?? publishedBrackets(binanceParams.coinmBrackets, symbolOf(i['symbol']));
      const { rate, amount } = maintenanceRateAndAmount(brackets, num(i['position_btc'] ?? i['notional'], 'position_btc'));
      return { mmr: rate, maintenance_amount_btc: amount };
    }
    case 'maintenance_margin':
      return {
        maintenance_margin_btc: coinmMaintenanceMargin(
          positionUsdOf(i), num(i['mark_price'], 'mark_price'), num(i['mmr'], 'mmr'), num(i['maintenance_amount_btc'] ?? 0, 'maintenance_amount_btc'),
        ),
      };
    default:
      throw new VenueRuleError(`unknown calc ${String(i['calc'])}`);
  }
}

function runUsdmAdl(testCase: VectorCaseV1): unknown {
  const i = testCase.inputs;
  const marginRatio = optNum(i['margin_ratio'], 'margin_ratio');
  const maintenance = optNum(i['maintenance_margin'], 'maintenance_margin');
  const r = binanceAdlRanking({
    unrealizedProfit: num(i['unrealized_profit'], 'unrealized_profit'),
    walletBalance: num(i['wallet_balance'], 'wallet_balance'),
    ...(marginRatio === undefined ? {} : { marginRatio }),
    ...(maintenance === undefined ? {} : { maintenanceMargin: maintenance }),
  });
  return { pnl_percent: r.pnlPercent, margin_ratio: r.marginRatio, leverage_pnl: r.leveragePnl };
}

/** Vector handlers of this package, for `firesale vectors` (vectors/perp-venues.json, Binance venues). */
export const vectorHandlers: readonly VectorHandlerV1[] = [
  { specificationVersion: 'v1', kind: 'liquidation_price', venue: 'binance-usdm', run: runUsdmLiquidationPrice },
  { specificationVersion: 'v1', kind: 'margin', venue: 'binance-usdm', run: runUsdmMargin },
  { specificationVersion: 'v1', kind: 'adl_rank', venue: 'binance-usdm', run: runUsdmAdl },
  { specificationVersion: 'v1', kind: 'liquidation_price', venue: 'binance-coinm', run: runCoinmLiquidationPrice },
  { specificationVersion: 'v1', kind: 'margin', venue: 'binance-coinm', run: runCoinmMargin },
];
