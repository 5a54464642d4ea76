/**
 * --no-binary / --only-binary (src/requirements/format-control.ts) against pip 26's own
 * FormatControl: each row is a sequence of options, the no_binary and only_binary sets pip's
 * handle_mutual_excludes leaves, and get_allowed_formats for some names, as pip printed them.
 */
import { describe, expect, it } from 'vitest';
import { allowedFormats, describeOrigin, emptyFormatControl, formatControlOf } from '../../src/requirements/format-control.ts';

type Row = [options: [string, string][], noBinary: string[], onlyBinary: string[], allowed: Record<string, string[]>];
const ROWS: Row[] = [
  [
    [['--no-binary', 'a,B_c']],
    ['a', 'b-c'],
    [],
    { a: ['source'], b: ['binary', 'source'], 'b-c': ['source'], x: ['binary', 'source'], y: ['binary', 'source'], other: ['binary', 'source'] },
  ],
  [[['--only-binary', ':all:']], [], [':all:'], { a: ['binary'], b: ['binary'], 'b-c': ['binary'], x: ['binary'], y: ['binary'], other: ['binary'] }],
  [
    [
      ['--no-binary', ':all:'],
      ['--only-binary', 'a'],
    ],
    [':all:'],
    ['a'],
    { a: ['binary'], b: ['source'], 'b-c': ['source'], x: ['source'], y: ['source'], other: ['source'] },
  ],
  [
    [
      ['--only-binary', ':all:'],
      ['--no-binary', 'a'],
    ],
    ['a'],
    [':all:'],
    { a: ['source'], b: ['binary'], 'b-c': ['binary'], x: ['binary'], y: ['binary'], other: ['binary'] },
  ],
  [
    [
      ['--no-binary', 'a'],
      ['--only-binary', 'a'],
    ],
    [],
    ['a'],
    { a: ['binary'], b: ['binary', 'source'], 'b-c': ['binary', 'source'], x: ['binary', 'source'], y: ['binary', 'source'], other: ['binary', 'source'] },
  ],
  [[['--no-binary', 'a,:all:,b']], [':all:'], [], { a: ['source'], b: ['source'], 'b-c': ['source'], x: ['source'], y: ['source'], other: ['source'] }],
  [
    [['--no-binary', 'a,:all:,:none:,b']],
    ['b'],
    [],
    { a: ['binary', 'source'], b: ['source'], 'b-c': ['binary', 'source'], x: ['binary', 'source'], y: ['binary', 'source'], other: ['binary', 'source'] },
  ],
  [
    [['--no-binary', ':all:,:none:']],
    [],
    [],
    { a: ['binary', 'source'], b: ['binary', 'source'], 'b-c': ['binary', 'source'], x: ['binary', 'source'], y: ['binary', 'source'], other: ['binary', 'source'] },
  ],
  [
    [
      ['--no-binary', 'a'],
      ['--no-binary', ':none:'],
    ],
    [],
    [],
    { a: ['binary', 'source'], b: ['binary', 'source'], 'b-c': ['binary', 'source'], x: ['binary', 'source'], y: ['binary', 'source'], other: ['binary', 'source'] },
  ],
  [
    [['--no-binary', 'a,:none:,b']],
    ['b'],
    [],
    { a: ['binary', 'source'], b: ['source'], 'b-c': ['binary', 'source'], x: ['binary', 'source'], y: ['binary', 'source'], other: ['binary', 'source'] },
  ],
  [
    [
      ['--only-binary', 'a'],
      ['--no-binary', ':all:'],
    ],
    [':all:'],
    [],
    { a: ['source'], b: ['source'], 'b-c': ['source'], x: ['source'], y: ['source'], other: ['source'] },
  ],
  [[['--no-binary', ':all:,x,:all:']], [':all:'], [], { a: ['source'], b: ['source'], 'b-c': ['source'], x: ['source'], y: ['source'], other: ['source'] }],
  [[['--no-binary', ':all:,:none:,:all:']], [':all:'], [], { a: ['source'], b: ['source'], 'b-c': ['source'], x: ['source'], y: ['source'], other: ['source'] }],
  [
    [['--no-binary', ':all:,x,:none:,y']],
    ['y'],
    [],
    { a: ['binary', 'source'], b: ['binary', 'source'], 'b-c': ['binary', 'source'], x: ['binary', 'source'], y: ['source'], other: ['binary', 'source'] },
  ],
  [
    [
      ['--only-binary', 'a'],
      ['--only-binary', ':none:'],
      ['--no-binary', 'b'],
    ],
    ['b'],
    [],
    { a: ['binary', 'source'], b: ['source'], 'b-c': ['binary', 'source'], x: ['binary', 'source'], y: ['binary', 'source'], other: ['binary', 'source'] },
  ],
];

describe('formatControlOf + allowedFormats agree with pip', () => {
  it('every row', () => {
    const mismatches = ROWS.flatMap(([options, noBinary, onlyBinary, allowed]) => {
      const control = formatControlOf(options.map(([name, value], index) => ({ name, value, file: 'r.txt', line: index + 1 })));
      const ours = {
        noBinary: [...control.noBinary.keys()].sort(),
        onlyBinary: [...control.onlyBinary.keys()].sort(),
        allowed: Object.fromEntries(
          Object.keys(allowed).map((name) => {
            const formats = allowedFormats(control, name);
            return [name, [...(formats.binary ? ['binary'] : []), ...(formats.source ? ['source'] : [])]];
          }),
        ),
      };
      const pip = { noBinary, onlyBinary, allowed };
      return JSON.stringify(ours) === JSON.stringify(pip) ? [] : [{ options, ours, pip }];
    });
    expect(mismatches).toEqual([]);
  });
});

describe('which option decided, for messages', () => {
  it("a project's own entry wins over :all:, only-binary over no-binary; each names its line", () => {
    const control = formatControlOf([
      { name: '--no-binary', value: ':all:', file: 'a.txt', line: 1 },
      { name: '--only-binary', value: 'wheelonly', file: 'b.txt', line: 7 },
      { name: '--index-url', value: 'https://x', file: 'a.txt', line: 2 },
      { name: '--no-binary', value: null, file: 'a.txt', line: 3 },
      { name: '--only-binary', value: null, file: 'a.txt', line: 4 },
    ]);
    expect(allowedFormats(control, 'wheelonly')).toEqual({ binary: true, source: false, because: { option: '--only-binary', file: 'b.txt', line: 7 } });
    expect(allowedFormats(control, 'other')).toEqual({ binary: false, source: true, because: { option: '--no-binary', file: 'a.txt', line: 1 } });
    const onlyAll = formatControlOf([
      { name: '--only-binary', value: ':all:', file: 'a.txt', line: 5 },
      { name: '--no-binary', value: 'src', file: 'a.txt', line: 6 },
    ]);
    expect(allowedFormats(onlyAll, 'src')).toEqual({ binary: false, source: true, because: { option: '--no-binary', file: 'a.txt', line: 6 } });
    expect(allowedFormats(onlyAll, 'x')).toEqual({ binary: true, source: false, because: { option: '--only-binary', file: 'a.txt', line: 5 } });
    expect(allowedFormats(emptyFormatControl(), 'x')).toEqual({ binary: true, source: true, because: null });
    expect(describeOrigin({ option: '--only-binary', file: 'b.txt', line: 7 })).toBe('--only-binary (b.txt:7)');
  });
});
