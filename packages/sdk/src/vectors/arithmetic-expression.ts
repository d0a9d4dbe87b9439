/**
 * Evaluates the small arithmetic expressions test vectors use to describe inputs
 * (`p0 - (i - 0.5) * trigger_spacing`): numbers, names, + - * / and parentheses. No code is executed.
 *
 * @throws Error naming the expression and the position of the first character it cannot read.
 */
export function evaluateExpression(expression: string, variables: Readonly<Record<string, number>>): number {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`cannot read "${expression}" at ${pos}: ${what}`);
  };
  const skip = (): void => {
    while (expression[pos] === ' ') pos++;
  };
  const primary = (): number => {
    skip();
    const c = expression[pos];
    if (c === '(') {
      pos++;
      const value = sum();
      skip();
      if (expression[pos] !== ')') fail('expected )');
      pos++;
      return value;
    }
    if (c === '-') {
      pos++;
      return -primary();
    }
    const number = /^\d+(\.\d+)?(e[-+]?\d+)?/i.exec(expression.slice(pos));
    if (number) {
      pos += number[0].length;
      return Number(number[0]);
    }
    const name = /^[A-Za-z_]\w*/.exec(expression.slice(pos));
    if (name) {
      pos += name[0].length;
      const value = variables[name[0]];
      if (value === undefined) fail(`unknown name ${name[0]}`);
      return value!;
    }
    return fail('expected a number, a name or (');
  };
  const product = (): number => {
    let value = primary();
    for (;;) {
      skip();
      const c = expression[pos];
      if (c !== '*' && c !== '/') return value;
      pos++;
      const right = primary();
      value = c === '*' ? value * right : value / right;
    }
  };
  const sum = (): number => {
    let value = product();
    for (;;) {
      skip();
      const c = expression[pos];
      if (c !== '+' && c !== '-') return value;
      pos++;
      const right = product();
      value = c === '+' ? value + right : value - right;
    }
  };
  const value = sum();
  skip();
  if (pos !== expression.length) fail('unexpected text');
  return value;
}

/** A per-position formula such as `"p0 - (i - 0.5) * trigger_spacing, i = 1..positions (long)"`, expanded. */
export function expandPositionFormula(
  formula: string,
  variables: Readonly<Record<string, number>>,
): { values: number[]; side: 'long' | 'short' } {
  const match = /^(.*),\s*(\w+)\s*=\s*(.+?)\s*\.\.\s*(.+?)\s*(?:\((long|short)\))?\s*$/.exec(formula);
  if (!match) throw new Error(`cannot read the per-position formula "${formula}"`);
  const [, body, name, from, to, side] = match;
  const first = evaluateExpression(from!, variables);
  const last = evaluateExpression(to!, variables);
  const values: number[] = [];
  for (let i = first; i <= last + 1e-9; i++) values.push(evaluateExpression(body!, { ...variables, [name!]: i }));
  return { values, side: side === 'short' ? 'short' : 'long' };
}
