import { isFiresaleError } from '@firesale/sdk';

/**
 * Prints an error the way a user needs it: each coded problem on its own line (field path and reason), never a
 * bare stack trace. Returns the exit code.
 */
export function reportError(error: unknown, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): number {
  if (isFiresaleError(error)) {
    const list = (error as { errors?: readonly Error[] }).errors ?? [error as Error];
    write(`firesale: ${list.length === 1 ? 'invalid input' : `${list.length} problems in the input`}:`);
    for (const e of list) write(`  - ${e.message}`);
    return 1;
  }
  write(`firesale: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.FIRESALE_DEBUG && error instanceof Error && error.stack) write(error.stack);
  return 2;
}
