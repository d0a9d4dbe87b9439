import { describe, expect, it } from 'vitest';
import { decimalProduct, priceMonitoringBounds, roundProduct, roundToUnits } from '../src/index';

describe('rounding decimal products on doubles (Vega Decimal Mul, then Ceil/Floor)', () => {
  it('rounds as decimal arithmetic does, not at the binary rounding step', () => {
    // 17476275 x 0.56 is 9786714 exactly; in binary it is 9786714.000000002
    expect(Math.ceil(17_476_275 * 0.56)).toBe(9_786_715);
    expect(roundToUnits(17_476_275 * 0.56, 'ceil')).toBe(9_786_714);
    expect(roundToUnits(20_971_540 * 0.55, 'ceil')).toBe(11_534_347);
    expect(roundToUnits(10_485_780 * 1.15, 'floor')).toBe(12_058_647);
    expect(roundToUnits(10_000_000_001 * 1e-10, 'ceil')).toBe(2);
    expect(roundToUnits(90 * 0.95, 'ceil')).toBe(86);
    expect(roundToUnits(90 * 0.95, 'floor')).toBe(85);
  });

  it('rounds to a tick, and negative values toward the right infinity', () => {
    expect(roundToUnits(100.07, 'floor', 0.05)).toBe(2001);
    expect(roundToUnits(-3.5, 'floor')).toBe(-4);
    expect(roundToUnits(-3.5, 'ceil')).toBe(-3);
  });

  it('price-monitoring bounds: a factor Vega stores with 16 places, and a mid with binary noise', () => {
    // 0032-PRIM-040: range [17900, 18100] around 18000 as the factors Vega stores
    expect(priceMonitoringBounds(18_000, { maxUpMoveFactor: '1.0055555555555556', maxDownMoveFactor: '0.9944444444444444' }, 1)).toEqual({ minValidQuote: 17_900, maxValidQuote: 18_100 });
    // a pool's mid of 3000 read back as 3000.0000000000005 still gives the bound 2700.00
    const pool = priceMonitoringBounds(3000.0000000000005, { maxUpMoveFactor: 1.1, maxDownMoveFactor: 0.9 }, 0.01);
    expect(pool.minValidQuote).toBeCloseTo(2700, 9);
    expect(pool.maxValidQuote).toBeCloseTo(3300, 9);
  });

  it('rounds decimals given digit for digit exactly, as Vega does', () => {
    // 122/123 at 16 places is 0.9918699186991870; times 123 it is 122.000000000000001, whose Ceil is 123
    expect(roundProduct(123, '0.9918699186991870', 'ceil')).toBe(123);
    expect(roundToUnits(123 * 0.991869918699187, 'ceil')).toBe(122);
    expect(priceMonitoringBounds(123, { maxUpMoveFactor: '1.0162601626016260', maxDownMoveFactor: '0.9918699186991870' }, 1).minValidQuote).toBe(123);
    expect(roundProduct(17_476_275, '0.56', 'ceil')).toBe(9_786_714);
    expect(roundProduct(-7, 0.5, 'floor')).toBe(-4);
    expect(() => roundProduct(1, 1, 'ceil', 0)).toThrow(/unit must not be 0/);
  });

  it('prints the exact product, strings digit for digit', () => {
    expect(decimalProduct(100, 1.1)).toBe('110');
    expect(decimalProduct(90, 0.95)).toBe('85.5');
    expect(decimalProduct(12_345_678_901, 0.95)).toBe('11728394955.95');
    expect(decimalProduct(100_003, 0.9876543211)).toBe('98768.3950729633');
    expect(decimalProduct(-2, 0.25)).toBe('-0.5');
    expect(decimalProduct(3e-7, 2)).toBe('0.0000006');
    expect(decimalProduct('0.1', '-0.2')).toBe('-0.02');
    expect(decimalProduct('+1.5e2', '2')).toBe('300');
    expect(decimalProduct(18_000, '1.0055555555555556')).toBe('18100.0000000000008');
  });

  it('names what is not a decimal', () => {
    expect(() => decimalProduct(Number.NaN, 1)).toThrow(/a must be a finite number/);
    expect(() => decimalProduct('1.2.3', 1)).toThrow(/a must be a decimal number, got "1.2.3"/);
    expect(() => decimalProduct(1, '1e1000000000')).toThrow(/b has an exponent beyond ±400/);
    expect(() => decimalProduct(null as unknown as number, 1)).toThrow(/a must be a number or a decimal string, got object/);
  });
});
