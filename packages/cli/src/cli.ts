import { Command, InvalidArgumentError } from 'commander';
import { reportError } from './errors';
import { runCommand } from './commands/run-command';
import { vectorsCommand } from './commands/vectors-command';
import { compareCommand } from './commands/compare-command';

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
