import { FiresaleError } from '@firesale/core';

/** Splits `venues[0].params.maintenanceMarginRate` or `venues.0.params.x` into keys. */
export function parseFieldPath(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((k) => k !== '')
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

/**
 * A copy of a raw scenario with one field set (objects on the way are copied, the rest shared).
 *
 * @throws `FiresaleError` `SCENARIO__INVALID_FIELD` when a parent of the field does not exist.
 */
export function setScenarioField(scenario: unknown, path: string, value: unknown): unknown {
  const keys = parseFieldPath(path);
  const walk = (node: unknown, depth: number): unknown => {
    if (depth === keys.length) return value;
    const key = keys[depth]!;
    if (typeof node !== 'object' || node === null) {
      if (depth === keys.length - 1 || node === undefined) {
        // Create missing leaf containers (a venue without params, say).
        return typeof key === 'number' ? walk([], depth) : { [key]: walk(undefined, depth + 1) };
      }
      throw new FiresaleError('SCENARIO__INVALID_FIELD', { path, value, reason: `${keys.slice(0, depth).join('.')} is not an object` });
    }
    if (Array.isArray(node)) {
      if (typeof key !== 'number' || key >= node.length) throw new FiresaleError('SCENARIO__INVALID_FIELD', { path, value, reason: `no element ${String(key)} in ${keys.slice(0, depth).join('.') || 'the scenario'}` });
      const copy = [...node];
      copy[key] = walk(node[key], depth + 1);
      return copy;
    }
    const record = node as Record<string, unknown>;
    return { ...record, [key]: walk(record[key], depth + 1) };
  };
  return walk(scenario, 0);
}

/** Reads a field of a raw scenario (undefined when absent). */
export function getScenarioField(scenario: unknown, path: string): unknown {
  let node = scenario;
  for (const key of parseFieldPath(path)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}
