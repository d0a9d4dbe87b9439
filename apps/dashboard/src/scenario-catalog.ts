import btcPerpCascade from '../../../examples/btc-perp-cascade.json';
import btcPerpContained from '../../../examples/btc-perp-contained.json';
import contagionCexDexLending from '../../../examples/contagion-cex-dex-lending.json';
import oracleLagLending from '../../../examples/oracle-lag-lending.json';

/** A scenario the dashboard ships with (the repository's examples, bundled at build time). */
export type BundledScenario = {
  /** Short id used in the URL (`?scenario=cascade`). */
  readonly id: string;
  readonly label: string;
  /** The scenario JSON exactly as in `examples/`. */
  readonly json: unknown;
};

/** The bundled examples; the first is the default. */
export const bundledScenarios: readonly BundledScenario[] = [
  { id: 'cascade', label: 'BTC perp: 3% shock, crowded longs (examples/btc-perp-cascade.json)', json: btcPerpCascade },
  { id: 'contained', label: 'BTC perp: same shock, contained (examples/btc-perp-contained.json)', json: btcPerpContained },
  { id: 'contagion', label: 'ETH contagion: CEX crash → DEX pool → lending bad debt (examples/contagion-cex-dex-lending.json)', json: contagionCexDexLending },
  { id: 'oracle-lag', label: 'ETH lending: oracle lagging the pool it liquidates into (examples/oracle-lag-lending.json)', json: oracleLagLending },
];

/** The scenario a fresh page opens. */
export const defaultScenarioId = 'cascade';
