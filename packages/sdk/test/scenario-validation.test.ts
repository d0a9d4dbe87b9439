import { describe, expect, it } from 'vitest';
import { FiresaleErrors, prepareScenario, type ScenarioInput } from '../src';

const base = (): ScenarioInput => ({
  name: 'test',
  venues: [{ id: 'v', model: 'generic', params: { maxLeverage: 50 }, insuranceFundQuote: 1000 }],
  markets: [{ id: 'BTC-PERP', venue: 'v', baseAsset: 'BTC', initialPriceQuote: 100, book: { model: 'linear', depthBasePerQuote: 10 } }],
  positions: [{ account: 'a', market: 'BTC-PERP', side: 'long', sizeBase: 1, entryPriceQuote: 100, leverage: 10 }],
  shocks: [{ market: 'BTC-PERP', returnPct: -3 }],
});

/** The problems a scenario has, as `code path` lines. */
function problems(raw: unknown, files: Record<string, string> = {}): string[] {
  try {
    prepareScenario(raw, { readTextFile: (f) => {
      const text = files[f];
      if (text === undefined) throw new Error(`ENOENT: ${f}`);
      return text;
    } });
  } catch (error) {
    expect(error).toBeInstanceOf(FiresaleErrors);
    return (error as FiresaleErrors).errors.map((e) => `${e.code} ${(e.context as { path?: string }).path}`);
  }
  return [];
}

function messages(raw: unknown, files: Record<string, string> = {}): string[] {
  try {
    prepareScenario(raw, { readTextFile: (f) => files[f] ?? '' });
  } catch (error) {
    return (error as FiresaleErrors).errors.map((e) => e.message);
  }
  return [];
}

describe('scenario validation names the field and the reason', () => {
  it('accepts a good scenario', () => {
    expect(problems(base())).toEqual([]);
  });

  it('a negative size', () => {
    const s = base();
    s.positions![0]!.sizeBase = -2;
    expect(problems(s)).toEqual(['SCENARIO__SIZE_NOT_POSITIVE positions[0].sizeBase']);
    expect(messages(s)[0]).toBe('positions[0].sizeBase: -2 is not a positive size');
  });

  it('a NaN or missing price', () => {
    const nan = base() as Record<string, unknown> & ScenarioInput;
    (nan.positions![0] as Record<string, unknown>).entryPriceQuote = 'NaN';
    expect(problems(nan)).toEqual(['SCENARIO__PRICE_INVALID positions[0].entryPriceQuote']);
    const missing = base();
    delete (missing.markets[0] as Record<string, unknown>).initialPriceQuote;
    expect(problems(missing)).toEqual(['SCENARIO__VALUE_MISSING markets[0].initialPriceQuote']);
    const nullPrice = base();
    (nullPrice.positions![0] as Record<string, unknown>).entryPriceQuote = null;
    expect(problems(nullPrice)).toEqual(['SCENARIO__PRICE_INVALID positions[0].entryPriceQuote']);
  });

  it('an unknown book model or venue model', () => {
    const book = base();
    (book.markets[0]!.book as Record<string, unknown>).model = 'magic';
    expect(problems(book)).toEqual(['SCENARIO__UNKNOWN_MODEL markets[0].book.model']);
    const venue = base();
    venue.venues[0]!.model = 'ftx';
    expect(problems(venue)).toEqual(['SCENARIO__UNKNOWN_MODEL venues[0].model']);
    expect(messages(venue)[0]).toMatch(/^venues\[0\]\.model: unknown model "ftx" \(known: generic, hyperliquid, /);
  });

  it('leverage above the venue maximum', () => {
    const s = base();
    s.positions![0]!.leverage = 60;
    expect(problems(s)).toEqual(['SCENARIO__LEVERAGE_ABOVE_VENUE_MAX positions[0].leverage']);
    expect(messages(s)[0]).toBe("positions[0].leverage: 60 is above generic's max leverage 50");
  });

  it("a size below the venue's minimum and a collateral asset it does not accept", () => {
    const s = base();
    s.venues[0]!.params = { maxLeverage: 50, minPositionSizeBase: 0.5, collateralAssets: ['USD', 'BTC'] };
    s.positions![0]!.sizeBase = 0.1;
    s.accounts = [{ id: 'a', marginMode: 'cross', collateral: [{ asset: 'USD', amount: 100 }, { asset: 'DOGE', amount: 5 }] }];
    s.markets.push({ id: 'DOGE-PERP', venue: 'v', baseAsset: 'DOGE', initialPriceQuote: 1, book: { model: 'linear', depthBasePerQuote: 10 } });
    expect(problems(s)).toEqual(['SCENARIO__SIZE_BELOW_VENUE_MIN positions[0].sizeBase', 'SCENARIO__COLLATERAL_NOT_ACCEPTED positions[0].collateralAssets']);
    expect(messages(s)).toEqual([
      expect.stringMatching(/^positions\[0\]\.sizeBase: 0\.1 .*0\.5/),
      expect.stringMatching(/^positions\[0\]\.collateralAssets: .*DOGE/),
    ]);
  });

  it("a market the venue has no tier for is named at the market's field, once however many positions it has", () => {
    const s = base();
    s.venues[0]!.model = 'binance';
    s.venues[0]!.params = {};
    s.markets[0]!.venueSymbol = 'NOPEUSDT';
    s.positions!.push({ account: 'b', market: 'BTC-PERP', side: 'short', sizeBase: 1, entryPriceQuote: 100, leverage: 10 });
    expect(problems(s)).toEqual(['SCENARIO__UNKNOWN_TIER markets[0].venueSymbol']);
    expect(messages(s)[0]).toMatch(/^markets\[0\]\.venueSymbol: binance-usdm has no tier for "NOPEUSDT" \(known: /);
    // Without a venueSymbol the venue's id is derived from the base asset (BitMEX: XBT for BTC).
    const derived = base();
    derived.venues[0]!.model = 'bitmex';
    derived.venues[0]!.params = {};
    expect(problems(derived)).toEqual(['SCENARIO__UNKNOWN_TIER markets[0].baseAsset']);
    expect(messages(derived)[0]).toMatch(/^markets\[0\]\.baseAsset: bitmex has no tier for "XBTUSDT"/);
  });

  it('a crossed L2 book', () => {
    const s = base();
    s.markets[0]!.book = { model: 'l2', snapshot: { bids: [[101, 1], [100, 2]], asks: [[100.5, 1], [102, 1]] } };
    delete (s.markets[0] as Record<string, unknown>).initialPriceQuote;
    const found = problems(s);
    expect(found[0]).toMatch(/^BOOK__CROSSED_LEVELS markets\[0\]\.book\.snapshot\./);
  });

  it('a malformed CSV row, with its line and column', () => {
    const s = { ...base(), positions: [], positionsCsv: 'positions.csv' };
    const csv = 'account,market,side,size_base,entry_price_quote,leverage\na,BTC-PERP,long,1,100,10\nb,BTC-PERP,long,abc,100,10\nc,BTC-PERP,sideways,1,100,10\n';
    expect(problems(s, { 'positions.csv': csv })).toEqual([
      'CSV__MALFORMED_ROW positions.csv:3:size_base',
      'CSV__MALFORMED_ROW positions.csv:4:side',
    ]);
  });

  it('an unreadable file', () => {
    const s = { ...base(), positionsCsv: 'missing.csv' };
    expect(problems(s)).toEqual(['FILE__UNREADABLE positionsCsv']);
  });

  it('references to markets and venues that do not exist, all at once', () => {
    const s = base();
    s.markets[0]!.venue = 'nope';
    s.positions![0]!.market = 'ETH-PERP';
    s.shocks![0]!.market = 'SOL-PERP';
    expect(problems(s)).toEqual([
      'SCENARIO__UNKNOWN_VENUE markets[0].venue',
      'SCENARIO__UNKNOWN_MARKET positions[0].market',
      'SCENARIO__UNKNOWN_MARKET shocks[0].market',
    ]);
  });

  it('a position held twice by one account on one market', () => {
    const s = base();
    s.positions!.push({ ...s.positions![0]! });
    expect(problems(s)).toEqual(['SCENARIO__DUPLICATE_POSITION positions[1]']);
  });

  it('a generated position whose account name a named account already holds on that market', () => {
    const generator = { market: 'BTC-PERP', count: 3, notionalQuote: { distribution: 'fixed' as const, value: 1000 }, leverage: { distribution: 'fixed' as const, value: 5 } };
    const s = { ...base(), positions: [{ ...base().positions![0]!, account: 'BTC-PERP-gen0-0' }], generators: [generator] };
    expect(problems(s)).toEqual(['SCENARIO__DUPLICATE_POSITION generators[0]']);
    // Every generated position gets an account of its own, after the named ones.
    const prepared = prepareScenario({ ...base(), generators: [generator, generator] });
    expect(prepared.input.accounts.map((a) => a.accountId)).toEqual(['a', 'BTC-PERP-gen0-0', 'BTC-PERP-gen0-1', 'BTC-PERP-gen0-2', 'BTC-PERP-gen1-0', 'BTC-PERP-gen1-1', 'BTC-PERP-gen1-2']);
    expect(Array.from(prepared.input.positions.accountIndex.subarray(0, 7))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('clamps generated leverage to the venue cap instead of failing', () => {
    const s = { ...base(), positions: [], generators: [{ market: 'BTC-PERP', count: 50, notionalQuote: { distribution: 'fixed' as const, value: 1000 }, leverage: { distribution: 'fixed' as const, value: 200 } }] };
    const prepared = prepareScenario(s);
    const t = prepared.input.positions;
    expect(t.count).toBe(50);
    for (let i = 0; i < t.count; i++) expect((t.sizeBase[i]! * t.entryPriceQuote[i]!) / t.marginQuote[i]!).toBeCloseTo(50, 9);
  });
});
