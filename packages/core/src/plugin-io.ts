import type {
  LiquidationOrderInputV1,
  LiquidationOrderV1,
  OrderBookFillV1,
  PriceTriggerInputV1,
  PriceTriggersV1,
  SettlementInputV1,
  SettlementV1,
} from '@firesale/spec';

/**
 * The objects a run hands to plugins, filled before each call: plugins read them during the call and keep nothing,
 * so one set serves every call of a run and every later run of the simulator.
 */
export type PluginIo = {
  readonly fill: OrderBookFillV1;
  readonly orderIn: LiquidationOrderInputV1;
  readonly orderOut: LiquidationOrderV1;
  readonly settleIn: SettlementInputV1;
  readonly settleOut: SettlementV1;
  readonly triggerIn: PriceTriggerInputV1;
  readonly triggerOut: PriceTriggersV1;
};

export function createPluginIo(): PluginIo {
  return {
    fill: { filledBase: 0, amountQuote: 0, averagePriceQuote: 0, priceAfterQuote: 0, exhausted: false },
    orderIn: {
      marketId: '', side: 1, sizeBase: 0, entryPriceQuote: 0, marginQuote: 0, markPriceQuote: 0, bankruptcyPriceQuote: 0,
      equityQuote: 0, maintenanceMarginQuote: 0, secondsSinceLastLiquidation: Infinity, insuranceFundQuote: 0,
    },
    orderOut: { closeBase: 0, route: 'market', limitPriceQuote: NaN, feeRate: 0, cooldownSeconds: 0 },
    settleIn: { side: 1, closedBase: 0, entryPriceQuote: 0, fillPriceQuote: 0, marginQuote: 0, feeRate: 0 },
    settleOut: { feeToFundQuote: 0, feeToLiquidatorQuote: 0, returnedToAccountQuote: 0, shortfallQuote: 0 },
    triggerIn: { marketId: '', side: 1, sizeBase: 0, entryPriceQuote: 0, marginQuote: 0 },
    triggerOut: { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 },
  };
}
