import type {
  AmountQuote,
  LiquidationEngineModelV1,
  LiquidationOrderInputV1,
  LiquidationOrderV1,
  PositionCheckInputV1,
  PriceTriggerInputV1,
  PriceTriggersV1,
  SettlementInputV1,
  SettlementV1,
  VenueCapabilitiesV1,
  VenueProblemV1,
} from '@firesale/spec';
import { RAD, RAY, WAD } from './fixed-point';
import { type MakerIlkParams, type MakerParams, makerDssTestParams } from './maker-params';
import { vaultLiquidationPriceQuote } from './vault-prices';

/** Options of {@link createMakerEngine}. */
export type MakerEngineOptions = {
  /** Venue id reported in events (default `maker`). */
  venueId?: string;
  /** Global limit and ilks (default {@link makerDssTestParams}). Market ids are ilk names. */
  params?: MakerParams;
};

/** What the Maker plugin does. */
export const makerCapabilities = {
  partialLiquidation: true,
  tieredMargin: false,
  isolatedMargin: true,
  crossMargin: false,
  insuranceFund: true,
  autoDeleveraging: false,
  backstopVault: false,
  perStepLimits: true,
  lending: true,
} as const satisfies VenueCapabilitiesV1;

type IlkFloat = {
  mat: number;
  chop: number;
  dustQuote: number;
  holeQuote: number;
  asset: string;
};

function toFloat(ilk: MakerIlkParams): IlkFloat {
  return {
    mat: Number(ilk.matRay) / Number(RAY),
    chop: Number(ilk.chopWad) / Number(WAD),
    dustQuote: Number(ilk.dustRad) / Number(RAD),
    holeQuote: Number(ilk.holeRad) / Number(RAD),
    asset: ilk.collateralAsset,
  };
}

/**
 * A Maker vault as a firesale position: a long of `sizeBase` collateral (`ink`) that borrowed
 * `sizeBase * entryPriceQuote - marginQuote` DAI (`art * rate`). Shorts do not exist on Maker.
 *
 * - liquidatable when collateral value / mat < debt (Dog.bark `Dog/not-unsafe`); liquidation price =
 *   debt * mat / size; bankruptcy price = debt / size; maintenance margin = notional * (1 - 1/mat);
 * - each liquidation sends to auction the part of the vault whose debt plus penalty fits under
 *   min(Hole, hole), the whole vault when the rest would be below dust, nothing when the part would be below
 *   dust (bark reverts); the auction sells into the market (route `market`). Running auctions' Dirt is not
 *   in the engine's input, so each order sees the full room;
 * - the penalty `chop - 1` on the debt goes to the surplus buffer (fund), capped at what the sale raises
 *   above the debt; the rest returns to the owner; a sale below the debt is a shortfall (bad debt, `sin`).
 *
 * @example
 * ```ts
 * const maker = createMakerEngine({ params: { globalHoleRad, ilks: { 'ETH-A': ethA } } });
 * ```
 */
export function createMakerEngine(options: MakerEngineOptions = {}): LiquidationEngineModelV1 {
  const venueId = options.venueId ?? 'maker';
  const params: MakerParams = options.params ?? makerDssTestParams;
  const ilks = new Map<string, IlkFloat>();
  const maxLeverage: Record<string, number> = {};
  for (const [id, ilk] of Object.entries(params.ilks)) {
    const f = toFloat(ilk);
    ilks.set(id, f);
    maxLeverage[id] = f.mat / (f.mat - 1);
  }
  const globalHoleQuote = Number(params.globalHoleRad) / Number(RAD);
  const known = [...ilks.keys()].join(', ');
  const accepted = [...new Set([...ilks.values()].map((i) => i.asset))];

  function ilkOf(marketId: string): IlkFloat {
    const ilk = ilks.get(marketId);
    if (ilk === undefined) throw new RangeError(`${venueId}: unknown ilk "${marketId}" (known: ${known})`);
    return ilk;
  }

  return {
    specificationVersion: 'v1',
    venueId,
    capabilities: makerCapabilities,
    limits: { maxLeverage, minPositionSizeBase: 0, collateralAssets: accepted },

    doValidatePosition(p: PositionCheckInputV1): VenueProblemV1[] {
      const problems: VenueProblemV1[] = [];
      const ilk = ilks.get(p.marketId);
      if (ilk === undefined) {
        problems.push({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId', value: p.marketId, context: { venue: venueId, known } });
        return problems;
      }
      if (p.side !== 1) {
        problems.push({ code: 'SCENARIO__INVALID_FIELD', field: 'side', value: p.side, context: { reason: 'a Maker vault borrows DAI against collateral: only longs exist' } });
      }
      const max = maxLeverage[p.marketId] ?? 0;
      if (p.leverage > max) {
        problems.push({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', value: p.leverage, context: { max, venue: venueId } });
      }
      const debtPerBase = p.entryPriceQuote * (1 - 1 / p.leverage);
      if (debtPerBase > 0 && p.sizeBase * debtPerBase < ilk.dustQuote) {
        problems.push({ code: 'SCENARIO__SIZE_BELOW_VENUE_MIN', field: 'sizeBase', value: p.sizeBase, context: { min: ilk.dustQuote / debtPerBase, venue: venueId } });
      }
      for (const asset of p.collateralAssets) {
        if (asset !== ilk.asset) {
          problems.push({ code: 'SCENARIO__COLLATERAL_NOT_ACCEPTED', field: 'collateralAssets', value: asset, context: { venue: venueId, accepted: ilk.asset } });
        }
      }
      return problems;
    },

    doMaintenanceMargin(marketId: string, notionalQuote: AmountQuote): AmountQuote {
      return notionalQuote * (1 - 1 / ilkOf(marketId).mat);
    },

    doPriceTriggers(input: PriceTriggerInputV1, out: PriceTriggersV1): void {
      const ilk = ilkOf(input.marketId);
      const debt = input.sizeBase * input.entryPriceQuote - input.marginQuote;
      out.liquidationPriceQuote = vaultLiquidationPriceQuote(input.sizeBase, debt, ilk.mat);
      out.bankruptcyPriceQuote = vaultLiquidationPriceQuote(input.sizeBase, debt, 1);
    },

    doLiquidationOrder(input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
      const ilk = ilkOf(input.marketId);
      out.route = 'market';
      out.limitPriceQuote = NaN;
      out.cooldownSeconds = 0;
      const debt = input.sizeBase * input.entryPriceQuote - input.marginQuote;
      if (debt <= 0 || input.sizeBase <= 0) {
        out.closeBase = 0;
        out.feeRate = 0;
        return;
      }
      // Dog.bark: debt whose tab (debt * chop) fits in the room; whole vault if the rest is dust.
      const room = Math.min(globalHoleQuote, ilk.holeQuote);
      let part = Math.min(debt, room / ilk.chop);
      if (part < debt) {
        if (debt - part < ilk.dustQuote) part = debt;
        else if (part < ilk.dustQuote) part = 0;
      }
      out.closeBase = (input.sizeBase * part) / debt;
      const notional = out.closeBase * input.markPriceQuote;
      out.feeRate = notional > 0 ? ((ilk.chop - 1) * part) / notional : 0;
    },

    doSettle(input: SettlementInputV1, out: SettlementV1): void {
      // Auction proceeds pay the tab (debt * chop) first; the owner gets the rest (dss clip.sol take).
      const proceeds = input.closedBase * input.fillPriceQuote;
      const debt = input.closedBase * input.entryPriceQuote - input.marginQuote;
      const remaining = proceeds - debt;
      const penalty = Math.min(input.feeRate * proceeds, Math.max(remaining, 0));
      out.feeToFundQuote = penalty;
      out.feeToLiquidatorQuote = 0;
      out.returnedToAccountQuote = Math.max(remaining - penalty, 0);
      out.shortfallQuote = Math.max(-remaining, 0);
    },

    doAdlScore(): number {
      return 0;
    },
  };
}
