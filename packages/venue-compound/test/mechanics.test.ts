import { describe, expect, it } from 'vitest';
import {
  absorb,
  buyCollateral,
  isBorrowCollateralized,
  presentValue,
  principalValue,
  quoteCollateral,
  storedFactor,
} from '@firesale/venue-compound';

const base = { baseSupplyIndex: 1_100_000_000_000_000n, baseBorrowIndex: 1_050_000_000_000_000n, basePrice: 10n ** 8n, baseScale: 10n ** 6n };
const comp = { asset: 'COMP', balance: 10n ** 21n, price: 10n ** 8n, scale: 10n ** 18n };

describe('Comet math', () => {
  it('rounds principal against the account', () => {
    expect(principalValue(-1000n, base)).toBe(-953n); // ceil(1000 / 1.05) = 953
    expect(principalValue(1000n, base)).toBe(909n); // floor(1000 / 1.1)
    expect(presentValue(principalValue(-1000n, base), base)).toBeLessThanOrEqual(-1000n);
  });

  it('stores factors with 4 decimals', () => {
    expect(storedFactor(833_333_333_333_333_333n)).toBe(833_300_000_000_000_000n);
  });
});

describe('collateralization and absorb', () => {
  it('isBorrowCollateralized uses the borrow factor (liquidity >= 0)', () => {
    const account = { ...base, principal: -(700n * 10n ** 6n) / 105n * 100n, collateral: [{ ...comp, borrowCollateralFactor: 7n * 10n ** 17n }] };
    expect(isBorrowCollateralized(account)).toBe(true);
    expect(isBorrowCollateralized({ ...account, principal: account.principal - 10n ** 6n })).toBe(false);
  });

  it('absorb refuses a healthy account', () => {
    const healthy = { principal: -(10n ** 6n), collateral: [{ ...comp, liquidateCollateralFactor: 8n * 10n ** 17n, liquidationFactor: 9n * 10n ** 17n }] };
    expect(() => absorb({ ...base, accounts: [healthy] })).toThrow(expect.objectContaining({ reason: 'NotLiquidatable' }));
  });

  it('absorb pays out what reserves lose', () => {
    const sick = { principal: -(2000n * 10n ** 6n), collateral: [{ ...comp, liquidateCollateralFactor: 8n * 10n ** 17n, liquidationFactor: 9n * 10n ** 17n }] };
    const r = absorb({ ...base, accounts: [sick] });
    expect(r.reservesChange).toBe(-r.accounts[0]!.basePaidOut);
    expect(r.accounts[0]!.newBalance).toBe(0n);
  });
});

describe('buying collateral', () => {
  const quote = { assetPrice: 10n ** 8n, assetScale: 10n ** 18n, basePrice: 10n ** 8n, baseScale: 10n ** 6n, liquidationFactor: 8n * 10n ** 17n, storeFrontPriceFactor: 5n * 10n ** 17n };

  it('is not for sale once reserves reach the target', () => {
    expect(() =>
      buyCollateral({ ...quote, reserves: 100n, targetReserves: 100n, baseAmountReceived: 10n ** 6n, minAmount: 0n, collateralReserves: 10n ** 30n }),
    ).toThrow(expect.objectContaining({ reason: 'NotForSale' }));
  });

  it('sells at the discount storeFront * (1 - liquidationFactor)', () => {
    const q = quoteCollateral({ ...quote, baseAmount: 90n * 10n ** 6n });
    expect(q.discountFactor).toBe(10n ** 17n);
    expect(q.collateralAmount).toBe(100n * 10n ** 18n);
  });
});
