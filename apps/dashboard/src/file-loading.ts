import type { SimulationProblem } from './engine/simulation-result';

/** A scenario from disk: its JSON, the files it names, and a label for the picker. */
export type LoadedScenario = { readonly json: unknown; readonly files?: Readonly<Record<string, string>>; readonly label: string };

/**
 * Reads a scenario JSON, or a positions CSV that replaces the current scenario's positions (its markets,
 * books, venues and shock stay). A file that is not JSON is reported with the parser's reason; everything
 * else is validated by the engine, which names each bad field.
 */
export async function readScenarioFile(file: File, current: unknown): Promise<LoadedScenario | { problems: SimulationProblem[] }> {
  const text = await file.text();
  if (/\.csv$/i.test(file.name) || file.type === 'text/csv') {
    const { generators: _g, positions: _p, positionsCsv: _c, ...rest } = (current ?? {}) as Record<string, unknown>;
    return { json: { ...rest, positionsCsv: file.name }, files: { [file.name]: text }, label: `${file.name} (positions on the current market)` };
  }
  try {
    return { json: JSON.parse(text) as unknown, label: file.name };
  } catch (error) {
    return { problems: [{ code: 'FILE__INVALID_JSON', path: file.name, message: `${file.name}: not valid JSON (${(error as Error).message})` }] };
  }
}
