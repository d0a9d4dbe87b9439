/**
 * The `firesale` command line: `firesale run <scenario>` simulates a scenario and prints the cascade summary
 * (`--json`, `--csv <dir>`), `firesale vectors <file...>` checks test vectors against the installed packages.
 *
 * @packageDocumentation
 */
export { main, createProgram } from './cli';
export type { CliIo } from './cli';
export { runCommand, formatSummary } from './commands/run-command';
export type { RunCommandOptions } from './commands/run-command';
export { vectorsCommand, loadHandlers, VECTOR_PACKAGES } from './commands/vectors-command';
export type { VectorsCommandOptions } from './commands/vectors-command';
export { compareCommand } from './commands/compare-command';
export type { CompareCommandOptions, VenueComparison } from './commands/compare-command';
export { reportError } from './errors';
