import fc from 'fast-check';
import type { LiquidationEngineModelV1, VenueCapabilitiesV1 } from '@firesale/spec';
import { arbitraries } from './arbitraries';
import { assertCheck, show } from './assert';
import type { ConformanceCheck } from './check-types';
import type { EngineCheckContext } from './engine-context';
import { acceptedCollateral, checkInputOf, fcParams, maxLeverageOf, problemsOf, triggersOf, validPositionArbitrary } from './engine-context';

type Check = ConformanceCheck<EngineCheckContext>;

/** Every capability key and the values it may take (`VenueCapabilitiesV1`). */
export const capabilityValues: Readonly<Record<keyof VenueCapabilitiesV1, readonly unknown[]>> = {
  partialLiquidation: [true, false, 'emulated'],
  tieredMargin: [true, false],
  isolatedMargin: [true, false],
  crossMargin: [true, false, 'emulated'],
  insuranceFund: [true, false],
  autoDeleveraging: [true, false],
  backstopVault: [true, false],
  perStepLimits: [true, false],
  lending: [true, false],
};

const PROBLEM_CODE = /^[A-Z]+__[A-Z0-9_]+$/;

function assertProblemsWellFormed(problems: unknown): void {
  assertCheck(Array.isArray(problems), `doValidatePosition returned ${show(problems)}, not an array`);
  for (const p of problems as unknown[]) {
    const problem = p as Record<string, unknown>;
    assertCheck(typeof problem === 'object' && problem !== null, `a problem is ${show(p)}, not an object`);
    assertCheck(typeof problem.code === 'string' && PROBLEM_CODE.test(problem.code), `problem code ${show(problem.code)} is not a FiresaleErrorCode`);
    assertCheck(typeof problem.field === 'string' && problem.field !== '', `problem ${String(problem.code)} has no field`);
    assertCheck(typeof problem.context === 'object' && problem.context !== null, `problem ${String(problem.code)} has no context object`);
  }
}

function sampleInput(engine: LiquidationEngineModelV1, marketId: string) {
  const leverage = Math.min(2, maxLeverageOf(engine, marketId));
  return {
    marketId,
    side: 1 as const,
    sizeBase: Math.max(10, engine.limits.minPositionSizeBase * 10),
    entryPriceQuote: 100,
    leverage,
    marginMode: engine.capabilities.isolatedMargin ? ('isolated' as const) : ('cross' as const),
    collateralAssets: [acceptedCollateral(engine)],
  };
}

/** Checks of the plugin's shape and its input validation. */
export const engineContractChecks: readonly Check[] = [
  {
    id: 'LE-MUST-001',
    level: 'MUST',
    title: "specificationVersion is 'v1'",
    run: ({ engine }) => assertCheck(engine.specificationVersion === 'v1', `specificationVersion is ${show(engine.specificationVersion)}, expected 'v1'`),
  },
  {
    id: 'LE-MUST-002',
    level: 'MUST',
    title: 'venueId is a non-empty string',
    run: ({ engine }) => assertCheck(typeof engine.venueId === 'string' && engine.venueId.trim() !== '', `venueId is ${show(engine.venueId)}`),
  },
  {
    id: 'LE-MUST-003',
    level: 'MUST',
    title: 'capabilities state every key with a valid value',
    run: ({ engine }) => {
      const caps = engine.capabilities as unknown as Record<string, unknown> | undefined;
      assertCheck(typeof caps === 'object' && caps !== null, 'capabilities is missing');
      for (const [key, allowed] of Object.entries(capabilityValues)) {
        assertCheck(Object.hasOwn(caps, key), `capabilities.${key} is missing`);
        assertCheck(allowed.includes(caps[key]), `capabilities.${key} is ${show(caps[key])}, expected one of ${allowed.map(show).join(', ')}`);
      }
      for (const key of Object.keys(caps)) assertCheck(Object.hasOwn(capabilityValues, key), `capabilities.${key} is not a VenueCapabilitiesV1 key`);
    },
  },
  {
    id: 'LE-MUST-004',
    level: 'MUST',
    title: 'limits are well formed (leverage caps >= 1, min size >= 0, collateral assets listed)',
    run: ({ engine }) => {
      const limits = engine.limits;
      assertCheck(typeof limits === 'object' && limits !== null, 'limits is missing');
      const caps = Object.entries(limits.maxLeverage ?? {});
      assertCheck(caps.length > 0, 'limits.maxLeverage names no market');
      for (const [market, cap] of caps) {
        assertCheck(typeof cap === 'number' && Number.isFinite(cap) && cap >= 1, `limits.maxLeverage[${market}] is ${show(cap)}, expected a finite number >= 1`);
      }
      const min = limits.minPositionSizeBase;
      assertCheck(typeof min === 'number' && Number.isFinite(min) && min >= 0, `limits.minPositionSizeBase is ${show(min)}`);
      assertCheck(Array.isArray(limits.collateralAssets) && limits.collateralAssets.length > 0, 'limits.collateralAssets is empty');
      for (const asset of limits.collateralAssets) assertCheck(typeof asset === 'string' && asset !== '', `collateral asset ${show(asset)} is not a name`);
    },
  },
  {
    id: 'LE-MUST-005',
    level: 'MUST',
    title: 'doValidatePosition never throws and returns problems as data',
    run: (context) => {
      const { engine } = context;
      fc.assert(
        fc.property(
          arbitraries.position({ marketIds: [...context.marketIds, 'FIRESALE-UNKNOWN-MARKET'], maxLeverage: 1000, notionalQuote: { min: 1e-6, max: 1e9 } }),
          fc.constantFrom<'isolated' | 'cross'>('isolated', 'cross'),
          fc.array(fc.constantFrom('USDC', 'USDT', 'BTC', 'ETH', 'FIRESALE-UNKNOWN-ASSET', acceptedCollateral(engine)), { maxLength: 3 }),
          (p, marginMode, collateralAssets) => {
            let problems: unknown;
            try {
              problems = engine.doValidatePosition({ ...checkInputOf(engine, p), marginMode, collateralAssets });
            } catch (error) {
              throw new Error(`doValidatePosition threw: ${error instanceof Error ? error.message : String(error)}`);
            }
            assertProblemsWellFormed(problems);
          },
        ),
        fcParams(context),
      );
    },
  },
  {
    id: 'LE-MUST-006',
    level: 'MUST',
    title: 'doValidatePosition flags leverage above limits.maxLeverage (SCENARIO__LEVERAGE_ABOVE_VENUE_MAX on leverage)',
    run: (context) => {
      const { engine } = context;
      for (const marketId of context.marketIds) {
        const cap = maxLeverageOf(engine, marketId);
        for (const factor of [1.01, 2, 10]) {
          const input = { ...sampleInput(engine, marketId), leverage: cap * factor };
          const problems = problemsOf(engine, input);
          const hit = problems.find((p) => p.code === 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX');
          assertCheck(hit !== undefined, `leverage ${show(input.leverage)} on ${marketId} (cap ${show(cap)}) gave ${show(problems.map((p) => p.code))}`);
          assertCheck(hit.field === 'leverage', `the leverage problem names field ${show(hit.field)}, expected 'leverage'`);
          assertCheck(typeof hit.context.max === 'number' && typeof hit.context.venue === 'string', `the leverage problem's context ${show(hit.context)} lacks max or venue`);
        }
      }
    },
  },
  {
    id: 'LE-MUST-007',
    level: 'MUST',
    title: 'doValidatePosition flags a size below limits.minPositionSizeBase (SCENARIO__SIZE_BELOW_VENUE_MIN on sizeBase)',
    run: (context) => {
      const { engine } = context;
      const min = engine.limits.minPositionSizeBase;
      if (!(min > 0)) return 'not applicable: the venue has no minimum size';
      for (const marketId of context.marketIds) {
        const input = { ...sampleInput(engine, marketId), sizeBase: min / 2 };
        const hit = problemsOf(engine, input).find((p) => p.code === 'SCENARIO__SIZE_BELOW_VENUE_MIN');
        assertCheck(hit !== undefined && hit.field === 'sizeBase', `size ${show(min / 2)} below the minimum ${show(min)} is not flagged on sizeBase`);
      }
    },
  },
  {
    id: 'LE-MUST-008',
    level: 'MUST',
    title: 'doValidatePosition flags collateral the venue does not accept (SCENARIO__COLLATERAL_NOT_ACCEPTED)',
    run: (context) => {
      const { engine } = context;
      if (engine.limits.collateralAssets.includes('*')) return 'not applicable: the venue accepts any collateral';
      for (const marketId of context.marketIds) {
        const input = { ...sampleInput(engine, marketId), collateralAssets: ['FIRESALE-UNKNOWN-ASSET'] };
        const hit = problemsOf(engine, input).find((p) => p.code === 'SCENARIO__COLLATERAL_NOT_ACCEPTED');
        assertCheck(hit !== undefined && hit.field === 'collateralAssets', 'collateral FIRESALE-UNKNOWN-ASSET is not flagged on collateralAssets');
      }
    },
  },
  {
    id: 'LE-MUST-009',
    level: 'MUST',
    title: 'doMaintenanceMargin is finite and non-negative',
    run: (context) => {
      fc.assert(
        fc.property(fc.constantFrom(...context.marketIds), fc.double({ min: 0, max: 1e10, noNaN: true }), (marketId, notional) => {
          const mm = context.engine.doMaintenanceMargin(marketId, notional);
          assertCheck(Number.isFinite(mm) && mm >= 0, `doMaintenanceMargin(${marketId}, ${show(notional)}) = ${show(mm)}`);
        }),
        fcParams(context),
      );
    },
  },
  {
    id: 'LE-SHOULD-004',
    level: 'SHOULD',
    title: "doValidatePosition accepts a modest position within the venue's limits",
    run: (context) => {
      for (const marketId of context.marketIds) {
        const input = sampleInput(context.engine, marketId);
        const problems = problemsOf(context.engine, input);
        assertCheck(problems.length === 0, `${show(input)} gave ${show(problems)}`);
      }
    },
  },
  {
    id: 'LE-SHOULD-005',
    level: 'SHOULD',
    title: "an unknown market is flagged (SCENARIO__UNKNOWN_TIER on marketId) when limits name no '*' market",
    run: ({ engine }) => {
      if (Object.hasOwn(engine.limits.maxLeverage, '*')) return "not applicable: limits.maxLeverage has a '*' entry";
      const input = { ...sampleInput(engine, 'FIRESALE-UNKNOWN-MARKET'), leverage: 1 };
      const hit = problemsOf(engine, input).find((p) => p.code === 'SCENARIO__UNKNOWN_TIER');
      assertCheck(hit !== undefined && hit.field === 'marketId', 'market FIRESALE-UNKNOWN-MARKET is not flagged on marketId');
    },
  },
  {
    id: 'LE-SHOULD-007',
    level: 'SHOULD',
    title: 'the factory is deterministic: the same seed gives the same answers',
    run: (context) => {
      const other = context.create(context.seed);
      fc.assert(
        fc.property(validPositionArbitrary(context), (p) => {
          const a = triggersOf(context.engine, p);
          const b = triggersOf(other, p);
          assertCheck(Object.is(a.liquidationPriceQuote, b.liquidationPriceQuote) && Object.is(a.bankruptcyPriceQuote, b.bankruptcyPriceQuote), `two engines from seed ${context.seed} disagree on ${show(p)}: ${show(a)} vs ${show(b)}`);
          const notional = p.sizeBase * p.entryPriceQuote;
          assertCheck(Object.is(context.engine.doMaintenanceMargin(p.marketId, notional), other.doMaintenanceMargin(p.marketId, notional)), 'doMaintenanceMargin differs between two engines from the same seed');
        }),
        fcParams(context),
      );
    },
  },
];
