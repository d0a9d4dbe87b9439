import { readFileSync } from 'node:fs';
import { recordHistory } from '../src';

/** The small cascade scenario used by the tests (1,500 positions, ADL after the fund empties). */
export function smallScenario(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('./fixtures/small-cascade.json', import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** The engine history of the small scenario, as lines. */
export function smallHistoryLines(): string[] {
  return [...recordHistory(smallScenario())];
}

/** Splits text into small chunks, as a stream would deliver it. */
export function chunked(text: string, size = 997): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
