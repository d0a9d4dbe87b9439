import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allChecks, renderCheckTable } from '../src/index';

// Published ids never change: this list only grows. A removed or renumbered id breaks authors' expected-failure files.
const publishedIds = [
  ...Array.from({ length: 17 }, (_, i) => `LE-MUST-${String(i + 1).padStart(3, '0')}`),
  ...Array.from({ length: 7 }, (_, i) => `LE-SHOULD-${String(i + 1).padStart(3, '0')}`),
  ...Array.from({ length: 9 }, (_, i) => `OB-MUST-${String(i + 1).padStart(3, '0')}`),
  'OB-SHOULD-001',
  'OB-SHOULD-002',
  'OB-SHOULD-003',
  'GS-MUST-001',
  'GS-MUST-002',
  'GS-SHOULD-001',
];

describe('check ids', () => {
  const checks = allChecks();

  it('keeps every published id', () => {
    expect(checks.map((c) => c.id)).toEqual(expect.arrayContaining(publishedIds));
    expect(checks).toHaveLength(publishedIds.length);
  });

  it('are unique, well formed, and their level matches the id', () => {
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
    for (const c of checks) {
      expect(c.id).toMatch(/^(LE|OB|GS)-(MUST|SHOULD)-\d{3}$/);
      expect(c.id.includes(`-${c.level}-`)).toBe(true);
      expect(c.title.length).toBeGreaterThan(10);
    }
  });

  it('the README lists every check as the data says', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('<!-- checks:start -->');
    const end = readme.indexOf('<!-- checks:end -->');
    expect(start).toBeGreaterThan(-1);
    expect(readme.slice(start + '<!-- checks:start -->'.length, end).trim()).toBe(renderCheckTable());
  });
});
