import { z } from 'zod';
import { PROVENANCES } from './provenance';

/** The version of the history format this package reads and writes (`formatVersion` in the header). */
export const HISTORY_FORMAT_VERSION = 1;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const positive = finite.refine((x) => x > 0, 'must be greater than 0');
const nonNegative = finite.refine((x) => x >= 0, 'must be 0 or more');
const provenance = z.enum(PROVENANCES as unknown as readonly ['observed', 'estimated', 'simulated']);
const level = z.tuple([positive, nonNegative]);

/** The kinds of record a source can declare it under-reports. */
export const UNDER_REPORTABLE = ['liquidation', 'adl', 'trade'] as const;

/** A data source declared in the header: the provenance of its numbers and whether it under-reports. */
export const sourceSchema = z
  .object({
    provenance,
    description: z.string().optional(),
    /**
     * Record types this source publishes only part of (an exchange feed that sends at most one liquidation per
     * symbol per second). Totals from it are lower bounds: replay reports `simulated >= observed` instead of an error.
     */
    underReports: z.object({ types: z.array(z.enum(UNDER_REPORTABLE)).min(1), reason: z.string().min(1) }).strict().optional(),
  })
  .strict();

/** The first line of a JSON-lines history. */
export const headerSchema = z
  .object({
    type: z.literal('header'),
    format: z.literal('firesale-history'),
    formatVersion: z.literal(HISTORY_FORMAT_VERSION),
    name: z.string().optional(),
    description: z.string().optional(),
    /** Provenance of records that neither carry one nor name a source. */
    defaultProvenance: provenance.optional(),
    sources: z.record(z.string(), sourceSchema).optional(),
    /** Seconds between engine steps when the history was written by the engine. */
    stepSeconds: positive.optional(),
    /** The scenario (positions, venues, books) the history starts from: embedded by `recordHistory`. */
    scenario: z.unknown().optional(),
    /** Time `t` at which `scenario` describes the state (default: the first record's time). */
    scenarioTimeSeconds: finite.optional(),
    /** The seed the engine ran with. */
    seed: z.number().int().nonnegative().optional(),
    /** Per market: its initial price and when its exogenous move starts (stress thinning starts then). */
    markets: z
      .array(z.object({ marketId: z.string().min(1), initialPriceQuote: positive.optional(), shockStartSeconds: finite.optional() }).strict())
      .optional(),
    /** What wrote the file. */
    generator: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

const base = {
  /** Seconds (any origin: 0 for engine histories, Unix seconds for exchange data); non-decreasing through the file. */
  t: finite,
  source: z.string().min(1).optional(),
  provenance: provenance.optional(),
};
const marketBase = { ...base, marketId: z.string().min(1) };

/** Every record type after the header. */
export const recordSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reference'), ...marketBase, returnFraction: finite, priceQuote: positive.optional() }).strict(),
  z.object({ type: z.literal('mid'), ...marketBase, priceQuote: positive }).strict(),
  z.object({ type: z.literal('trade'), ...marketBase, priceQuote: positive, sizeBase: nonNegative.optional(), side: z.enum(['buy', 'sell']).optional() }).strict(),
  z
    .object({
      type: z.literal('candle'),
      ...marketBase,
      intervalSeconds: positive,
      open: positive,
      high: positive,
      low: positive,
      close: positive,
      volumeBase: nonNegative.optional(),
    })
    .strict(),
  z.object({ type: z.literal('depth'), ...marketBase, bids: z.array(level), asks: z.array(level) }).strict(),
  z
    .object({
      type: z.literal('liquidation'),
      ...marketBase,
      side: z.enum(['long', 'short']),
      sizeBase: positive,
      priceQuote: positive,
      notionalQuote: nonNegative.optional(),
      positionId: z.number().int().nonnegative().optional(),
      accountId: z.string().optional(),
      generation: z.number().int().positive().optional(),
      route: z.string().optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('adl'),
      ...marketBase,
      sizeBase: positive,
      priceQuote: positive,
      liquidatedPositionId: z.number().int().nonnegative().optional(),
      counterpartyPositionId: z.number().int().nonnegative().optional(),
      counterpartyAccountId: z.string().optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('account'),
      ...base,
      accountId: z.string().min(1),
      marketId: z.string().min(1).optional(),
      side: z.enum(['long', 'short']).optional(),
      sizeBase: nonNegative.optional(),
      entryPriceQuote: positive.optional(),
      marginQuote: finite.optional(),
      equityQuote: finite.optional(),
    })
    .strict(),
  z.object({ type: z.literal('snapshot'), ...base, scenario: z.record(z.string(), z.unknown()) }).strict(),
]);

/** The header of a history. */
export type HistoryHeader = z.output<typeof headerSchema>;
/** A data source declared in the header. */
export type HistorySource = z.output<typeof sourceSchema>;
/** A record after the header, as written in the file. */
export type HistoryRecordInput = z.output<typeof recordSchema>;
/** A record as the reader yields it: its provenance resolved (from the record, its source or the header) and its line. */
export type HistoryRecord = HistoryRecordInput & {
  readonly provenance: 'observed' | 'estimated' | 'simulated';
  /** True when the record's source declared it under-reports records of this type (a lower bound). */
  readonly lowerBound: boolean;
  /** 1-based line number in the file. */
  readonly line: number;
};
/** The record types. */
export type HistoryRecordType = HistoryRecordInput['type'];
