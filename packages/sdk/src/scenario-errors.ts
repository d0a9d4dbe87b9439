import { FiresaleError } from '@firesale/core';
import type { z } from 'zod';

/** Formats a path array as `markets[0].book.depthQuotePerPercent`. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * Turns schema issues into coded errors that name the field and the reason: a missing value, a price that
 * is not a number, a size that is not positive, an unknown model, or a field that is wrong in another way.
 */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], input: unknown, prefix = ''): FiresaleError[] {
  return issues.map((issue) => {
    const path = formatPath(issue.path, prefix);
    const value = valueAt(input, issue.path);
    const field = String(issue.path[issue.path.length - 1] ?? '');
    if (value === undefined && issue.code === 'invalid_type') return new FiresaleError('SCENARIO__VALUE_MISSING', { path });
    if (field === 'model' && issue.code === 'invalid_union') {
      return new FiresaleError('SCENARIO__UNKNOWN_MODEL', { path, value, known: 'linear, parametric, l2, constant-product, concentrated-liquidity' });
    }
    if (/price/i.test(field) && (issue.code === 'invalid_type' || issue.code === 'custom')) {
      return new FiresaleError('SCENARIO__PRICE_INVALID', { path, value, reason: issue.message });
    }
    if (/^size/i.test(field) && typeof value === 'number' && !(value > 0)) {
      return new FiresaleError('SCENARIO__SIZE_NOT_POSITIVE', { path, value });
    }
    return new FiresaleError('SCENARIO__INVALID_FIELD', { path, value, reason: issue.message });
  });
}
