import { Command, InvalidArgumentError } from 'commander';
import { reportError } from './errors';
import { runCommand } from './commands/run-command';
import { vectorsCommand } from './commands/vectors-command';
import { mcCommand, type McCommandOptions } from './commands/mc-command';
import { reportCommand, type ReportCommandOptions } from './commands/report-command';
import { stressCommand, type StressCommandOptions } from './commands/stress-command';
import { sweepCommand, type SweepCommandOptions } from './commands/sweep-command';
import { compareCommand } from './commands/compare-command';
import { replayCommand, type ReplayCommandOptions } from './commands/replay-command';
import { calibrateCommand, type CalibrateCommandOptions } from './commands/calibrate-command';
import { adlLabCommand, type AdlLabCommandOptions } from './commands/adl-lab-command';
import { contagionCommand, type ContagionCommandOptions } from './commands/contagion-command';

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

/** Builds the `firesale` program; `main` runs it. Exposed for tests. */
export function createProgram(out: (text: string) => void = (t) => process.stdout.write(`${t}\n`)): Command {
  const program = new Command('firesale')
    .description('Simulate cascading liquidations in leveraged crypto markets.')
    .showHelpAfterError()
    .exitOverride();
  program
    .command('run')
    .description('simulate a scenario file and print the cascade summary')
    .argument('<scenario>', 'scenario JSON file')
    .option('--venue <model>', 'run every venue of the scenario with this venue model instead')
    .option('--seed <n>', 'override the scenario seed', integer)
    .option('--json', 'print the full report as JSON')
    .option('--csv <dir>', 'also write the report as CSV tables into <dir>')
    .action((file: string, options: { venue?: string; seed?: number; json?: boolean; csv?: string }) => {
      runCommand(file, options, out);
    });
  program
    .command('compare')
    .description('run a scenario under several venues and compare the outcomes side by side')
    .argument('<scenario>', 'scenario JSON file')
    .option('--venues <models>', 'comma-separated venue models (default: every perp venue)')
    .option('--seed <n>', 'override the scenario seed', integer)
    .option('--json', 'print the comparison as JSON')
    .action((file: string, options: { venues?: string; json?: boolean; seed?: number }) => {
      compareCommand(file, options, out);
    });
  program
    .command('vectors')
    .description('check test-vector files (shared format) against the installed packages')
    .argument('<files...>', 'vector JSON files')
    .option('--json', 'print {cases, passed, failed, unsupported} as JSON')
    .option('--kind <kinds>', 'only these kinds (comma-separated)')
    .option('--handlers <modules...>', 'extra modules exporting vectorHandlers (plugin authors)')
    .action(async (files: string[], options: { json?: boolean; kind?: string; handlers?: string[] }) => {
      process.exitCode = await vectorsCommand(files, options, out);
    });
  program
    .command('mc')
    .description('Monte Carlo over exogenous price paths: liquidation-at-risk, VaR/ES of price drop and bad debt, ADL and fund exhaustion odds')
    .argument('<scenario>', 'scenario JSON file')
    .option('--paths <n>', 'number of paths (default 1000)')
    .option('--seed <n>', 'seed (default: the scenario seed)')
    .option('--batch-size <n>', 'paths per batch (default 100)')
    .option('--horizon <seconds>', 'simulated seconds per path (default 600)')
    .option('--model <name>', 'shock model: gbm | merton | bootstrap | stress (default gbm, bootstrap with --prices)')
    .option('--vol <sigma>', 'annualised volatility (default 0.8)')
    .option('--drift <mu>', 'annualised drift (default 0)')
    .option('--jump-intensity <n>', 'merton: jumps per year (default 50)')
    .option('--jump-mean <m>', 'merton: mean log jump (default -0.05)')
    .option('--jump-std <s>', 'merton: std of the log jump (default 0.03)')
    .option('--path-step <seconds>', 'seconds between path points (default horizon/60)')
    .option('--prices <csv>', 'bootstrap: price CSV (time,price[,price...])')
    .option('--block <n>', 'bootstrap: block length (default 1)')
    .option('--depth-sigma <s>', 'uncertain book depth: lognormal factor with this sigma')
    .option('--stress-multiplier <min,max>', 'uncertain stress depth multiplier (uniform)')
    .option('--latency <min,max>', 'uncertain liquidator latency in seconds (uniform)')
    .option('--accounts <ids>', 'accounts whose liquidation risk to report (comma-separated)')
    .option('--confidence <levels>', 'confidence levels (default 0.95,0.99)')
    .option('--bad-debt-threshold <quote>', 'report the probability of bad debt above this')
    .option('--runner <kind>', 'inline | workers | bullmq (default inline)')
    .option('--threads <n>', 'workers: threads (default: all cores)')
    .option('--redis <url>', 'bullmq: Redis URL')
    .option('--json', 'print the summary as JSON')
    .option('--csv <dir>', 'also write CSV tables into <dir>')
    .option('--no-progress', 'no progress bar')
    .action(async (file: string, options: McCommandOptions) => {
      await mcCommand(file, options, out);
    });
  program
    .command('sweep')
    .description('sweep book depth (or any parameter) and shock size into a grid; find the critical depth')
    .argument('<scenario>', 'scenario JSON file')
    .option('--param <name>', 'x parameter: depthMultiplier | shockScale | liquidatorLatencySeconds | oracleDelaySeconds | a scenario field such as venues[0].params.maintenanceMarginRate (default depthMultiplier)')
    .option('--values <list>', 'x values, comma-separated')
    .option('--param2 <name>', 'y parameter (default shockScale)')
    .option('--values2 <list>', 'y values, comma-separated')
    .option('--no-critical-depth', 'skip the critical-depth search')
    .option('--json', 'print the grid as JSON')
    .option('--csv <dir>', 'also write sweep.csv into <dir>')
    .action((file: string, options: SweepCommandOptions) => {
      sweepCommand(file, options, out);
    });
  program
    .command('stress')
    .description('insurance fund adequacy under named stresses, and a reverse stress test')
    .argument('<scenario>', 'scenario JSON file')
    .option('--stresses <file>', 'JSON list of {name, shocks: [{market, returnPct, overSeconds?}], depthMultiplier?}')
    .option('--target <what>', 'reverse stress target: fund-exhaustion | bad-debt | either (default either)')
    .option('--bad-debt-threshold <quote>', 'bad debt that counts as a breach (default 0)')
    .option('--max-drop <fraction>', 'largest fall the reverse stress tries (default 0.9)')
    .option('--json', 'print the results as JSON')
    .action((file: string, options: StressCommandOptions) => {
      stressCommand(file, options, out);
    });
  program
    .command('contagion')
    .description('simulate a scenario and show where the shock travelled: markets and venues reached, in order and how strongly, and system-wide losses')
    .argument('<scenario>', 'scenario JSON file')
    .option('--seed <n>', 'override the scenario seed', integer)
    .option('--json', 'print the contagion analysis as JSON')
    .action((file: string, options: ContagionCommandOptions) => {
      contagionCommand(file, options, out);
    });
  program
    .command('report')
    .description('write a self-contained HTML report (fan chart, loss distribution, heatmaps) from `firesale mc --json` output')
    .argument('<summary>', 'summary JSON written by firesale mc --json')
    .option('-o, --out <file>', 'HTML file to write (default firesale-report.html)')
    .option('--sweep <file>', 'sweep JSON written by firesale sweep --json (sweep heatmap)')
    .option('--scenario <file>', 'the scenario file (liquidation heatmap)')
    .option('--title <text>', 'page title')
    .action((file: string, options: ReportCommandOptions) => {
      reportCommand(file, options, out);
    });
  program
    .command('adl-lab')
    .description('run a scenario under each ADL policy: shortfall, covered, overshoot in equity and in profit over horizons, who was hit')
    .argument('<scenario>', 'scenario JSON file')
    .option('--horizon <seconds>', 'profit horizons, comma-separated (default 60,300,900)')
    .option('--policies <list>', 'policies to compare (default ranking,pro-rata,shortfall-only)')
    .option('--batching <mode>', 'interleaved | separate (default: the scenario, else interleaved)')
    .option('--json', 'print the comparison as JSON')
    .action((file: string, options: AdlLabCommandOptions) => {
      adlLabCommand(file, options, out);
    });
  program
    .command('replay')
    .description('run the engine along a market history and compare simulated with actual (price, liquidations per minute, ADL)')
    .argument('<history>', 'history file: JSON lines (docs/replay-format.md) or CSV trades/candles')
    .option('--scenario <file>', 'scenario with the positions, venues and books (default: the one in the history header)')
    .option('--from <t>', 'window start, history seconds')
    .option('--to <t>', 'window end, history seconds')
    .option('--json', 'print the comparison as JSON')
    .option('--html <file>', 'also write an HTML report with charts')
    .action(async (file: string, options: ReplayCommandOptions) => {
      process.exitCode = await replayCommand(file, options, out);
    });
  program
    .command('calibrate')
    .description('fit book depth, resilience half-life, stress thinning and liquidity withdrawal so the engine reproduces a history')
    .argument('<history>', 'history file (docs/replay-format.md)')
    .option('--scenario <file>', 'starting scenario (default: the one in the history header)')
    .option('--from <t>', 'window start, history seconds')
    .option('--to <t>', 'window end, history seconds')
    .option('--fit <params>', 'comma-separated: depth, half-life, stress, withdrawal-sensitivity, withdrawal-floor (default depth,half-life, plus withdrawal-sensitivity when the scenario has a liquidityWithdrawal block)')
    .option('--liquidation-weight <w>', 'weight of the liquidated-notional term of the loss (default 0.01)')
    .option('--out <file>', 'write the fitted scenario JSON')
    .option('--json', 'print the fit as JSON')
    .action(async (file: string, options: CalibrateCommandOptions) => {
      await calibrateCommand(file, options, out);
    });
  return program;
}

/** Where the CLI writes: results to `out`, problems to `err` (stdout and stderr by default). */
export type CliIo = { out: (text: string) => void; err: (line: string) => void };

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs the CLI with `argv` (as in process.argv) and resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  process.exitCode = 0;
  try {
    await createProgram(io.out).parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    const code = (error as { code?: string; exitCode?: number }).code;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      return code === 'commander.helpDisplayed' || code === 'commander.version' ? 0 : ((error as { exitCode?: number }).exitCode ?? 1);
    }
    return reportError(error, io.err);
  }
}
