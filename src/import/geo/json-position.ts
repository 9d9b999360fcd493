/**
 * Where a JSON text goes wrong. Node 20's JSON.parse names the position for some errors only
 * ("Unexpected token '}', … is not valid JSON" has none), and a user with a 14 MB file needs the
 * place. So after JSON.parse has failed, this small scanner re-reads the text to find it.
 */

class Stop {
  constructor(readonly at: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/**
 * Offset (0-based, in UTF-16 code units) of the first JSON syntax error; text.length when the
 * text ends too early; -1 when the text is valid JSON (or too deeply nested to scan).
 * @example jsonErrorOffset('{"a": }') // 6
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  let i = 0;
  const fail = (): never => {
    throw new Stop(i);
  };
  const skipSpace = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13;) {
      c = text.charCodeAt(++i);
    }
  };
  const expect = (char: string) => {
    if (text[i] !== char) fail();
    i += 1;
  };
  const literal = (word: string) => {
    for (const char of word) expect(char);
  };
  const string = () => {
    i += 1;
    for (;;) {
      if (i >= n) fail();
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 32) fail();
      if (c === 92) {
        i += 1;
        const e = text[i];
        if (e === 'u') {
          HEX4.lastIndex = i + 1;
          if (!HEX4.test(text)) fail();
          i += 4;
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) fail();
      }
      i += 1;
    }
    i += 1;
  };
  const number = () => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '{') return container('}', true);
    if (c === '[') return container(']', false);
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  const container = (close: string, keyed: boolean) => {
    i += 1;
    skipSpace();
    if (text[i] === close) {
      i += 1;
      return;
    }
    for (;;) {
      if (keyed) {
        skipSpace();
        if (text[i] !== '"') fail();
        string();
        skipSpace();
        expect(':');
      }
      value();
      skipSpace();
      if (text[i] === close) break;
      expect(',');
    }
    i += 1;
  };
  try {
    value();
    skipSpace();
    if (i < n) fail();
    return -1;
  } catch (error) {
    if (error instanceof Stop) return Math.min(error.at, n);
    return -1; // RangeError: nesting deeper than the stack; the caller falls back to JSON.parse's text.
  }
}

/**
 * 1-based line and column of an offset, as editors count them.
 * @example lineColumn('{\n  x', 4) // { line: 2, column: 3 }
 */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1;
    start = at + 1;
  }
  return { line, column: offset - start + 1 };
}
