import { describe, expect, it } from 'vitest';
import { isProgressLine, JsonLinesReader } from './json-lines';

describe('JsonLinesReader', () => {
  it('hands back each line once, when it is complete', () => {
    const reader = new JsonLinesReader();
    let received = '{"progress":{"written":0,"total":10}}\n{"progress":{"wri';
    expect(reader.next(received)).toEqual([{ progress: { written: 0, total: 10 } }]);
    received += 'tten":5,"total":10}}\n';
    expect(reader.next(received)).toEqual([{ progress: { written: 5, total: 10 } }]);
    expect(reader.next(received)).toEqual([]);
    received += '{"result":{"created":3}}\n';
    const last = reader.next(received);
    expect(last).toEqual([{ result: { created: 3 } }]);
    expect(last.map(isProgressLine)).toEqual([false]);
  });

  it('reads several lines at once and skips blank ones', () => {
    expect(new JsonLinesReader().next('{"a":1}\n\n{"b":2}\n')).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
