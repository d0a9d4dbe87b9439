import { createLinearBook } from '@firesale/orderbook';
import type { LiquidationEngineModelV1 } from '@firesale/spec';
import { createGenericEngine, type GenericEngineOptions } from '@firesale/venue-generic';
import { PositionTable, createSimulator, type AccountInput, type ContainmentInput, type TimingInput } from '../src';

/** A long position that the generic venue (MMR 0) liquidates exactly at `trigger`. */
export type LongAt = { trigger: number; sizeBase: number };

/**
 * One market on a linear book with isolated longs whose liquidation prices are the given triggers:
 * entry p0, margin (p0 - trigger) * size, maintenance margin 0, no fee unless given.
 */
export function linearMarket(options: {
  p0: number;
  depthBasePerQuote: number;
  longs: readonly LongAt[];
  venue?: GenericEngineOptions;
  insuranceFundQuote?: number;
  timing?: TimingInput;
  containment?: ContainmentInput;
  halfLifeSeconds?: number;
  shorts?: readonly { entry: number; sizeBase: number; marginQuote: number }[];
  /** Changes the generic venue's engine (to route some orders differently, say). */
  engine?: (generic: LiquidationEngineModelV1) => LiquidationEngineModelV1;
}) {
  const generic = createGenericEngine({ maintenanceMarginRate: 0, liquidationFeeRate: 0, maxLeverage: 1e9, ...options.venue });
  const positions = new PositionTable(options.longs.length + 16);
  const accounts: AccountInput[] = [];
  options.longs.forEach((l, i) => {
    accounts.push({ accountId: `long-${i}`, marginMode: 'isolated', collateral: [] });
    positions.add(i, 0, 1, l.sizeBase, options.p0, (options.p0 - l.trigger) * l.sizeBase);
  });
  (options.shorts ?? []).forEach((s, i) => {
    accounts.push({ accountId: `short-${i}`, marginMode: 'isolated', collateral: [] });
    positions.add(accounts.length - 1, 0, -1, s.sizeBase, s.entry, s.marginQuote);
  });
  return createSimulator({
    markets: [
      {
        marketId: 'X-PERP',
        venueId: options.venue?.venueId ?? 'generic',
        baseAsset: 'X',
        book: createLinearBook({
          midPriceQuote: options.p0,
          depthBasePerQuote: options.depthBasePerQuote,
          ...(options.halfLifeSeconds ? { resilience: { halfLifeSeconds: options.halfLifeSeconds } } : {}),
        }),
      },
    ],
    venues: [
      {
        engine: options.engine ? options.engine(generic) : generic,
        insuranceFundQuote: options.insuranceFundQuote ?? 0,
      },
    ],
    accounts,
    positions,
    timing: options.timing ?? { stepSeconds: 1, durationSeconds: 60 },
    ...(options.containment ? { containment: options.containment } : {}),
  });
}
