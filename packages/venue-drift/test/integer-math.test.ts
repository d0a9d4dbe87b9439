import { describe, expect, it } from 'vitest';
import {
  assetTransferForLiabilityTransfer,
  baseAssetAmountToCoverMarginShortage,
  cumulativeDepositInterestDeltaToResolveBankruptcy,
  fundingRateDeltaToResolveBankruptcy,
  liabilityTransferImpliedByAssetAmount,
  liabilityTransferToCoverMarginShortage,
  liquidationFee,
  maxPctToLiquidate,
  U128_MAX,
  U64_MAX,
  validateSwapWithinLiquidationBoundaries,
  validateTransferSatisfiesLimitPrice,
  VenueRuleError,
} from '@firesale/venue-drift';

const usd = (x: number) => BigInt(x) * 1_000_000n;

describe('drift integer math', () => {
  it('returns u64::MAX when the margin ratio does not exceed the liquidator fee or the price is 0', () => {
    const base = { marginShortage: usd(10), marginRatio: 100n, liquidationFee: 10_000n, ifLiquidationFee: 0n, oraclePrice: usd(100), quoteOraclePrice: usd(1) };
    expect(baseAssetAmountToCoverMarginShortage(base)).toBe(U64_MAX);
    expect(baseAssetAmountToCoverMarginShortage({ ...base, marginRatio: 1000n, oraclePrice: 0n })).toBe(U64_MAX);
  });

  it('raises MathError when fees exceed what a base unit frees', () => {
    expect(() => baseAssetAmountToCoverMarginShortage({ marginShortage: usd(10), marginRatio: 1000n, liquidationFee: 10_000n, ifLiquidationFee: 95_000n, oraclePrice: usd(100), quoteOraclePrice: usd(1) })).toThrow(VenueRuleError);
  });

  it('liability transfer is unbounded once the multiplier-weighted asset weight reaches the liability weight', () => {
    const input = { marginShortage: usd(10), assetWeight: 8000n, assetLiquidationMultiplier: 2_000_000n, liabilityWeight: 12_000n, liabilityLiquidationMultiplier: 1_000_000n, liabilityDecimals: 9, liabilityPrice: usd(100), ifLiquidationFee: 0n };
    expect(liabilityTransferToCoverMarginShortage(input)).toBe(U128_MAX);
    // protocol-v2 tests.rs: 0.8 / 1.2 weights, multipliers 1.1 / 0.9, 1% IF fee -> 475669504.
    expect(liabilityTransferToCoverMarginShortage({ ...input, assetLiquidationMultiplier: 1_100_000n, liabilityLiquidationMultiplier: 900_000n, ifLiquidationFee: 10_000n })).toBe(475_669_504n);
  });

  it('rounds the implied liability up: 1% multipliers give 98019802 (98019801.98; the older floor version gave 98019801)', () => {
    expect(liabilityTransferImpliedByAssetAmount(usd(10), { decimals: 6, price: usd(1), liquidationMultiplier: 1_010_000n }, { decimals: 9, price: usd(100), liquidationMultiplier: 990_000n })).toBe(98_019_802n);
  });

  it('takes the whole deposit when the asset transfer is within 1 USD of it', () => {
    const asset = { decimals: 6, price: usd(1), liquidationMultiplier: 1_000_000n };
    const liability = { decimals: 9, price: usd(100), liquidationMultiplier: 1_000_000n };
    expect(assetTransferForLiabilityTransfer(usd(100) + 500_000n, 1_000_000_000n, asset, liability)).toBe(usd(100) + 500_000n);
    expect(assetTransferForLiabilityTransfer(usd(102), 1_000_000_000n, asset, liability)).toBe(usd(100));
  });

  it('socialises a perp loss over open interest, rounding up (tests.rs: 100 USD over 11 base -> 9090910000)', () => {
    expect(fundingRateDeltaToResolveBankruptcy(-usd(100), 7_000_000_000n, -4_000_000_000n)).toBe(9_090_910_000n);
    expect(() => fundingRateDeltaToResolveBankruptcy(-1n, 0n, 0n)).toThrow(expect.objectContaining({ reason: 'CantResolvePerpBankruptcy' }));
  });

  it('gives no deposit interest delta without deposits', () => {
    expect(cumulativeDepositInterestDeltaToResolveBankruptcy(usd(100), 0n, 11_110_000_000n, 6)).toBe(0n);
  });

  it('ramps the liquidation fee after the grace period up to the max', () => {
    expect(liquidationFee(20_000n, 50_000n, 0n, 1_499n)).toBe(20_000n);
    expect(liquidationFee(20_000n, 50_000n, 0n, 1_500n)).toBe(21_500n);
    expect(liquidationFee(20_000n, 50_000n, 0n, 1_000_000n)).toBe(50_000n);
  });

  it('limits the share of a large shortage liquidatable per slot', () => {
    const base = { marginShortage: usd(1000), slot: 0n, lastActiveSlot: 0n, liquidationMarginFreed: 0n, initialPctToLiquidate: 1_000n, liquidationDuration: 150n };
    expect(maxPctToLiquidate({ ...base, marginShortage: usd(49) })).toBe(10_000n);
    expect(maxPctToLiquidate(base)).toBe(1_000n);
    expect(maxPctToLiquidate({ ...base, slot: 75n })).toBe(6_000n);
    expect(maxPctToLiquidate({ ...base, slot: 300n })).toBe(10_000n);
  });

  it('enforces swap and limit-price bounds with the program errors', () => {
    const sol = { decimals: 9, price: usd(200), liquidationMultiplier: 1_010_000n };
    const usdc = { decimals: 6, price: usd(1), liquidationMultiplier: 1_000_000n };
    expect(() => validateSwapWithinLiquidationBoundaries(1_000_000_000n, usd(200), sol, usdc)).not.toThrow();
    expect(() => validateSwapWithinLiquidationBoundaries(1_000_000_000n, usd(198), sol, usdc)).toThrow(expect.objectContaining({ reason: 'InvalidLiquidation' }));
    expect(() => validateTransferSatisfiesLimitPrice(usd(10), 1_000_000_000n, 6, 9, usd(100))).toThrow(expect.objectContaining({ reason: 'LiquidationDoesntSatisfyLimitPrice' }));
    expect(() => validateTransferSatisfiesLimitPrice(usd(10), 1_000_000_000n, 6, 9, null)).not.toThrow();
  });
});
