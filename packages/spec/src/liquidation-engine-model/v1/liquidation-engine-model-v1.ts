import type { AmountBase, AmountQuote, Fraction, PriceQuote, Seconds, SideSign } from '../../units';
import type { VenueCapabilitiesV1 } from './venue-capabilities-v1';
import type { VenueProblemV1 } from './venue-problem-v1';

/**
 * A venue's liquidation rules: when a position is liquidatable, how much is closed per step, at what price,
 * what penalty goes where, and who pays for a close below bankruptcy.
 *
 * The engine calls the `do*` methods; methods on the hot path write into an `out` object the engine owns,
 * so a run over a million positions allocates nothing per position.
 */
export type LiquidationEngineModelV1 = {
  /** The contract version. The engine refuses versions it does not know. */
  readonly specificationVersion: 'v1';
  /** The venue, such as `generic`, `hyperliquid` or `dydx`. */
  readonly venueId: string;
  /** What this venue's engine does. */
  readonly capabilities: VenueCapabilitiesV1;
  /** Limits used to validate input. */
  readonly limits: VenueLimitsV1;
  /** Checks one position against the venue's limits; problems come back as data (never thrown). */
  doValidatePosition(position: PositionCheckInputV1): readonly VenueProblemV1[];
  /** The maintenance margin, in quote, that a position of `notionalQuote` needs on `marketId`. */
  doMaintenanceMargin(marketId: string, notionalQuote: AmountQuote): AmountQuote;
  /**
   * Writes the liquidation and bankruptcy price of a position margined by `marginQuote` alone
   * (isolated margin, or a cross account with a single position). A long with no liquidation price
   * (it cannot be liquidated) gets 0; a short gets `Infinity`.
   */
  doPriceTriggers(input: PriceTriggerInputV1, out: PriceTriggersV1): void;
  /**
   * Optional. Writes `out[i]`, for every `i` from `input.from` up to `input.to` (exclusive), the liquidation
   * price that {@link LiquidationEngineModelV1.doPriceTriggers} gives position `i` of the columns: the same
   * number, bit for bit. The engine calls it, when present, to index many positions of one market at a time
   * (no call and no object per position); without it, it calls `doPriceTriggers` once per position.
   */
  doLiquidationPrices?(input: PriceTriggerColumnsV1, out: Float64Array): void;
  /** Decides how a liquidatable position is closed now: size, route, price limit and fee. */
  doLiquidationOrder(input: LiquidationOrderInputV1, out: LiquidationOrderV1): void;
  /** Splits the proceeds of a close between the account, the fund, the liquidator and any shortfall. */
  doSettle(input: SettlementInputV1, out: SettlementV1): void;
  /** The auto-deleveraging score of a profitable position; the highest is deleveraged first. */
  doAdlScore(input: AdlCandidateInputV1): number;
};

/** Venue limits that scenario validation checks. */
export type VenueLimitsV1 = {
  /** Highest leverage a position may open with, per market id (`'*'` for every market). */
  readonly maxLeverage: Readonly<Record<string, number>>;
  /** Smallest position size in base units (0 for none). */
  readonly minPositionSizeBase: AmountBase;
  /** Collateral assets the venue accepts (`'*'` for any). */
  readonly collateralAssets: readonly string[];
};

/** The position facts a venue checks before a run. Reused by the caller between calls: read it, keep nothing. */
export type PositionCheckInputV1 = {
  readonly marketId: string;
  readonly side: SideSign;
  readonly sizeBase: AmountBase;
  readonly entryPriceQuote: PriceQuote;
  readonly leverage: number;
  readonly marginMode: 'isolated' | 'cross';
  /** Collateral assets the owning account holds. */
  readonly collateralAssets: readonly string[];
};

/** Input to {@link LiquidationEngineModelV1.doPriceTriggers}. Reused by the engine between calls. */
export type PriceTriggerInputV1 = {
  marketId: string;
  side: SideSign;
  sizeBase: AmountBase;
  entryPriceQuote: PriceQuote;
  /** Margin backing the position: its isolated margin, or the account's collateral value in cross. */
  marginQuote: AmountQuote;
};

/**
 * Input to {@link LiquidationEngineModelV1.doLiquidationPrices}: positions `from` to `to` (exclusive) of these
 * columns, all on `marketId`, each margined by its `marginQuote` alone. Read it, keep nothing: the engine reuses it.
 */
export type PriceTriggerColumnsV1 = {
  marketId: string;
  /** 1 for a long, -1 for a short. */
  side: Int8Array;
  sizeBase: Float64Array;
  entryPriceQuote: Float64Array;
  marginQuote: Float64Array;
  /** First position of the batch. */
  from: number;
  /** One past the last position of the batch. */
  to: number;
};

/** Output of {@link LiquidationEngineModelV1.doPriceTriggers}. */
export type PriceTriggersV1 = {
  /** Mark price at which equity reaches the maintenance margin. */
  liquidationPriceQuote: PriceQuote;
  /** Mark price at which equity reaches zero. */
  bankruptcyPriceQuote: PriceQuote;
};

/** Input to {@link LiquidationEngineModelV1.doLiquidationOrder}. */
export type LiquidationOrderInputV1 = {
  marketId: string;
  side: SideSign;
  sizeBase: AmountBase;
  entryPriceQuote: PriceQuote;
  marginQuote: AmountQuote;
  markPriceQuote: PriceQuote;
  bankruptcyPriceQuote: PriceQuote;
  /** Account equity at mark (margin plus unrealised PnL), in quote. */
  equityQuote: AmountQuote;
  /** Maintenance margin at mark, in quote. */
  maintenanceMarginQuote: AmountQuote;
  /** Seconds since this position was last partially liquidated (`Infinity` if never). */
  secondsSinceLastLiquidation: Seconds;
  /** The venue's insurance fund balance now. */
  insuranceFundQuote: AmountQuote;
};

/** How a position is closed. */
export type LiquidationRouteV1 =
  /** A market order into the book. */
  | 'market'
  /** The venue's backstop vault takes the position at the bankruptcy or mark price. */
  | 'backstop'
  /** The venue (network) takes the position over and disposes of it in stages. */
  | 'network';

/** Output of {@link LiquidationEngineModelV1.doLiquidationOrder}. */
export type LiquidationOrderV1 = {
  /** Base to close now (0 < closeBase <= size); 0 defers (for example during a cooldown). */
  closeBase: AmountBase;
  route: LiquidationRouteV1;
  /** Worst price the order may fill at (a floor for sells, a cap for buys); NaN for none. */
  limitPriceQuote: PriceQuote;
  /** Liquidation fee as a fraction of the closed notional. */
  feeRate: Fraction;
  /** Seconds before the rest of a partly closed position may be liquidated again. */
  cooldownSeconds: Seconds;
};

/** Input to {@link LiquidationEngineModelV1.doSettle}: one close of `closedBase` at `fillPriceQuote`. */
export type SettlementInputV1 = {
  side: SideSign;
  closedBase: AmountBase;
  entryPriceQuote: PriceQuote;
  fillPriceQuote: PriceQuote;
  /** The share of the position's margin that backs the closed part. */
  marginQuote: AmountQuote;
  feeRate: Fraction;
};

/**
 * Output of {@link LiquidationEngineModelV1.doSettle}. The amounts balance:
 * `margin + pnl = feeToFund + feeToLiquidator + returnedToAccount - shortfall`.
 */
export type SettlementV1 = {
  feeToFundQuote: AmountQuote;
  feeToLiquidatorQuote: AmountQuote;
  returnedToAccountQuote: AmountQuote;
  /** Loss beyond the margin (>= 0): paid by the insurance fund, then ADL, then socialised. */
  shortfallQuote: AmountQuote;
};

/** A profitable position considered for auto-deleveraging. */
export type AdlCandidateInputV1 = {
  side: SideSign;
  sizeBase: AmountBase;
  entryPriceQuote: PriceQuote;
  marginQuote: AmountQuote;
  markPriceQuote: PriceQuote;
};
