import type { AmountBase, AmountQuote, OrderSide, PriceQuote, Seconds, SideSign } from '../../units';
import type { LiquidationRouteV1 } from '../../liquidation-engine-model/v1/liquidation-engine-model-v1';

/** Fields every event has. */
type EventBase = {
  /** Simulated time of the event. */
  readonly timeSeconds: Seconds;
  /** Position of the event in the run's log, from 0. */
  readonly sequence: number;
};

/** A market's mid and mark price after a step. */
export type PriceUpdateEventV1 = EventBase & {
  readonly type: 'price-update';
  readonly marketId: string;
  readonly midPriceQuote: PriceQuote;
  readonly markPriceQuote: PriceQuote;
};

/** A position crossed its liquidation price (or its account fell below maintenance margin). */
export type LiquidationTriggeredEventV1 = EventBase & {
  readonly type: 'liquidation-triggered';
  readonly marketId: string;
  readonly positionId: number;
  readonly accountId: string;
  /** 1 for positions the exogenous shock triggered, 2 for those generation 1's impact triggered, … */
  readonly generation: number;
  readonly markPriceQuote: PriceQuote;
  readonly liquidationPriceQuote: PriceQuote;
};

/** An order traded against the book. */
export type OrderFilledEventV1 = EventBase & {
  readonly type: 'order-filled';
  readonly marketId: string;
  readonly side: OrderSide;
  readonly cause: 'liquidation' | 'disposal' | 'backstop';
  readonly positionId: number;
  readonly filledBase: AmountBase;
  readonly averagePriceQuote: PriceQuote;
  readonly priceAfterQuote: PriceQuote;
};

/** A position (or part of it) was liquidated and settled. */
export type PositionLiquidatedEventV1 = EventBase & {
  readonly type: 'position-liquidated';
  readonly marketId: string;
  readonly positionId: number;
  readonly accountId: string;
  readonly side: SideSign;
  readonly closedBase: AmountBase;
  readonly remainingBase: AmountBase;
  readonly fillPriceQuote: PriceQuote;
  readonly route: LiquidationRouteV1 | 'adl';
  readonly generation: number;
  readonly feeToFundQuote: AmountQuote;
  readonly returnedToAccountQuote: AmountQuote;
  readonly shortfallQuote: AmountQuote;
};

/** The insurance fund's balance changed. */
export type InsuranceFundChangeEventV1 = EventBase & {
  readonly type: 'insurance-fund-change';
  readonly venueId: string;
  readonly deltaQuote: AmountQuote;
  readonly balanceQuote: AmountQuote;
  readonly reason: 'fee' | 'shortfall' | 'takeover' | 'disposal';
};

/** A profitable opposite position was auto-deleveraged at the bankrupt position's bankruptcy price. */
export type AdlEventV1 = EventBase & {
  readonly type: 'adl';
  readonly marketId: string;
  readonly liquidatedPositionId: number;
  readonly counterpartyPositionId: number;
  readonly counterpartyAccountId: string;
  readonly sizeBase: AmountBase;
  readonly priceQuote: PriceQuote;
  /** Unrealised profit at mark the counterparty gave up by closing at the bankruptcy price. */
  readonly profitGivenUpQuote: AmountQuote;
};

/** A loss that neither margin, fund nor ADL covered. */
export type BadDebtEventV1 = EventBase & {
  readonly type: 'bad-debt';
  readonly marketId: string;
  readonly positionId: number;
  readonly amountQuote: AmountQuote;
  /** True when the venue spreads it over other users (socialised loss) rather than carrying it. */
  readonly socialised: boolean;
};

/** A containment mechanism acted. */
export type ContainmentEventV1 = EventBase & {
  readonly type: 'containment';
  readonly marketId: string;
  readonly action:
    | 'partial-liquidation'
    | 'step-cap-reached'
    | 'halt-started'
    | 'halt-ended'
    | 'network-takeover'
    | 'disposal-order';
  readonly detail: Readonly<Record<string, number | string>>;
};

/** Everything that happens in a cascade, in order. */
export type CascadeEventV1 =
  | PriceUpdateEventV1
  | LiquidationTriggeredEventV1
  | OrderFilledEventV1
  | PositionLiquidatedEventV1
  | InsuranceFundChangeEventV1
  | AdlEventV1
  | BadDebtEventV1
  | ContainmentEventV1;
