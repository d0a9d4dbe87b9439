import type { FiresaleErrorCode, FiresaleErrorContextMap } from '@firesale/spec';
import { firesaleErrorMessages } from './error-messages';

const marker = Symbol.for('firesale.error');

function render(code: FiresaleErrorCode, context: Record<string, unknown>): string {
  return firesaleErrorMessages[code].replace(/\$(\w+)/g, (whole, key: string) => {
    if (!(key in context)) return whole;
    const value = context[key];
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  });
}

/**
 * The one error class of firesale. `code` says what went wrong, `context` carries the typed details, and the
 * message names the field path and the reason:
 * `positions[12].leverage: 60 is above generic's max leverage 50`.
 *
 * @example
 * ```ts
 * throw new FiresaleError('SCENARIO__SIZE_NOT_POSITIVE', { path: 'positions[3].sizeBase', value: -1 });
 * ```
 */
export class FiresaleError<C extends FiresaleErrorCode = FiresaleErrorCode> extends Error {
  readonly code: C;
  readonly context: FiresaleErrorContextMap[C];
  readonly [marker] = true;

  constructor(code: C, context: FiresaleErrorContextMap[C]) {
    super(render(code, context as Record<string, unknown>));
    this.name = 'FiresaleError';
    this.code = code;
    this.context = context;
  }
}

/**
 * True when `error` is a {@link FiresaleError} (optionally with `code`), also across copies of the package.
 */
export function isFiresaleError<C extends FiresaleErrorCode>(error: unknown, code?: C): error is FiresaleError<C> {
  if (typeof error !== 'object' || error === null || !(marker in error)) return false;
  return code === undefined || (error as FiresaleError).code === code;
}

/** Several input errors found together (validation reports all of them, not just the first). */
export class FiresaleErrors extends Error {
  readonly errors: readonly FiresaleError[];
  readonly [marker] = true;
  readonly code = 'SCENARIO__INVALID_FIELD';

  constructor(errors: readonly FiresaleError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'FiresaleErrors';
    this.errors = errors;
  }
}
