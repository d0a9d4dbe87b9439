import type { Fraction } from '@firesale/spec';
import { checkNumber } from './field-checks';

/** Where a liquidation stops improving a loan: below `crThreshold` (above `ltvThreshold`) each one makes it worse. */
export type SpiralThreshold = {
  /** 1 + LI: the collateral ratio C/D below which a liquidation lowers the ratio. */
  readonly crThreshold: number;
  /** 1 / (1 + LI): the loan-to-value D/C above which a liquidation raises it. */
  readonly ltvThreshold: Fraction;
};

/**
 * The closed-form lending-spiral threshold (Qin, Zhou, Gamito, Jovanovic, Gervais 2021, "An Empirical Study of DeFi
 * Liquidations", IMC '21): repaying r and seizing r(1 + LI) changes C/D to (C - r(1+LI)) / (D - r), which is below
 * C/D exactly when C/D < 1 + LI. With a 5% incentive the threshold LTV is 1/1.05 = 95.238%.
 *
 * @param liquidationIncentive LI, the liquidator's bonus as a fraction of the debt repaid (0.05 = 5%).
 * @throws `FiresaleError` `SCENARIO__INVALID_FIELD` for a negative or non-finite incentive.
 */
export function spiralThreshold(liquidationIncentive: Fraction): SpiralThreshold {
  const li = checkNumber(liquidationIncentive, 'liquidationIncentive', 0);
  return { crThreshold: 1 + li, ltvThreshold: 1 / (1 + li) };
}
