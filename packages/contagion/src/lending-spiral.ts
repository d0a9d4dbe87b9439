import type { AmountQuote, Fraction } from '@firesale/spec';
import { checkNumber, invalid } from './field-checks';
import { spiralThreshold } from './spiral-threshold';
import type { SpiralThreshold } from './spiral-threshold';

/** A loan liquidated step by step at constant prices. */
export type LendingSpiralInput = {
  /** C: value of the collateral (quote). */
  readonly collateralQuote: AmountQuote;
  /** D: value of the debt (quote). */
  readonly debtQuote: AmountQuote;
  /** LI: the liquidator's bonus, as a fraction of the debt repaid (0.05 = 5%). */
  readonly liquidationIncentive: Fraction;
  /** The share of the current debt one liquidation may repay (0.5 on Aave v2 and Compound). */
  readonly closeFactor: Fraction;
  /** The loan is liquidatable while D / C is above this (the liquidation threshold LTV). */
  readonly liquidationLtv: Fraction;
  /** At most this many liquidations (default 100). */
  readonly maxLiquidations?: number;
};

/** One liquidation: repay, seize, and the loan before and after. C/D or D/C is Infinity where the divisor is 0. */
export type LendingSpiralStep = {
  /** 1 for the first. */
  readonly liquidation: number;
  readonly collateralBeforeQuote: AmountQuote;
  readonly debtBeforeQuote: AmountQuote;
  readonly crBefore: number;
  readonly ltvBefore: number;
  readonly debtRepaidQuote: AmountQuote;
  readonly collateralSeizedQuote: AmountQuote;
  /** True when r(1 + LI) was more than the collateral left, so all of it was seized for C/(1 + LI) of debt. */
  readonly seizeCappedByCollateral: boolean;
  readonly collateralAfterQuote: AmountQuote;
  readonly debtAfterQuote: AmountQuote;
  readonly crAfter: number;
  readonly ltvAfter: number;
  readonly crDecreased: boolean;
};

/** The outcome of {@link simulateLendingSpiral}. */
export type LendingSpiralResult = SpiralThreshold & {
  readonly initialCr: number;
  readonly initialLtv: number;
  /** Initial LTV above the threshold: each liquidation lowers the collateral ratio. */
  readonly inSpiralRegion: boolean;
  readonly steps: readonly LendingSpiralStep[];
  readonly finalCollateralQuote: AmountQuote;
  readonly finalDebtQuote: AmountQuote;
  /** Still above `liquidationLtv` with collateral left (the run stopped at `maxLiquidations`). */
  readonly stillLiquidatable: boolean;
  /** Debt left once the collateral is gone (quote). */
  readonly badDebtQuote: AmountQuote;
};

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? (numerator === 0 ? 0 : Infinity) : numerator / denominator;
}

/**
 * Liquidates a loan step by step at constant prices, as a close-factor lending venue does (Aave v2 / Compound
 * style; the spiral of Qin et al. 2021, IMC '21, section 5): while D/C is above `liquidationLtv`, a liquidator repays
 * r = closeFactor * D and seizes r(1 + LI) of collateral; when that is more than the collateral left, it seizes all of
 * it and repays C/(1 + LI), and the debt left is bad debt. Inside the spiral region (D/C > 1/(1 + LI)) every
 * liquidation lowers C/D, so the loan cannot be liquidated back to health.
 *
 * @throws `FiresaleError` `SCENARIO__INVALID_FIELD` naming the field for negative values, a close factor
 * outside (0, 1], or an empty loan.
 * @example
 * ```ts
 * const r = simulateLendingSpiral({ collateralQuote: 100, debtQuote: 97, liquidationIncentive: 0.05,
 *   closeFactor: 0.5, liquidationLtv: 0.8, maxLiquidations: 4 });
 * r.steps.map((s) => s.crDecreased); // [true, true, true, true]
 * ```
 */
export function simulateLendingSpiral(input: LendingSpiralInput): LendingSpiralResult {
  let collateral = checkNumber(input.collateralQuote, 'collateralQuote', 0);
  let debt = checkNumber(input.debtQuote, 'debtQuote', 0);
  if (collateral === 0 && debt === 0) throw invalid('collateralQuote', 0, 'the loan has neither collateral nor debt');
  const closeFactor = checkNumber(input.closeFactor, 'closeFactor', 0, 1);
  if (closeFactor === 0) throw invalid('closeFactor', 0, 'must be above 0');
  const liquidationLtv = checkNumber(input.liquidationLtv, 'liquidationLtv', 0);
  const maxLiquidations = checkNumber(input.maxLiquidations ?? 100, 'maxLiquidations', 0);
  const threshold = spiralThreshold(input.liquidationIncentive);
  const bonus = threshold.crThreshold;

  const liquidatable = (): boolean => collateral > 0 && debt > 0 && debt / collateral > liquidationLtv;
  const steps: LendingSpiralStep[] = [];
  while (steps.length < maxLiquidations && liquidatable()) {
    const crBefore = ratio(collateral, debt);
    const ltvBefore = ratio(debt, collateral);
    let repaid = closeFactor * debt;
    let seized = repaid * bonus;
    const capped = exceeds(seized, collateral);
    if (capped) {
      seized = collateral;
      repaid = collateral / bonus;
    } else if (!exceeds(collateral, seized)) {
      seized = collateral; // equal within rounding: the whole collateral, for the full repay
    }
    const collateralBefore = collateral;
    const debtBefore = debt;
    collateral = seized === collateral ? 0 : collateral - seized;
    debt -= repaid;
    const crAfter = ratio(collateral, debt);
    steps.push({
      liquidation: steps.length + 1,
      collateralBeforeQuote: collateralBefore,
      debtBeforeQuote: debtBefore,
      crBefore,
      ltvBefore,
      debtRepaidQuote: repaid,
      collateralSeizedQuote: seized,
      seizeCappedByCollateral: capped,
      collateralAfterQuote: collateral,
      debtAfterQuote: debt,
      crAfter,
      ltvAfter: ratio(debt, collateral),
      crDecreased: exceeds(crBefore, crAfter),
    });
  }
  const initialLtv = ratio(input.debtQuote, input.collateralQuote);
  return {
    ...threshold,
    initialCr: ratio(input.collateralQuote, input.debtQuote),
    initialLtv,
    inSpiralRegion: exceeds(input.debtQuote * bonus, input.collateralQuote),
    steps,
    finalCollateralQuote: collateral,
    finalDebtQuote: debt,
    stillLiquidatable: liquidatable(),
    badDebtQuote: collateral === 0 ? debt : 0,
  };
}

/**
 * `a > b` beyond rounding (1e-12 relative): the rule's ties are exact (at CR = 1 + LI the CR is unchanged; a
 * seize equal to the collateral is not capped), but 100 x 1.08 is 108.00000000000001 in floating point.
 */
function exceeds(a: number, b: number): boolean {
  return a - b > 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}
