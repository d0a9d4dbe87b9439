import { abs } from './big-math';
import { initialMarginQuoteQuantums, maintenanceMarginQuoteQuantums, type LiquidityTier } from './liquidity-tier';
import { baseToQuoteQuantums, type MarketPrice } from './quantums';
import { VenueRuleError } from './venue-rule-error';

/** A perpetual market as the margin rules see it: resolution, oracle price, tier and open interest. */
export type PerpetualMarket = {
  readonly perpetualId: number;
  readonly ticker?: string;
  /** 1 base quantum = 10^atomicResolution coins (BTC -10 on mainnet, -8 in the test constants). */
  readonly atomicResolution: number;
  readonly marketPrice: MarketPrice;
  readonly liquidityTier: LiquidityTier;
  /** Open interest in base quantums (drives the OI-adjusted IMF). */
  readonly openInterestBaseQuantums: bigint;
};

/** One perpetual position of a subaccount, in signed base quantums (long > 0). */
export type PerpetualPosition = {
  readonly perpetualId: number;
  readonly quantums: bigint;
};

/** A subaccount: its USDC balance in quote quantums and its perpetual positions (funding settled). */
export type Subaccount = {
  readonly usdcQuoteQuantums: bigint;
  readonly perpetualPositions: readonly PerpetualPosition[];
};

/** Net collateral and margin requirements, in quote quantums (`protocol/lib/margin/risk.go` Risk). */
export type Risk = {
  /** Net collateral (TNC for a subaccount). */
  readonly nc: bigint;
  /** Initial margin requirement. */
  readonly imr: bigint;
  /** Maintenance margin requirement. */
  readonly mmr: bigint;
};

/** Finds a market by perpetual id. */
export function getPerpetual(perpetuals: readonly PerpetualMarket[], perpetualId: number): PerpetualMarket {
  for (const p of perpetuals) if (p.perpetualId === perpetualId) return p;
  throw new VenueRuleError('ErrPerpetualDoesNotExist', `perpetual ${perpetualId}`);
}

/** Signed net notional of `quantums` at the oracle price, truncated toward zero. */
export function netNotionalQuoteQuantums(perpetual: PerpetualMarket, quantums: bigint): bigint {
  return baseToQuoteQuantums(quantums, perpetual.atomicResolution, perpetual.marketPrice);
}

/** Open interest of the market in quote quantums at the oracle price. */
export function openInterestQuoteQuantums(perpetual: PerpetualMarket): bigint {
  return netNotionalQuoteQuantums(perpetual, perpetual.openInterestBaseQuantums);
}

/**
 * Initial and maintenance margin requirement of a position (`lib.go` GetMarginRequirementsInQuoteQuantums):
 * both on the notional of |quantums|; IMR with the OI-adjusted IMF (or a larger custom IMF), MMR from the base IMR.
 */
export function marginRequirements(
  perpetual: PerpetualMarket,
  quantums: bigint,
  customImfPpm = 0n,
): { imr: bigint; mmr: bigint } {
  const notional = netNotionalQuoteQuantums(perpetual, abs(quantums));
  return {
    imr: initialMarginQuoteQuantums(perpetual.liquidityTier, notional, openInterestQuoteQuantums(perpetual), customImfPpm),
    mmr: maintenanceMarginQuoteQuantums(perpetual.liquidityTier, notional),
  };
}

/** Risk of one position: its signed notional as NC, and its margin requirements. */
export function positionRisk(perpetual: PerpetualMarket, quantums: bigint): Risk {
  const { imr, mmr } = marginRequirements(perpetual, quantums);
  return { nc: netNotionalQuoteQuantums(perpetual, quantums), imr, mmr };
}

/**
 * Subaccount totals (`x/subaccounts/lib/updates.go` GetRiskForSubaccount): TNC = USDC + sum of position
 * notionals; TIMR and TMMR are sums over positions. Unsettled funding is taken as already settled.
 */
export function subaccountRisk(subaccount: Subaccount, perpetuals: readonly PerpetualMarket[]): Risk {
  let nc = subaccount.usdcQuoteQuantums;
  let imr = 0n;
  let mmr = 0n;
  for (const position of subaccount.perpetualPositions) {
    if (position.quantums === 0n) continue;
    const r = positionRisk(getPerpetual(perpetuals, position.perpetualId), position.quantums);
    nc += r.nc;
    imr += r.imr;
    mmr += r.mmr;
  }
  return { nc, imr, mmr };
}

/** A subaccount is liquidatable iff TMMR > 0 and TNC < TMMR (`risk.go` IsLiquidatable). */
export function isLiquidatable(risk: Risk): boolean {
  return risk.mmr > 0n && risk.mmr > risk.nc;
}

/** The signed size of the subaccount's position in `perpetualId` (0 when it has none). */
export function positionQuantums(subaccount: Subaccount, perpetualId: number): bigint {
  for (const p of subaccount.perpetualPositions) if (p.perpetualId === perpetualId) return p.quantums;
  return 0n;
}

/**
 * A copy of the subaccount with `deltaUsdc` added to USDC and `deltaQuantums` to the position in `perpetualId`;
 * a position that reaches zero is removed (`updates.go` CalculateUpdatedPerpetualPositions).
 */
export function applySubaccountUpdate(
  subaccount: Subaccount,
  perpetualId: number,
  deltaQuantums: bigint,
  deltaUsdc: bigint,
): Subaccount {
  const positions: PerpetualPosition[] = [];
  let found = false;
  for (const p of subaccount.perpetualPositions) {
    if (p.perpetualId === perpetualId) {
      found = true;
      const q = p.quantums + deltaQuantums;
      if (q !== 0n) positions.push({ perpetualId, quantums: q });
    } else {
      positions.push(p);
    }
  }
  if (!found && deltaQuantums !== 0n) positions.push({ perpetualId, quantums: deltaQuantums });
  positions.sort((a, b) => a.perpetualId - b.perpetualId);
  return { usdcQuoteQuantums: subaccount.usdcQuoteQuantums + deltaUsdc, perpetualPositions: positions };
}
