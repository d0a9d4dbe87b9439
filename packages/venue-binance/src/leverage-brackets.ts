import type { Fraction } from '@firesale/spec';

/**
 * One Binance leverage bracket (`GET /fapi/v1/leverageBracket`, `/dapi/v1/leverageBracket`): applies from
 * `floorNotional` of position notional on (USDT for USDⓈ-M, coin for COIN-M).
 */
export type BinanceBracket = {
  /** Lower bound of the bracket's notional (`notionalFloor`; COIN-M: `qtyFloor`, in coin). The first is 0. */
  readonly floorNotional: number;
  /** Maintenance margin rate of the bracket (`maintMarginRatio`). */
  readonly maintenanceMarginRate: Fraction;
  /** Highest leverage within the bracket (`initialLeverage`). */
  readonly maxLeverage: number;
  /**
   * Maintenance amount (`cum`), in the margin asset. When absent it is derived with the FAQ recurrence
   * ({@link maintenanceAmountRecurrence}).
   */
  readonly maintenanceAmount?: number;
};

/** Brackets in struct-of-arrays form, ordered by floor, with every maintenance amount known. */
export type ResolvedBrackets = {
  readonly floors: Float64Array;
  readonly rates: Float64Array;
  readonly amounts: Float64Array;
  readonly maxLeverages: Float64Array;
};

/**
 * The maintenance amount of a bracket from the one below it (Binance FAQ, USDⓈ-M and COIN-M):
 * `cum_n = floor_n * (mmr_n - mmr_(n-1)) + cum_(n-1)`, `cum_1 = 0`. It makes maintenance margin continuous at
 * bracket floors.
 */
export function maintenanceAmountRecurrence(
  floorNotional: number,
  maintenanceMarginRate: Fraction,
  previousMaintenanceMarginRate: Fraction,
  previousMaintenanceAmount: number,
): number {
  return floorNotional * (maintenanceMarginRate - previousMaintenanceMarginRate) + previousMaintenanceAmount;
}

/**
 * Orders brackets by floor and fills missing maintenance amounts with the FAQ recurrence.
 *
 * @throws RangeError when the list is empty, does not start at 0, or two brackets share a floor.
 */
export function resolveBrackets(brackets: readonly BinanceBracket[]): ResolvedBrackets {
  const sorted = [...brackets].sort((a, b) => a.floorNotional - b.floorNotional);
  const n = sorted.length;
  if (n === 0 || sorted[0]!.floorNotional !== 0) throw new RangeError('binance brackets: the first bracket must start at 0');
  const floors = new Float64Array(n);
  const rates = new Float64Array(n);
  const amounts = new Float64Array(n);
  const maxLeverages = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b = sorted[i]!;
    if (i > 0 && b.floorNotional === floors[i - 1]) throw new RangeError(`binance brackets: two brackets start at ${b.floorNotional}`);
    floors[i] = b.floorNotional;
    rates[i] = b.maintenanceMarginRate;
    maxLeverages[i] = b.maxLeverage;
    amounts[i] =
      b.maintenanceAmount ??
      (i === 0 ? 0 : maintenanceAmountRecurrence(b.floorNotional, b.maintenanceMarginRate, rates[i - 1]!, amounts[i - 1]!));
  }
  return { floors, rates, amounts, maxLeverages };
}

/**
 * Index of the bracket of `notional`: the highest bracket whose floor is at most `notional` (freqtrade
 * `get_maintenance_ratio_and_amt` walks the tiers from the top the same way).
 *
 * @throws RangeError when `notional` is negative or not a number (freqtrade: "nominal value can not be lower than 0").
 */
export function bracketIndex(brackets: ResolvedBrackets, notional: number): number {
  if (!(notional >= 0)) throw new RangeError(`notional ${notional}: nominal value can not be lower than 0`);
  const floors = brackets.floors;
  let lo = 0;
  let hi = floors.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (floors[mid]! <= notional) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * How far (relative) a bracket's solution may sit outside its bracket and still count. A liquidation price whose
 * notional lands exactly on a floor solves both neighbouring brackets (maintenance margin is continuous there),
 * but rounding can put each solution a hair outside its own bracket, so that neither qualifies.
 */
const BRACKET_EDGE_TOLERANCE = 1e-9;

/** Whether `value` (notional, or position value in coin for COIN-M) lies in bracket `i`, within {@link BRACKET_EDGE_TOLERANCE}. */
export function withinBracket(brackets: ResolvedBrackets, i: number, value: number): boolean {
  const floors = brackets.floors;
  const upper = i + 1 < floors.length ? floors[i + 1]! : Infinity;
  const edge = BRACKET_EDGE_TOLERANCE * Math.abs(value);
  return value >= floors[i]! - edge && value < upper + edge;
}

/** Maintenance margin rate and amount of the bracket of `notional`. */
export function maintenanceRateAndAmount(brackets: ResolvedBrackets, notional: number): { rate: Fraction; amount: number } {
  const i = bracketIndex(brackets, notional);
  return { rate: brackets.rates[i]!, amount: brackets.amounts[i]! };
}

/**
 * Maintenance margin: `notional * MMR(bracket) - maintenance amount(bracket)` (Binance FAQ "How to Calculate
 * Liquidation Price of USDⓈ-M Futures Contracts"); for COIN-M notional and result are in coin.
 */
export function maintenanceMargin(brackets: ResolvedBrackets, notional: number): number {
  const i = bracketIndex(brackets, notional);
  return maintenanceMarginAt(notional, brackets.rates[i]!, brackets.amounts[i]!);
}

/** Maintenance margin with a known rate and amount: `notional * rate - amount`. */
export function maintenanceMarginAt(notional: number, maintenanceMarginRate: Fraction, maintenanceAmount: number): number {
  return notional * maintenanceMarginRate - maintenanceAmount;
}
