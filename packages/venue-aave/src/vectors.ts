/**
 * Handlers that run vectors/lending.json Aave v3 cases (`venue: aave-v3`) through this package's mechanics.
 *
 * @packageDocumentation
 */
import type { VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import type { AaveAccount } from './account-data';
import { calculateAccountData } from './account-data';
import { liquidationCall } from './liquidation-call';

type Inputs = Readonly<Record<string, unknown>>;

function int(inputs: Inputs, key: string): bigint {
  const v = inputs[key];
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') return BigInt(v);
  throw new TypeError(`inputs.${key}: expected an integer (decimal string or number), got ${JSON.stringify(v)}`);
}

function list(inputs: Inputs, key: string): Inputs[] {
  const v = inputs[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new TypeError(`inputs.${key}: expected an array`);
  return v as Inputs[];
}

function obj(inputs: Inputs, key: string): Inputs {
  const v = inputs[key];
  if (typeof v !== 'object' || v === null) throw new TypeError(`inputs.${key}: expected an object`);
  return v as Inputs;
}

function accountOf(i: Inputs): AaveAccount {
  return {
    collateral: list(i, 'collateral').map((c) => ({
      asset: String(c['asset']),
      balance: int(c, 'balance'),
      price: int(c, 'price'),
      decimals: Number(c['decimals']),
      liquidationThreshold: int(c, 'liquidation_threshold'),
    })),
    debt: list(i, 'debt').map((d) => ({
      asset: String(d['asset']),
      balance: int(d, 'balance'),
      price: int(d, 'price'),
      decimals: Number(d['decimals']),
    })),
  };
}

const VENUE = 'aave-v3';

const healthFactorHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'health_factor',
  venue: VENUE,
  run(testCase: VectorCaseV1) {
    const d = calculateAccountData(accountOf(testCase.inputs));
    return {
      total_collateral_base: d.totalCollateralBase.toString(),
      total_debt_base: d.totalDebtBase.toString(),
      avg_liquidation_threshold: d.avgLiquidationThreshold.toString(),
      health_factor: d.healthFactor.toString(),
    };
  },
};

const liquidationCallHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'liquidation_call',
  venue: VENUE,
  run(testCase: VectorCaseV1) {
    const i = testCase.inputs;
    const r = liquidationCall({
      account: accountOf(obj(i, 'account')),
      collateralAsset: String(i['collateral_asset']),
      debtAsset: String(i['debt_asset']),
      debtToCover: int(i, 'debt_to_cover'),
      liquidationBonus: int(i, 'liquidation_bonus'),
      liquidationProtocolFee: int(i, 'liquidation_protocol_fee'),
    });
    return {
      borrower_reserve_debt_base: r.reserveDebtBase.toString(),
      borrower_reserve_collateral_base: r.reserveCollateralBase.toString(),
      close_factor_bps: r.closeFactorBps.toString(),
      max_liquidatable_debt: r.maxLiquidatableDebt.toString(),
      actual_debt_to_liquidate: r.debtAmountNeeded.toString(),
      base_collateral: r.baseCollateral.toString(),
      max_collateral_to_liquidate: r.maxCollateralToLiquidate.toString(),
      capped_by_collateral: r.cappedByCollateral,
      bonus_collateral: r.bonusCollateral.toString(),
      liquidation_protocol_fee: r.liquidationProtocolFee.toString(),
      collateral_to_liquidator: r.collateralToLiquidator.toString(),
      debt_left: r.debtLeft.toString(),
      collateral_left: r.collateralLeft.toString(),
      has_no_collateral_left: r.hasNoCollateralLeft,
      health_factor_before: r.healthFactorBefore.toString(),
      deficit_created: r.deficitCreated.toString(),
    };
  },
};

/** One handler per Aave v3 kind of vectors/lending.json: health_factor, liquidation_call. */
export const vectorHandlers: readonly VectorHandlerV1[] = [healthFactorHandler, liquidationCallHandler];

export { VenueRuleError } from './venue-rule-error';
