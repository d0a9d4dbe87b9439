import { describe, expect, it } from 'vitest';
import { decimalProduct, roundProduct } from '../src/index';

describe('exact decimal products (Vega Decimal Mul, then Ceil/Floor)', () => {
  it('rounds the decimal product, not the binary one', () => {
    // 17476275 x 0.56 is 9786714 exactly; in binary it is 9786714.000000002
    expect(Math.ceil(17_476_275 * 0.56)).toBe(9_786_715);
    expect(roundProduct(17_476_275, 0.56, 'ceil')).toBe(9_786_714);
    expect(roundProduct(10_485_780, 1.15, 'floor')).toBe(12_058_647);
    expect(roundProduct(10_000_000_001, 1e-10, 'ceil')).toBe(2);
    expect(roundProduct(90, 0.95, 'ceil')).toBe(86);
    expect(roundProduct(90, 0.95, 'floor')).toBe(85);
  });

  it('rounds to a tick and toward the right infinity for negative products', () => {
    expect(roundProduct(100.07, 1, 'floor', 0.05)).toBe(2001);
    expect(roundProduct(-7, 0.5, 'floor')).toBe(-4);
    expect(roundProduct(-7, 0.5, 'ceil')).toBe(-3);
  });

  it('prints the exact product', () => {
    expect(decimalProduct(100, 1.1)).toBe('110');
    expect(decimalProduct(90, 0.95)).toBe('85.5');
    expect(decimalProduct(12_345_678_901, 0.95)).toBe('11728394955.95');
    expect(decimalProduct(100_003, 0.9876543211)).toBe('98768.3950729633');
    expect(decimalProduct(-2, 0.25)).toBe('-0.5');
    expect(decimalProduct(3e-7, 2)).toBe('0.0000006');
  });

  it('keeps decimal strings digit for digit (the double nearest 1.0055555555555556 prints as ...555)', () => {
    expect(String(Number('1.0055555555555556'))).toBe('1.0055555555555555');
    expect(roundProduct(18_000, '1.0055555555555556', 'floor')).toBe(18_100);
    expect(roundProduct(18_000, Number('1.0055555555555556'), 'floor')).toBe(18_099);
    expect(decimalProduct('0.1', '-0.2')).toBe('-0.02');
    expect(decimalProduct('+1.5e2', '2')).toBe('300');
  });

  it('names a value that is not finite', () => {
    expect(() => roundProduct(Number.NaN, 1, 'ceil')).toThrow(/a must be a finite number/);
    expect(() => roundProduct(1, 1, 'ceil', 0)).toThrow(/unit must not be 0/);
    expect(() => decimalProduct('1.2.3', 1)).toThrow(/a must be a decimal number, got "1.2.3"/);
  });
});
