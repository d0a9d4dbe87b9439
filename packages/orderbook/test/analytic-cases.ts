import { readFileSync } from 'node:fs';
import type { VectorCaseV1 } from '@firesale/spec';

type VectorFile = { cases: VectorCaseV1[] };

/** Every case of `kind` in the public vectors/analytic.json (copied unchanged into the repository). */
export function analyticCases(kind: string): VectorCaseV1[] {
  const file = JSON.parse(
    readFileSync(new URL('../../../vectors/analytic.json', import.meta.url), 'utf8'),
  ) as VectorFile;
  return file.cases.filter((c) => c.kind === kind);
}
