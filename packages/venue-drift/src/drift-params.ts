/** Liquidation parameters of one Drift perp market, as integers at Drift precisions (like the on-chain account). */
export type DriftPerpMarketParams = {
  /** `margin_ratio_initial`, MARGIN_PRECISION (1000 = 10%, max leverage 10x). */
  readonly marginRatioInitial: number;
  /** `margin_ratio_maintenance`, MARGIN_PRECISION (500 = 5%). */
  readonly marginRatioMaintenance: number;
  /** `liquidator_fee`, LIQUIDATION_FEE_PRECISION (10000 = 1%). */
  readonly liquidatorFee: number;
  /** `if_liquidation_fee` (the cap of the insurance-fund fee), LIQUIDATION_FEE_PRECISION. */
  readonly ifLiquidationFee: number;
};

/** Parameters of the Drift engine. */
export type DriftParams = {
  /** Perp markets by id; `'*'` applies to every other market. */
  readonly markets: Readonly<Record<string, DriftPerpMarketParams>>;
  /** `State.liquidation_margin_buffer_ratio`, MARGIN_PRECISION: liquidations restore maintenance margin plus this. */
  readonly liquidationMarginBufferRatio: number;
  /** `State.initial_pct_to_liquidate`, LIQUIDATION_PCT_PRECISION (0 = no cap on the first step). */
  readonly initialPctToLiquidate: number;
  /** `State.liquidation_duration` in slots over which the rest may be liquidated. */
  readonly liquidationDurationSlots: number;
  /** Seconds per Solana slot used to turn the engine's clock into slots. */
  readonly slotSeconds: number;
  /** Smallest position in base units. */
  readonly minPositionSizeBase: number;
  /** Spot assets accepted as collateral. */
  readonly collateralAssets: readonly string[];
};

/**
 * Example values from protocol-v2 `programs/drift/src/math/liquidation/tests.rs` (commit 0ae3e3b1): a 10% initial
 * and 5% maintenance margin ratio, 1% liquidator fee, 1% insurance-fund fee, with firesale's choice of engine
 * settings (2% buffer, whole shortage liquidatable at once, 0.4 s slots, USDC collateral). These are not the
 * live market accounts; read those from chain (`PerpMarket`, `State`) for real markets.
 */
export const driftExampleParams = {
  markets: {
    '*': { marginRatioInitial: 1000, marginRatioMaintenance: 500, liquidatorFee: 10_000, ifLiquidationFee: 10_000 },
  },
  liquidationMarginBufferRatio: 200,
  initialPctToLiquidate: 10_000,
  liquidationDurationSlots: 150,
  slotSeconds: 0.4,
  minPositionSizeBase: 0,
  collateralAssets: ['USDC'],
} as const satisfies DriftParams;
