/**
 * Handlers that run vectors/lending.json Compound III cases (`venue: compound-v3`) through this package's
 * mechanics.
 *
 * @packageDocumentation
 */
import type { VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import { absorbAccount, sumPaidOut } from './absorb';
import { buyCollateral } from './buy-collateral';
import { isLiquidatable } from './is-liquidatable';
import { quoteCollateral } from './quote-collateral';
import { VenueRuleError } from './venue-rule-error';

type Inputs = Readonly<Record<string, unknown>>;

function int(inputs: Inputs, key: string): bigint {
  const v = inputs[key];
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') return BigInt(v);
  throw new TypeError(`inputs.${key}: expected an integer (decimal string or number), got ${JSON.stringify(v)}`);
}

function list(inputs: Inputs, key: string): Inputs[] {
  const v = inputs[key];
  if (!Array.isArray(v)) throw new TypeError(`inputs.${key}: expected an array`);
  return v as Inputs[];
}

function holding(c: Inputs) {
  return { asset: String(c['asset']), balance: int(c, 'balance'), price: int(c, 'price'), scale: int(c, 'scale') };
}

function baseState(i: Inputs) {
  return {
    baseSupplyIndex: int(i, 'base_supply_index'),
    baseBorrowIndex: int(i, 'base_borrow_index'),
    basePrice: int(i, 'base_price'),
    baseScale: int(i, 'base_scale'),
  };
}

const VENUE = 'compound-v3';

const isLiquidatableHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'is_liquidatable',
  venue: VENUE,
  run(testCase: VectorCaseV1) {
    const i = testCase.inputs;
    const r = isLiquidatable({
      ...baseState(i),
      principal: int(i, 'principal'),
      collateral: list(i, 'collateral').map((c) => ({ ...holding(c), liquidateCollateralFactor: int(c, 'liquidateCF') })),
    });
    return { is_liquidatable: r.isLiquidatable, liquidity_usd: r.liquidityUsd.toString() };
  },
};

const absorbHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'absorb',
  venue: VENUE,
  run(testCase: VectorCaseV1) {
    const i = testCase.inputs;
    const base = baseState(i);
    // Comet.sol `absorbInternal` reverts unless the account is liquidatable: never with a principal >= 0, and, when
    // the case gives each collateral's liquidateCF, not while that collateral covers the debt.
    const results = list(i, 'accounts').map((a, k) => {
      const principal = int(a, 'principal');
      const collateral = list(a, 'collateral').map((c) => ({
        ...holding(c),
        liquidationFactor: int(c, 'liquidationFactor'),
        ...(c['liquidateCF'] === undefined ? {} : { liquidateCollateralFactor: int(c, 'liquidateCF') }),
      }));
      const checkable = collateral.every((c) => c.liquidateCollateralFactor !== undefined);
      const liquidatable =
        principal < 0n &&
        (!checkable || isLiquidatable({ ...base, principal, collateral: collateral.map((c) => ({ ...c, liquidateCollateralFactor: c.liquidateCollateralFactor! })) }).isLiquidatable);
      if (!liquidatable) throw new VenueRuleError('NotLiquidatable', { account: String(k) });
      return absorbAccount(base, { principal, collateral });
    });
    return {
      accounts: results.map((r) => ({
        old_balance: r.oldBalance.toString(),
        collateral_usd_values: r.collateralUsdValues.map(String),
        delta_value_usd: r.deltaValueUsd.toString(),
        delta_balance: r.deltaBalance.toString(),
        new_balance: r.newBalance.toString(),
        new_principal: r.newPrincipal.toString(),
        base_paid_out: r.basePaidOut.toString(),
        base_paid_out_usd: r.basePaidOutUsd.toString(),
      })),
      reserves_change: sumPaidOut(results).toString(),
    };
  },
};

function quoteInput(i: Inputs) {
  return {
    assetPrice: int(i, 'asset_price'),
    assetScale: int(i, 'asset_scale'),
    basePrice: int(i, 'base_price'),
    baseScale: int(i, 'base_scale'),
    liquidationFactor: int(i, 'liquidation_factor'),
    storeFrontPriceFactor: int(i, 'store_front_price_factor'),
  };
}

const quoteCollateralHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'quote_collateral',
  venue: VENUE,
  run(testCase: VectorCaseV1) {
    const i = testCase.inputs;
    const q = quoteCollateral({ ...quoteInput(i), baseAmount: int(i, 'base_amount') });
    return {
      discount_factor: q.discountFactor.toString(),
      asset_price_discounted: q.assetPriceDiscounted.toString(),
      collateral_amount: q.collateralAmount.toString(),
    };
  },
};

const buyCollateralHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'buy_collateral',
  venue: VENUE,
  run(testCase: VectorCaseV1) {
    const i = testCase.inputs;
    const r = buyCollateral({
      ...quoteInput(i),
      reserves: int(i, 'reserves'),
      targetReserves: int(i, 'target_reserves'),
      baseAmountReceived: int(i, 'base_amount_received'),
      minAmount: int(i, 'min_amount'),
      collateralReserves: int(i, 'collateral_reserves'),
    });
    return {
      collateral_amount: r.collateralAmount.toString(),
      reserves_after: r.reservesAfter.toString(),
      discount_factor: r.discountFactor.toString(),
      asset_price_discounted: r.assetPriceDiscounted.toString(),
    };
  },
};

/** One handler per Compound III kind of vectors/lending.json: is_liquidatable, absorb, quote_collateral, buy_collateral. */
export const vectorHandlers: readonly VectorHandlerV1[] = [
  isLiquidatableHandler,
  absorbHandler,
  quoteCollateralHandler,
  buyCollateralHandler,
];

export { VenueRuleError } from './venue-rule-error';
