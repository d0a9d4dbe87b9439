/** One line of a text stream. */
export type TextLine = {
  /** The line without its line break (`\r\n` or `\n`). */
  readonly text: string;
  /** 1-based line number. */
  readonly line: number;
  /** False for a last line the stream ended in without a line break (possibly cut off). */
  readonly terminated: boolean;
};

/**
 * Splits a stream of text (or UTF-8 byte) chunks into lines, holding only the current partial line: memory stays
 * constant however long the stream is. Works on any async iterable (a Node file stream, a fetch body reader, an
 * array of strings in tests).
 */
export async function* splitLines(chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): AsyncGenerator<TextLine> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let line = 0;
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    let rest0 = rest;
    for (;;) {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      let piece = rest0 + text.slice(start, end);
      rest0 = '';
      if (piece.endsWith('\r')) piece = piece.slice(0, -1);
      yield { text: piece, line: ++line, terminated: true };
      start = end + 1;
    }
    rest = rest0 + text.slice(start);
  }
  rest += decoder.decode();
  if (rest.length > 0) yield { text: rest, line: ++line, terminated: false };
}
