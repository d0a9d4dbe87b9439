/**
 * Node-only helpers of the SDK: load a scenario file (with its CSV and snapshot files) from disk.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FiresaleError, FiresaleErrors } from '@firesale/core';
import { prepareScenario, type PrepareOptions, type PreparedScenario } from './prepare-scenario';

/**
 * Reads, parses and validates a scenario JSON file; files it names (`positionsCsv`, `snapshotFile`) are read
 * relative to its folder.
 *
 * @throws {@link FiresaleErrors} (`FILE__UNREADABLE`, `FILE__INVALID_JSON`, or the scenario's problems).
 */
export function loadScenarioFile(path: string, options: Omit<PrepareOptions, 'readTextFile'> = {}): PreparedScenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new FiresaleErrors([new FiresaleError('FILE__UNREADABLE', { path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new FiresaleErrors([new FiresaleError('FILE__INVALID_JSON', { path, reason: (error as Error).message })]);
  }
  const folder = dirname(resolve(path));
  return prepareScenario(raw, { ...options, readTextFile: (file) => readFileSync(resolve(folder, file), 'utf8') });
}
