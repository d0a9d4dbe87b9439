import type { Controls } from './controls';

const keys: Record<keyof Controls, string> = {
  shockPct: 'shock',
  shockSeconds: 'over',
  depthScale: 'depth',
  stressMultiplier: 'stress',
  halfLifeSeconds: 'halflife',
  leverageScale: 'lev',
  venue: 'venue',
  positions: 'n',
  stepCapMillions: 'cap',
  breakerBandPct: 'band',
  stagedDisposal: 'staged',
};

/** Shareable state: the scenario id and every control that differs from the scenario's own value. */
export function encodeUrlState(scenarioId: string, base: Controls, controls: Controls): string {
  const params = new URLSearchParams();
  params.set('scenario', scenarioId);
  for (const name of Object.keys(keys) as (keyof Controls)[]) {
    const value = controls[name];
    if (value === base[name]) continue;
    params.set(keys[name], typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  return `?${params.toString()}`;
}

/** Reads the scenario id and the controls in `search` over `base`; unknown or malformed values are ignored. */
export function decodeUrlState(search: string, base: Controls): { scenarioId: string | undefined; controls: Controls } {
  const params = new URLSearchParams(search);
  const controls: Controls = { ...base };
  for (const name of Object.keys(keys) as (keyof Controls)[]) {
    const raw = params.get(keys[name]);
    if (raw === null) continue;
    const current = base[name];
    if (typeof current === 'boolean') (controls as Record<string, unknown>)[name] = raw === '1' || raw === 'true';
    else if (typeof current === 'number') {
      const value = Number(raw);
      if (Number.isFinite(value)) (controls as Record<string, unknown>)[name] = value;
    } else (controls as Record<string, unknown>)[name] = raw;
  }
  return { scenarioId: params.get('scenario') ?? undefined, controls };
}
