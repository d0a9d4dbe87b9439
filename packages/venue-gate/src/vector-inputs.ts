import type { SideSign, VectorCaseV1 } from '@firesale/spec';

/** Reads a finite number (or numeric string) from a vector case's inputs; throws naming the field otherwise. */
export function inputNumber(testCase: VectorCaseV1, field: string): number {
  const raw = testCase.inputs[field];
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${testCase.id}: inputs.${field} must be a finite number, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** Like {@link inputNumber} but returns `fallback` when the field is absent. */
export function optionalNumber(testCase: VectorCaseV1, field: string, fallback: number): number {
  return testCase.inputs[field] === undefined || testCase.inputs[field] === null ? fallback : inputNumber(testCase, field);
}

/** Reads `inputs.side` (`long` / `short`) as a side sign. */
export function inputSide(testCase: VectorCaseV1): SideSign {
  const side = testCase.inputs['side'];
  if (side === 'long') return 1;
  if (side === 'short') return -1;
  throw new TypeError(`${testCase.id}: inputs.side must be "long" or "short", got ${JSON.stringify(side)}`);
}
