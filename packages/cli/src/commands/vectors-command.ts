import { readFileSync } from 'node:fs';
import { FiresaleError, FiresaleErrors, engineVectorHandlers, runVectors, summarize, type VectorCaseResult, type VectorRunResult } from '@firesale/sdk';
import type { VectorHandlerV1 } from '@firesale/spec';
import Table from 'cli-table3';

/** Packages whose `./vectors` entry may provide handlers; those not installed are skipped. */
export const VECTOR_PACKAGES = [
  '@firesale/orderbook/vectors',
  '@firesale/venue-hyperliquid/vectors',
  '@firesale/venue-dydx/vectors',
  '@firesale/venue-binance/vectors',
  '@firesale/venue-bybit/vectors',
  '@firesale/venue-bitmex/vectors',
  '@firesale/venue-okx/vectors',
  '@firesale/venue-gate/vectors',
  '@firesale/venue-gmx/vectors',
  '@firesale/venue-drift/vectors',
  '@firesale/venue-aave/vectors',
  '@firesale/venue-compound/vectors',
  '@firesale/venue-maker/vectors',
  '@firesale/contagion/vectors',
];

/** Every vector handler of the installed firesale packages, plus those of extra modules (`--handlers`). */
export async function loadHandlers(extraModules: readonly string[] = []): Promise<VectorHandlerV1[]> {
  const handlers: VectorHandlerV1[] = [...engineVectorHandlers];
  for (const name of VECTOR_PACKAGES) {
    try {
      const module = (await import(name)) as { vectorHandlers?: readonly VectorHandlerV1[] };
      handlers.push(...(module.vectorHandlers ?? []));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw error;
    }
  }
  for (const name of extraModules) {
    const module = (await import(name)) as { vectorHandlers?: readonly VectorHandlerV1[] };
    if (!module.vectorHandlers) throw new Error(`${name} exports no vectorHandlers`);
    handlers.push(...module.vectorHandlers);
  }
  return handlers;
}

/** Options of `firesale vectors`. */
export type VectorsCommandOptions = { json?: boolean; kind?: string; handlers?: string[] };

/** `firesale vectors <file...>`: runs every case and prints pass/fail per case. Resolves to the exit code. */
export async function vectorsCommand(files: readonly string[], options: VectorsCommandOptions, out: (text: string) => void): Promise<number> {
  const handlers = await loadHandlers(options.handlers ?? []);
  const kinds = options.kind ? options.kind.split(',').map((k) => k.trim()) : undefined;
  const results: VectorCaseResult[] = [];
  for (const file of files) {
    // Input problems are coded errors (exit code 1, one line naming the file), not crashes.
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new FiresaleErrors([new FiresaleError('FILE__UNREADABLE', { path: file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })]);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new FiresaleErrors([new FiresaleError('FILE__INVALID_JSON', { path: file, reason: (error as Error).message })]);
    }
    let run: VectorRunResult;
    try {
      run = runVectors(parsed, handlers, kinds);
    } catch (error) {
      // runVectors says "not a test-vector file: <why>"; the code's message already says the first part.
      const reason = (error as Error).message.replace(/^not a test-vector file: /, '');
      throw new FiresaleErrors([new FiresaleError('VECTORS__INVALID_FILE', { path: file, reason })]);
    }
    results.push(...run.cases);
  }
  const total = summarize(results);
  if (options.json) {
    out(JSON.stringify(total, null, 2));
  } else {
    const table = new Table({ head: ['case', 'kind', 'status', 'detail'], style: { head: [], border: [] }, colWidths: [34, 24, 13, 90], wordWrap: true });
    for (const c of results) table.push([c.id, c.kind, c.status === 'pass' ? 'pass' : c.status === 'fail' ? 'FAIL' : 'unsupported', c.detail]);
    out(table.toString());
    out(`vectors: ${total.passed} passed, ${total.failed} failed, ${total.unsupported} unsupported`);
  }
  return total.failed === 0 && total.unsupported === 0 ? 0 : 1;
}
