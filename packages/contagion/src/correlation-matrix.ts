import { checkMatrix, invalid } from './field-checks';
import { symmetricEigen } from './symmetric-eigen';

/** Entries may differ from symmetry / a unit diagonal by this much (rounding in files). */
const ENTRY_TOLERANCE = 1e-9;
/** Eigenvalues down to this are treated as 0 (positive semi-definite up to rounding). */
const EIGEN_TOLERANCE = 1e-10;

function format(x: number): string {
  return String(Number(x.toPrecision(2)));
}

/**
 * Checks a correlation matrix: square with `size` rows, finite entries in [-1, 1], symmetric, unit diagonal and
 * positive semi-definite. Returns it as plain arrays.
 *
 * For a matrix that is not positive semi-definite the error names the entry whose change moves the smallest
 * eigenvalue most, within the first row where the Cholesky factorisation breaks down (`correlation[2][1]`), and gives
 * the smallest eigenvalue: `not positive semi-definite (eigenvalue -0.13)`.
 *
 * @throws `FiresaleError` `SCENARIO__INVALID_FIELD` with the entry's path under `path` (default `correlation`).
 */
export function checkCorrelationMatrix(value: unknown, size: number, path = 'correlation'): number[][] {
  const m = checkMatrix(value, path, size, size, -1);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const x = m[i]![j]!;
      if (x > 1) throw invalid(`${path}[${i}][${j}]`, x, 'a correlation must be within [-1, 1]');
      if (i === j && Math.abs(x - 1) > ENTRY_TOLERANCE) throw invalid(`${path}[${i}][${j}]`, x, 'a diagonal entry must be 1');
      if (j < i && Math.abs(x - m[j]![i]!) > ENTRY_TOLERANCE) {
        throw invalid(`${path}[${i}][${j}]`, x, `not symmetric: ${path}[${j}][${i}] is ${m[j]![i]!}`);
      }
    }
  }
  const eigen = symmetricEigen(m);
  const smallest = eigen.values[0] ?? 0;
  if (smallest < -EIGEN_TOLERANCE) {
    const row = firstFailingRow(m);
    const v = eigen.vectors[0]!;
    let column = row === 0 ? 0 : row - 1;
    let best = -1;
    for (let j = 0; j < row; j++) {
      const weight = Math.abs(v[row]! * v[j]!);
      if (weight >= best) {
        best = weight;
        column = j;
      }
    }
    throw invalid(`${path}[${row}][${column}]`, m[row]![column], `not positive semi-definite (eigenvalue ${format(smallest)})`);
  }
  return m;
}

/** The first k whose leading (k+1)x(k+1) block is not positive semi-definite. */
function firstFailingRow(m: readonly (readonly number[])[]): number {
  for (let k = 1; k < m.length; k++) {
    const block = m.slice(0, k + 1).map((row) => row.slice(0, k + 1));
    if ((symmetricEigen(block).values[0] ?? 0) < -EIGEN_TOLERANCE) return k;
  }
  return m.length - 1;
}

/**
 * The lower-triangular Cholesky factor L of a positive semi-definite matrix (L Lᵀ = matrix). A pivot that is 0 up
 * to rounding (a singular matrix: perfectly correlated markets) gives a zero column, which is still exact for a
 * positive semi-definite matrix.
 */
export function choleskyLower(matrix: readonly (readonly number[])[]): number[][] {
  const n = matrix.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let pivot = matrix[j]![j]!;
    for (let k = 0; k < j; k++) pivot -= l[j]![k]! * l[j]![k]!;
    const d = pivot > EIGEN_TOLERANCE ? Math.sqrt(pivot) : 0;
    l[j]![j] = d;
    for (let i = j + 1; i < n; i++) {
      let s = matrix[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = d > 0 ? s / d : 0;
    }
  }
  return l;
}
