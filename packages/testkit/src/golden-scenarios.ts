import { readFileSync, readdirSync } from 'node:fs';
import { createSimulator } from '@firesale/core';
import type { CascadeReport } from '@firesale/core';
import { createLinearBook } from '@firesale/orderbook';
import type { LiquidationEngineModelV1, SideSign } from '@firesale/spec';
import { buildCascadeInput } from './cascade-input';
import type { CascadePosition } from './cascade-input';
import { isValidAndHealthy, maxLeverageOf } from './engine-context';

/** A rung of positions: `count` positions of one side and notional, leverage spread evenly from/to. */
export type GoldenLadder = {
  readonly side: SideSign;
  readonly count: number;
  readonly notionalQuote: number;
  readonly leverageFrom: number;
  readonly leverageTo: number;
};

/** A golden scenario (packages/testkit/golden/<name>.json): one market, one venue, one shock. */
export type GoldenScenario = {
  readonly name: string;
  readonly description: string;
  /** Initial mid and every entry price, in quote per base. */
  readonly priceQuote: number;
  /** A linear book (`@firesale/orderbook` createLinearBook) with optional resilience half-life. */
  readonly book: { readonly depthBasePerQuote: number; readonly halfLifeSeconds?: number };
  readonly insuranceFundQuote: number;
  readonly timing: { readonly stepSeconds: number; readonly durationSeconds: number };
  readonly shock: { readonly returnFraction: number; readonly overSeconds: number };
  readonly ladder: readonly GoldenLadder[];
};

/** The recorded facts of a golden run (packages/testkit/golden/<name>.expected.json). */
export type GoldenRecording = {
  readonly scenario: string;
  /** The venue whose run was recorded (`generic` with its defaults). */
  readonly venue: string;
  readonly summary: {
    readonly liquidations: number;
    readonly liquidatedPositions: number;
    readonly liquidatedNotionalQuote: number;
    readonly generations: number;
    readonly adlCount: number;
    readonly badDebtQuote: number;
    readonly socialisedLossQuote: number;
    readonly insuranceFundUsedQuote: number;
  };
  readonly market: { readonly troughPriceQuote: number; readonly finalPriceQuote: number; readonly troughDropFraction: number };
};

/** A scenario with its recording. */
export type GoldenCase = { readonly scenario: GoldenScenario; readonly recording: GoldenRecording };

/** The folder of the bundled golden scenarios (next to `src` and `dist`). */
export const goldenDirectory = new URL('../golden/', import.meta.url);

/** Loads every bundled golden scenario with its recording, by name. */
export function loadGoldenCases(directory: URL = goldenDirectory): GoldenCase[] {
  return readdirSync(directory)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
    .sort()
    .map((file) => {
      const scenario = JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as GoldenScenario;
      const recording = JSON.parse(readFileSync(new URL(file.replace(/\.json$/, '.expected.json'), directory), 'utf8')) as GoldenRecording;
      return { scenario, recording };
    });
}

/**
 * The scenario's positions for `engine`: with `asRecorded` exactly the ladder (what the generic venue ran);
 * otherwise leverage is capped at 80% of the venue's cap on `marketId` and positions the venue rejects are left out.
 */
export function goldenPositions(scenario: GoldenScenario, engine: LiquidationEngineModelV1, marketId: string, asRecorded: boolean): CascadePosition[] {
  const out: CascadePosition[] = [];
  const cap = 0.8 * maxLeverageOf(engine, marketId);
  for (const rung of scenario.ladder) {
    for (let k = 0; k < rung.count; k++) {
      const t = rung.count === 1 ? 0 : k / (rung.count - 1);
      const wanted = rung.leverageFrom + t * (rung.leverageTo - rung.leverageFrom);
      const leverage = asRecorded ? wanted : Math.max(1, Math.min(wanted, cap));
      const sizeBase = rung.notionalQuote / scenario.priceQuote;
      const position = { side: rung.side, sizeBase, entryPriceQuote: scenario.priceQuote, marginQuote: rung.notionalQuote / leverage };
      if (asRecorded || isValidAndHealthy(engine, { ...position, marketId, leverage })) out.push(position);
    }
  }
  return out;
}

/** Runs a golden scenario with `engine` on `marketId` (checking conservation at every step). */
export function runGoldenScenario(
  scenario: GoldenScenario,
  engine: LiquidationEngineModelV1,
  options: { readonly marketId: string; readonly asRecorded: boolean; readonly depthMultiplier?: number; readonly seed?: number },
): CascadeReport {
  const book = createLinearBook({
    midPriceQuote: scenario.priceQuote,
    depthBasePerQuote: scenario.book.depthBasePerQuote,
    ...(scenario.book.halfLifeSeconds === undefined ? {} : { resilience: { halfLifeSeconds: scenario.book.halfLifeSeconds } }),
  });
  const positions = goldenPositions(scenario, engine, options.marketId, options.asRecorded);
  const simulator = createSimulator(buildCascadeInput({ engine, venueMarketId: options.marketId, book, positions, insuranceFundQuote: scenario.insuranceFundQuote, timing: scenario.timing }));
  return simulator.run({
    shocks: [{ marketId: options.marketId, returnFraction: scenario.shock.returnFraction, overSeconds: scenario.shock.overSeconds }],
    seed: options.seed ?? 1,
    checkInvariants: true,
    ...(options.depthMultiplier === undefined ? {} : { depthMultipliers: [options.depthMultiplier] }),
  });
}

/** The facts of a report that a recording keeps. */
export function recordingOf(scenario: GoldenScenario, venue: string, report: CascadeReport): GoldenRecording {
  const s = report.summary;
  const m = report.markets[0]!;
  return {
    scenario: scenario.name,
    venue,
    summary: {
      liquidations: s.liquidations,
      liquidatedPositions: s.liquidatedPositions,
      liquidatedNotionalQuote: s.liquidatedNotionalQuote,
      generations: s.generations,
      adlCount: s.adlCount,
      badDebtQuote: s.badDebtQuote,
      socialisedLossQuote: s.socialisedLossQuote,
      insuranceFundUsedQuote: s.insuranceFundUsedQuote,
    },
    market: { troughPriceQuote: m.troughPriceQuote, finalPriceQuote: m.finalPriceQuote, troughDropFraction: m.troughDropFraction },
  };
}

/** Relative tolerance when comparing a run with a recording. */
export const GOLDEN_TOLERANCE = 1e-9;

/** Differences between two recordings beyond {@link GOLDEN_TOLERANCE}, as `path: expected vs actual` lines. */
export function compareRecordings(expected: GoldenRecording, actual: GoldenRecording): string[] {
  const diffs: string[] = [];
  const walk = (e: unknown, a: unknown, path: string) => {
    if (typeof e === 'number' && typeof a === 'number') {
      if (Math.abs(e - a) > GOLDEN_TOLERANCE * Math.max(1, Math.abs(e))) diffs.push(`${path}: expected ${e}, got ${a}`);
      return;
    }
    if (typeof e === 'object' && e !== null && typeof a === 'object' && a !== null) {
      for (const key of Object.keys(e)) walk((e as Record<string, unknown>)[key], (a as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`);
      return;
    }
    if (e !== a && path !== 'venue') diffs.push(`${path}: expected ${String(e)}, got ${String(a)}`);
  };
  walk(expected, actual, '');
  return diffs;
}
