/** Throws an Error with `message` when `condition` is false (checks report the message). */
export function assertCheck(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** `|a - b| <= tolerance`, treating equal infinities as equal. */
export function near(a: number, b: number, tolerance: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= tolerance;
}

/** A number as a short readable string for messages. */
export function show(x: unknown): string {
  if (typeof x === 'number') return Number.isInteger(x) ? String(x) : x.toPrecision(10);
  return JSON.stringify(x);
}
