import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RAD,
  RAY,
  WAD,
  VenueRuleError,
  auctionPrice,
  bark,
  chostRad,
  isVaultUnsafe,
  redo,
  rpow,
  take,
} from '@firesale/venue-maker';

const cut = (99n * RAY) / 100n;
const stairstep = { kind: 'StairstepExponentialDecrease', cutRay: cut, stepSeconds: 1 } as const;

describe('rpow', () => {
  it('is b for n = 0 and 0 for x = 0', () => {
    expect(rpow(0n, 0n)).toBe(RAY);
    expect(rpow(0n, 5n)).toBe(0n);
    expect(rpow(RAY, 1000n)).toBe(RAY);
  });

  it('rounds half up at each step (x^2 and x^3 by hand)', () => {
    const sq = (cut * cut + RAY / 2n) / RAY;
    expect(rpow(cut, 2n)).toBe(sq);
    expect(rpow(cut, 3n)).toBe((cut * sq + RAY / 2n) / RAY);
  });

  it('stays within a few units of the exact power', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), (n) => {
        const got = rpow(cut, BigInt(n));
        let exact = RAY;
        for (let i = 0; i < n; i++) exact = (exact * cut) / RAY;
        const diff = got > exact ? got - exact : exact - got;
        return diff <= BigInt(n) + 1n;
      }),
    );
  });
});

describe('auction prices', () => {
  it('never rise with time', () => {
    const curves = [stairstep, { kind: 'ExponentialDecrease', cutRay: cut } as const, { kind: 'LinearDecrease', tauSeconds: 3600 } as const];
    fc.assert(
      fc.property(fc.constantFrom(...curves), fc.integer({ min: 0, max: 7200 }), fc.integer({ min: 0, max: 600 }), (curve, t, dt) => {
        return auctionPrice(curve, 5n * RAY, t + dt) <= auctionPrice(curve, 5n * RAY, t);
      }),
    );
  });

  it('rejects fractional seconds', () => {
    expect(() => auctionPrice(stairstep, RAY, 1.5)).toThrow(RangeError);
  });
});

describe('bark', () => {
  const vault = {
    inkWad: 40n * WAD,
    artWad: 100n * WAD,
    rateRay: RAY,
    spotRay: 2n * RAY,
    dustRad: 20n * RAD,
    chopWad: (11n * WAD) / 10n,
    globalHoleRad: 1000n * RAD,
    globalDirtRad: 0n,
    ilkHoleRad: 1000n * RAD,
    ilkDirtRad: 0n,
  };

  it('refuses a safe vault', () => {
    expect(() => bark({ ...vault, spotRay: 3n * RAY })).toThrow(expect.objectContaining({ reason: 'Dog/not-unsafe' }));
    // ink * spot < art * rate is strict: at exactly 2.5 ray the vault is safe.
    expect(isVaultUnsafe(vault.inkWad, vault.artWad, vault.rateRay, (25n * RAY) / 10n - 1n)).toBe(true);
    expect(isVaultUnsafe(vault.inkWad, vault.artWad, vault.rateRay, (25n * RAY) / 10n)).toBe(false);
  });

  it('refuses when the limits are used up', () => {
    expect(() => bark({ ...vault, ilkDirtRad: vault.ilkHoleRad })).toThrow(VenueRuleError);
  });

  it('keeps the tab within the room unless it takes the whole vault', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 22n, max: 2000n }), (holeDai) => {
        const r = bark({ ...vault, ilkHoleRad: holeDai * RAD });
        const whole = r.artAfterWad === 0n;
        return whole || r.tabRad <= holeDai * RAD;
      }),
    );
  });
});

describe('take and redo', () => {
  const auction = {
    curve: stairstep,
    topRay: 5n * RAY,
    durSeconds: 0,
    tailSeconds: 3600,
    cuspRay: (3n * RAY) / 10n,
    tabRad: 110n * RAD,
    lotWad: 40n * WAD,
    chostRad: chostRad(20n * RAD, (11n * WAD) / 10n),
    amtWad: 10n * WAD,
    maxRay: 5n * RAY,
  };

  it('pays owe = slice * price and leaves tab - owe', () => {
    const r = take(auction);
    expect(r.oweRad).toBe(r.sliceWad * r.priceRay);
    expect(r.tabAfterRad).toBe(auction.tabRad - r.oweRad);
    expect(r.lotAfterWad).toBe(auction.lotWad - r.sliceWad);
  });

  it('refuses a bid below the price and a finished auction', () => {
    expect(() => take({ ...auction, maxRay: 4n * RAY })).toThrow(expect.objectContaining({ reason: 'Clipper/too-expensive' }));
    expect(() => take({ ...auction, durSeconds: 3601 })).toThrow(expect.objectContaining({ reason: 'Clipper/needs-reset' }));
  });

  it('redo restarts only a finished auction', () => {
    const base = { ...auction, feedPriceRay: 3n * RAY, bufRay: (125n * RAY) / 100n, tipRad: 0n, chipWad: 0n };
    expect(() => redo(base)).toThrow(expect.objectContaining({ reason: 'Clipper/cannot-reset' }));
    expect(redo({ ...base, durSeconds: 3601 }).topRay).toBe((375n * RAY) / 100n);
  });
});
