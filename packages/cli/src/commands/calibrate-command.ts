import { CALIBRATION_PARAMETERS, calibrateHistory, type CalibrationParameter, type CalibrationResult, type FittedParameter } from '@firesale/replay';
import { readHistoryFile } from '@firesale/replay/node';
import { FiresaleError, FiresaleErrors } from '@firesale/sdk';
import { writeFileSync } from 'node:fs';
import { formatComparison, replayInputs } from './replay-command';

/** Options of `firesale calibrate`. */
export type CalibrateCommandOptions = { scenario?: string; from?: string; to?: string; fit?: string; liquidationWeight?: string; json?: boolean; out?: string };

const NOT_IDENTIFIED: Record<Exclude<FittedParameter['identification'], 'identified'>, string> = {
  flat: 'not identified (nothing in the window moves with it)',
  'one-sided': 'not identified (the data bound it on one side only)',
  singular: 'not identified (singular curvature)',
};

/**
 * `firesale calibrate <history>`: fits book depth, resilience half-life and, when the scenario has a
 * `liquidityWithdrawal` block, the withdrawal sensitivity (or what `--fit` lists: also `stress`,
 * `withdrawal-floor`) so the engine reproduces the history; prints each value with its 95% interval, the loss and
 * the replay comparison at the fit. `--out` writes the fitted scenario.
 */
export async function calibrateCommand(file: string, options: CalibrateCommandOptions, out: (text: string) => void): Promise<CalibrationResult> {
  const fit = options.fit?.split(',').map((s) => s.trim());
  for (const name of fit ?? []) {
    if (!(CALIBRATION_PARAMETERS as readonly string[]).includes(name)) {
      throw new FiresaleErrors([new FiresaleError('SCENARIO__UNKNOWN_MODEL', { path: '--fit', value: name, known: CALIBRATION_PARAMETERS.join(', ') })]);
    }
  }
  const weight = options.liquidationWeight === undefined ? undefined : Number(options.liquidationWeight);
  if (weight !== undefined && !(weight >= 0)) {
    throw new FiresaleErrors([new FiresaleError('SCENARIO__INVALID_FIELD', { path: '--liquidation-weight', value: options.liquidationWeight, reason: 'must be a number, 0 or more' })]);
  }
  const result = await calibrateHistory(readHistoryFile(file), {
    ...replayInputs(file, options),
    ...(fit === undefined ? {} : { fit: fit as CalibrationParameter[] }),
    ...(weight === undefined ? {} : { liquidationWeight: weight }),
  });
  if (options.out) writeFileSync(options.out, `${JSON.stringify(result.scenario, null, 2)}\n`);
  if (options.json) {
    out(JSON.stringify({ parameters: result.parameters, correlation: result.correlation, loss: result.loss, iterations: result.iterations, evaluations: result.evaluations, comparison: result.comparison }, null, 2));
    return result;
  }
  const lines = [`firesale calibrate · ${file} · ${result.evaluations} engine runs, ${result.iterations} iterations`];
  const width = Math.max(...result.parameters.map((p) => p.name.length));
  for (const p of result.parameters) {
    const interval = p.interval95 ? `95% [${p.interval95[0].toPrecision(4)}, ${p.interval95[1].toPrecision(4)}]` : NOT_IDENTIFIED[p.identification === 'identified' ? 'singular' : p.identification];
    lines.push(`  ${p.name.padEnd(width)} ${p.field}: ${p.startValue.toPrecision(4)} -> ${p.value.toPrecision(6)}  ${interval}`);
  }
  lines.push(`loss ${result.loss.start.toExponential(3)} -> ${result.loss.final.toExponential(3)} (price ${result.loss.priceTerm.toExponential(2)}, liquidations ${result.loss.liquidationTerm.toExponential(2)}, ${result.loss.residuals} residuals)`);
  lines.push('at the fit:', ...formatComparison(result.comparison).map((l) => `  ${l}`));
  if (options.out) lines.push(`fitted scenario written to ${options.out}`);
  out(lines.join('\n'));
  return result;
}
