import type { CascadeReport } from '@firesale/core';

/**
 * The mark price of `marketId` in force at `timeSeconds`, read from the run's timeline: the last step sample at or
 * before that time. After the run's last step the last mark holds (a run ends once prices have settled); before the
 * first sample, the first mark.
 *
 * @throws `Error` when the report's timeline has no mark series for the market.
 */
export function markAt(report: CascadeReport, marketId: string, timeSeconds: number): number {
  const times = report.timeline.timeSeconds;
  const marks = report.timeline.markPriceQuote[marketId];
  if (!marks || marks.length === 0) throw new Error(`the report has no mark series for market ${marketId}`);
  let lo = 0;
  let hi = times.length - 1;
  if (timeSeconds >= times[hi]!) return marks[hi]!;
  if (timeSeconds <= times[0]!) return marks[0]!;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= timeSeconds) lo = mid;
    else hi = mid;
  }
  return marks[lo]!;
}
