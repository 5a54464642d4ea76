/**
 * pip's preprocessing of requirements text (src/requirements/requirements-lines.ts): each row is a
 * text and the (line, text) pairs pip 26's req_file.preprocess yields for it, with the environment
 * NAME_1=v1, EMPTY="" and lower=no (pip reads os.environ; ours takes the same values). Printed by
 * running pip. A fresh module per test: the line-break and comment patterns are module-level.
 */
import { describe, expect, it, vi } from 'vitest';

async function fresh() {
  vi.resetModules();
  return import('../../src/requirements/requirements-lines.ts');
}

const ENV = { NAME_1: 'v1', EMPTY: '', lower: 'no' };
const ROWS: [string, [number, string][]][] = [
  [
    'a\nb\n',
    [
      [1, 'a'],
      [2, 'b'],
    ],
  ],
  [
    'a\r\nb\rc\u000bd\fe\u001cf\u001dg\u001eh\u0085i\u2028j\u2029k',
    [
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
      [5, 'e'],
      [6, 'f'],
      [7, 'g'],
      [8, 'h'],
      [9, 'i'],
      [10, 'j'],
      [11, 'k'],
    ],
  ],
  ['a\n\n\n', [[1, 'a']]],
  ['', []],
  ['\n', []],
  ['a\\\nb\n', [[1, 'ab']]],
  ['a \\\n  b\\\nc\n', [[1, 'a   bc']]],
  ['a\\', [[1, 'a']]],
  ['\\\\a\\\\\nb', [[1, 'ab']]],
  [
    'a\\\n# comment\\\nb\n',
    [
      [1, 'a'],
      [3, 'b'],
    ],
  ],
  [
    '  # only comment\nx # trailing\ny#not\nz\t# tab\n',
    [
      [2, 'x'],
      [3, 'y#not'],
      [4, 'z'],
    ],
  ],
  [
    'a\\\n  # c\nb',
    [
      [1, 'a'],
      [3, 'b'],
    ],
  ],
  ['x\u3000# wide\n', [[1, 'x']]],
  ['#\n', []],
  ['a ${NAME_1} ${NAME_1}\n', [[1, 'a v1 v1']]],
  ['a ${EMPTY} ${UNSET} ${lower} $NAME_1 ${NAME-1}\n', [[1, 'a ${EMPTY} ${UNSET} ${lower} $NAME_1 ${NAME-1}']]],
  ['a\\\n\\\nb\n', [[1, 'ab']]],
  ['  a  \n', [[1, 'a']]],
  ['a\u00a0\n', [[1, 'a']]],
  ['x \\\n', [[1, 'x']]],
  ['a # c \\\nb\n', [[1, 'a']]],
];

describe('preprocessRequirementsText agrees with pip preprocess', () => {
  it('every row', async () => {
    const { preprocessRequirementsText } = await fresh();
    const mismatches = ROWS.flatMap(([text, pip]) => {
      const ours = preprocessRequirementsText(text, ENV).map(({ line, text: logical }) => [line, logical]);
      return JSON.stringify(ours) === JSON.stringify(pip) ? [] : [{ text, ours, pip }];
    });
    expect(mismatches).toEqual([]);
  });

  it('a leading UTF-8 BOM is dropped (pip drops it when decoding the file); no environment expands nothing', async () => {
    const { preprocessRequirementsText } = await fresh();
    expect(preprocessRequirementsText('\ufeffa\n')).toEqual([{ line: 1, text: 'a' }]);
    expect(preprocessRequirementsText('a\ufeff\n')).toEqual([{ line: 1, text: 'a\ufeff' }]);
    expect(preprocessRequirementsText('x ${NAME_1}\n')).toEqual([{ line: 1, text: 'x ${NAME_1}' }]);
  });

  it("splitLines is Python's str.splitlines()", async () => {
    const { splitLines } = await fresh();
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a')).toEqual(['a']);
    expect(splitLines('a\n')).toEqual(['a']);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
    expect(splitLines('\n')).toEqual(['']);
    expect(splitLines('a\r\n\rb')).toEqual(['a', '', 'b']);
    expect(splitLines('a\u2028b\x85c\x1cd')).toEqual(['a', 'b', 'c', 'd']);
  });
});
