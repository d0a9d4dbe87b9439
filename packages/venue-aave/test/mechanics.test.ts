import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availableCollateralToLiquidate,
  calculateAccountData,
  liquidationCall,
  percentDiv,
  percentDivFloor,
  percentMul,
  percentMulCeil,
  percentMulFloor,
} from '@firesale/venue-aave';

const MAX = (1n << 256n) - 1n;

describe('PercentageMath', () => {
  it('rounds half up, floor and ceil', () => {
    expect(percentMul(15n, 5000n)).toBe(8n);
    expect(percentMulFloor(15n, 5000n)).toBe(7n);
    expect(percentMulCeil(15n, 5000n)).toBe(8n);
    expect(percentDiv(10n, 10500n)).toBe(10n);
    expect(percentDivFloor(10n, 10500n)).toBe(9n);
  });
});

describe('health factor', () => {
  it('is 2^256 - 1 without debt', () => {
    expect(calculateAccountData({ collateral: [], debt: [] }).healthFactor).toBe(MAX);
  });

  it('ignores collateral with a zero threshold', () => {
    const d = calculateAccountData({
      collateral: [{ asset: 'X', balance: 10n ** 18n, price: 10n ** 8n, decimals: 18, liquidationThreshold: 0n }],
      debt: [{ asset: 'Y', balance: 1n, price: 10n ** 8n, decimals: 6 }],
    });
    expect(d.totalCollateralBase).toBe(0n);
    expect(d.healthFactor).toBe(0n);
  });
});

describe('liquidationCall', () => {
  const account = (debt: bigint) => ({
    collateral: [{ asset: 'WETH', balance: 100n * 10n ** 18n, price: 1800n * 10n ** 8n, decimals: 18, liquidationThreshold: 8600n }],
    debt: [{ asset: 'USDX', balance: debt, price: 10n ** 8n, decimals: 6 }],
  });
  const call = (debt: bigint, debtToCover = MAX) =>
    liquidationCall({ account: account(debt), collateralAsset: 'WETH', debtAsset: 'USDX', debtToCover, liquidationBonus: 10500n, liquidationProtocolFee: 1000n });

  it('refuses a healthy account', () => {
    expect(() => call(100_000n * 10n ** 6n)).toThrow(expect.objectContaining({ reason: 'HealthFactorNotBelowThreshold' }));
  });

  it('refuses an asset the borrower does not owe', () => {
    expect(() =>
      liquidationCall({ account: account(170_000n * 10n ** 6n), collateralAsset: 'WETH', debtAsset: 'WBTC', debtToCover: MAX, liquidationBonus: 10500n, liquidationProtocolFee: 1000n }),
    ).toThrow(expect.objectContaining({ reason: 'SpecifiedCurrencyNotBorrowedByUser' }));
  });

  it('splits seized collateral exactly between liquidator and treasury', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 10n ** 17n, max: 10n ** 21n }), (debtToCover, balance) => {
        const r = availableCollateralToLiquidate({ debtToCover, collateralBalance: balance, collateralPrice: 1800n * 10n ** 8n, collateralDecimals: 18, debtPrice: 10n ** 8n, debtDecimals: 6, liquidationBonus: 10500n, liquidationProtocolFee: 1000n });
        return (
          r.collateralToLiquidator + r.liquidationProtocolFee === r.collateralSeized &&
          r.collateralSeized <= balance &&
          r.debtAmountNeeded <= debtToCover &&
          r.liquidationProtocolFee <= r.bonusCollateral
        );
      }),
    );
  });

  it('never leaves less than 1000 USD of debt or collateral in a partial liquidation', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 155_000n, max: 200_000n }), fc.bigInt({ min: 1n, max: 200_000n }), (debtUsd, coverUsd) => {
        try {
          const r = call(debtUsd * 10n ** 6n, coverUsd * 10n ** 6n);
          const partial = r.debtLeft > 0n && r.collateralLeft > 0n;
          return !partial || (r.debtLeft >= 1000n * 10n ** 6n && r.collateralLeft * 1800n >= 1000n * 10n ** 18n);
        } catch (error) {
          return (error as { reason?: string }).reason === 'MustNotLeaveDust' || (error as { reason?: string }).reason === 'HealthFactorNotBelowThreshold';
        }
      }),
    );
  });
});
