import { invert } from './linear-algebra';

/**
 * Whether the data pin a fitted parameter down: `identified` (the residuals move both ways around the fit),
 * `flat` (no residual moves with it: a withdrawal floor the multiplier never reaches), `one-sided` (residuals move on
 * one side only: the data bound it without locating it, such as a floor just below the lowest multiplier the window
 * reached) or `singular` (it moves the residuals only together with other parameters).
 */
export type Identification = 'identified' | 'flat' | 'one-sided' | 'singular';

/** Standard errors and correlation of fitted ln-parameters. */
export type FitUncertainty = {
  readonly identification: Identification[];
  /** Standard error of each ln-parameter; null unless `identified`. */
  readonly standardErrorLog: (number | null)[];
  /** Correlation of the ln-parameters; null entries for parameters not identified; null when none is. */
  readonly correlation: (number | null)[][] | null;
};

function differs(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return true;
  return false;
}

/**
 * Gauss–Newton uncertainty at an optimum `best` (ln-parameters): cov(ln θ) = σ² (JᵀJ)⁻¹, σ² = loss / (n − p), with
 * J the residuals' Jacobian by central differences of step `h`. A parameter that is flat or one-sided (see
 * {@link Identification}) is left out of the inverse, so the others keep their errors; if what is left is singular,
 * all of it is reported `singular`.
 *
 * @param residualsAt - The model side of the residuals at a point (n values).
 */
export function fitUncertainty(residualsAt: (x: readonly number[]) => Float64Array, best: readonly number[], loss: number, h = 0.02): FitUncertainty {
  const p = best.length;
  const at = residualsAt(best);
  const n = at.length;
  const J: number[][] = Array.from({ length: n }, () => new Array<number>(p).fill(0));
  const identification: Identification[] = [];
  for (let a = 0; a < p; a++) {
    const fu = residualsAt(best.map((v, q) => (q === a ? v + h : v)));
    const fd = residualsAt(best.map((v, q) => (q === a ? v - h : v)));
    const up = differs(fu, at);
    const down = differs(fd, at);
    identification.push(up && down ? 'identified' : up || down ? 'one-sided' : 'flat');
    for (let i = 0; i < n; i++) J[i]![a] = (fu[i]! - fd[i]!) / (2 * h);
  }
  const kept = identification.map((_, a) => a).filter((a) => identification[a] === 'identified');
  const JtJ = kept.map((a) => kept.map((b) => J.reduce((sum, row) => sum + row[a]! * row[b]!, 0)));
  const inverse = kept.length > 0 ? invert(JtJ) : null;
  const standardErrorLog: (number | null)[] = new Array<number | null>(p).fill(null);
  if (!inverse) {
    for (const a of kept) identification[a] = 'singular';
    return { identification, standardErrorLog, correlation: null };
  }
  const sigma2 = loss / Math.max(1, n - p);
  const cov = inverse.map((row) => row.map((v) => v * sigma2));
  const correlation: (number | null)[][] = Array.from({ length: p }, () => new Array<number | null>(p).fill(null));
  kept.forEach((a, i) => {
    standardErrorLog[a] = cov[i]![i]! >= 0 ? Math.sqrt(cov[i]![i]!) : null;
    kept.forEach((b, j) => {
      const scale = Math.sqrt(cov[i]![i]! * cov[j]![j]!);
      correlation[a]![b] = a === b ? 1 : scale > 0 ? cov[i]![j]! / scale : 0;
    });
  });
  return { identification, standardErrorLog, correlation };
}
