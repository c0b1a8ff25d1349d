/**
 * Reads an answer that arrives as JSON lines (application/x-ndjson) while it is still arriving: each call with the
 * text received so far hands back the lines completed since the last call. A line cut off mid-way waits for the rest.
 */
export class JsonLinesReader {
  private offset = 0;

  next(received: string): unknown[] {
    const values: unknown[] = [];
    let end = received.indexOf('\n', this.offset);
    while (end !== -1) {
      const line = received.slice(this.offset, end).trim();
      if (line) values.push(JSON.parse(line));
      this.offset = end + 1;
      end = received.indexOf('\n', this.offset);
    }
    return values;
  }
}

/** One line of a streamed long operation: how far it got, or how it ended. */
export type StreamedLine<T> =
  | { progress: { written: number; total: number } }
  | { result: T }
  | { error: { status: number; code: string; detail?: string } };

export const isProgressLine = (line: unknown): line is { progress: { written: number; total: number } } =>
  typeof line === 'object' && line !== null && 'progress' in line;
