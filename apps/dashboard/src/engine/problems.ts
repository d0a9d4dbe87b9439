import { isFiresaleError } from '@firesale/core';
import type { SimulationProblem } from './simulation-result';

/** The problems of a thrown error (a `FiresaleErrors` list, one `FiresaleError`, or anything else), as the page lists them. */
export function problemsOf(error: unknown): SimulationProblem[] {
  const list = error && typeof error === 'object' && 'errors' in error ? (error as { errors: unknown[] }).errors : [error];
  return list.map((e) => {
    if (isFiresaleError(e)) {
      const context = (e as { context?: { path?: unknown } }).context;
      return { code: (e as { code: string }).code, path: typeof context?.path === 'string' ? context.path : '', message: (e as Error).message };
    }
    return { code: 'INTERNAL', path: '', message: e instanceof Error ? e.message : String(e) };
  });
}
