import { describe, expect, test } from 'vitest';
import { jsonErrorOffset, lineColumn } from './json-position.js';

describe('jsonErrorOffset', () => {
  test.each([
    ['{"a": }', 6],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1, 2', 5],
    ['{"a": "x\u0001"}', 8],
    ['{"a": "\\q"}', 8],
    ['{"a": tru}', 9],
    ['{"a": 1} x', 9],
    ['', 0],
    ["{'a': 1}", 1],
  ])('%j fails at %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  test.each([
    '{}',
    '[]',
    '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}',
    ' \n{"b": {"c": []}} ',
  ])('valid JSON %j gives -1', (text) => expect(jsonErrorOffset(text)).toBe(-1));
});

test('lineColumn counts lines and columns from 1', () => {
  expect(lineColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  expect(lineColumn('{\n  x', 4)).toEqual({ line: 2, column: 3 });
  expect(lineColumn('a\nb\nc', 4)).toEqual({ line: 3, column: 1 });
});
