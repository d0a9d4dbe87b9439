import { expect } from 'vitest';

/** Byte-identical summaries: same JSON text (the determinism contract of every runner). */
export function expectSameSummary(actual: unknown, expected: unknown): void {
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}
