/**
 * Handlers that run vectors/lending.json Maker cases (`venue: maker`) through this package's mechanics.
 *
 * @packageDocumentation
 */
import type { VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import { type AuctionCurve, auctionPrice } from './auction-price';
import { auctionStatus, redo, redoIncentiveRad } from './auction-status';
import { bark } from './bark';
import { feedPriceRay, kick, startingPriceRay } from './kick';
import { take } from './take';
import { VenueRuleError } from './venue-rule-error';

type Inputs = Readonly<Record<string, unknown>>;

function int(inputs: Inputs, key: string): bigint {
  const v = inputs[key];
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') return BigInt(v);
  throw new TypeError(`inputs.${key}: expected an integer (decimal string or number), got ${JSON.stringify(v)}`);
}

function seconds(inputs: Inputs, key: string): number {
  const v = inputs[key];
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return Number(v);
  throw new TypeError(`inputs.${key}: expected a number of seconds, got ${JSON.stringify(v)}`);
}

function curveOf(inputs: Inputs): AuctionCurve {
  const kind = inputs['curve'];
  switch (kind) {
    case 'LinearDecrease':
      return { kind, tauSeconds: seconds(inputs, 'tau') };
    case 'StairstepExponentialDecrease':
      return { kind, cutRay: int(inputs, 'cut'), stepSeconds: seconds(inputs, 'step') };
    case 'ExponentialDecrease':
      return { kind, cutRay: int(inputs, 'cut') };
    default:
      throw new TypeError(`inputs.curve: unknown curve ${JSON.stringify(kind)}`);
  }
}

const has = (inputs: Inputs, key: string): boolean => inputs[key] !== undefined;

const auctionPriceHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'auction_price',
  venue: 'maker',
  run(testCase: VectorCaseV1) {
    const i = testCase.inputs;
    const price = auctionPrice(curveOf(i), int(i, 'top'), seconds(i, 'dur')).toString();
    // `source_approx_price` is the source test's rounded value; the computed price is compared with it.
    return { price, source_approx_price: price };
  },
};

const barkHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'bark',
  venue: 'maker',
  run(testCase: VectorCaseV1) {
    const i = testCase.inputs;
    const r = bark({
      inkWad: int(i, 'ink'),
      artWad: int(i, 'art'),
      rateRay: int(i, 'rate'),
      spotRay: int(i, 'spot'),
      dustRad: int(i, 'dust'),
      chopWad: int(i, 'chop'),
      globalHoleRad: int(i, 'Hole'),
      globalDirtRad: int(i, 'Dirt'),
      ilkHoleRad: int(i, 'hole'),
      ilkDirtRad: int(i, 'dirt'),
    });
    const out: Record<string, string> = {
      dart: r.dartWad.toString(),
      dink: r.dinkWad.toString(),
      due: r.dueRad.toString(),
      tab: r.tabRad.toString(),
      ink_after: r.inkAfterWad.toString(),
      art_after: r.artAfterWad.toString(),
      Dirt_after: r.globalDirtAfterRad.toString(),
      dirt_after: r.ilkDirtAfterRad.toString(),
    };
    if (has(i, 'feed_price_wad')) {
      const k = kick({
        tabRad: r.tabRad,
        lotWad: r.dinkWad,
        feedPriceRay: feedPriceRay(int(i, 'feed_price_wad'), int(i, 'par')),
        bufRay: int(i, 'buf'),
        tipRad: has(i, 'tip') ? int(i, 'tip') : 0n,
        chipWad: has(i, 'chip') ? int(i, 'chip') : 0n,
      });
      out['top'] = k.topRay.toString();
      out['coin'] = k.coinRad.toString();
    }
    return out;
  },
};

const takeHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'take',
  venue: 'maker',
  run(testCase: VectorCaseV1) {
    const i = testCase.inputs;
    const r = take({
      curve: curveOf(i),
      topRay: int(i, 'top'),
      durSeconds: seconds(i, 'dur'),
      tailSeconds: seconds(i, 'tail'),
      cuspRay: int(i, 'cusp'),
      tabRad: int(i, 'tab'),
      lotWad: int(i, 'lot'),
      chostRad: int(i, 'chost'),
      amtWad: int(i, 'amt'),
      maxRay: int(i, 'max'),
    });
    return {
      price: r.priceRay.toString(),
      slice: r.sliceWad.toString(),
      owe: r.oweRad.toString(),
      tab_after: r.tabAfterRad.toString(),
      lot_after: r.lotAfterWad.toString(),
      collateral_returned_to_usr: r.collateralReturnedWad.toString(),
      dirt_released: r.dirtReleasedRad.toString(),
      auction_ended: r.auctionEnded,
    };
  },
};

const redoHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'redo',
  venue: 'maker',
  run(testCase: VectorCaseV1) {
    const i = testCase.inputs;
    const statusInput = {
      curve: curveOf(i),
      topRay: int(i, 'top'),
      durSeconds: seconds(i, 'dur'),
      tailSeconds: seconds(i, 'tail'),
      cuspRay: int(i, 'cusp'),
    };
    const status = auctionStatus(statusInput);
    const out: Record<string, string | boolean> = { price: status.priceRay.toString(), needs_redo: status.needsRedo };
    if (!status.needsRedo) return out;
    const feed = feedPriceRay(int(i, 'new_feed_price_wad'), int(i, 'par'));
    if (has(i, 'tab') && has(i, 'lot') && has(i, 'chost')) {
      const r = redo({
        ...statusInput,
        feedPriceRay: feed,
        bufRay: int(i, 'buf'),
        tabRad: int(i, 'tab'),
        lotWad: int(i, 'lot'),
        chostRad: int(i, 'chost'),
        tipRad: has(i, 'tip') ? int(i, 'tip') : 0n,
        chipWad: has(i, 'chip') ? int(i, 'chip') : 0n,
      });
      out['new_top'] = r.topRay.toString();
      out['coin'] = r.coinRad.toString();
    } else {
      // clip.sol redo: `require(top > 0, "Clipper/zero-top-price")`, before any keeper incentive.
      const top = startingPriceRay(feed, int(i, 'buf'));
      if (top <= 0n) throw new VenueRuleError('Clipper/zero-top-price');
      out['new_top'] = top.toString();
    }
    return out;
  },
};

const redoIncentiveHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'redo_incentive',
  venue: 'maker',
  run(testCase: VectorCaseV1) {
    const i = testCase.inputs;
    const coin = redoIncentiveRad({
      tabRad: int(i, 'tab'),
      lotWad: int(i, 'lot'),
      feedPriceRay: int(i, 'feed_price'),
      tipRad: has(i, 'tip') ? int(i, 'tip') : 0n,
      chipWad: has(i, 'chip') ? int(i, 'chip') : 0n,
      chostRad: int(i, 'chost'),
    });
    return { coin: coin.toString() };
  },
};

/** One handler per Maker kind of vectors/lending.json: auction_price, bark, take, redo, redo_incentive. */
export const vectorHandlers: readonly VectorHandlerV1[] = [
  auctionPriceHandler,
  barkHandler,
  takeHandler,
  redoHandler,
  redoIncentiveHandler,
];

export { VenueRuleError } from './venue-rule-error';
