import { readFileSync } from 'node:fs';
import type { VectorCaseV1 } from '@firesale/spec';
import { vectorMismatches } from '@firesale/testkit';
import { describe, expect, it } from 'vitest';
import { vectorHandlers } from '../src/vectors';

const file = JSON.parse(readFileSync(new URL('../../../vectors/perp-venues.json', import.meta.url), 'utf8')) as { cases: VectorCaseV1[] };
const kinds = new Set(vectorHandlers.map((h) => h.kind));
const cases = file.cases.filter((c) => (c.venue === 'binance-usdm' || c.venue === 'binance-coinm') && kinds.has(c.kind));

describe('binance vectors (perp-venues.json)', () => {
  it('covers every binance case of the kinds it handles', () => {
    expect(cases.length).toBe(file.cases.filter((c) => (c.venue === 'binance-usdm' || c.venue === 'binance-coinm')).length);
    expect(cases.length).toBeGreaterThanOrEqual(22);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, testCase) => {
    const handler = vectorHandlers.find((h) => h.kind === testCase.kind && h.venue === testCase.venue)!;
    expect(vectorMismatches(handler.run(testCase), testCase.expected, testCase.tolerance)).toEqual([]);
  });
});

describe('COIN-M case inputs', () => {
  const handler = vectorHandlers.find((h) => h.kind === 'liquidation_price' && h.venue === 'binance-coinm')!;
  const run = (inputs: Record<string, unknown>) => handler.run({ id: 'x', venue: 'binance-coinm', kind: 'liquidation_price', inputs, expected: {}, tolerance: 'exact' }) as { liq_price: number };

  it('takes the contract size from the symbol (10 USD but BTCUSD) and an isolated wallet from the leverage', () => {
    // 100 ETHUSD contracts = 1,000 USD at 2,000: 0.5 ETH, at 10x an isolated wallet of 0.05 ETH;
    // LP = (P x MMR + P) / (WB + P / EP) = (5 + 1000) / (0.05 + 0.5)
    const lp = run({ margin_mode: 'isolated', side: 'long', symbol: 'ETHUSD perpetual', contracts: 100, entry_price: 2_000, leverage: 10, mmr: 0.005, maintenance_amount_btc: 0 }).liq_price;
    expect(lp).toBeCloseTo(1005 / 0.55, 9);
    const btc = run({ margin_mode: 'isolated', side: 'long', symbol: 'BTCUSD', contracts: 10, entry_price: 50_000, leverage: 10, mmr: 0.005 }).liq_price;
    expect(btc).toBeCloseTo((5 + 1000) / (0.002 + 0.02), 9);
    // Binance's own symbols: the perpetual and a quarterly are BTCUSD contracts of 100 USD
    for (const symbol of ['BTCUSD_PERP', 'BTCUSD_250627']) {
      expect(run({ margin_mode: 'isolated', side: 'long', symbol, contracts: 10, entry_price: 50_000, leverage: 10, mmr: 0.005 }).liq_price).toBe(btc);
    }
  });

  it('needs the wallet balance of a cross position (no leverage rule for it)', () => {
    expect(() => run({ margin_mode: 'cross', side: 'long', symbol: 'BTCUSD', contracts: 10, entry_price: 50_000, leverage: 10, mmr: 0.005 })).toThrow(/wallet_balance_btc/);
  });
});

describe('freqtrade edge rows', () => {
  const find = (kind: string, venue: string) => vectorHandlers.find((h) => h.kind === kind && h.venue === venue)!;
  it('spot positions have no liquidation price (test_get_liquidation_price spot rows)', () => {
    const inputs = { trading_mode: 'spot', margin_mode: '', side: 'long', leverage: 5, entry_price: 10, size: 1, wallet_balance: 2, mmr: 0.01, maintenance_amount: 0.01 };
    expect(find('liquidation_price', 'binance-usdm').run({ id: 's', venue: 'binance-usdm', kind: 'liquidation_price', inputs, expected: {}, tolerance: 'exact' })).toEqual({ liq_price: null });
  });
  it('a negative notional has no bracket (test_get_maintenance_ratio_and_amt_exceptions)', () => {
    const inputs = { calc: 'maintenance_bracket_lookup', pair: 'BTC/USDT:USDT', notional: -1 };
    expect(() => find('margin', 'binance-usdm').run({ id: 'n', venue: 'binance-usdm', kind: 'margin', inputs, expected: {}, tolerance: 'exact' })).toThrow(/nominal value can not be lower than 0/);
  });
});
