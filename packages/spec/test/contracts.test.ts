import { describe, expectTypeOf, it } from 'vitest';
import type {
  CascadeEventV1,
  FiresaleErrorCode,
  LiquidationEngineModelV1,
  OrderBookModelV1,
  VenueCapabilitiesV1,
  VectorHandlerV1,
} from '../src';

describe('v1 contracts', () => {
  it('version every plugin contract with a literal', () => {
    expectTypeOf<LiquidationEngineModelV1['specificationVersion']>().toEqualTypeOf<'v1'>();
    expectTypeOf<OrderBookModelV1['specificationVersion']>().toEqualTypeOf<'v1'>();
    expectTypeOf<VectorHandlerV1['specificationVersion']>().toEqualTypeOf<'v1'>();
  });

  it('require every capability key', () => {
    expectTypeOf<keyof VenueCapabilitiesV1>().toEqualTypeOf<
      'partialLiquidation' | 'tieredMargin' | 'isolatedMargin' | 'crossMargin' | 'insuranceFund' | 'autoDeleveraging' | 'backstopVault' | 'perStepLimits' | 'lending'
    >();
  });

  it('discriminate events by type', () => {
    expectTypeOf<CascadeEventV1['type']>().toEqualTypeOf<
      'price-update' | 'liquidation-triggered' | 'order-filled' | 'position-liquidated' | 'insurance-fund-change' | 'adl' | 'bad-debt' | 'containment'
    >();
    expectTypeOf<Extract<CascadeEventV1, { type: 'adl' }>['priceQuote']>().toEqualTypeOf<number>();
  });

  it('namespace error codes by area', () => {
    expectTypeOf<FiresaleErrorCode>().toMatchTypeOf<`${'SCENARIO' | 'BOOK' | 'CSV' | 'HISTORY' | 'FILE' | 'SPEC' | 'VECTORS' | 'ENGINE'}__${string}`>();
  });
});
