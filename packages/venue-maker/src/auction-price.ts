import { RAY, rmul, rpow, toSeconds } from './fixed-point';

/**
 * A Clipper price calculator (dss `src/abaci.sol`): how the auction price falls from `top` with the
 * seconds since the auction (re)started.
 */
export type AuctionCurve =
  /** `LinearDecrease`: reaches 0 after `tauSeconds`. */
  | { readonly kind: 'LinearDecrease'; readonly tauSeconds: number }
  /** `StairstepExponentialDecrease`: multiplied by `cutRay` every `stepSeconds`. */
  | { readonly kind: 'StairstepExponentialDecrease'; readonly cutRay: bigint; readonly stepSeconds: number }
  /** `ExponentialDecrease`: multiplied by `cutRay` every second. */
  | { readonly kind: 'ExponentialDecrease'; readonly cutRay: bigint };

/**
 * LinearDecrease.price (dss abaci.sol): `0` once `dur >= tau`, else `rmul(top, (tau - dur) * RAY / tau)`.
 * Prices in ray (DAI per collateral unit).
 */
export function linearDecreasePrice(topRay: bigint, durSeconds: number | bigint, tauSeconds: number | bigint): bigint {
  const dur = toSeconds(durSeconds, 'durSeconds');
  const tau = toSeconds(tauSeconds, 'tauSeconds');
  if (dur >= tau) return 0n;
  return rmul(topRay, ((tau - dur) * RAY) / tau);
}

/**
 * StairstepExponentialDecrease.price (dss abaci.sol): `rmul(top, rpow(cut, dur / step, RAY))`; constant within
 * a step.
 */
export function stairstepExponentialDecreasePrice(
  topRay: bigint,
  durSeconds: number | bigint,
  cutRay: bigint,
  stepSeconds: number | bigint,
): bigint {
  const dur = toSeconds(durSeconds, 'durSeconds');
  const step = toSeconds(stepSeconds, 'stepSeconds');
  if (step === 0n) throw new RangeError('stepSeconds: must be positive');
  return rmul(topRay, rpow(cutRay, dur / step, RAY));
}

/** ExponentialDecrease.price (dss abaci.sol): `rmul(top, rpow(cut, dur, RAY))`. */
export function exponentialDecreasePrice(topRay: bigint, durSeconds: number | bigint, cutRay: bigint): bigint {
  return rmul(topRay, rpow(cutRay, toSeconds(durSeconds, 'durSeconds'), RAY));
}

/** The auction price in ray `durSeconds` after an auction started at `topRay`, for any {@link AuctionCurve}. */
export function auctionPrice(curve: AuctionCurve, topRay: bigint, durSeconds: number | bigint): bigint {
  switch (curve.kind) {
    case 'LinearDecrease':
      return linearDecreasePrice(topRay, durSeconds, curve.tauSeconds);
    case 'StairstepExponentialDecrease':
      return stairstepExponentialDecreasePrice(topRay, durSeconds, curve.cutRay, curve.stepSeconds);
    case 'ExponentialDecrease':
      return exponentialDecreasePrice(topRay, durSeconds, curve.cutRay);
  }
}
