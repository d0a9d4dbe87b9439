import { FiresaleError } from '@firesale/core';

/**
 * Input checks shared by the models: each throws a `SCENARIO__INVALID_FIELD` `FiresaleError` naming the
 * field path and the reason.
 */
export function invalid(path: string, value: unknown, reason: string): FiresaleError<'SCENARIO__INVALID_FIELD'> {
  return new FiresaleError('SCENARIO__INVALID_FIELD', { path, value, reason });
}

/** A finite number at `path`, at least `min` (inclusive) and at most `max` (inclusive). */
export function checkNumber(value: unknown, path: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(path, value, 'must be a finite number');
  if (value < min) throw invalid(path, value, `must be at least ${min}`);
  if (value > max) throw invalid(path, value, `must be at most ${max}`);
  return value;
}

/** An array of finite numbers at `path` with `length` entries (any length when omitted). */
export function checkVector(value: unknown, path: string, length?: number, min = -Infinity, max = Infinity): number[] {
  if (!Array.isArray(value)) throw invalid(path, value, 'must be an array of numbers');
  if (length !== undefined && value.length !== length) {
    throw invalid(path, value.length, `has ${value.length} entries, expected ${length}`);
  }
  return value.map((v: unknown, i) => checkNumber(v, `${path}[${i}]`, min, max));
}

/** A rows x cols matrix of finite numbers at `path` (`cols` free when omitted, but equal across rows). */
export function checkMatrix(value: unknown, path: string, rows: number, cols?: number, min = -Infinity): number[][] {
  if (!Array.isArray(value)) throw invalid(path, value, 'must be an array of rows');
  if (value.length !== rows) throw invalid(path, value.length, `has ${value.length} rows, expected ${rows}`);
  const width = cols ?? (Array.isArray(value[0]) ? (value[0] as unknown[]).length : 0);
  return value.map((row: unknown, i) => checkVector(row, `${path}[${i}]`, width, min));
}
