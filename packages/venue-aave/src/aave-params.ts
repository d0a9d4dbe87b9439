/** One Aave v3 reserve's risk parameters, in bps as the pool stores them. */
export type AaveReserveParams = {
  readonly decimals: number;
  /** Loan-to-value: share of the value that may be borrowed against, bps. */
  readonly ltvBps: number;
  /** Liquidation threshold, bps: the account is liquidatable when the weighted collateral is below the debt. */
  readonly liquidationThresholdBps: number;
  /** Liquidation bonus including the principal, bps (10500 = 5% bonus). */
  readonly liquidationBonusBps: number;
  /** Share of the bonus paid to the treasury, bps. */
  readonly liquidationProtocolFeeBps: number;
  /** Whether the reserve can be borrowed. */
  readonly borrowable: boolean;
};

/** An Aave v3 market: its reserves and the asset firesale uses as quote. */
export type AaveMarketParams = {
  /** The stable asset positions are quoted in (debt of longs, collateral of shorts), such as `USDC`. */
  readonly quoteAsset: string;
  /** Reserves by symbol; the firesale market id of a position is the symbol of its non-quote asset. */
  readonly reserves: Readonly<Record<string, AaveReserveParams>>;
};

/**
 * The reserves of the aave-v3-origin test suite (tests/mocks/AaveV3TestListing.sol, the environment of the
 * vectors/lending.json Aave cases): USDX (6 decimals), WBTC (8) and WETH (18), each LTV 82.50%, liquidation
 * threshold 86.00%, bonus 5.00% (10500), protocol fee 10.00%. Its own comment says the parameters are
 * pseudo-random: use it for tests and examples, and pass a real market's parameters for studies.
 */
export const aaveV3TestListing = {
  quoteAsset: 'USDX',
  reserves: {
    USDX: { decimals: 6, ltvBps: 8250, liquidationThresholdBps: 8600, liquidationBonusBps: 10500, liquidationProtocolFeeBps: 1000, borrowable: true },
    WBTC: { decimals: 8, ltvBps: 8250, liquidationThresholdBps: 8600, liquidationBonusBps: 10500, liquidationProtocolFeeBps: 1000, borrowable: true },
    WETH: { decimals: 18, ltvBps: 8250, liquidationThresholdBps: 8600, liquidationBonusBps: 10500, liquidationProtocolFeeBps: 1000, borrowable: true },
  },
} as const satisfies AaveMarketParams;
