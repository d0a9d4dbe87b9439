import { calibrateHistory, type CalibrationParameter, type CalibrationResult } from '@firesale/replay';
import { readHistoryFile } from '@firesale/replay/node';
import { FiresaleError, FiresaleErrors } from '@firesale/sdk';
import { writeFileSync } from 'node:fs';
import { formatComparison, replayInputs } from './replay-command';

/** Options of `firesale calibrate`. */
export type CalibrateCommandOptions = { scenario?: string; from?: string; to?: string; fit?: string; liquidationWeight?: string; json?: boolean; out?: string };

const PARAMETERS: readonly CalibrationParameter[] = ['depth', 'half-life', 'stress'];

/**
 * `firesale calibrate <history>`: fits book depth, resilience half-life and (with `--fit`) the stress depth
 * multiplier so the engine reproduces the history; prints each value with its 95% interval, the loss and the replay
 * comparison at the fit. `--out` writes the fitted scenario.
 */
export async function calibrateCommand(file: string, options: CalibrateCommandOptions, out: (text: string) => void): Promise<CalibrationResult> {
  const fit = (options.fit ?? 'depth,half-life').split(',').map((s) => s.trim());
  for (const name of fit) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      throw new FiresaleErrors([new FiresaleError('SCENARIO__UNKNOWN_MODEL', { path: '--fit', value: name, known: PARAMETERS.join(', ') })]);
    }
  }
  const weight = options.liquidationWeight === undefined ? undefined : Number(options.liquidationWeight);
  if (weight !== undefined && !(weight >= 0)) {
    throw new FiresaleErrors([new FiresaleError('SCENARIO__INVALID_FIELD', { path: '--liquidation-weight', value: options.liquidationWeight, reason: 'must be a number, 0 or more' })]);
  }
  const result = await calibrateHistory(readHistoryFile(file), {
    ...replayInputs(file, options),
    fit: fit as CalibrationParameter[],
    ...(weight === undefined ? {} : { liquidationWeight: weight }),
  });
  if (options.out) writeFileSync(options.out, `${JSON.stringify(result.scenario, null, 2)}\n`);
  if (options.json) {
    out(JSON.stringify({ parameters: result.parameters, correlation: result.correlation, loss: result.loss, iterations: result.iterations, evaluations: result.evaluations, comparison: result.comparison }, null, 2));
    return result;
  }
  const lines = [`firesale calibrate · ${file} · ${result.evaluations} engine runs, ${result.iterations} iterations`];
  for (const p of result.parameters) {
    const interval = p.interval95 ? `95% [${p.interval95[0].toPrecision(4)}, ${p.interval95[1].toPrecision(4)}]` : 'not identified (singular curvature)';
    lines.push(`  ${p.name.padEnd(9)} ${p.field}: ${p.startValue.toPrecision(4)} -> ${p.value.toPrecision(6)}  ${interval}`);
  }
  lines.push(`loss ${result.loss.start.toExponential(3)} -> ${result.loss.final.toExponential(3)} (price ${result.loss.priceTerm.toExponential(2)}, liquidations ${result.loss.liquidationTerm.toExponential(2)}, ${result.loss.residuals} residuals)`);
  lines.push('at the fit:', ...formatComparison(result.comparison).map((l) => `  ${l}`));
  if (options.out) lines.push(`fitted scenario written to ${options.out}`);
  out(lines.join('\n'));
  return result;
}
