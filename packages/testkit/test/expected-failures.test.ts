import { describe, expect, it } from 'vitest';
import type { LiquidationEngineModelV1 } from '@firesale/spec';
import { createGenericEngine } from '@firesale/venue-generic';
import { checkLiquidationEngine, isAcceptable, parseExpectedFailures } from '../src/index';

const noAdl = () => ({ ...createGenericEngine(), doAdlScore: () => 1 }) as LiquidationEngineModelV1;

describe('expected failures', () => {
  it('a listed failing check is an expected failure and keeps the run green', () => {
    const results = checkLiquidationEngine(noAdl, { expectedFailures: { 'LE-SHOULD-003': 'no ADL ranking yet' } });
    const entry = results.find((r) => r.id === 'LE-SHOULD-003')!;
    expect(entry.status).toBe('expected-failure');
    expect(entry.expectedFailureReason).toBe('no ADL ranking yet');
    expect(results.every(isAcceptable)).toBe(true);
  });

  it('a listed MUST failure is accepted the same way', () => {
    const results = checkLiquidationEngine(() => ({ ...createGenericEngine(), specificationVersion: 'v9' }) as unknown as LiquidationEngineModelV1, {
      expectedFailures: { 'LE-MUST-001': 'migrating' },
    });
    expect(results.find((r) => r.id === 'LE-MUST-001')!.status).toBe('expected-failure');
  });

  it('a listed check that passes is a stale entry and fails the run', () => {
    const results = checkLiquidationEngine(() => createGenericEngine(), { expectedFailures: { 'LE-SHOULD-003': 'stale' } });
    const entry = results.find((r) => r.id === 'LE-SHOULD-003')!;
    expect(entry.status).toBe('stale-expected-failure');
    expect(isAcceptable(entry)).toBe(false);
    expect(entry.message).toMatch(/remove the entry/);
  });

  it('an unknown id fails the run', () => {
    const results = checkLiquidationEngine(() => createGenericEngine(), { expectedFailures: { 'LE-MUST-999': 'typo' } });
    const entry = results.find((r) => r.id === 'LE-MUST-999')!;
    expect(entry.status).toBe('unknown-expected-failure');
    expect(isAcceptable(entry)).toBe(false);
  });

  it('an unlisted SHOULD failure fails the run', () => {
    const entry = checkLiquidationEngine(noAdl).find((r) => r.id === 'LE-SHOULD-003')!;
    expect(entry.status).toBe('failed');
    expect(isAcceptable(entry)).toBe(false);
  });
});

describe('parseExpectedFailures', () => {
  it('reads JSON', () => {
    expect(parseExpectedFailures('{ "LE-SHOULD-003": "no ADL" }')).toEqual({ 'LE-SHOULD-003': 'no ADL' });
  });

  it('reads the YAML subset with comments and quotes', () => {
    const text = ['# known gaps', 'LE-SHOULD-003: no ADL ranking  # until v0.3', "OB-SHOULD-001: 'no resilience: yet'", ''].join('\n');
    expect(parseExpectedFailures(text)).toEqual({ 'LE-SHOULD-003': 'no ADL ranking', 'OB-SHOULD-001': 'no resilience: yet' });
  });

  it('rejects an entry without a reason, naming the line', () => {
    expect(() => parseExpectedFailures('LE-SHOULD-003:\n')).toThrow(/line 1/);
    expect(() => parseExpectedFailures('{ "LE-SHOULD-003": "" }')).toThrow(/LE-SHOULD-003/);
  });
});
