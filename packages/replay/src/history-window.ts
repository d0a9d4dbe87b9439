import { FiresaleError } from '@firesale/core';

/**
 * Checks a requested window before reading: `--to` must not be before `--from`.
 *
 * @throws `FiresaleError` `HISTORY__INVALID_WINDOW` naming `--to`.
 */
export function checkWindowOrder(file: string, fromSeconds: number | undefined, toSeconds: number): void {
  if (fromSeconds !== undefined && toSeconds < fromSeconds) {
    throw new FiresaleError('HISTORY__INVALID_WINDOW', { path: file, option: '--to', value: toSeconds, reason: `the window ends before it starts (--from ${fromSeconds})` });
  }
}

/** What {@link checkWindowInData} compares. */
export type WindowAndData = {
  readonly file: string;
  /** The requested window (undefined: from the data's start / to its end). */
  readonly fromSeconds: number | undefined;
  readonly toSeconds: number | undefined;
  readonly dataStartSeconds: number;
  readonly dataEndSeconds: number;
  /** Time of the snapshot the engine would start from. */
  readonly snapshotSeconds: number;
};

/**
 * Checks a requested window against the history once read: it must overlap the data, and must not start before
 * the snapshot the engine starts from.
 *
 * @throws `FiresaleError` `HISTORY__WINDOW_OUTSIDE_DATA` naming the option (`--from` when the window starts after the
 * data, `--to` when it ends before it) and the data's time range; `HISTORY__INVALID_WINDOW` for a window that starts
 * before the first snapshot.
 */
export function checkWindowInData(w: WindowAndData): void {
  const from = w.fromSeconds ?? w.dataStartSeconds;
  const to = w.toSeconds ?? w.dataEndSeconds;
  const endsBefore = to < w.dataStartSeconds;
  if (endsBefore || from > w.dataEndSeconds) {
    throw new FiresaleError('HISTORY__WINDOW_OUTSIDE_DATA', {
      path: w.file,
      option: endsBefore ? '--to' : '--from',
      value: endsBefore ? to : from,
      fromSeconds: from,
      toSeconds: to,
      dataStartSeconds: w.dataStartSeconds,
      dataEndSeconds: w.dataEndSeconds,
    });
  }
  if (w.fromSeconds !== undefined && w.fromSeconds < w.snapshotSeconds) {
    throw new FiresaleError('HISTORY__INVALID_WINDOW', {
      path: w.file, option: '--from', value: w.fromSeconds, reason: `the window starts before the scenario's time ${w.snapshotSeconds} (no snapshot to start from)`,
    });
  }
}
