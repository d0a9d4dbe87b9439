// The testkit's conformance suite on the reference venue: it must pass every check, and its golden runs must
// match the recordings (the recordings were made with it).
import { runGoldenScenarios, runLiquidationEngineConformance } from '../src/index';
import { createGenericEngine } from '@firesale/venue-generic';

runLiquidationEngineConformance({ create: () => createGenericEngine() });
runLiquidationEngineConformance({
  name: 'LiquidationEngineModelV1 conformance: generic with tiers and partial liquidation',
  create: () =>
    createGenericEngine({
      tiers: [
        { minNotionalQuote: 0, maintenanceMarginRate: 0.004, maxLeverage: 125 },
        { minNotionalQuote: 50_000, maintenanceMarginRate: 0.005, maxLeverage: 100 },
        { minNotionalQuote: 250_000, maintenanceMarginRate: 0.01, maxLeverage: 50 },
      ],
      partialLiquidationFraction: 0.2,
      partialLiquidationAboveNotionalQuote: 100_000,
      partialLiquidationCooldownSeconds: 30,
      liquidatorFeeShare: 0.3,
      minPositionSizeBase: 0.001,
      collateralAssets: ['USDC', 'USDT'],
    }),
});
runGoldenScenarios({ create: () => createGenericEngine(), genericCompatible: true, name: 'golden scenarios: generic (recorded)' });
