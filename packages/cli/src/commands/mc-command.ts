import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_BATCH_SIZE,
  FAN_INTERVALS,
  createInlineRunner,
  parsePriceCsv,
  sketchBuckets,
  sketchQuantile,
  validatePlan,
  type JobRunner,
  type MonteCarloPlan,
  type MonteCarloSummary,
  type ParameterUncertaintySpec,
  type ShockModelSpec,
} from '@firesale/risk';
import { createWorkerRunner } from '@firesale/runner-workers';
import { FiresaleError, FiresaleErrors } from '@firesale/sdk';
import cliProgress from 'cli-progress';
import Table from 'cli-table3';
import { count, percent, usd } from '../format';
import { venueFactories } from '../venues';

/** Options shared by `firesale mc`, `sweep`, `stress` and `report` (raw strings from commander). */
export type McCommandOptions = {
  paths?: string;
  seed?: string;
  batchSize?: string;
  horizon?: string;
  model?: string;
  vol?: string;
  drift?: string;
  jumpIntensity?: string;
  jumpMean?: string;
  jumpStd?: string;
  pathStep?: string;
  prices?: string;
  block?: string;
  depthSigma?: string;
  stressMultiplier?: string;
  latency?: string;
  accounts?: string;
  confidence?: string;
  badDebtThreshold?: string;
  runner?: string;
  threads?: string;
  redis?: string;
  json?: boolean;
  csv?: string;
  progress?: boolean;
};

/** Reads a scenario JSON file (errors name the file). */
export function readScenarioJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FiresaleErrors([new FiresaleError('FILE__UNREADABLE', { path: file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FiresaleErrors([new FiresaleError('FILE__INVALID_JSON', { path: file, reason: (error as Error).message })]);
  }
}

function numberOption(value: string | undefined, flag: string, fallback: number): number;
function numberOption(value: string | undefined, flag: string, fallback?: number): number | undefined;
function numberOption(value: string | undefined, flag: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new FiresaleErrors([new FiresaleError('SCENARIO__INVALID_FIELD', { path: flag, value, reason: `"${value}" is not a number` })]);
  return n;
}

/** Builds a Monte Carlo plan from a scenario file and the command's options (a price CSV is read and hashed). */
export function buildPlan(file: string, options: McCommandOptions): MonteCarloPlan {
  const scenario = readScenarioJson(file);
  const model = options.model ?? (options.prices ? 'bootstrap' : 'gbm');
  const horizonSeconds = numberOption(options.horizon, '--horizon', 600);
  const dataFiles: { path: string; sha256: string }[] = [];
  let shockModel: ShockModelSpec;
  const pathStep = numberOption(options.pathStep, '--path-step');
  const common = pathStep === undefined ? {} : { pathStepSeconds: pathStep };
  switch (model) {
    case 'gbm':
      shockModel = { model: 'gbm', volatilityAnnual: numberOption(options.vol, '--vol', 0.8), driftAnnual: numberOption(options.drift, '--drift', 0), ...common };
      break;
    case 'merton':
      shockModel = {
        model: 'merton',
        volatilityAnnual: numberOption(options.vol, '--vol', 0.8),
        driftAnnual: numberOption(options.drift, '--drift', 0),
        jumpIntensityAnnual: numberOption(options.jumpIntensity, '--jump-intensity', 50),
        jumpMeanLog: numberOption(options.jumpMean, '--jump-mean', -0.05),
        jumpStdLog: numberOption(options.jumpStd, '--jump-std', 0.03),
        ...common,
      };
      break;
    case 'bootstrap': {
      if (!options.prices) throw new FiresaleErrors([new FiresaleError('SCENARIO__VALUE_MISSING', { path: '--prices' })]);
      let text: string;
      try {
        text = readFileSync(options.prices, 'utf8');
      } catch (error) {
        throw new FiresaleErrors([new FiresaleError('FILE__UNREADABLE', { path: options.prices, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })]);
      }
      const parsed = parsePriceCsv(text, options.prices);
      dataFiles.push({ path: options.prices, sha256: createHash('sha256').update(text).digest('hex') });
      const block = numberOption(options.block, '--block');
      shockModel = { model: 'bootstrap', logReturns: parsed.logReturns, intervalSeconds: parsed.intervalSeconds, ...(block === undefined ? {} : { blockLength: block }) };
      break;
    }
    case 'stress': {
      const raw = scenario as { shocks?: { market: string; returnPct: number; atSeconds?: number; overSeconds?: number }[] };
      shockModel = {
        model: 'stress',
        scenarios: [{ name: 'scenario', shocks: (raw.shocks ?? []).map((s) => ({ marketId: s.market, returnFraction: s.returnPct / 100, atSeconds: s.atSeconds ?? 0, overSeconds: s.overSeconds ?? 0 })) }],
      };
      break;
    }
    default:
      throw new FiresaleErrors([new FiresaleError('SCENARIO__UNKNOWN_MODEL', { path: '--model', value: model, known: 'gbm, merton, bootstrap, stress' })]);
  }
  const parameters: { -readonly [K in keyof ParameterUncertaintySpec]: ParameterUncertaintySpec[K] } = {};
  const depthSigma = numberOption(options.depthSigma, '--depth-sigma');
  if (depthSigma !== undefined) parameters.depthMultiplier = { distribution: 'lognormal', median: 1, sigma: depthSigma };
  if (options.stressMultiplier) {
    const [min, max] = options.stressMultiplier.split(',').map((x, i) => numberOption(x, '--stress-multiplier', i));
    parameters.stressDepthMultiplier = { distribution: 'uniform', min: min!, max: max ?? min! };
  }
  if (options.latency) {
    const [min, max] = options.latency.split(',').map((x, i) => numberOption(x, '--latency', i));
    parameters.liquidatorLatencySeconds = { distribution: 'uniform', min: min!, max: max ?? min! };
  }
  const plan: MonteCarloPlan = {
    scenario,
    scenarioBaseDir: dirname(resolve(file)),
    shockModel,
    ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
    paths: numberOption(options.paths, '--paths', 1000),
    seed: numberOption(options.seed, '--seed', (scenario as { seed?: number }).seed ?? 1),
    batchSize: numberOption(options.batchSize, '--batch-size', DEFAULT_BATCH_SIZE),
    horizonSeconds,
    ...(options.accounts ? { accounts: options.accounts.split(',').map((a) => a.trim()) } : {}),
    ...(options.confidence ? { confidenceLevels: options.confidence.split(',').map((c) => numberOption(c, '--confidence')!) } : {}),
    ...(options.badDebtThreshold ? { badDebtThresholdQuote: numberOption(options.badDebtThreshold, '--bad-debt-threshold') } : {}),
    ...(dataFiles.length > 0 ? { dataFiles } : {}),
  };
  validatePlan(plan);
  return plan;
}

/** Versions of the installed firesale packages (for the run manifest). */
export function firesaleVersions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['@firesale/core', '@firesale/sdk', '@firesale/risk', '@firesale/runner-workers', '@firesale/cli']) {
    try {
      let dir = dirname(fileURLToPath(import.meta.resolve(name)));
      for (let up = 0; up < 4 && !existsSync(join(dir, 'package.json')); up++) dir = dirname(dir);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) out[name] = pkg.version;
    } catch {
      // not installed: left out of the manifest
    }
  }
  return out;
}

/** The runner `--runner` names (bullmq is loaded only when asked for). */
export async function createRunner(options: McCommandOptions): Promise<JobRunner> {
  const kind = options.runner ?? 'inline';
  const baseDirReader = { readTextFile: (path: string, baseDir: string | undefined) => readFileSync(resolve(baseDir ?? process.cwd(), path), 'utf8'), venueFactories };
  if (kind === 'inline') return createInlineRunner(baseDirReader);
  if (kind === 'workers') {
    const threads = numberOption(options.threads, '--threads');
    return createWorkerRunner(threads === undefined ? {} : { threads });
  }
  if (kind === 'bullmq') {
    if (!options.redis) throw new FiresaleErrors([new FiresaleError('SCENARIO__VALUE_MISSING', { path: '--redis' })]);
    const name = '@firesale/runner-bullmq';
    let module: { createBullmqRunner?: (o: { redisUrl: string }) => JobRunner | Promise<JobRunner> };
    try {
      module = (await import(name)) as typeof module;
    } catch {
      throw new Error('--runner bullmq needs the @firesale/runner-bullmq package: install it next to @firesale/cli (npm i @firesale/runner-bullmq)');
    }
    if (!module.createBullmqRunner) throw new Error('@firesale/runner-bullmq exports no createBullmqRunner');
    return await module.createBullmqRunner({ redisUrl: options.redis });
  }
  throw new FiresaleErrors([new FiresaleError('SCENARIO__UNKNOWN_MODEL', { path: '--runner', value: kind, known: 'inline, workers, bullmq' })]);
}

/** Runs a plan with a progress bar on stderr (paths done, rate, ETA). */
export async function runWithProgress(plan: MonteCarloPlan, runner: JobRunner, showProgress: boolean): Promise<MonteCarloSummary> {
  const bar = showProgress
    ? new cliProgress.SingleBar(
        { format: 'paths {bar} {value}/{total} · {rate} paths/s · ETA {eta_formatted}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(plan.paths, 0, { rate: '0' });
  try {
    return await runner.run(plan, {
      packageVersions: firesaleVersions(),
      onProgress: (p) => bar?.update(p.pathsDone, { rate: (p.pathsDone / Math.max(0.001, p.elapsedMs / 1000)).toFixed(0) }),
    });
  } finally {
    bar?.stop();
  }
}

/** `firesale mc <scenario>`: Monte Carlo over exogenous shocks; prints the summary table, JSON or CSV files. */
export async function mcCommand(file: string, options: McCommandOptions, out: (text: string) => void): Promise<MonteCarloSummary> {
  const plan = buildPlan(file, options);
  const runner = await createRunner(options);
  let summary: MonteCarloSummary;
  try {
    summary = await runWithProgress(plan, runner, options.progress !== false && !options.json && process.stderr.isTTY === true);
  } finally {
    await runner.close();
  }
  if (options.csv) writeSummaryCsv(summary, options.csv);
  if (options.json) out(JSON.stringify(summary));
  else out(formatMcSummary(summary, file, runner.kind, options.csv));
  return summary;
}

function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return String(value);
  if (unit === 'quote') return usd(value);
  if (unit === 'fraction' || unit === 'probability') return percent(value);
  if (unit === 'ratio') return `${value.toFixed(2)}x`;
  return count(Math.round(value * 100) / 100);
}

/** The human-readable Monte Carlo summary. */
export function formatMcSummary(summary: MonteCarloSummary, file: string, runnerKind: string, csvDir?: string): string {
  const m = summary.manifest;
  const lines = [
    `firesale mc · ${file}`,
    `${count(summary.pathCount)} paths · ${m.shockModel} · horizon ${m.horizonSeconds} s · seed ${m.seed} · batch ${m.batchSize} · runner ${runnerKind}`,
    `scenario sha256 ${m.scenarioSha256.slice(0, 16)}…${m.dataFiles.map((d) => ` · ${d.path} sha256 ${d.sha256.slice(0, 16)}…`).join('')}`,
    '',
  ];
  const table = new Table({ head: ['metric', 'value', '± s.e.'], style: { head: [], border: [] } });
  for (const metric of summary.metrics) {
    table.push([metric.name, formatValue(metric.value, metric.unit), metric.standardError === undefined ? '' : percent(metric.standardError)]);
  }
  lines.push(table.toString());
  lines.push(`cascade generations (paths): ${summary.generations.map((n, g) => `${g}: ${count(n)}`).join('  ')}`);
  if (csvDir) lines.push(`CSV tables written to ${csvDir}/`);
  return lines.join('\n');
}

function csv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((r) => r.map((c) => (typeof c === 'string' && /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : String(c))).join(',')).join('\n') + '\n';
}

/** Writes metrics.csv, fan.csv, generations.csv and distributions.csv into `dir`. */
export function writeSummaryCsv(summary: MonteCarloSummary, dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'metrics.csv'),
    csv([
      ['name', 'value', 'unit', 'horizon_seconds', 'confidence', 'market_id', 'standard_error'],
      ...summary.metrics.map((x) => [x.name, x.value, x.unit, x.horizonSeconds, x.confidence ?? '', x.marketId ?? '', x.standardError ?? '']),
    ]),
  );
  const fanRows: (string | number)[][] = [['market_id', 'time_seconds', 'p05', 'p25', 'p50', 'p75', 'p95']];
  for (const market of summary.markets) {
    market.fan.forEach((sketch, j) => {
      fanRows.push([market.marketId, (summary.horizonSeconds * j) / FAN_INTERVALS, ...[0.05, 0.25, 0.5, 0.75, 0.95].map((q) => sketchQuantile(sketch, q))]);
    });
  }
  writeFileSync(join(dir, 'fan.csv'), csv(fanRows));
  writeFileSync(join(dir, 'generations.csv'), csv([['generation', 'paths'], ...summary.generations.map((n, g) => [g, n])]));
  const dist: (string | number)[][] = [['metric', 'value', 'paths']];
  for (const [name, sketch] of [
    ['liquidated_notional_quote', summary.liquidatedNotionalQuote],
    ['bad_debt_quote', summary.badDebtQuote],
  ] as const) {
    for (const b of sketchBuckets(sketch)) dist.push([name, b.value, b.count]);
  }
  writeFileSync(join(dir, 'distributions.csv'), csv(dist));
}
