/**
 * Node-only helpers of `@firesale/replay`: read a history file as a stream, replay or calibrate it, write an
 * engine history to a file.
 *
 * @packageDocumentation
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { FiresaleError, FiresaleErrors } from '@firesale/core';
import { readHistory, type HistoryItem, type ReadHistoryOptions } from './read-history';
import { recordHistory, type RecordHistoryOptions } from './record-history';

/**
 * Reads a history file (JSON lines, or CSV when the name ends in `.csv`) as a stream: 1 MiB chunks, one line at a
 * time, constant memory. See {@link readHistory} for what is checked.
 *
 * @throws {@link HistoryError} at the first bad line (after yielding everything before it); `FILE__UNREADABLE`
 * when the file cannot be opened.
 */
export function readHistoryFile(path: string, options: Omit<ReadHistoryOptions, 'file'> = {}): AsyncGenerator<HistoryItem> {
  return readHistory(fileChunks(path), { ...options, file: path });
}

async function* fileChunks(path: string): AsyncGenerator<string> {
  try {
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) yield chunk as string;
  } catch (error) {
    throw new FiresaleErrors([new FiresaleError('FILE__UNREADABLE', { path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })]);
  }
}

/**
 * Runs a scenario and writes its history to `path` (JSON lines, see {@link recordHistory}); resolves to the number
 * of lines written.
 */
export async function writeHistoryFile(path: string, rawScenario: unknown, options: RecordHistoryOptions = {}): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let lines = 0;
  for (const line of recordHistory(rawScenario, options)) {
    lines++;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return lines;
}

export * from './index';
