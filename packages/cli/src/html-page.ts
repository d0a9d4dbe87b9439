import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

/** What goes into a self-contained chart page. */
export type ChartPage = {
  title: string;
  /** Pre-formatted text shown above the charts (the command's summary). */
  summaryText: string;
  /** Data for the page script, as `window.FIRESALE`. */
  data: unknown;
  /** Browser script that draws into `#charts` with the global `uPlot`. */
  pageScript: string;
  /** Extra HTML after the charts (already escaped). */
  footerHtml?: string;
};

/** Escapes text for HTML element content. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/**
 * One self-contained HTML page: uPlot's IIFE build and CSS inline, the data as JSON, no network access needed.
 * Shared by `firesale report` and `firesale replay --html`.
 */
export function renderChartPage(page: ChartPage): string {
  const require = createRequire(import.meta.url);
  const uplotDir = dirname(require.resolve('uplot/dist/uPlot.iife.min.js'));
  const js = readFileSync(resolve(uplotDir, 'uPlot.iife.min.js'), 'utf8');
  const css = readFileSync(resolve(uplotDir, 'uPlot.min.css'), 'utf8');
  const json = JSON.stringify(page.data).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(page.title)}</title>
<style>${css}
body{font-family:system-ui,sans-serif;margin:20px;color:#222} pre{background:#f6f6f6;padding:10px;overflow:auto;font-size:12px} h2{font-size:16px;margin-top:28px}</style>
</head><body>
<h1>${escapeHtml(page.title)}</h1>
<pre>${escapeHtml(page.summaryText)}</pre>
<div id="charts"></div>
${page.footerHtml ?? ''}
<script>${js.replace(/<\/script/gi, '<\\/script')}</script>
<script>window.FIRESALE = ${json};</script>
<script>${page.pageScript}</script>
</body></html>
`;
}
