import type { ConformanceCheck } from './check-types';
import { liquidationEngineChecks } from './engine-checks';
import { goldenChecks } from './golden-checks';
import { orderBookChecks } from './order-book-checks';

/** Every check of every suite, as `{ suite, id, level, title }` rows. */
export function allChecks(): { suite: string; id: string; level: string; title: string }[] {
  const rows = (suite: string, checks: readonly ConformanceCheck<never>[]) => checks.map((c) => ({ suite, id: c.id, level: c.level, title: c.title }));
  return [
    ...rows('LiquidationEngineModelV1', liquidationEngineChecks as readonly ConformanceCheck<never>[]),
    ...rows('OrderBookModelV1', orderBookChecks as readonly ConformanceCheck<never>[]),
    ...rows('Golden scenarios', goldenChecks as readonly ConformanceCheck<never>[]),
  ];
}

/** The check list as a Markdown table (the testkit README embeds it; a test keeps the two in sync). */
export function renderCheckTable(): string {
  const lines = ['| id | level | suite | title |', '| --- | --- | --- | --- |'];
  for (const c of allChecks()) lines.push(`| ${c.id} | ${c.level} | ${c.suite} | ${c.title.replace(/\|/g, '\\|')} |`);
  return lines.join('\n');
}
